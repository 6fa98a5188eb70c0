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
  /** Every diagnostics notification received, in order (to check that nothing stale came late). */
  published: PublishDiagnosticsParams[];
  /** What the server wrote to stderr (it logs through the connection; stderr is for crashes and guards). */
  stderr: string[];
  /** Resolves with the next diagnostics published for a URI that satisfy a predicate (bounded wait). */
  diagnostics(uri: string, predicate?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  logs: string[];
  stop(): Promise<void>;
}

/** How a test starts its server. */
export interface TestServerOptions {
  /** Announce pull diagnostics (textDocument/diagnostic) instead of waiting for pushed ones. */
  pull?: boolean;
  /** Sent as `initializationOptions` (the VS Code client sends `{ trusted }`). */
  initializationOptions?: unknown;
  /** Node options for the server process, e.g. `--require` of a guard module. */
  execArgv?: string[];
  /** Whether the client offers workspace/configuration (default true); without it, settings are pushed. */
  askConfiguration?: boolean;
}

/** Starts the server and initializes it as a push-diagnostics client with a workspace folder. */
export async function startTestServer(workspaceFolder: string, options: TestServerOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: Array<{ uri: string; predicate: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  const logs: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const server: TestServer = {
    connection,
    process: child,
    settings: {},
    logs,
    published,
    stderr,
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
    published.push(params);
    latest.set(params.uri, params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.predicate(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map(() => server.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const uri = `file://${workspaceFolder}`;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'drafts' }],
    initializationOptions: options.initializationOptions,
    capabilities: {
      workspace: { configuration: options.askConfiguration !== false, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true }, ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}) },
    },
  });
  await connection.sendNotification('initialized', {});
  return server;
}

/** A diagnostic's message as text (the protocol also allows markup; this server sends plain strings). */
export function messageText(diagnostic: { message: string | { value: string } }): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
