/**
 * The Copydesk language server: lints the live buffer of drafts as the reporter types, and answers
 * with diagnostics, quick-fixes and hovers. Thin by design: the engine does the reading.
 *
 * Robustness rules this file keeps (see the README's "Limits and failure behaviour"):
 * - a lint is computed from the text as it was when asked, and published only if the draft is still
 *   at that version and still open: a change or close while linting leaves nothing stale;
 * - drafts whose lint would take long (`lintWeight` over `BACKGROUND_LINT_THRESHOLD`, background-lint.ts) are linted on a worker thread, so one huge
 *   draft never holds up another draft's diagnostics, hovers or code actions;
 * - drafts over the size limit, and binary files, get one information notice instead of a lint;
 * - cancelled requests answer "cancelled" rather than waiting for, or returning, a stale lint.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type ExecuteCommandParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { CopydeskConfig } from '../core/index';
import { CONFIG_FILE_NAME, createConfigResolver, NO_PROJECT_CONFIG, type LoadedConfig } from '../project/config-file';
import { printable } from '../cli/terminal';
import { isInside } from '../project/draft-files';
import type { AllowTermScope } from './allow-term';
import { SupersededError } from './background-lint';
import { FIX_ALL_KIND } from './code-actions';
import { configProblemDiagnostic } from './config-diagnostics';
import { DocumentLinter, type LintResult } from './document-linter';
import { checkWorkspace } from './handlers/check-workspace';
import { codeActionsFor } from './handlers/code-action-request';
import type { HandlerContext } from './handlers/context';
import { diagnosticReport } from './handlers/diagnostic-request';
import { hoverAt } from './handlers/hover-request';
import { sourcingReportOf } from './handlers/sourcing-report-request';
import { SERVER_COMMANDS, SOURCING_REPORT_REQUEST, STATS_REQUEST, type SourcingReportParams, type StatsParams } from './protocol';
import { coerceSettings, DEFAULT_SETTINGS, pushedSettingsIn, type Settings } from './settings';

export { DOCUMENT_SIZE_LIMIT } from './limits';

/** Wait this long after the last keystroke before pushing diagnostics. */
const DEBOUNCE_MS = 60;

/** How the entry point configures the server. */
export interface ServerOptions {
  /** The script the lint worker thread runs (the server bundle); without one, huge drafts are linted in line. */
  lintWorkerScript?: string;
}

