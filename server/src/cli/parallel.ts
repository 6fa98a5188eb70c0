/**
 * Linting many drafts across cores. Each worker thread runs the bundled command line itself (the
 * bundle's entry notices it is a worker), builds its own engine once, and lints the batches it is sent;
 * the main thread only hands out work and collects outcomes, so progress stays live.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CopydeskConfig } from '../core/index';
import { runJob, type LintJob, type LintOutcome } from './lint-file';

/** Runs over more drafts than this use worker threads (fewer are done before a worker has started). */
export const PARALLEL_THRESHOLD = 16;
/** The marker in `workerData` that makes the bundle's entry serve as a worker. */
export const WORKER_MARKER = 'copydeskLintWorker';
/** More threads than this stop paying: reading files and the main thread's bookkeeping dominate. */
const MAX_THREADS = 8;

/** The script a worker runs: this very bundle when running from one, none when running from sources. */
export function bundledWorkerScript(): string | undefined {
  // Under vitest or tsx this module is TypeScript, which a bare worker cannot load; the built bundle can.
  return __filename.endsWith('.js') ? __filename : undefined;
}

/** How many threads a run should use: the user's choice, else one per core for many drafts, else none. */
export function threadCount(jobs: number, requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, jobs));
  if (jobs <= PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.ceil(jobs / 8)));
}

/**
 * Lints jobs on `threads` workers running `script`, calling `onOutcome` as each draft finishes. Batches
 * are small and handed out on demand, so one long draft does not leave the other cores idle. If a worker
 * cannot start or dies, its unfinished jobs are linted on the main thread: a run never loses a file.
 */
export async function lintInWorkers(jobs: readonly LintJob[], configs: readonly CopydeskConfig[], script: string, threads: number, onOutcome: (outcome: LintOutcome) => void): Promise<void> {
  const queue = [...jobs];
  const batchSize = Math.max(1, Math.min(8, Math.floor(jobs.length / (threads * 6))));
  const leftovers: LintJob[] = [];
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: { [WORKER_MARKER]: true, configs } });
    } catch {
      resolve();
      return;
    }
    let inFlight: LintJob[] = [];
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      leftovers.push(...inFlight);
      inFlight = [];
      void worker.terminate();
      resolve();
    };
    const next = (): void => {
      inFlight = queue.splice(0, batchSize);
      if (inFlight.length === 0) finish();
      else worker.postMessage(inFlight);
    };
    worker.on('message', (outcomes: LintOutcome[]) => {
      inFlight = [];
      outcomes.forEach(onOutcome);
      next();
    });
    worker.on('error', finish);
    worker.on('exit', finish);
    worker.once('online', next);
  })));
  // Whatever a failed worker left behind (and anything queued after every worker failed).
  for (const job of [...leftovers, ...queue.splice(0)]) onOutcome(runJob(job, configs));
}
