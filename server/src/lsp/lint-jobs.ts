/**
 * What a lint job is, wherever it runs: the operations, the engine's answer, when a draft is heavy enough
 * to leave the main thread, and the error a superseded job ends with. No Node imports: the browser
 * server, which has no lint worker, shares it with the Node server.
 */
import { DIAGNOSTICS_LIMIT } from './limits';
import type { CopydeskConfig, Finding, Format, Linter, SourceAttribution } from '../core/index';

/**
 * Drafts that weigh more than this ({@link lintWeight}) are linted on the worker thread; lighter ones on the
 * main thread, where a first lint takes about 15 ms on real news and, on the slowest hostile shape measured
 * (reference links and their definitions, just under the weight), about 110 ms. A 1,000-word article with
 * links never needs the worker, whose own engine and word lists cost about 50 MB while it runs; it stops when idle.
 */
export const BACKGROUND_LINT_THRESHOLD = 16_000;

/** How many characters of plain prose one markdown syntax character costs to lint, measured on the hostile shapes. */
const SYNTAX_CHARACTER_WEIGHT = 60;
const MARKDOWN_SYNTAX = /[[\]_*`<>|\\]/g;

/**
 * What linting a draft costs, in characters of plain prose, to compare with {@link BACKGROUND_LINT_THRESHOLD}:
 * its length, and in markdown 60 more per syntax character (brackets, emphasis marks, quote markers),
 * since each may open a construct the parser must work through. 16,000 characters of reference links cost
 * as much as 200 KB of prose; a 1,000-word article with twenty links stays on the main thread.
 */
export function lintWeight(text: string, format: Format): number {
  if (format !== 'markdown' || text.length > BACKGROUND_LINT_THRESHOLD) return text.length;
  let syntax = 0;
  MARKDOWN_SYNTAX.lastIndex = 0;
  while (MARKDOWN_SYNTAX.exec(text)) syntax++;
  return text.length + SYNTAX_CHARACTER_WEIGHT * syntax;
}

/** What a job asks of the engine: the findings (`lint`) or the findings and sources (`sourcing`). */
export type LintOperation = 'lint' | 'sourcing';

/** The engine's answer to a job. */
export interface LintAnswer {
  /** The findings in document order; for `lint`, only the first {@link DIAGNOSTICS_LIMIT}. */
  findings: Finding[];
  /** How many findings there were in all. */
  total: number;
  sources?: SourceAttribution[];
  /** Paragraphs the worker's engine analysed for this job (not taken from its cache); absent in line. */
  analysed?: number;
}

/** A job was replaced by a newer one for the same draft, or its draft was closed: its answer would be stale. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer version of the draft');
  }
}

/**
 * Runs one job's operation with a linter. A lint keeps only the findings the editor will show: cloning
 * 100,000 findings from the worker to the main thread would itself block the main thread for seconds.
 */
export function answerWith(linter: Linter, operation: LintOperation, text: string, format: Format): LintAnswer {
  if (operation === 'sourcing') {
    const { findings, sources } = linter.sourcing(text, format);
    return { findings, total: findings.length, sources };
  }
  const findings = linter.lint(text, format);
  return { findings: findings.length > DIAGNOSTICS_LIMIT ? findings.slice(0, DIAGNOSTICS_LIMIT) : findings, total: findings.length };
}

/** Where heavy drafts are linted off the main thread (the Node server's worker thread; the browser server has none). */
export interface BackgroundLint {
  run(key: string, operation: LintOperation, text: string, format: Format, config: CopydeskConfig): Promise<LintAnswer>;
  /** A draft was closed: drop its queued job and stop one that is running. */
  cancel(key: string): void;
  /** Resolves once nothing is queued or running. */
  whenIdle(): Promise<void>;
  readonly busy: boolean;
  /** Jobs answered so far. */
  readonly completed: number;
  /** Paragraphs the background engines analysed. */
  readonly paragraphsAnalysed: number;
  dispose(): void;
}

/** Lints a job on the calling thread: what a {@link BackgroundLint} falls back to. */
export type LintHere = (operation: LintOperation, text: string, format: Format, config: CopydeskConfig) => LintAnswer;
