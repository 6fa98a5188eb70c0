/**
 * The Copydesk extension in VS Code for the Web (github.dev, vscode.dev, a browser code-server): the
 * same language server, bundled for the browser (server/out/browser-server.js), runs in a web worker.
 * Everything else is copydesk-client.ts, shared with the desktop extension.
 *
 * The worker is started from a Blob of the bundle's text, not from its URL: the web extension host
 * refuses `new Worker` for an extension served from a remote (`vscode-remote:`, as code-server serves
 * it), and a Blob URL is same-origin everywhere.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { startCopydesk, stopCopydesk } from './copydesk-client';

// The web extension host's Worker; the client's typings are Node's, which do not name it.
declare class Worker {
  constructor(url: string, options?: { name?: string });
}

export async function activate(context: vscode.ExtensionContext): ReturnType<typeof startCopydesk> {
  const script = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'browser-server.js'));
  const scriptUrl = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
  // A new worker at each start: a restarted client (the "Restart Server" command, trust granted) gets a
  // fresh server, and the old one closes itself on the protocol's exit.
  // The transports, not the worker: the library tells a worker by `instanceof Worker`, and the web extension
  // host's Worker is a wrapper function whose instances are not instances of it.
  const startWorker = async (): Promise<MessageTransports> => {
    const worker = new Worker(scriptUrl, { name: 'Copydesk language server' });
    return { reader: new BrowserMessageReader(worker as never), writer: new BrowserMessageWriter(worker as never) };
  };
  return startCopydesk(context, (clientOptions) => new LanguageClient('copydesk', 'Copydesk', startWorker, clientOptions));
}

export const deactivate = stopCopydesk;
