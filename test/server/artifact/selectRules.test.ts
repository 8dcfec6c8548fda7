import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SelectionConfig } from '../../../server/src/config/types';
import { selectArtifactFiles } from '../../../server/src/artifact/select';
import { selectionConfig, treesRemovedAfter } from './tree';

const tree = treesRemovedAfter();

test('exclude patterns win over includes and say which pattern excluded what', async () => {
  const t = tree({ 'pkg/a.py': '', 'pkg/a_test.py': '', 'pkg/__pycache__/a.pyc': '', 'pkg/__pycache__/deep/b.pyc': '' });
  const selection = await selectArtifactFiles(
    t.dir,
    selectionConfig({ include: ['**/*.py', '**/*.pyc'], exclude: ['**/__pycache__/**', '**/*_test.py'] }),
  );
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['pkg/a.py'],
  );
  assert.deepEqual(selection.excluded, [
    { path: 'pkg/__pycache__/', reason: 'exclude pattern "**/__pycache__/**"' },
    { path: 'pkg/a_test.py', reason: 'exclude pattern "**/*_test.py"' },
  ]);
});

test('excluded and ignored folders are pruned, never read', async (t) => {
  const files: Record<string, string> = { '.gitignore': '.venv/\n', 'main.py': '' };
  for (let i = 0; i < 50; i++) files[`.venv/lib/m${i}.py`] = '';
  files['node_cache/x.py'] = '';
  const dir = tree(files).dir;
  const read: string[] = [];
  // The module namespace is read-only: patch the builtin's default object and sync its named exports.
  const original = nodeFs.readdirSync;
  t.mock.method(nodeFs, 'readdirSync', (p: fs.PathLike, ...rest: unknown[]) => {
    read.push(String(p));
    return (original as (...a: unknown[]) => unknown).call(nodeFs, p, ...rest);
  });
  syncBuiltinESMExports();
  t.after(() => syncBuiltinESMExports());
  const selection = await selectArtifactFiles(dir, selectionConfig({ include: ['**/*.py'], exclude: ['node_cache/**'] }));
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['main.py'],
  );
  assert.deepEqual(read, [dir], 'only the root folder was listed');
  assert.deepEqual(
    selection.excluded.map((e) => e.path),
    ['.venv/', 'node_cache/'],
  );
});

test('folders no include can reach are not listed as excluded', async () => {
  const t = tree({ '.gitignore': 'data/\n', 'src/a.py': '', 'data/big.csv': '' });
  const selection = await selectArtifactFiles(t.dir, selectionConfig({ include: ['src/**'] }));
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['src/a.py'],
  );
  assert.deepEqual(selection.excluded, []);
});

test('the generated <slug>.tar.zst at the root is always left out, elsewhere it is a file like any other', async () => {
  const t = tree({ 'demo.tar.zst': 'x', 'sub/demo.tar.zst': 'y', 'a.py': '' });
  const selection = await selectArtifactFiles(t.dir, selectionConfig({ useGitignore: false }));
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['a.py', 'sub/demo.tar.zst'],
  );
  assert.deepEqual(selection.excluded, [{ path: 'demo.tar.zst', reason: 'generated artifact' }]);
});

test('dialect: * and ** match dotfiles, matching is case-sensitive, a folder name alone matches no file', async () => {
  const t = tree({ '.env': '', 'pkg/.hidden.py': '', 'pkg/x.py': '', 'README.MD': '', '.github/ci.yml': '' });
  const pick = async (include: string[]) => (await selectArtifactFiles(t.dir, selectionConfig({ include }))).files.map((f) => f.path);
  assert.deepEqual(await pick(['*']), ['.env', 'README.MD']);
  assert.deepEqual(await pick(['pkg/*.py']), ['pkg/.hidden.py', 'pkg/x.py']);
  assert.deepEqual(await pick(['**/*.yml']), ['.github/ci.yml']);
  assert.deepEqual(await pick(['*.md']), []);
  assert.deepEqual(await pick(['pkg']), []);
  assert.deepEqual(await pick(['./pkg/x.py']), ['pkg/x.py']);
});

test('sizes and the executable bit come from the file', async () => {
  const t = tree({ 'run.sh': '#!/bin/sh\necho hi\n', 'data.txt': '12345' });
  fs.chmodSync(join(t.dir, 'run.sh'), 0o755);
  fs.chmodSync(join(t.dir, 'data.txt'), 0o600);
  const selection = await selectArtifactFiles(t.dir, selectionConfig());
  assert.deepEqual(
    selection.files.map(({ path, size, executable }) => ({ path, size, executable })),
    [
      { path: 'data.txt', size: 5, executable: false },
      { path: 'run.sh', size: 18, executable: true },
    ],
  );
  assert.equal(selection.totalBytes, 23);
});

