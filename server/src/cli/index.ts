/**
 * Entry point of the bundled `copydesk` command (server/out/cli.js). The same file serves three roles:
 * the command line; a lint worker thread (the parallel path starts workers on this very bundle); and,
 * with `--stdio`, the language server, which is the server bundle beside this one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { run } from './main';
import { WORKER_MARKER } from './parallel';
import { serveLintBatches } from './worker';
import { MCP_HELP, serveMcp } from '../mcp/stdio';

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_MARKER]) {
  serveLintBatches();
} else if (process.argv.includes('--stdio')) {
  // The server is its own bundle (server/out/server.js); a computed path keeps esbuild from inlining
  // a second copy of it here. It reads --stdio from process.argv itself.
  const server = join(__dirname, 'server.js');
  if (!existsSync(server)) {
    process.stderr.write(`copydesk: the language server is missing beside ${__filename}; run npm run build.\n`);
    process.exitCode = 2;
  } else require(server);
} else if (process.argv[2] === 'mcp') {
  if (process.argv.length > 3) {
    const help = process.argv[3] === '--help' || process.argv[3] === '-h';
    (help ? process.stdout : process.stderr).write(`${MCP_HELP}\n`);
    process.exitCode = help ? 0 : 2;
  } else {
    // Standard output carries the protocol from here on: nothing else may be written to it.
    serveMcp(process.cwd()).catch((error: unknown) => {
      process.stderr.write(`copydesk mcp: ${(error as Error).message}\n`);
      process.exitCode = 2;
    });
  }
} else {
  // A closed pipe (copydesk ... | head) is the reader's choice, not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: () => readFileSync(0, 'utf8'),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
}
