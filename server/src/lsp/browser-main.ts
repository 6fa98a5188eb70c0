/**
 * Entry point of the language server in a web worker (VS Code for the Web: github.dev, vscode.dev, a
 * browser code-server). The same server as `server.js`, spoken to over the worker's messages: it has no
 * disk, so every file (the project's `.copydesk.yml`, the drafts "Check all drafts" reads) is asked of
 * the client, and no lint worker of its own (it is itself off the editor's thread), so every draft is
 * linted in line, under the same size limits.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './server';

// The worker's global scope; the server's typings are Node's, which do not name it.
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
startServer(connection);
// The protocol's exit ends the worker, as it ends the Node server's process: a restarted client starts a new one.
connection.onExit(() => (globalThis as { close?: () => void }).close?.());
