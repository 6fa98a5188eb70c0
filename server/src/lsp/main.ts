/**
 * Entry point of the language server (`node server.js --stdio`). Console output goes to the client's
 * output channel, and a stray rejection is logged rather than allowed to end the server.
 *
 * The same bundle is the lint worker thread's script (see background-lint.ts): started with the
 * worker marker, it serves lint jobs and opens no connection.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeProjectFiles } from '../project/node-files';
import { BackgroundLinter, LINT_WORKER_MARKER, serveLintJobs } from './background-lint';
import { startServer } from './server';

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[LINT_WORKER_MARKER]) {
  serveLintJobs();
} else {
  const connection = createConnection(ProposedFeatures.all);
  console.log = connection.console.log.bind(connection.console);
  console.error = connection.console.error.bind(connection.console);
  process.on('unhandledRejection', (reason) => connection.console.error(`copydesk: unhandled rejection: ${String(reason)}`));
  process.on('uncaughtException', (error) => connection.console.error(`copydesk: uncaught exception: ${error.stack ?? error.message}`));
  // Only the built bundle can serve as a worker's script; run from sources, huge drafts are linted in line.
  const lintWorkerScript = __filename.endsWith('.js') ? __filename : undefined;
  startServer(connection, { localFiles: nodeProjectFiles, startBackground: (lintHere, warn) => new BackgroundLinter(lintWorkerScript, lintHere, warn) });
}
