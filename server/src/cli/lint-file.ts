/**
 * Linting one draft: the unit of work both the main thread and the worker threads run, so a file gets
 * the same findings whichever of them lints it. Jobs and outcomes are plain data (they cross threads).
 */
import { lint, type CopydeskConfig, type Finding, type Format } from '../core/index';
import { decodeDraft } from '../project/draft-format';
import { readRegularFile, UnreadableFileError } from '../project/read-file';

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
  /** One line for the user about a draft that was linted: it was not UTF-8, and how it was read. */
  notice?: string;
}

/**
 * Reads a draft: refuses folders, FIFOs, devices, huge files and binaries (checked on the opened file, and
 * never reading past the limit), drops a byte-order mark as editors do, and reads a file saved in
 * Windows-1252 by a word processor, saying so in `notice`.
 */
export function readDraft(path: string): { text: string; notice?: string } {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, { limit: FILE_SIZE_LIMIT });
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new DraftError(`${error.message.replace(/; not read$/, '')}; skipped`);
    throw error;
  }
  if (bytes.includes(0)) throw new DraftError('looks like a binary file (it contains NUL bytes); skipped');
  const decoded = decodeDraft(bytes);
  // Decoding would put U+FFFD where the bad bytes are: positions would point at the wrong text.
  if (!decoded) throw new DraftError('is neither UTF-8 nor Windows-1252 text; skipped (save it as UTF-8 to lint it)');
  return decoded.encoding === 'utf-8' ? { text: decoded.text } : { text: decoded.text, notice: 'is not UTF-8: read as Windows-1252 (save it as UTF-8 to be sure)' };
}

/** Why a file could not be read, in words for the user (after its name): "no such file", "is a folder"... */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof DraftError || error instanceof UnreadableFileError) return error.message;
  return code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
}

/** A draft that cannot be linted, for a reason the user can act on. */
export class DraftError extends Error {}


/** Runs one job against the run's configs. Never throws: a failure comes back as the outcome's error. */
export function runJob(job: LintJob, configs: readonly CopydeskConfig[]): LintOutcome {
  try {
    const { text, notice } = job.text !== undefined ? { text: job.text, notice: undefined } : readDraft(job.path);
    const findings = lint(text, { format: job.format, config: configs[job.configIndex] });
    return { index: job.index, findings, lines: linesOf(text, findings), ...(notice ? { notice } : {}) };
  } catch (error) {
    return { index: job.index, error: readFailure(error) };
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