/** Wires the server's handlers onto a connection. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<Settings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const published = new Set<string>();
  let workspaceRoots: string[] = [];
  let initialized = false;
  let canPull = false;
  let canAskConfiguration = false;
  let canWatchFiles = false;
  // Until the client says the workspace is trusted (VS Code does), project config is honoured.
  let workspaceTrusted = true;

  // File names and config keys come from the workspace: logged with their control characters escaped, so
  // a name holding line breaks cannot forge lines in the log.
  const log = (error: unknown, where: string): void => connection.console.error(`copydesk: ${printable(where)}: ${printable(error instanceof Error ? (error.stack ?? error.message) : String(error)).replace(/\\u\{a\}(?= +at )/g, '\n')}`);

  const rootFor = (path: string): string | undefined => workspaceRoots.filter((root) => isInside(path, root)).sort((a, b) => b.length - a.length)[0];

  // Clients that cannot be asked (no workspace/configuration) push settings instead: in
  // initializationOptions and in didChangeConfiguration, as `{ "copydesk": { ... } }`. They apply to every draft.
  let pushedSettings = DEFAULT_SETTINGS;

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!canAskConfiguration) return Promise.resolve(pushedSettings);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'copydesk' }).then(coerceSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, settings);
    }
    return settings;
  };

  // The CLI's resolver, confined to the workspace folders, publishing each config's problems on the file itself.
  const configResolver = createConfigResolver({
    rootFor,
    rememberLookups: () => canWatchFiles,
    onLoad: (loaded) => {
      if (loaded.path) void connection.sendDiagnostics({ uri: URI.file(loaded.path).toString(), diagnostics: loaded.problems.map(configProblemDiagnostic) });
    },
  });

  /**
   * The project config for a draft: the nearest `.copydesk.yml` within its workspace folder. A draft outside
   * every folder (a loose file, an untitled buffer, another scheme, no folder open) has none: the lookup
   * never walks up to `/`. An untrusted workspace's config is ignored.
   */
  const projectConfigFor = (uri: string): LoadedConfig => {
    const parsed = URI.parse(uri);
    if (!workspaceTrusted || parsed.scheme !== 'file' || rootFor(parsed.fsPath) === undefined) return NO_PROJECT_CONFIG;
    return configResolver.forFile(parsed.fsPath);
  };

  /** "Allow in this project" writes only in a trusted workspace folder, and edits an open config as it stands. */
  const allowScopeFor = (path: string): AllowTermScope => ({
    workspaceRoot: workspaceTrusted ? rootFor(path) : undefined,
    openDocument: (uri) => {
      const open = documents.get(uri);
      return open ? { text: open.getText(), version: open.version } : undefined;
    },
  });
  /** The client syncs open `.copydesk.yml` files only so that allow edits see unsaved text: they are not drafts. */
  const isConfigDocument = (uri: string): boolean => uri.endsWith(`/${CONFIG_FILE_NAME}`);

  /** The engine config for a draft: project config with the editor's per-rule settings on top. */
  const engineConfig = (loaded: LoadedConfig, settings: Settings): CopydeskConfig => configResolver.engineConfig(loaded, settings.rules);

  const linter = new DocumentLinter({
    documents,
    settingsFor,
    engineConfigFor: (uri, settings) => engineConfig(projectConfigFor(uri), settings),
    lintWorkerScript: options.lintWorkerScript,
    log,
    warn: (message) => connection.console.warn(`copydesk: ${printable(message)}`),
  });

  const pushNow = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    let result: LintResult;
    try {
      result = await linter.lintDocument(document);
    } catch (error) {
      if (!(error instanceof SupersededError)) log(error, `linting ${uri}`);
      return;
    }
    // Changed or closed while it was linted: the newer lint publishes, or the close has cleared it.
    if (!linter.isCurrent(document, version)) return;
    published.add(uri);
    await connection.sendDiagnostics({ uri, version, diagnostics: linter.diagnosticsOf(result, version) });
  };

  const schedule = (uri: string): void => {
    if (!initialized || canPull || isConfigDocument(uri)) return;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void pushNow(uri);
    }, DEBOUNCE_MS));
  };

  const relintAll = (): void => {
    linter.invalidate();
    if (canPull) connection.languages.diagnostics.refresh();
    else documents.all().forEach((document) => schedule(document.uri));
  };

  connection.onInitialize((params): InitializeResult => {
    initialized = true;
    const capabilities = params.capabilities;
    canPull = capabilities.textDocument?.diagnostic !== undefined;
    canAskConfiguration = capabilities.workspace?.configuration === true;
    canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workspaceTrusted = (params.initializationOptions as { trusted?: boolean } | undefined)?.trusted !== false;
    pushedSettings = pushedSettingsIn(params.initializationOptions) ?? DEFAULT_SETTINGS;
    workspaceRoots = (params.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri).fsPath);
    if (workspaceRoots.length === 0 && params.rootUri) workspaceRoots = [URI.parse(params.rootUri).fsPath];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: [SERVER_COMMANDS.checkWorkspace] },
        ...(canPull ? { diagnosticProvider: { identifier: 'copydesk', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'copydesk', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canAskConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'copydesk' });
    if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
  });

  connection.onDidChangeConfiguration((params) => {
    if (!canAskConfiguration) pushedSettings = pushedSettingsIn(params.settings) ?? pushedSettings;
    settingsCache.clear();
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((change) => change.uri.endsWith(CONFIG_FILE_NAME))) return;
    configResolver.clear();
    for (const change of params.changes) if (change.uri.endsWith(CONFIG_FILE_NAME)) void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
    // Re-read configs now so their problems are published even before a draft is linted.
    documents.all().forEach((document) => projectConfigFor(document.uri));
    relintAll();
  });

  connection.onShutdown(() => linter.dispose());

  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    settingsCache.delete(uri);
    linter.forget(uri);
    if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // Requests before `initialize` are refused, as the protocol asks: the server knows neither the client's
  // capabilities nor its workspace folders yet, so it would answer with the wrong config, or none.
  const afterInitialize = <P, R>(handler: (params: P, token: CancellationToken) => R) => (params: P, token: CancellationToken): R => {
    if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'copydesk: the server has not been initialized');
    return handler(params, token);
  };
  const context: HandlerContext = { connection, documents, linter, log };
  connection.languages.diagnostics.on(afterInitialize((params, token) => diagnosticReport(context, params, token)));
  connection.onCodeAction(afterInitialize((params, token) => codeActionsFor({ ...context, allowScopeFor }, params, token)));
  connection.onHover(afterInitialize((params, token) => hoverAt(context, params, token)));
  connection.onExecuteCommand(afterInitialize(async (params: ExecuteCommandParams, token) => {
    if (params.command !== SERVER_COMMANDS.checkWorkspace) return null;
    return checkWorkspace({ ...context, roots: workspaceRoots, published }, token);
  }));
  connection.onRequest(SOURCING_REPORT_REQUEST, afterInitialize((params: SourcingReportParams, token) => sourcingReportOf(context, params, token)));

  // `afterBackground: true` answers once the worker thread is idle: tests use it to see that a lint
  // finishing late published nothing stale, without sleeping.
  connection.onRequest(STATS_REQUEST, afterInitialize((params: StatsParams | undefined) => linter.stats(params?.afterBackground === true)));

  documents.listen(connection);
  connection.listen();
}
