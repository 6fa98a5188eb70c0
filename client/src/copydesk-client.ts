/**
 * What the Copydesk extension does in every host, desktop and web: the language client's options, the
 * status bar count, the three commands, the sourcing report, and the workspace's files served to the
 * server. The hosts differ only in how the server starts (extension.ts: a Node process;
 * browser-extension.ts: a web worker), so both get the same features from this one module.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type BaseLanguageClient, type DocumentSelector, type ErrorHandler, type LanguageClientOptions } from 'vscode-languageclient';
import { SERVER_COMMANDS, SOURCING_REPORT_REQUEST, type CheckWorkspaceResult, type SourcingReportParams } from '../../server/src/lsp/protocol';
import { serveWorkspaceFiles } from './workspace-files';

const LANGUAGES = ['markdown', 'plaintext', 'newsdraft'];
const REPORT_SCHEME = 'copydesk-report';

/**
 * The URI schemes drafts are linted in: files on disk, unsaved buffers, and wherever the workspace lives
 * (`vscode-vfs` on github.dev, `vscode-remote` in a browser code-server). Not every scheme: a git diff's
 * old side or an output channel is not a draft.
 */
function draftSchemes(): string[] {
  return [...new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)])];
}

/** How each host creates its client: the server it starts differs, the options are these. */
export type CreateClient = (options: LanguageClientOptions) => BaseLanguageClient;

let client: BaseLanguageClient | undefined;

/** Starts Copydesk with a host's client; returns the client so tests and other extensions can reach it. */
export async function startCopydesk(context: vscode.ExtensionContext, createClient: CreateClient): Promise<BaseLanguageClient> {
  const schemes = draftSchemes();
  const documentSelector: DocumentSelector = [
    ...LANGUAGES.flatMap((language) => schemes.map((scheme) => ({ scheme, language }))),
    // Open .copydesk.yml files are synced too, not to lint them, but so that "Allow in this project" edits
    // the config as it stands in the editor, unsaved lines included.
    ...schemes.filter((scheme) => scheme !== 'untitled').map((scheme) => ({ scheme, pattern: '**/.copydesk.yml' })),
  ];
  // In an untrusted workspace the server ignores the project's .copydesk.yml. `workspaceFiles`: this client
  // answers the server's requests for the workspace's files (the browser server has no disk).
  const initializationOptions = () => ({ trusted: vscode.workspace.isTrusted, workspaceFiles: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.copydesk.yml') },
    outputChannelName: 'Copydesk',
    initializationOptions: initializationOptions(),
    errorHandler: restartingErrorHandler(),
  };
  client = createClient(clientOptions);
  const started = client;
  serveWorkspaceFiles(started);
  // Only the Node client has restart(); stop and start is what it does, and the web client's worker factory gives a fresh server.
  const restart = async (): Promise<void> => {
    if (started.isRunning()) await started.stop();
    await started.start();
  };

  const status = vscode.window.createStatusBarItem('copydesk.findings', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Copydesk findings';
  status.command = 'workbench.actions.view.problems';
  const updateStatus = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !LANGUAGES.includes(editor.document.languageId)) {
      status.hide();
      return;
    }
    const count = vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.source === 'copydesk').length;
    status.text = `$(checklist) Copydesk: ${count}`;
    status.tooltip = `${count} Copydesk finding${count === 1 ? '' : 's'} in this draft. Click to open Problems.`;
    status.show();
  };

  const reports = new Map<string, string>();
  const reportChanged = new vscode.EventEmitter<vscode.Uri>();

  context.subscriptions.push(
    status,
    reportChanged,
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      started.clientOptions.initializationOptions = initializationOptions();
      void restart();
    }),
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, { onDidChange: reportChanged.event, provideTextDocumentContent: (uri) => reports.get(uri.toString()) ?? '' }),
    vscode.commands.registerCommand('copydesk.restartServer', async () => {
      await restart();
      vscode.window.setStatusBarMessage('Copydesk: server restarted', 3000);
    }),
    vscode.commands.registerCommand('copydesk.checkWorkspace', async () => {
      const result = await started.sendRequest<CheckWorkspaceResult | null>('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
      const summary = result ? `Copydesk checked ${result.files} draft${result.files === 1 ? '' : 's'}: ${result.findings} finding${result.findings === 1 ? '' : 's'} (see Problems).` : 'Copydesk: no workspace folder to check.';
      void vscode.window.showInformationMessage(summary);
      return result;
    }),
    vscode.commands.registerCommand('copydesk.showSourcingReport', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showWarningMessage('Copydesk: open a draft to see its sourcing report.');
        return undefined;
      }
      const markdown = await started.sendRequest<string>(SOURCING_REPORT_REQUEST, { uri: editor.document.uri.toString() } satisfies SourcingReportParams);
      const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${editor.document.uri.path.split('/').pop() ?? 'draft'} sourcing report.md` });
      reports.set(uri.toString(), markdown);
      reportChanged.fire(uri);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(document, 'markdown');
      await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
      return document;
    }),
  );

  await started.start();
  updateStatus();
  return started;
}

/** Stops the client and its server. */
export async function stopCopydesk(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** A server that dies this often within the window is left stopped, so a crash loop does not spin. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts a server that died. The library's default handler shuts the client down after the fourth
 * failed write in a row, and an editor sends several messages in the moment a server dies mid-lint, so
 * a crash could leave the drafts unchecked; writes that fail are instead left to the close handler.
 * The buffers are VS Code's, so a restarted server re-reads every open draft and nothing is lost.
 */
function restartingErrorHandler(): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        return { action: CloseAction.DoNotRestart, message: `The Copydesk server stopped ${MAX_RESTARTS} times in three minutes and was not restarted. See the Copydesk output; "Copydesk: Restart Server" starts it again.` };
      }
      restarts.push(now);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
