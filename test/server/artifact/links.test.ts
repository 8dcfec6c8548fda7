// Symbolic links in the selection: a link must never ship what the rules keep out, and a link's
// problem says what is wrong with it. Real links on disk.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildArchive } from '../../../server/src/artifact/archive';
import { selectionWarnings } from '../../../server/src/artifact/preview/warnings';
import { selectArtifactFiles } from '../../../server/src/artifact/select';
import { validateWorkflowConfig } from '../../../server/src/config/index';
import { git, selectionConfig, treesRemovedAfter } from './tree';

const tree = treesRemovedAfter();

test('a link to a gitignored or excluded file is left out with the reason, and the build does not store the target', async () => {
  const t = tree({ '.gitignore': '.env\n', '.env': 'API_KEY=hunter2\n', 'secrets/key': 'PRIVATE', 'main.py': '' });
  git(t.dir, 'init', '-q');
  fs.symlinkSync('.env', join(t.dir, 'config.txt'));
  fs.symlinkSync('secrets/key', join(t.dir, 'innocent.txt'));
  const selection = await selectArtifactFiles(t.dir, selectionConfig({ exclude: ['secrets/**'] }));
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['.gitignore', 'main.py'],
  );
  assert.deepEqual(selection.excluded, [
    { path: '.env', reason: '.gitignore:1 ".env"' },
    { path: 'config.txt', reason: 'links to .env, which git ignores (.gitignore:1 ".env")' },
    { path: 'innocent.txt', reason: 'links to secrets/key, which is excluded (exclude pattern "secrets/**")' },
    { path: 'secrets/', reason: 'exclude pattern "secrets/**"' },
  ]);
  const out = join(t.dir, 'demo.tar.zst');
  await buildArchive(selection, out);
  const contents = execFileSync('tar', ['--zstd', '-xOf', out], { encoding: 'utf8' });
  assert.doesNotMatch(contents, /hunter2|PRIVATE/);
});

test("a link into a folder the walk never reads still obeys that folder's .gitignore, and .git is never shipped", async () => {
  const t = tree({ 'vault/.gitignore': '*\n', 'vault/token': 'TOKEN', 'notes.txt': 'n' });
  git(t.dir, 'init', '-q');
  fs.symlinkSync('vault/token', join(t.dir, 'readme.txt'));
  fs.symlinkSync('.git/config', join(t.dir, 'settings.txt'));
  // Only *.txt: the walk never lists vault/, so its .gitignore must be read for the link.
  const selection = await selectArtifactFiles(t.dir, selectionConfig({ include: ['*.txt'] }));
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['notes.txt'],
  );
  assert.deepEqual(selection.excluded, [
    { path: 'readme.txt', reason: 'links to vault/token, which git ignores (vault/.gitignore:1 "*")' },
    { path: 'settings.txt', reason: 'links to .git/config, inside .git, which is never included' },
  ]);
});

test('a link to an included file still ships its content; with use_gitignore = false only exclude patterns count', async () => {
  const t = tree({ '.gitignore': 'data.txt\n', 'data.txt': 'inside!' });
  fs.symlinkSync('data.txt', join(t.dir, 'alias.txt'));
  const off = await selectArtifactFiles(t.dir, selectionConfig({ useGitignore: false }));
  assert.deepEqual(
    off.files.map((f) => [f.path, f.size, f.linkTarget]),
    [
      ['.gitignore', 9, undefined],
      ['alias.txt', 7, 'data.txt'],
      ['data.txt', 7, undefined],
    ],
  );
});

test('the secret warning looks at the name a link leads to', async () => {
  const t = tree({ '.env': 'X=1', 'main.py': '' });
  fs.symlinkSync('.env', join(t.dir, 'settings.txt'));
  const text = '[workflow]\nslug = "demo"\nrunner = "main:runner"\n[build]\ninclude = ["**"]\n';
  const { config: workflow } = validateWorkflowConfig(text);
  const selection = await selectArtifactFiles(t.dir, selectionConfig({ useGitignore: false }));
  const warned = selectionWarnings(workflow!, selection)
    .filter((d) => d.code === 'selection-has-secret')
    .map((d) => String(d.message).split(',')[0]);
  assert.deepEqual(warned, [
    '.env looks like an environment file with secrets',
    'settings.txt (a link to .env) looks like an environment file with secrets',
  ]);
});

test('a loop of links is called a loop, not a missing target', async () => {
  const t = tree({ 'a.py': '' });
  fs.symlinkSync('loop2', join(t.dir, 'loop1'));
  fs.symlinkSync('loop1', join(t.dir, 'loop2'));
  fs.symlinkSync('nowhere', join(t.dir, 'dangling'));
  const selection = await selectArtifactFiles(t.dir, selectionConfig());
  assert.deepEqual(
    selection.problems.map((p) => p.message),
    [
      'symbolic link dangling is broken (its target does not exist)',
      'symbolic link loop1 is part of a loop of links (following it leads back to itself); fix or remove it',
      'symbolic link loop2 is part of a loop of links (following it leads back to itself); fix or remove it',
    ],
  );
});
