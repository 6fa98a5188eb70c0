/**
 * The Copydesk VS Code client: starts the bundled language server, shows the active draft's count of
 * findings in the status bar, and offers three commands. Everything else lives in the server.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_COMMANDS, SOURCING_REPORT_REQUEST, type CheckWorkspaceResult, type SourcingReportParams } from '../../server/src/lsp/protocol';

const LANGUAGES = ['markdown', 'plaintext', 'newsdraft'];
const REPORT_SCHEME = 'copydesk-report';
let client: LanguageClient | undefined;

/** Starts the client; returns it so tests and other extensions can reach it. */
export async function activate(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Open .copydesk.yml files are synced too, not to lint them, but so that "Allow in this project" edits
    // the config as it stands in the editor, unsaved lines included.
    documentSelector: [...LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]), { scheme: 'file', pattern: '**/.copydesk.yml' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.copydesk.yml') },
    outputChannelName: 'Copydesk',
    // In an untrusted workspace the server ignores the project's .copydesk.yml.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    errorHandler: restartingErrorHandler(),
  };
  client = new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);

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
      if (client) client.clientOptions.initializationOptions = { trusted: true };
      void client?.restart();
    }),
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, { onDidChange: reportChanged.event, provideTextDocumentContent: (uri) => reports.get(uri.toString()) ?? '' }),
    vscode.commands.registerCommand('copydesk.restartServer', async () => {
      await client?.restart();
      vscode.window.setStatusBarMessage('Copydesk: server restarted', 3000);
    }),
    vscode.commands.registerCommand('copydesk.checkWorkspace', async () => {
      const result = await client?.sendRequest<CheckWorkspaceResult | null>('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
      const summary = result ? `Copydesk checked ${result.files} draft${result.files === 1 ? '' : 's'}: ${result.findings} finding${result.findings === 1 ? '' : 's'} (see Problems).` : 'Copydesk: no workspace folder to check.';
      void vscode.window.showInformationMessage(summary);
      return result;
    }),
    vscode.commands.registerCommand('copydesk.showSourcingReport', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) {
        void vscode.window.showWarningMessage('Copydesk: open a draft to see its sourcing report.');
        return undefined;
      }
      const markdown = await client.sendRequest<string>(SOURCING_REPORT_REQUEST, { uri: editor.document.uri.toString() } satisfies SourcingReportParams);
      const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${editor.document.uri.path.split('/').pop() ?? 'draft'} sourcing report.md` });
      reports.set(uri.toString(), markdown);
      reportChanged.fire(uri);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(document, 'markdown');
      await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
      return document;
    }),
  );

  await client.start();
  updateStatus();
  return client;
}

/** Stops the client and its server. */
export async function deactivate(): Promise<void> {
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
