/**
 * The Copydesk extension in desktop VS Code: the language server runs as a Node process beside the
 * editor (server/out/server.js). Everything else is copydesk-client.ts, shared with the web extension.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { startCopydesk, stopCopydesk } from './copydesk-client';

export function activate(context: vscode.ExtensionContext): ReturnType<typeof startCopydesk> {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return startCopydesk(context, (clientOptions) => new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions));
}

export const deactivate = stopCopydesk;
