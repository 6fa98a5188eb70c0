/**
 * Linting large drafts off the server's main thread. The engine is synchronous: a 5 MB draft takes
 * seconds, and while it ran on the main thread every hover, code action and small draft waited behind
 * it. Drafts whose {@link lintWeight} is above {@link BACKGROUND_LINT_THRESHOLD} go to one worker thread instead, which
 * runs this same bundle (its entry notices {@link LINT_WORKER_MARKER}), so the main thread only
 * receives and sends messages.
 *
 * A worker thread is not a process: the server still spawns nothing.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { DIAGNOSTICS_LIMIT } from './limits';
import { createLinter, type CopydeskConfig, type Finding, type Format, type Linter, type SourceAttribution } from '../core/index';

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
/**
 * How long one job may run on the worker before the worker is stopped and the draft gets a notice, so one
 * bad draft cannot hold up every other: 5 s, and 4 s more per million characters (a floor of 250 KB/s,
 * well below the engine's slowest shape on real text).
 */
export function jobTimeLimitMs(characters: number): number {
  return 5_000 + Math.ceil((characters / 1_000_000) * 4_000);
}
/** A worker with nothing to do for this long is stopped, and its memory returned; the next huge draft starts another. */
export const WORKER_IDLE_MS = 30_000;
/** The marker in `workerData` that makes the server bundle's entry serve as the lint worker. */
export const LINT_WORKER_MARKER = 'copydeskLspLintWorker';

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

interface JobMessage {
  id: number;
  operation: LintOperation;
  text: string;
  format: Format;
  config: CopydeskConfig;
}

type ReplyMessage = { id: number; answer: LintAnswer } | { id: number; error: string };

interface Job extends JobMessage {
  /** Which draft the job is for: a newer job for the same key replaces a queued one. */
  key: string;
  resolve(answer: LintAnswer): void;
  reject(error: Error): void;
}

/** A job was replaced by a newer one for the same draft, or its draft was closed: its answer would be stale. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer version of the draft');
  }
}

/** The worker stopped (crashed, or ran out of memory) while it was linting this job's draft. */
export class BackgroundLintError extends Error {}

/**
 * One worker thread and a queue in front of it. Latest wins: while a draft's job waits, a newer job for
 * the same draft takes its place, so typing into a huge draft never builds a backlog. A job already
 * running is left to finish when its draft changes (its paragraphs warm the worker's cache for the next
 * lint), and stopped with the worker when its draft is closed.
 */
export class BackgroundLinter {
  private worker: Worker | undefined;
  private running: Job | undefined;
  private readonly queue: Job[] = [];
  private readonly idleWaiters: Array<() => void> = [];
  private idleTimer: NodeJS.Timeout | undefined;
  private jobTimer: NodeJS.Timeout | undefined;
  private nextId = 1;
  /** Jobs the worker has answered (the stats request reports it). */
  completed = 0;
  /** Paragraphs the worker's engines analysed, over every worker this linter has run. */
  paragraphsAnalysed = 0;

  /**
   * @param script the bundle the worker runs; undefined when running from TypeScript sources, where a
   *   bare worker cannot load the code.
   * @param runHere lints on the calling thread: used when there is no worker script or it cannot start.
   * @param onLog where worker failures are reported.
   * @param idleMs how long the worker may sit idle before it is stopped.
   * @param timeLimitMs how long a job of so many characters may run before the worker is stopped.
   */
  constructor(
    private readonly script: string | undefined,
    private readonly runHere: (operation: LintOperation, text: string, format: Format, config: CopydeskConfig) => LintAnswer,
    private readonly onLog: (message: string) => void = () => {},
    private readonly idleMs = WORKER_IDLE_MS,
    private readonly timeLimitMs: (characters: number) => number = jobTimeLimitMs,
  ) {}

  /** Whether a worker thread is running (started by a job, stopped when idle). */
  get hasWorker(): boolean {
    return this.worker !== undefined;
  }

  /** Lints `text` on the worker; rejects with {@link SupersededError} when a newer job for `key` replaces it. */
  run(key: string, operation: LintOperation, text: string, format: Format, config: CopydeskConfig): Promise<LintAnswer> {
    if (!this.script) return Promise.resolve().then(() => this.runHere(operation, text, format, config));
    return new Promise<LintAnswer>((resolve, reject) => {
      const job: Job = { id: this.nextId++, key, operation, text, format, config, resolve, reject };
      const waiting = this.queue.findIndex((queued) => queued.key === key && queued.operation === operation);
      if (waiting >= 0) this.queue.splice(waiting, 1)[0].reject(new SupersededError());
      this.queue.push(job);
      this.pump();
    });
  }

