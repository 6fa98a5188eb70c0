/**
 * The `stylish` report, for people: findings grouped by file, each with its place, severity, message
 * and rule id, then the line it sits on with the flagged words marked `^^^`.
 */
import type { Finding, Severity } from '../../core/index';
import { printable, printablePath, blankControls } from '../terminal';
import { displayPath, type FileReport } from './report';

const STYLES = { red: [31, 39], yellow: [33, 39], blue: [34, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;
type Style = keyof typeof STYLES;
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'cyan' };
/** Excerpts longer than this are cut to a window around the flagged words. */
const EXCERPT_WIDTH = 100;
/** How much of the line before the flagged words a cut excerpt keeps, for context. */
const LEAD = 30;

/** Options for {@link formatStylish}. */
export interface StylishOptions {
  color: boolean;
  cwd: string;
  /** The summary line that ends the report. */
  summary: string;
}

/** The stylish report. Clean files are left out; the summary line counts every linted file. */
export function formatStylish(reports: readonly FileReport[], options: StylishOptions): string {
  const paint = (style: Style, text: string): string => (options.color ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text);
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(paint('underline', printablePath(displayPath(report.file, options.cwd))));
    const where = (finding: Finding): string => `${finding.start.line + 1}:${finding.start.character + 1}`;
    const width = Math.max(...report.findings.map((finding) => where(finding).length));
    const gutter = Math.max(...report.findings.map((finding) => String(finding.start.line + 1).length));
    for (const finding of report.findings) {
      const style = SEVERITY_STYLE[finding.severity];
      out.push(`  ${paint('dim', where(finding).padEnd(width))}  ${paint(style, finding.severity.padEnd(11))}  ${printable(finding.message)}  ${paint('dim', finding.ruleId)}`);
      const line = report.lines[finding.start.line];
      if (line === undefined) continue;
      const { text, markStart, markLength } = excerpt(line, finding);
      const number = String(finding.start.line + 1).padStart(gutter);
      out.push(`  ${' '.repeat(width)}  ${paint('dim', `${number} |`)} ${text}`);
      out.push(`  ${' '.repeat(width)}  ${paint('dim', `${' '.repeat(gutter)} |`)} ${' '.repeat(markStart)}${paint(style, '^'.repeat(markLength))}`);
    }
    out.push('');
  }
  out.push(paint('bold', options.summary));
  return `${out.join('\n')}\n`;
}

/**
 * The line to show and where the marker goes, in display columns. Columns count code points rather
 * than UTF-16 units, so the carets stay under curly quotes and emoji; tabs show as one space; a span
 * running onto later lines is marked to the end of its first line.
 */
export function excerpt(line: string, finding: Finding): { text: string; markStart: number; markLength: number } {
  const chars = Array.from(blankControls(line));
  const toColumn = (utf16: number): number => Array.from(line.slice(0, utf16)).length;
  let start = toColumn(finding.start.character);
  let end = finding.end.line === finding.start.line ? toColumn(finding.end.character) : chars.length;
  end = Math.max(end, start + 1);
  let from = 0;
  let to = chars.length;
  if (chars.length > EXCERPT_WIDTH) {
    from = Math.max(0, Math.min(start - LEAD, chars.length - EXCERPT_WIDTH));
    to = Math.min(chars.length, from + EXCERPT_WIDTH);
  }
  const prefix = from > 0 ? '…' : '';
  const suffix = to < chars.length ? '…' : '';
  start = start - from + prefix.length;
  end = Math.min(end, to) - from + prefix.length;
  return { text: prefix + chars.slice(from, to).join('') + suffix, markStart: start, markLength: Math.max(1, end - start) };
}
