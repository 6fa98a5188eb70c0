/**
 * The Copydesk language server: lints the live buffer of drafts as the reporter types, and answers
 * with diagnostics, quick-fixes and hovers. Thin by design: the engine does the reading.
 *
 * Robustness rules this file keeps (see the README's "Limits and failure behaviour"):
 * - a lint is computed from the text as it was when asked, and published only if the draft is still
 *   at that version and still open: a change or close while linting leaves nothing stale;
 * - drafts over {@link BACKGROUND_LINT_THRESHOLD} characters are linted on a worker thread, so one huge
 *   draft never holds up another draft's diagnostics, hovers or code actions;
 * - drafts over the size limit, and binary files, get one information notice instead of a lint;
 * - cancelled requests answer "cancelled" rather than waiting for, or returning, a stale lint.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { createLinter, type CopydeskConfig, type Finding, type Format, type Linter } from '../core/index';
import { CONFIG_FILE_NAME, createConfigResolver, NO_PROJECT_CONFIG, type LoadedConfig } from '../project/config-file';
import { isInside } from '../project/draft-files';
import { allowTermEdit } from './allow-term';
import { answerWith, BACKGROUND_LINT_THRESHOLD, BackgroundLinter, SupersededError, type LintAnswer, type LintOperation } from './background-lint';
import { draftChangedError, unlessCancelled } from './cancellation';
import { codeActions, FIX_ALL_KIND, fixAll } from './code-actions';
import { configProblemDiagnostic } from './config-diagnostics';
import { toDiagnostic } from './diagnostics';
import { hoverFor } from './hover';
import { declineNotice, notice, NOTICE_CODES, sizeNotice, withTruncationNotice } from './limits';
import { coerceSettings, DEFAULT_SETTINGS, pushedSettingsIn, type Settings } from './settings';
import { sourcingReport } from './sourcing-report';
import { draftsUnder, readWorkspaceDraft } from './workspace-drafts';

export { DOCUMENT_SIZE_LIMIT } from './limits';

/** Wait this long after the last keystroke before pushing diagnostics. */
const DEBOUNCE_MS = 60;

/** The request a test or a client can send to see how much work the engine did. */
export const STATS_REQUEST = 'copydesk/stats';
/** The request the client sends for a draft's sourcing report (markdown). */
export const SOURCING_REPORT_REQUEST = 'copydesk/sourcingReport';
/** Server commands. */
export const COMMANDS = { checkWorkspace: 'copydesk.server.checkWorkspace' } as const;

/** How the entry point configures the server. */
export interface ServerOptions {
  /** The script the lint worker thread runs (the server bundle); without one, huge drafts are linted in line. */
  lintWorkerScript?: string;
}

/** What linting a draft gave: findings, a notice saying why it was not linted, or nothing (Copydesk is off for it). */
type LintResult = { kind: 'findings'; findings: Finding[]; total: number } | { kind: 'notice'; notice: Diagnostic } | { kind: 'off' };

