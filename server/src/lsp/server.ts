/**
 * The Copydesk language server: lints the live buffer of drafts as the reporter types, and answers
 * with diagnostics, quick-fixes and hovers. Thin by design: the engine does the reading.
 *
 * Robustness rules this file keeps (see the README's "Limits and failure behaviour"):
 * - a lint is computed from the text as it was when asked, and published only if the draft is still
 *   at that version and still open: a change or close while linting leaves nothing stale;
 * - drafts whose lint would take long (`lintWeight` over `BACKGROUND_LINT_THRESHOLD`, lint-jobs.ts) are linted on a
 *   worker thread where the host has one (Node), so one huge draft never holds up another draft's
 *   diagnostics, hovers or code actions;
 * - the same code serves the Node and the browser host: files are read through a {@link ProjectFiles},
 *   the disk's (Node, `file:` URIs) or the client's (every other location, and everything in the browser);
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
import type { CopydeskConfig } from '../core/index';
import { CONFIG_FILE_NAME, createConfigResolver, NO_PROJECT_CONFIG, type LoadedConfig } from '../project/config-file';
import { printable } from '../cli/terminal';
import { filesByLocation, normalUri, NO_FILES, uriInside, type ProjectFiles } from '../project/project-files';
import type { AllowTermScope } from './allow-term';
import { clientProjectFiles } from './client-files';
import { SupersededError } from './lint-jobs';
import { FIX_ALL_KIND } from './code-actions';
import { configProblemDiagnostic } from './config-diagnostics';
import { DocumentLinter, type DocumentLinterHost, type LintResult } from './document-linter';
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

/** How the entry point configures the server for its host. */
export interface ServerOptions {
  /** The disk, where the host has one (Node): `file:` URIs are read there, with its safe reader. Without it, every file is the client's to read. */
  localFiles?: ProjectFiles;
  /** Starts the lint worker heavy drafts go to (Node); without it, every draft is linted in line. */
  startBackground?: DocumentLinterHost['startBackground'];
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
  // Copydesk's own clients serve the workspace's files (workspaceFiles in initializationOptions).
  let clientServesFiles = false;
  // Until the client says the workspace is trusted (VS Code does), project config is honoured.
  let workspaceTrusted = true;

  // File names and config keys come from the workspace: logged with their control characters escaped, so
  // a name holding line breaks cannot forge lines in the log.
  const log = (error: unknown, where: string): void => connection.console.error(`copydesk: ${printable(where)}: ${printable(error instanceof Error ? (error.stack ?? error.message) : String(error)).replace(/\\u\{a\}(?= +at )/g, '\n')}`);

  /** The workspace folder (a URI) a draft's URI lies in: the innermost, when folders nest. */
  const rootFor = (uri: string): string | undefined => workspaceRoots.filter((root) => uriInside(uri, root)).sort((a, b) => b.length - a.length)[0];

  const clientFiles = clientProjectFiles(connection);
  const files = filesByLocation((uri) => {
    if (options.localFiles && uri.startsWith('file:')) return options.localFiles;
    return clientServesFiles ? clientFiles : NO_FILES;
  });

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
    files,
    rootFor,
    rememberLookups: () => canWatchFiles,
    onLoad: (loaded) => {
      if (loaded.uri) void connection.sendDiagnostics({ uri: loaded.uri, diagnostics: loaded.problems.map(configProblemDiagnostic) });
    },
  });

  /**
   * The project config for a draft: the nearest `.copydesk.yml` within its workspace folder. A draft outside
   * every folder (a loose file, an untitled buffer, no folder open) has none: the lookup never walks up to
   * `/`. An untrusted workspace's config is ignored.
   */
  const projectConfigFor = async (uri: string): Promise<LoadedConfig> => {
    const draft = normalUri(uri);
    if (!workspaceTrusted || rootFor(draft) === undefined) return NO_PROJECT_CONFIG;
    return configResolver.forFile(draft);
  };

  /** "Allow in this project" writes only in a trusted workspace folder, and edits an open config as it stands. */
  const allowScopeFor = (uri: string): AllowTermScope => ({
    workspaceRoot: workspaceTrusted ? rootFor(normalUri(uri)) : undefined,
    files,
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
    engineConfigFor: async (uri, settings) => engineConfig(await projectConfigFor(uri), settings),
    startBackground: options.startBackground,
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
    const initializationOptions = params.initializationOptions as { trusted?: boolean; workspaceFiles?: boolean } | undefined;
    workspaceTrusted = initializationOptions?.trusted !== false;
    clientServesFiles = initializationOptions?.workspaceFiles === true;
    pushedSettings = pushedSettingsIn(params.initializationOptions) ?? DEFAULT_SETTINGS;
    workspaceRoots = (params.workspaceFolders ?? []).map((folder) => normalUri(folder.uri));
    if (workspaceRoots.length === 0 && params.rootUri) workspaceRoots = [normalUri(params.rootUri)];
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
    documents.all().forEach((document) => void projectConfigFor(document.uri));
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
    return checkWorkspace({ ...context, roots: workspaceRoots, files, published }, token);
  }));
  connection.onRequest(SOURCING_REPORT_REQUEST, afterInitialize((params: SourcingReportParams, token) => sourcingReportOf(context, params, token)));

  // `afterBackground: true` answers once the worker thread is idle: tests use it to see that a lint
  // finishing late published nothing stale, without sleeping.
  connection.onRequest(STATS_REQUEST, afterInitialize((params: StatsParams | undefined) => linter.stats(params?.afterBackground === true)));

  documents.listen(connection);
  connection.listen();
}
