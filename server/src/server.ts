// Language server entry point (`node dist/server.js --stdio`, or node-ipc from the client).
// Everything it does lives in ./lsp; this file only picks the transport.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/languageServer';
import { describeError } from './lsp/guard';

const connection = startServer(createConnection(ProposedFeatures.all));
// Last line of defence: an editor's language server must outlive any bug in a handler.
process.on('uncaughtException', (error) => connection.console.error(`tilebox: unexpected error: ${describeError(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`tilebox: unhandled rejection: ${describeError(error)}`));
