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
import { createLinter, type CopydeskConfig, type Format, type Linter } from '../core/index';
import { answerWith, SupersededError, type BackgroundLint, type LintAnswer, type LintHere, type LintOperation } from './lint-jobs';


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


/** The worker stopped (crashed, or ran out of memory) while it was linting this job's draft. */
export class BackgroundLintError extends Error {}

/**
 * One worker thread and a queue in front of it. Latest wins: while a draft's job waits, a newer job for
 * the same draft takes its place, so typing into a huge draft never builds a backlog. A job already
 * running is left to finish when its draft changes (its paragraphs warm the worker's cache for the next
 * lint), and stopped with the worker when its draft is closed.
 */
export class BackgroundLinter implements BackgroundLint {
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
    private readonly runHere: LintHere,
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
