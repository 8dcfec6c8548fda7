// Architecture: a server module that touches the file system either passes `[workflow].root`
// through the root gate or is listed here with the reason it never needs to. A new feature that
// reads files fails this test until it goes through gateRoot (or a reviewer accepts its reason).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../../server/src', import.meta.url));
const FILE_SYSTEM = /from ['"](node:)?fs(\/promises)?['"]|from ['"]fast-glob['"]|require\(['"](node:)?fs['"]\)/;
const GATED = /from ['"](\.\/|\.\.\/artifact\/|\.\.\/)rootGate['"]/;

/** Modules that read or write files but never below a root of their own choosing. */
const NO_ROOT_OF_THEIR_OWN: Record<string, string> = {
  'artifact/rootGate.ts': 'the gate itself',
  'artifact/fileFacts.ts': "the validator's lookups; its one walk (includeMatches) checks the root rule first",
  'artifact/fileSizes.ts': 'stats the files of a Selection, which only select.ts makes, below a gated root',
  'artifact/statWorker.ts': 'the helper thread of fileSizes: stats the paths fileSizes hands it',
  'artifact/listing.ts':
    'lists the folders of the walk select.ts runs below a gated root (from disk or the project index, which select.ts alone feeds)',
  'artifact/rawNames.ts': 'reads the raw names of a folder the selection walk lists',
  'artifact/preview/moduleCache.ts': 'reads the Python files of a Selection',
  'artifact/gitignore.ts': 'reads ignore files for the walk select.ts runs below a gated root',
  'artifact/readFiles.ts': 'reads the files of a Selection into the archive',
  'artifact/frameWriter.ts': 'writes the archive file',
  'artifact/archive.ts': 'writes the archive of a Selection',
  'artifact/project.ts': 'finds and reads tilebox.workflow.toml itself (the walk goes up, to the config)',
  'headless/findConfigs.ts': 'lists the config files below the folder it is given',
  'headless/vscodeSettings.ts': 'reads the nearest .vscode/settings.json above a config it is given',
  'lsp/projectFiles.ts': 'lists the top of a root editorFeatures has just passed through gateRoot (the include quick fix)',
  'lsp/configStore.ts': 'finds tilebox.workflow.toml files in the workspace folders and reads them',
  'shared/readArchive.ts': 'reads a built archive the user opens',
};

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

test('every server module that touches the file system goes through the root gate or says why it need not', () => {
  const readers = sources(SRC).filter((file) => FILE_SYSTEM.test(fs.readFileSync(file, 'utf8')));
  const ungated = readers
    .map((file) => relative(SRC, file).split('\\').join('/'))
    .filter((rel) => !NO_ROOT_OF_THEIR_OWN[rel] && !GATED.test(fs.readFileSync(join(SRC, rel), 'utf8')));
  assert.deepEqual(ungated, [], 'these modules read files without gateRoot');
  // No stale entries: a listed module that stopped touching files leaves the list.
  const rels = new Set(readers.map((file) => relative(SRC, file).split('\\').join('/')));
  assert.deepEqual(
    Object.keys(NO_ROOT_OF_THEIR_OWN).filter((rel) => !rels.has(rel)),
    [],
  );
});

test('the features that resolve [workflow].root call the gate', () => {
  for (const rel of ['artifact/select.ts', 'lsp/runnerCandidates.ts', 'lsp/checkConfig.ts']) {
    assert.match(fs.readFileSync(join(SRC, rel), 'utf8'), /gateRoot\(/, rel);
  }
  // Nothing else turns the root value into a path on its own.
  const own = sources(SRC)
    .filter((file) => !file.endsWith('rootGate.ts'))
    .filter((file) => /path\.(resolve|join)\([^)]*\broot\??\.value/.test(fs.readFileSync(file, 'utf8')));
  assert.deepEqual(
    own.map((f) => relative(SRC, f)),
    [],
  );
});