test('symlinks: a file inside the root ships its content, leaving the root or dangling is a problem, folders are not followed', async () => {
  const outside = tree({ 'secret.txt': 'outside' });
  const t = tree({ 'real/data.txt': 'inside!', '.gitignore': 'ignored-link\n' });
  fs.symlinkSync('real/data.txt', join(t.dir, 'link.txt'));
  fs.symlinkSync(join(outside.dir, 'secret.txt'), join(t.dir, 'escape.txt'));
  fs.symlinkSync(join(outside.dir, 'secret.txt'), join(t.dir, 'ignored-link'));
  fs.symlinkSync('nowhere', join(t.dir, 'dangling.txt'));
  fs.symlinkSync('real', join(t.dir, 'folder-link'));
  const selection = await selectArtifactFiles(t.dir, selectionConfig());
  assert.deepEqual(
    selection.files.map((f) => [f.path, f.size]),
    [
      ['.gitignore', 13],
      ['link.txt', 7],
      ['real/data.txt', 7],
    ],
  );
  assert.deepEqual(
    selection.problems.map((p) => p.path),
    ['dangling.txt', 'escape.txt'],
  );
  assert.match(selection.problems[1].message, /escape\.txt leads outside the workflow root/);
  assert.match(selection.problems[0].message, /dangling\.txt is broken/);
  assert.deepEqual(selection.excluded, [
    { path: 'folder-link/', reason: 'symbolic link to a folder (not followed)' },
    { path: 'ignored-link', reason: '.gitignore:1 "ignored-link"' },
  ]);
});

test('a named pipe that would be selected is a problem naming it; an excluded one is fine', async () => {
  const t = tree({ 'a.py': '' });
  execFileSync('mkfifo', [join(t.dir, 'pipe'), join(t.dir, 'skipped.pipe')]);
  const selection = await selectArtifactFiles(t.dir, selectionConfig({ exclude: ['*.pipe'] }));
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['a.py'],
  );
  assert.equal(selection.problems.length, 1);
  assert.match(selection.problems[0].message, /^pipe is a named pipe \(FIFO\), not a regular file/);
});

test('roots and patterns that leave the project are refused with a message naming them', async () => {
  const outside = tree({ 'x.py': '' });
  const t = tree({ 'proj/a.py': '' });
  fs.symlinkSync(outside.dir, join(t.dir, 'proj', 'elsewhere'));
  const refused = async (over: Partial<SelectionConfig>, message: RegExp) =>
    assert.rejects(selectArtifactFiles(join(t.dir, 'proj'), selectionConfig(over)), message);
  await refused({ include: ['../x/**'] }, /include pattern "\.\.\/x\/\*\*" climbs out of the workflow root/);
  await refused({ exclude: ['/etc/*'] }, /exclude pattern "\/etc\/\*" is absolute/);
  // The root gate's words, the same the root diagnostic uses.
  await refused({ root: '..' }, /root "\.\." leaves the folder of tilebox\.workflow\.toml/);
  await refused({ root: '/tmp' }, /not an absolute path like "\/tmp"/);
  await refused({ root: 'elsewhere' }, /root "elsewhere" leads outside the project folder/);
  await refused({ root: 'missing' }, /The folder "missing" does not exist/);
  await refused({ root: 'a.py' }, /root "a\.py" is a file/);
});

test('a tree big enough for the helper thread, and a small one after it, get every size and executable bit right', async () => {
  const files: Record<string, string> = {};
  // Over four batches of 1,024 files, so some batches are stat'ed on the helper thread.
  for (let i = 0; i < 6000; i++) files[`pkg${Math.floor(i / 100)}/m${i}.py`] = 'x'.repeat(i % 97);
  const t = tree(files);
  for (let i = 0; i < 6000; i += 7) fs.chmodSync(join(t.dir, `pkg${Math.floor(i / 100)}/m${i}.py`), 0o755);
  const selection = await selectArtifactFiles(t.dir, selectionConfig());
  const expected = Object.keys(files).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  assert.deepEqual(
    selection.files.map((f) => f.path),
    expected,
  );
  for (const f of selection.files) {
    const i = Number(/m(\d+)\.py$/.exec(f.path)![1]);
    assert.equal(f.size, i % 97, f.path);
    assert.equal(f.executable, i % 7 === 0, f.path);
  }
  assert.equal(
    selection.totalBytes,
    expected.reduce((n, p) => n + (Number(/m(\d+)/.exec(p)![1]) % 97), 0),
  );
  // With the helper now running, a smaller tree's files go to it too.
  const small: Record<string, string> = {};
  for (let i = 0; i < 300; i++) small[`s${i}.txt`] = 'y'.repeat(i);
  const again = await selectArtifactFiles(tree(small).dir, selectionConfig());
  assert.equal(again.files.length, 300);
  for (const f of again.files) assert.equal(f.size, Number(/s(\d+)/.exec(f.path)![1]), f.path);
});
