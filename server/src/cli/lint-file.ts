/**
 * Linting one draft: the unit of work both the main thread and the worker threads run, so a file gets
 * the same findings whichever of them lints it. Jobs and outcomes are plain data (they cross threads).
 */
import { readFileSync, statSync } from 'node:fs';
import { lint, type CopydeskConfig, type Finding, type Format } from '../core/index';
import { stripBom } from '../project/draft-files';

/** Drafts larger than this are refused with a message rather than linted. */
export const FILE_SIZE_LIMIT = 10 * 1024 * 1024;

/** One draft to lint: its place in the run, where to read it (or its text), its format and config. */
export interface LintJob {
  index: number;
  path: string;
  /** Standard input's text; absent for files, which are read where the job runs. */
  text?: string;
  format: Format;
  /** Index into the run's table of configs (sent to each worker once, not with every job). */
  configIndex: number;
}

/** What linting one draft gave: findings with the source lines they sit on, or why it could not be read. */
export interface LintOutcome {
  index: number;
  findings?: Finding[];
  /** The text of each line a finding starts on (0-based line -> text), for the stylish excerpt. */
  lines?: Record<number, string>;
  /** One line for the user: the file could not be read or is not a draft. */
  error?: string;
}

/** Reads a draft: refuses folders, huge files and binaries, and drops a byte-order mark as editors do. */
export function readDraft(path: string): string {
  const stat = statSync(path);
  if (stat.isDirectory()) throw new DraftError('is a folder');
  if (stat.size > FILE_SIZE_LIMIT) throw new DraftError(`larger than ${FILE_SIZE_LIMIT / 1024 / 1024} MB; skipped`);
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw new DraftError('looks like a binary file (it contains NUL bytes); skipped');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    // Decoding would put U+FFFD where the bad bytes are: positions would point at the wrong text.
    throw new DraftError('is not valid UTF-8 text; skipped (save it as UTF-8 to lint it)');
  }
  return stripBom(text);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A draft that cannot be linted, for a reason the user can act on. */
export class DraftError extends Error {}


/** Runs one job against the run's configs. Never throws: a failure comes back as the outcome's error. */
export function runJob(job: LintJob, configs: readonly CopydeskConfig[]): LintOutcome {
  try {
    const text = job.text ?? readDraft(job.path);
    const findings = lint(text, { format: job.format, config: configs[job.configIndex] });
    return { index: job.index, findings, lines: linesOf(text, findings) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = error instanceof DraftError ? error.message : code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    return { index: job.index, error: reason };
  }
}

/** The lines the findings start on: all the stylish report shows of a draft. */
function linesOf(text: string, findings: readonly Finding[]): Record<number, string> {
  const lines: Record<number, string> = {};
  for (const finding of findings) {
    if (lines[finding.start.line] !== undefined) continue;
    const start = finding.offset - finding.start.character;
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    lines[finding.start.line] = text.slice(start, end);
  }
  return lines;
}
