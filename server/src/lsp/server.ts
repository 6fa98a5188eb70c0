/**
 * The Copydesk language server: lints the live buffer of drafts as the reporter types, and answers
 * with diagnostics, quick-fixes and hovers. Thin by design: the engine does the reading.
 */
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { extname, join } from 'node:path';
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
import { createLinter, DEFAULT_CONFIG, type Finding, type Format, type Linter } from '../core/index';
import { CONFIG_FILE_NAME, configForFile, type LoadedConfig } from '../project/config-file';
import { allowTermEdit } from './allow-term';
import { codeActions, FIX_ALL_KIND, fixAll } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { hoverFor } from './hover';
import { sourcingReport } from './sourcing-report';
import { coerceSettings, DEFAULT_SETTINGS, type Settings } from './settings';

/** Drafts larger than this get one information diagnostic instead of a lint. */
export const DOCUMENT_SIZE_LIMIT = 5 * 1024 * 1024;
/** Wait this long after the last keystroke before pushing diagnostics. */
const DEBOUNCE_MS = 60;
const DRAFT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.news']);

/** The request a test or a client can send to see how much work the engine did. */
export const STATS_REQUEST = 'copydesk/stats';
/** The request the client sends for a draft's sourcing report (markdown). */
export const SOURCING_REPORT_REQUEST = 'copydesk/sourcingReport';
/** Server commands. */
export const COMMANDS = { checkWorkspace: 'copydesk.server.checkWorkspace' } as const;

/** Which engine format a document is read as. */
function formatOf(document: TextDocument): Format | undefined {
  if (document.languageId === 'markdown') return 'markdown';
  if (document.languageId === 'newsdraft') return 'newsdraft';
  if (document.languageId === 'plaintext') return 'plaintext';
  return undefined;
}

