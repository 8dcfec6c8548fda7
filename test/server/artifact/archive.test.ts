import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildArchive } from '../../../server/src/artifact/archive';
import { selectArtifactFiles } from '../../../server/src/artifact/select';
import type { SelectionConfig } from '../../../server/src/config/types';
import { listFiles, makeTree, type Tree } from './tree';

const trees: Tree[] = [];
after(() => trees.forEach((t) => t.remove()));
const tree = (files: Record<string, string> = {}) => {
  const t = makeTree(files);
  trees.push(t);
  return t;
};
const config: SelectionConfig = { slug: 'demo', root: 'proj', include: ['**'], exclude: [], useGitignore: true };
const LONG = `${'deep/'.repeat(25)}name-longer-than-a-ustar-field.py`;
const project = () => {
  const t = tree({
    'proj/run.sh': '#!/bin/sh\necho run\n',
    'proj/pkg/mod.py': 'print(1)\n',
    'proj/pkg/Ä-ünïcode.txt': 'ü\n',
    'proj/.env.example': 'A=1\n',
    [`proj/${LONG}`]: 'long\n',
    'proj/empty.txt': '',
  });
  fs.chmodSync(join(t.dir, 'proj/run.sh'), 0o755);
  return t;
};
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: 'pipe' });

test('two builds give identical bytes although mtimes and modes changed in between', async () => {
  const t = project();
  const first = await buildArchive(await selectArtifactFiles(t.dir, config), join(t.dir, 'a.tar.zst'));
  for (const rel of listFiles(join(t.dir, 'proj'))) {
    fs.utimesSync(join(t.dir, 'proj', rel), new Date('2031-05-06'), new Date('2031-05-06'));
    fs.chmodSync(join(t.dir, 'proj', rel), rel === 'run.sh' ? 0o700 : 0o600);
  }
  const second = await buildArchive(await selectArtifactFiles(t.dir, config), join(t.dir, 'b.tar.zst'));
  assert.deepEqual(fs.readFileSync(first.path), fs.readFileSync(second.path));
  assert.equal(first.digest, second.digest);
  assert.match(first.digest, /^[0-9a-f]{64}$/);
  assert.equal(first.digest, sha256(first.path));
  assert.equal(first.bytes, fs.statSync(first.path).size);
  assert.equal(first.files, 6);
  assert.equal(
    first.inputBytes,
    [...'#!/bin/sh\necho run\nprint(1)\nü\nA=1\nlong\n'].reduce((n, c) => n + Buffer.byteLength(c), 0),
  );
});

test('GNU tar lists exactly the selected files, in order, as root with 0644/0755 and mtime 0', async () => {
  const t = project();
  const selection = await selectArtifactFiles(t.dir, config);
  const built = await buildArchive(selection, join(t.dir, 'demo.tar.zst'));
  const lines = run('tar', '--zstd', '--numeric-owner', '--utc', '-tvf', built.path).trim().split('\n');
  const listed = lines.map((line) => {
    const [mode, owner, size, date, time, ...name] = line.split(/\s+/);
    return { mode, owner, size: Number(size), when: `${date} ${time}`, name: name.join(' ') };
  });
  assert.deepEqual(
    listed.map((l) => l.name),
    selection.files.map((f) => f.path),
  );
  for (const entry of listed) {
    assert.equal(entry.mode, entry.name === 'run.sh' ? '-rwxr-xr-x' : '-rw-r--r--', entry.name);
    assert.equal(entry.owner, '0/0');
    assert.equal(entry.when, '1970-01-01 00:00');
  }
  const out = join(t.dir, 'extracted');
  fs.mkdirSync(out);
  run('tar', '--zstd', '-xf', built.path, '-C', out);
  for (const file of selection.files) assert.deepEqual(fs.readFileSync(join(out, file.path)), fs.readFileSync(file.absPath), file.path);
  assert.deepEqual(listFiles(out).sort(), selection.files.map((f) => f.path).sort());
});

