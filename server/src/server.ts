// Language server entry point (`node dist/server.js --stdio`, or node-ipc from the client).
// Everything it does lives in ./lsp; this file only picks the transport.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/languageServer';
import { describeError } from './lsp/guard';
import { countIpcSends } from './lsp/outputSent';

// Over node-ipc, know when a sent message has left (lsp/outputSent.ts); before the connection takes `process.send`.
countIpcSends(process as { send?: (message: unknown, ...rest: unknown[]) => boolean });
const connection = startServer(createConnection(ProposedFeatures.all));
// Last line of defence: an editor's language server must outlive any bug in a handler.
process.on('uncaughtException', (error) => connection.console.error(`tilebox: unexpected error: ${describeError(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`tilebox: unhandled rejection: ${describeError(error)}`));