/** Wires the server's handlers onto a connection. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<Settings>>();
  const linters = new Map<string, Linter>();
  const configs = new Map<string, LoadedConfig>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const published = new Set<string>();
  let workspaceRoots: string[] = [];
  let canPull = false;
  let canAskConfiguration = false;
  let canWatchFiles = false;
  // Until the client says the workspace is trusted (VS Code does), project config is honoured.
  let workspaceTrusted = true;

  const log = (error: unknown, where: string): void => connection.console.error(`copydesk: ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  const rootFor = (path: string): string | undefined => workspaceRoots.filter((root) => path === root || path.startsWith(`${root}/`)).sort((a, b) => b.length - a.length)[0];

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!canAskConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'copydesk' }).then(coerceSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, settings);
    }
    return settings;
  };

  /** The project config for a file, publishing its problems on the config file itself. */
  const projectConfigFor = (uri: string): LoadedConfig => {
    if (!workspaceTrusted) return { config: DEFAULT_CONFIG, problems: [] };
    const path = URI.parse(uri).fsPath;
    const fresh = configForFile(path, undefined, rootFor(path));
    if (!fresh.path) return fresh;
    const known = configs.get(fresh.path);
    if (known) return known;
    configs.set(fresh.path, fresh);
    const configUri = URI.file(fresh.path).toString();
    const diagnostics: Diagnostic[] = fresh.problems.map((problem) => ({
      range: { start: { line: problem.line - 1, character: problem.column - 1 }, end: { line: problem.line - 1, character: problem.column - 1 + Math.max(1, problem.endOffset - problem.offset) } },
      severity: 1,
      source: 'copydesk',
      code: 'copydesk-config',
      message: `${problem.message} Copydesk uses its defaults in place of this entry.`,
    }));
    void connection.sendDiagnostics({ uri: configUri, diagnostics });
    return fresh;
  };

  const linterFor = (config: LoadedConfig, settings: Settings): Linter => {
    const merged = { ...config.config, rules: { ...config.config.rules, ...settings.rules } };
    const key = JSON.stringify(merged);
    let linter = linters.get(key);
    if (!linter) {
      if (linters.size > 8) linters.clear();
      linter = createLinter(merged);
      linters.set(key, linter);
    }
    return linter;
  };

  /** The findings of a document as it is now; empty when Copydesk is off for it. */
  const findingsFor = async (document: TextDocument): Promise<{ findings: Finding[]; tooLarge: boolean }> => {
    const settings = await settingsFor(document.uri);
    const format = formatOf(document);
    if (!settings.enable || !format || !settings.languages.includes(document.languageId)) return { findings: [], tooLarge: false };
    const text = document.getText();
    if (text.length > DOCUMENT_SIZE_LIMIT) return { findings: [], tooLarge: true };
    return { findings: linterFor(projectConfigFor(document.uri), settings).lint(text, format), tooLarge: false };
  };

  const diagnosticsFor = async (document: TextDocument): Promise<Diagnostic[]> => {
    const version = document.version;
    const { findings, tooLarge } = await findingsFor(document);
    if (tooLarge) {
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'copydesk', code: 'copydesk-size', message: `This draft is larger than ${DOCUMENT_SIZE_LIMIT / 1024 / 1024} MB; Copydesk does not lint it in the editor. Run the copydesk command line on it instead.` }];
    }
    return findings.map((finding) => toDiagnostic(finding, version));
  };

  const pushNow = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      const diagnostics = await diagnosticsFor(document);
      // A newer edit arrived while settings were being fetched: its own lint will publish.
      if (documents.get(uri)?.version !== version) return;
      published.add(uri);
      await connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      log(error, `linting ${uri}`);
    }
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
    if (canPull) connection.languages.diagnostics.refresh();
    else documents.all().forEach((document) => schedule(document.uri));
  };

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canPull = capabilities.textDocument?.diagnostic !== undefined;
    canAskConfiguration = capabilities.workspace?.configuration === true;
    canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workspaceTrusted = (params.initializationOptions as { trusted?: boolean } | undefined)?.trusted !== false;
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

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((change) => change.uri.endsWith(CONFIG_FILE_NAME))) return;
    configs.clear();
    for (const change of params.changes) if (change.uri.endsWith(CONFIG_FILE_NAME)) void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
    // Re-read configs now so their problems are published even before a draft is linted.
    documents.all().forEach((document) => projectConfigFor(document.uri));
    relintAll();
  });

  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    timers.delete(event.document.uri);
    settingsCache.delete(event.document.uri);
    if (published.delete(event.document.uri)) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    try {
      return { kind: DocumentDiagnosticReportKind.Full, items: await diagnosticsFor(document) };
    } catch (error) {
      log(error, `linting ${document.uri}`);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const format = document && formatOf(document);
    if (!document || !format) return [];
    try {
      const path = URI.parse(document.uri).fsPath;
      const actions = codeActions(document, params, format, (uri, term) => allowTermEdit(uri, term, rootFor(path)));
      const only = params.context.only;
      if (only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind !== CodeActionKind.Empty)) {
        const all = fixAll(document, await diagnosticsFor(document));
        if (all) actions.push(all);
      }
      return actions;
    } catch (error) {
      log(error, 'code actions');
      return [];
    }
  });

  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    try {
      const offset = document.offsetAt(params.position);
      const { findings } = await findingsFor(document);
      const finding = findings.find((candidate) => candidate.offset <= offset && offset <= candidate.endOffset && candidate.ruleId !== 'copydesk-directive');
      return finding ? hoverFor(document.getText(), finding) : null;
    } catch (error) {
      log(error, 'hover');
      return null;
    }
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== COMMANDS.checkWorkspace) return null;
    let files = 0;
    let total = 0;
    for (const root of workspaceRoots) {
      for (const path of draftsUnder(root)) {
        const uri = URI.file(path).toString();
        if (documents.get(uri)) continue; // open drafts are linted live
        try {
          const text = readFileSync(path, 'utf8');
          const document = TextDocument.create(uri, languageOfPath(path), 0, text);
          const diagnostics = await diagnosticsFor(document);
          files++;
          total += diagnostics.length;
          published.add(uri);
          await connection.sendDiagnostics({ uri, diagnostics });
        } catch (error) {
          log(error, `checking ${path}`);
        }
      }
    }
    return { files, findings: total };
  });

  connection.onRequest(SOURCING_REPORT_REQUEST, async (params: { uri: string }) => {
    const document = documents.get(params.uri);
    const format = document && formatOf(document);
    if (!document || !format) return '# Sourcing report\n\nOpen a markdown, plain-text or newsdraft document first.\n';
    const settings = await settingsFor(document.uri);
    const { findings, sources } = linterFor(projectConfigFor(document.uri), settings).sourcing(document.getText(), format);
    return sourcingReport(document.uri.split('/').pop() ?? document.uri, document.uri, findings, sources);
  });

  connection.onRequest(STATS_REQUEST, () => {
    let paragraphsAnalysed = 0;
    for (const linter of linters.values()) paragraphsAnalysed += linter.stats.paragraphsAnalysed;
    return { paragraphsAnalysed };
  });

  documents.listen(connection);
  connection.listen();
}

function languageOfPath(path: string): string {
  const extension = extname(path).toLowerCase();
  return extension === '.news' ? 'newsdraft' : extension === '.txt' ? 'plaintext' : 'markdown';
}

/** Drafts under a folder: skips dot-folders and node_modules, and follows no symlink (nothing outside the workspace). */
function draftsUnder(root: string, limit = 5000): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      if (found.length >= limit || name.startsWith('.') || name === 'node_modules') continue;
      const path = join(folder, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) walk(path);
      else if (DRAFT_EXTENSIONS.has(extname(name).toLowerCase())) found.push(path);
    }
  };
  walk(root);
  return found;
}
