/**
 * Entry point of the language server (`node server.js --stdio`). Console output goes to the client's
 * output channel, and a stray rejection is logged rather than allowed to end the server.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
process.on('unhandledRejection', (reason) => connection.console.error(`copydesk: unhandled rejection: ${String(reason)}`));
process.on('uncaughtException', (error) => connection.console.error(`copydesk: uncaught exception: ${error.stack ?? error.message}`));
startServer(connection);
