/** The worker side of {@link lintInWorkers}: lints each batch it is sent and posts the outcomes back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { CopydeskConfig } from '../core/index';
import { runJob, type LintJob } from './lint-file';

/** Serves lint batches until the main thread terminates this worker. */
export function serveLintBatches(): void {
  const configs = (workerData as { configs: CopydeskConfig[] }).configs;
  parentPort?.on('message', (batch: LintJob[]) => {
    parentPort?.postMessage(batch.map((job) => runJob(job, configs)));
  });
}
