/**
 * A small LSP client for the integration tests: spawns the built server over stdio and speaks
 * JSON-RPC to it through vscode-languageserver-protocol, as any editor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** Where `npm run build` writes the server. */
export const SERVER_PATH = join(__dirname, '..', '..', 'server', 'out', 'server.js');

/** A running server and a connection to it. */
export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Workspace settings the server reads through workspace/configuration. */
  settings: Record<string, unknown>;
  /** Resolves with the next diagnostics published for a URI that satisfy a predicate (bounded wait). */
  diagnostics(uri: string, predicate?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  logs: string[];
  stop(): Promise<void>;
}

/** Starts the server and initializes it as a push-diagnostics client with a workspace folder. */
export async function startTestServer(workspaceFolder: string): Promise<TestServer> {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: Array<{ uri: string; predicate: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  const logs: string[] = [];
  const server: TestServer = {
    connection,
    process: child,
    settings: {},
    logs,
    diagnostics(uri, predicate = () => true, timeoutMs = 10_000) {
      const current = latest.get(uri);
      if (current && predicate(current)) return Promise.resolve(current);
      return new Promise((resolve, reject) => {
        const waiter = { uri, predicate, resolve: (params: PublishDiagnosticsParams) => { clearTimeout(timer); resolve(params); } };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(latest.get(uri)?.diagnostics.map((d) => d.code))}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      child.kill();
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    latest.set(params.uri, params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.predicate(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => logs.push(params.message));
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map(() => server.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
  connection.listen();
  const uri = `file://${workspaceFolder}`;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'drafts' }],
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  return server;
}