/** Which engine format a language id is read as. */
function formatOf(languageId: string): Format | undefined {
  return languageId === 'markdown' || languageId === 'newsdraft' || languageId === 'plaintext' ? languageId : undefined;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Wires the server's handlers onto a connection. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<Settings>>();
  const linters = new Map<string, Linter>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const published = new Set<string>();
  /** The last lint of each open draft, reused by hovers and code actions at the same version. */
  const results = new Map<string, { document: TextDocument; version: number; generation: number; result: Promise<LintResult> }>();
  /** Bumped when settings or project config change: every cached lint is then out of date. */
  let generation = 0;
  let workspaceRoots: string[] = [];
  let canPull = false;
  let canAskConfiguration = false;
  let canWatchFiles = false;
  // Until the client says the workspace is trusted (VS Code does), project config is honoured.
  let workspaceTrusted = true;

  const log = (error: unknown, where: string): void => connection.console.error(`copydesk: ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

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

  /** The project config for a draft; an untrusted workspace's is ignored. */
  const projectConfigFor = (uri: string): LoadedConfig => (workspaceTrusted ? configResolver.forFile(URI.parse(uri).fsPath) : NO_PROJECT_CONFIG);

  /** The engine config for a draft: project config with the editor's per-rule settings on top. */
  const engineConfig = (loaded: LoadedConfig, settings: Settings): CopydeskConfig => configResolver.engineConfig(loaded, settings.rules);
  /** Each engine config's fingerprint, computed once: a config with 100,000 terms is no small string. */
  const fingerprints = new WeakMap<CopydeskConfig, string>();

  const linterFor = (config: CopydeskConfig): Linter => {
    let key = fingerprints.get(config);
    if (key === undefined) fingerprints.set(config, (key = JSON.stringify(config)));
    let linter = linters.get(key);
    if (!linter) {
      if (linters.size > 8) linters.clear();
      linter = createLinter(config);
      linters.set(key, linter);
    }
    return linter;
  };

  const background = new BackgroundLinter(options.lintWorkerScript, (operation, text, format, config) => answerWith(linterFor(config), operation, text, format), (message) => connection.console.warn(`copydesk: ${message}`));

  /** Runs the engine on a text: in line for ordinary drafts, on the worker thread for huge ones. */
  const runEngine = (key: string, operation: LintOperation, text: string, format: Format, config: CopydeskConfig): Promise<LintAnswer> => {
    if (text.length > BACKGROUND_LINT_THRESHOLD) return background.run(key, operation, text, format, config);
    return Promise.resolve(answerWith(linterFor(config), operation, text, format));
  };

  /**
   * Lints a text as it is now. The text is passed in, never re-read after an await, so the result
   * always belongs to the version the caller captured.
   */
  const lintText = async (uri: string, languageId: string, text: string): Promise<LintResult> => {
    const settings = await settingsFor(uri);
    const format = formatOf(languageId);
    if (!settings.enable || !format || !settings.languages.includes(languageId)) return { kind: 'off' };
    const declined = declineNotice(text);
    if (declined) return { kind: 'notice', notice: declined };
    try {
      const { findings, total } = await runEngine(uri, 'lint', text, format, engineConfig(projectConfigFor(uri), settings));
      return { kind: 'findings', findings, total };
    } catch (error) {
      if (error instanceof SupersededError) throw error;
      log(error, `linting ${uri}`);
      return { kind: 'notice', notice: notice(NOTICE_CODES.failed, `Copydesk could not check this draft (${(error as Error).message}). Other drafts are not affected; the next edit tries again.`) };
    }
  };

  /** The lint of an open draft at its current version, shared by diagnostics, hovers and code actions. */
  const lintDocument = (document: TextDocument): Promise<LintResult> => {
    const cached = results.get(document.uri);
    if (cached && cached.document === document && cached.version === document.version && cached.generation === generation) return cached.result;
    const result = lintText(document.uri, document.languageId, document.getText());
    const entry = { document, version: document.version, generation, result };
    results.set(document.uri, entry);
    result.catch(() => {
      if (results.get(document.uri) === entry) results.delete(document.uri);
    });
    return result;
  };

  const diagnosticsOf = (result: LintResult, version: number): Diagnostic[] => {
    if (result.kind === 'off') return [];
    if (result.kind === 'notice') return [result.notice];
    return withTruncationNotice(result.findings.map((finding) => toDiagnostic(finding, version)), result.total);
  };

  /** Whether a draft is still open at the version a lint was computed for. */
  const isCurrent = (document: TextDocument, version: number): boolean => documents.get(document.uri) === document && document.version === version;

  const pushNow = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    let result: LintResult;
    try {
      result = await lintDocument(document);
    } catch (error) {
      if (!(error instanceof SupersededError)) log(error, `linting ${uri}`);
      return;
    }
    // Changed or closed while it was linted: the newer lint publishes, or the close has cleared it.
    if (!isCurrent(document, version)) return;
    published.add(uri);
    await connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(result, version) });
  };

  const schedule = (uri: string): void => {
    if (canPull) return;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void pushNow(uri);
    }, DEBOUNCE_MS));
  };

  const relintAll = (): void => {
    generation++;
    if (canPull) connection.languages.diagnostics.refresh();
    else documents.all().forEach((document) => schedule(document.uri));
  };

  connection.onInitialize((params): InitializeResult => {
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
        executeCommandProvider: { commands: [COMMANDS.checkWorkspace] },
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

  connection.onShutdown(() => background.dispose());

  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    settingsCache.delete(uri);
    results.delete(uri);
    background.cancel(uri);
    if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const version = document.version;
    let result: LintResult;
    try {
      result = await unlessCancelled(lintDocument(document), token);
    } catch (error) {
      if (error instanceof SupersededError) throw draftChangedError();
      throw error;
    }
    if (!isCurrent(document, version)) throw draftChangedError();
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(result, version) };
  });

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const format = document && formatOf(document.languageId);
    if (!document || !format) return [];
    try {
      const path = URI.parse(document.uri).fsPath;
      // Each action checks the diagnostic's version and text against the document before it edits.
      const actions = codeActions(document, params, format, (uri, term) => allowTermEdit(uri, term, rootFor(path)));
      const only = params.context.only;
      if (only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind !== CodeActionKind.Empty)) {
        const version = document.version;
        const result = await unlessCancelled(lintDocument(document), token);
        const all = isCurrent(document, version) ? fixAll(document, diagnosticsOf(result, version)) : undefined;
        if (all) actions.push(all);
      }
      return actions;
    } catch (error) {
      if (error instanceof SupersededError) return [];
      if (token.isCancellationRequested) throw error;
      log(error, 'code actions');
      return [];
    }
  });

  connection.onHover(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const version = document.version;
    const offset = document.offsetAt(params.position);
    let result: LintResult;
    try {
      result = await unlessCancelled(lintDocument(document), token);
    } catch (error) {
      if (token.isCancellationRequested) throw error;
      if (!(error instanceof SupersededError)) log(error, 'hover');
      return null;
    }
    if (result.kind !== 'findings' || !isCurrent(document, version)) return null;
    const finding = result.findings.find((candidate) => candidate.offset <= offset && offset <= candidate.endOffset && candidate.ruleId !== 'copydesk-directive');
    return finding ? hoverFor(document.getText(), finding) : null;
  });

  connection.onExecuteCommand(async (params, token) => {
    if (params.command !== COMMANDS.checkWorkspace) return null;
    let files = 0;
    let total = 0;
    for (const root of workspaceRoots) {
      for (const draft of draftsUnder(root)) {
        if (token.isCancellationRequested) return { files, findings: total, cancelled: true };
        const uri = URI.file(draft.path).toString();
        if (documents.get(uri)) continue; // open drafts are linted live
        // Between files, let waiting requests (a hover, a keystroke's lint) run.
        await yieldToEventLoop();
        try {
          const read = readWorkspaceDraft(draft);
          if (read.kind === 'skipped') continue;
          const diagnostics = read.kind === 'too-large' ? [sizeNotice(`${(draft.size / 1024 / 1024).toFixed(1)} MB`)] : diagnosticsOf(await lintText(uri, draft.languageId, read.text), 0);
          if (documents.get(uri)) continue; // opened while it was read: its live lint wins
          files++;
          total += diagnostics.length;
          published.add(uri);
          await connection.sendDiagnostics({ uri, diagnostics });
        } catch (error) {
          if (!(error instanceof SupersededError)) log(error, `checking ${draft.path}`);
        }
      }
    }
    return { files, findings: total };
  });

  connection.onRequest(SOURCING_REPORT_REQUEST, async (params: { uri: string }, token) => {
    const document = documents.get(params.uri);
    const format = document && formatOf(document.languageId);
    if (!document || !format) return '# Sourcing report\n\nOpen a markdown, plain-text or newsdraft document first.\n';
    const text = document.getText();
    const declined = declineNotice(text);
    if (declined) return `# Sourcing report\n\n${declined.message}\n`;
    const settings = await settingsFor(document.uri);
    const answer = await unlessCancelled(runEngine(document.uri, 'sourcing', text, format, engineConfig(projectConfigFor(document.uri), settings)), token);
    return sourcingReport(document.uri.split('/').pop() ?? document.uri, document.uri, text, answer.findings, answer.sources ?? []);
  });

  // `afterBackground: true` answers once the worker thread is idle: tests use it to see that a lint
  // finishing late published nothing stale, without sleeping.
  connection.onRequest(STATS_REQUEST, async (params?: { afterBackground?: boolean }) => {
    if (params?.afterBackground) await background.whenIdle();
    let paragraphsAnalysed = 0;
    for (const linter of linters.values()) paragraphsAnalysed += linter.stats.paragraphsAnalysed;
    return { paragraphsAnalysed, backgroundBusy: background.busy, backgroundJobsDone: background.completed };
  });

  documents.listen(connection);
  connection.listen();
}
