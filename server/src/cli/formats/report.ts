/** What every report format is given: the linted drafts, with their findings and where to show them. */
import { relative, sep } from 'node:path';
import type { Finding, Severity } from '../../core/index';

/** The findings of one draft, as a report shows them. */
export interface FileReport {
  /** Absolute path, or `<stdin>` for standard input with no `--stdin-filename`. */
  file: string;
  findings: Finding[];
  /** Text of each line a finding starts on (0-based line -> text). */
  lines: Record<number, string>;
}

/** A path as the user sees it: relative to the working folder when under it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  if (file === '<stdin>') return file;
  const shown = relative(cwd, file);
  return shown === '' || shown.startsWith('..') || shown.startsWith(sep) || /^[A-Za-z]:/.test(shown) ? file : shown;
}

/** The same path with `/` separators, as SARIF and GitHub annotations want it. */
export function posixDisplayPath(file: string, cwd: string): string {
  return displayPath(file, cwd).split(sep).join('/');
}

/** Counts per severity. */
export type SeverityCounts = Record<Severity, number>;

/** Counts the findings of a run per severity. */
export function countSeverities(reports: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) for (const finding of report.findings) counts[finding.severity]++;
  return counts;
}

/** "12 files, 31 findings: 9 warnings, 22 information". */
export function summaryLine(files: number, counts: SeverityCounts): string {
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  const parts = [
    counts.error > 0 ? plural(counts.error, 'error') : '',
    counts.warning > 0 ? plural(counts.warning, 'warning') : '',
    // "information" is a mass noun: "22 information", never "informations".
    counts.information > 0 ? `${counts.information} information` : '',
    counts.hint > 0 ? plural(counts.hint, 'hint') : '',
  ].filter(Boolean);
  return `${plural(files, 'file')}, ${plural(total, 'finding')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}