  /** Drops a draft's jobs (it was closed); stops the worker if it is busy with that draft. */
  cancel(key: string): void {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      if (this.queue[index].key === key) this.queue.splice(index, 1)[0].reject(new SupersededError());
    }
    if (this.running?.key === key) this.stopWorker(new SupersededError());
  }

  /** Stops the worker and rejects everything pending. */
  dispose(): void {
    clearTimeout(this.idleTimer);
    this.queue.splice(0).forEach((job) => job.reject(new SupersededError()));
    this.stopWorker(new SupersededError());
  }

  /** Whether a job is running or waiting. */
  get busy(): boolean {
    return this.running !== undefined || this.queue.length > 0;
  }

  /**
   * Resolves once no job runs or waits, a macrotask after the last one settled, so whatever its
   * waiters did with the answer (publish, or decide not to) has happened by then.
   */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.pump();
    });
  }

  private pump(): void {
    if (!this.busy && this.idleWaiters.length > 0) {
      const waiters = this.idleWaiters.splice(0);
      setImmediate(() => waiters.forEach((resolve) => resolve()));
    }
    clearTimeout(this.idleTimer);
    if (!this.busy && this.worker) {
      this.idleTimer = setTimeout(() => {
        if (!this.busy) this.stopWorker(new SupersededError());
      }, this.idleMs).unref();
    }
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    const worker = this.ensureWorker();
    if (!worker) {
      // The worker cannot start here: lint on this thread rather than lose the draft.
      try {
        job.resolve(this.runHere(job.operation, job.text, job.format, job.config));
      } catch (error) {
        job.reject(error as Error);
      }
      this.pump();
      return;
    }
    this.running = job;
    const message: JobMessage = { id: job.id, operation: job.operation, text: job.text, format: job.format, config: job.config };
    worker.postMessage(message);
    const limit = this.timeLimitMs(job.text.length);
    this.jobTimer = setTimeout(() => {
      if (this.running !== job) return;
      this.onLog(`a lint took longer than ${limit / 1000} s; the worker was stopped`);
      this.stopWorker(new BackgroundLintError(`it took longer than ${limit / 1000} s`));
    }, limit);
    this.jobTimer.unref();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(this.script!, { workerData: { [LINT_WORKER_MARKER]: true } });
    } catch (error) {
      this.onLog(`cannot start the lint worker: ${(error as Error).message}`);
      return undefined;
    }
    worker.on('message', (reply: ReplyMessage) => {
      const job = this.running;
      if (!job || job.id !== reply.id) return;
      clearTimeout(this.jobTimer);
      this.running = undefined;
      this.completed++;
      if ('answer' in reply) {
        this.paragraphsAnalysed += reply.answer.analysed ?? 0;
        job.resolve(reply.answer);
      }
      else job.reject(new BackgroundLintError(reply.error));
      this.pump();
    });
    const lost = (reason: string): void => {
      if (this.worker !== worker) return;
      this.onLog(`the lint worker stopped: ${reason}`);
      this.stopWorker(new BackgroundLintError(`the background linter stopped (${reason})`));
      this.pump();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    // The worker must not keep the server alive after the client has gone.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stopWorker(reason: Error): void {
    clearTimeout(this.jobTimer);
    const worker = this.worker;
    this.worker = undefined;
    const job = this.running;
    this.running = undefined;
    job?.reject(reason);
    if (worker) void worker.terminate();
    // Jobs still queued go to a fresh worker.
    queueMicrotask(() => this.pump());
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

/** The worker's side: lints each job it is sent, keeping a linter (and its paragraph cache) per config. */
export function serveLintJobs(): void {
  const linters = new Map<string, Linter>();
  parentPort?.on('message', (job: JobMessage) => {
    try {
      const key = JSON.stringify(job.config);
      let linter = linters.get(key);
      if (!linter) {
        if (linters.size >= 4) linters.clear();
        linter = createLinter(job.config);
        linters.set(key, linter);
      }
      const before = linter.stats.paragraphsAnalysed;
      const answer = answerWith(linter, job.operation, job.text, job.format);
      parentPort?.postMessage({ id: job.id, answer: { ...answer, analysed: linter.stats.paragraphsAnalysed - before } } satisfies ReplyMessage);
    } catch (error) {
      parentPort?.postMessage({ id: job.id, error: (error as Error).message } satisfies ReplyMessage);
    }
  });
}