test('the archive is a sequence of zstd frames once the input outgrows one frame, and zstd -d reads it', async () => {
  const t = tree();
  for (let i = 0; i < 20; i++) t.put(`proj/f${String(i).padStart(2, '0')}.txt`, `${i}`.repeat(3000));
  const built = await buildArchive(await selectArtifactFiles(t.dir, config), join(t.dir, 'demo.tar.zst'), { frameBytes: 16 * 1024 });
  const frames = Number(/# Zstandard Frames: (\d+)/.exec(run('zstd', '-lv', built.path))?.[1]);
  assert.ok(frames > 1, `frames: ${frames}`);
  assert.equal(frames, built.frames);
  const tarBytes = execFileSync('zstd', ['-dc', built.path]);
  assert.equal(tarBytes.length % 512, 0);
  const names = execFileSync('tar', ['-tf', '-'], { input: tarBytes, encoding: 'utf8' }).trim().split('\n');
  assert.equal(names.length, 20);
});

test('a file that changes size after selection fails the build, naming it, and leaves no file', async () => {
  const t = project();
  const selection = await selectArtifactFiles(t.dir, config);
  fs.appendFileSync(join(t.dir, 'proj/pkg/mod.py'), 'more\n');
  const out = join(t.dir, 'out');
  fs.mkdirSync(out);
  await assert.rejects(buildArchive(selection, join(out, 'demo.tar.zst')), /pkg\/mod\.py grew while the artifact was being built/);
  assert.deepEqual(fs.readdirSync(out), []);
});

test('a big (streamed) file that shrinks, and a file replaced by a folder, fail naming the path', async () => {
  const t = tree({ 'proj/big.bin': 'x'.repeat(3 * 1024 * 1024), 'proj/small.txt': 'abc' });
  const out = join(t.dir, 'out');
  fs.mkdirSync(out);
  let selection = await selectArtifactFiles(t.dir, config);
  fs.truncateSync(join(t.dir, 'proj/big.bin'), 1024);
  await assert.rejects(buildArchive(selection, join(out, 'a.tar.zst')), /big\.bin shrank/);
  selection = await selectArtifactFiles(t.dir, config);
  fs.rmSync(join(t.dir, 'proj/small.txt'));
  fs.mkdirSync(join(t.dir, 'proj/small.txt'));
  await assert.rejects(buildArchive(selection, join(out, 'a.tar.zst')), /cannot read small\.txt: it is no longer a regular file/);
  fs.rmSync(join(t.dir, 'proj/small.txt'), { recursive: true });
  await assert.rejects(buildArchive(selection, join(out, 'a.tar.zst')), /cannot read small\.txt: no such file or folder/);
  assert.deepEqual(fs.readdirSync(out), []);
});

test('an output folder that does not exist, or a selection with problems, is refused without writing', async () => {
  const t = project();
  const selection = await selectArtifactFiles(t.dir, config);
  await assert.rejects(
    buildArchive(selection, join(t.dir, 'missing/demo.tar.zst')),
    /cannot write .*missing\/demo\.tar\.zst: no such file or folder/,
  );
  const broken = { ...selection, problems: [{ path: 'x', message: 'symbolic link x leads outside the workflow root (to /etc/passwd)' }] };
  await assert.rejects(buildArchive(broken, join(t.dir, 'demo.tar.zst')), /cannot build the artifact: symbolic link x leads outside/);
  assert.equal(fs.existsSync(join(t.dir, 'demo.tar.zst')), false);
});

test('building over an existing archive replaces it; an empty selection is a valid empty tar', async () => {
  const t = project();
  const target = join(t.dir, 'demo.tar.zst');
  fs.writeFileSync(target, 'old');
  await buildArchive(await selectArtifactFiles(t.dir, config), target);
  assert.equal(run('tar', '--zstd', '-tf', target).trim().split('\n').length, 6);
  const empty = await buildArchive(await selectArtifactFiles(t.dir, { ...config, include: ['nothing'] }), target);
  assert.equal(empty.files, 0);
  assert.equal(run('tar', '--zstd', '-tf', target), '');
});

test('files recreated under another umask, with new mtimes and inodes, give the same bytes; frames do not depend on chunking', async () => {
  const t = project();
  const first = await buildArchive(await selectArtifactFiles(t.dir, config), join(t.dir, 'a.tar.zst'), { frameBytes: 64 });
  const previous = process.umask(0o077);
  try {
    for (const rel of listFiles(join(t.dir, 'proj'))) {
      const file = join(t.dir, 'proj', rel);
      const bytes = fs.readFileSync(file);
      const executable = (fs.statSync(file).mode & 0o100) !== 0;
      fs.rmSync(file);
      fs.writeFileSync(file, bytes); // created 0600 under umask 077
      if (executable) fs.chmodSync(file, 0o700);
    }
  } finally {
    process.umask(previous);
  }
  assert.equal(fs.statSync(join(t.dir, 'proj/pkg/mod.py')).mode & 0o777, 0o600);
  const second = await buildArchive(await selectArtifactFiles(t.dir, config), join(t.dir, 'b.tar.zst'), { frameBytes: 64 });
  assert.deepEqual(fs.readFileSync(second.path), fs.readFileSync(first.path));
  assert.ok(first.frames > 10, `frames: ${first.frames}`);
  assert.equal(run('tar', '--zstd', '-tf', second.path).trim().split('\n').length, 6);
});

test('paths too long for ustar (pax headers) and non-ASCII names come back exactly from GNU tar', async () => {
  const t = tree();
  const names = [
    `${'segment/'.repeat(40)}deep.py`, // 327 bytes: no ustar split fits
    `${'x'.repeat(120)}.py`, // one segment over 100 bytes
    `${'dir/'.repeat(24)}${'n'.repeat(99)}`, // a 96-byte prefix and a 99-byte name: plain ustar
    'ünï/çødé ✓.txt',
  ];
  names.forEach((name, i) => t.put(`proj/${name}`, `${i}\n`.repeat(i + 1)));
  const selection = await selectArtifactFiles(t.dir, config);
  const built = await buildArchive(selection, join(t.dir, 'demo.tar.zst'));
  assert.deepEqual(
    run('tar', '--zstd', '-tf', built.path).split('\n').filter(Boolean),
    selection.files.map((f) => f.path),
  );
  const out = join(t.dir, 'extracted');
  fs.mkdirSync(out);
  run('tar', '--zstd', '-xf', built.path, '-C', out);
  for (const file of selection.files) assert.deepEqual(fs.readFileSync(join(out, file.path)), fs.readFileSync(file.absPath), file.path);
});
