// Paths shared by the harness, the seeding helper and `npm start` (no heavy imports, so each can load it).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const cache = join(root, '.e2e-cache');
export const codeServer = join(cache, 'node_modules/code-server/out/node/entry.js');
// TILEBOX_E2E_VSIX: drive another build (debugging the harness itself); default is the one setup.sh packages.
export const vsix = process.env.TILEBOX_E2E_VSIX || join(root, 'dist/tilebox-workflows.vsix');
export const standinBin = join(root, 'test/standin/bin');
export const exampleProject = join(root, 'test/fixtures/example-project');
