// Names and patterns at the edges: names that are not UTF-8, the temp files of a killed build,
// patterns with empty segments or a leading escape. Each is what preview and build see.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import picomatch from 'picomatch';
import { buildArchive } from '../../../server/src/artifact/archive';
import { compileGlob, unsafePathReason } from '../../../server/src/artifact/glob';
import { selectArtifactFiles } from '../../../server/src/artifact/select';
import type { SelectionConfig } from '../../../server/src/config/types';
import { selectionConfig, treesRemovedAfter } from './tree';

const tree = treesRemovedAfter();
const config = (over: Partial<SelectionConfig> = {}) => selectionConfig({ useGitignore: false, ...over });
/** A path of raw bytes below `dir` (Node takes a Buffer path as bytes). */
const rawPath = (dir: string, ...bytes: (string | number[])[]) =>
  Buffer.concat([Buffer.from(`${dir}/`), ...bytes.map((b) => (typeof b === 'string' ? Buffer.from(b) : Buffer.from(b)))]);

test('a file or folder whose name is not UTF-8 is a problem naming its bytes, and the build refuses it', async () => {
  const t = tree({ 'a.py': '', 'src/ok.py': '' });
  fs.writeFileSync(rawPath(t.dir, 'src/caf', [0xe9], '.py'), 'x');
  fs.mkdirSync(rawPath(t.dir, 'd', [0xff]));
  fs.writeFileSync(rawPath(t.dir, 'd', [0xff], '/x.py'), 'y');
  fs.writeFileSync(rawPath(t.dir, 'skip', [0xfe], '.pyc'), 'z');
  // A real U+FFFD in a name is valid UTF-8: an ordinary file.
  fs.writeFileSync(join(t.dir, 'odd\uFFFD.py'), 'ok');
  const selection = await selectArtifactFiles(t.dir, config({ exclude: ['*.pyc'] }));
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['a.py', 'odd\uFFFD.py', 'src/ok.py'],
  );
  assert.deepEqual(selection.problems, [
    { path: 'd\\xff', message: 'd\\xff: folder name is not UTF-8; rename it' },
    { path: 'src/caf\\xe9.py', message: 'src/caf\\xe9.py: file name is not UTF-8; rename it' },
  ]);
  assert.deepEqual(selection.excluded, [{ path: 'skip\\xfe.pyc', reason: 'exclude pattern "*.pyc"' }]);
  await assert.rejects(buildArchive(selection, join(t.dir, 'demo.tar.zst')), /cannot build the artifact: d\\xff: folder name is not UTF-8/);
});

test('the temp file a killed build leaves is never selected, wherever the build wrote it', async () => {
  const t = tree({ 'a.py': '', '.demo.tar.zst.0123456789ab.tmp': 'half', 'out/.x.tar.zst.a1b2c3d4e5f6.tmp': 'half', 'notes.tmp': '' });
  const selection = await selectArtifactFiles(t.dir, config());
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['a.py', 'notes.tmp'],
  );
  assert.deepEqual(selection.excluded, [
    { path: '.demo.tar.zst.0123456789ab.tmp', reason: 'temporary file of an unfinished build' },
    { path: 'out/.x.tar.zst.a1b2c3d4e5f6.tmp', reason: 'temporary file of an unfinished build' },
  ]);
});

test('patterns with empty segments compile: a trailing "/" matches no file, "//" is one "/"', async () => {
  const t = tree({ 'src/a.py': '', 'main.py': '' });
  for (const pattern of ['src/', 'src/**/', '**/', 'src//']) {
    assert.doesNotThrow(() => compileGlob(pattern), pattern);
    const selection = await selectArtifactFiles(t.dir, config({ include: [pattern] }));
    assert.deepEqual(selection.files, [], pattern);
  }
  const doubled = await selectArtifactFiles(t.dir, config({ include: ['src//a.py', 'main.py'], exclude: ['main.py/'] }));
  assert.deepEqual(
    doubled.files.map((f) => f.path),
    ['main.py', 'src/a.py'],
    'an exclude ending with "/" excludes no file either',
  );
});

test('a leading backslash that escapes a glob character is a relative pattern; UNC and drive paths stay absolute', async () => {
  const t = tree({ '[draft].py': 'd', 'd.py': '' });
  const selection = await selectArtifactFiles(t.dir, config({ include: ['\\[draft\\].py'] }));
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['[draft].py'],
  );
  assert.equal(unsafePathReason('\\*.py'), undefined);
  for (const absolute of ['\\\\server\\share\\x.py', '\\src\\x.py', 'C:\\x.py', 'c:/x.py', '/etc/x']) {
    assert.match(unsafePathReason(absolute) ?? '', /is absolute/, absolute);
  }
});

test("a compiled pattern answers as picomatch's own matcher does, for every path", () => {
  const patterns = ['**', 'src/**', 'src/**/*.py', '*.py', 'a/*/b', '{src,lib}/**/*.{py,pyi}', '!(x).py', '\\[draft\\].py', 'src/**/'];
  const paths = [
    'src/a.py',
    'src/x/y.pyi',
    'lib/b.py',
    'a.py',
    'a/c/b',
    'a/c/d/b',
    '.env',
    'src/.hidden/k.py',
    '[draft].py',
    'x.py',
    'src',
  ];
  for (const pattern of patterns) {
    const reference = picomatch(pattern, { dot: true, nocase: false });
    for (const path of paths) assert.equal(compileGlob(pattern).matches(path), reference(path), `${pattern} on ${path}`);
  }
});
