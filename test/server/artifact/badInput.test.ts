// Bad input the selection and the builder must refuse or report, naming the path, and after
// which no archive and no temp file remain: sockets, unreadable files and folders (simulated:
// the tests may run as root), a file growing while it is read, and a full disk (injected, and a
// real 1 MB tmpfs where mounting is allowed).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import * as net from 'node:net';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { buildArchive } from '../../../server/src/artifact/archive';
import { selectArtifactFiles } from '../../../server/src/artifact/select';
import type { SelectionConfig } from '../../../server/src/config/types';
import { treesRemovedAfter } from './tree';

const tree = treesRemovedAfter();
const config: SelectionConfig = { slug: 'demo', root: 'proj', include: ['**'], exclude: [], useGitignore: false };
const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** Replaces one `node:fs` function for this test (the module namespace follows via syncBuiltinESMExports). */
function mockFs<K extends keyof typeof nodeFs>(t: TestContext, name: K, impl: (original: (typeof nodeFs)[K], ...args: any[]) => unknown) {
  const original = nodeFs[name];
  t.mock.method(nodeFs, name as never, ((...args: unknown[]) => impl(original, ...args)) as never);
  syncBuiltinESMExports();
  t.after(() => syncBuiltinESMExports());
}

const leftovers = (dir: string) => fs.readdirSync(dir);

test('a socket in the selection is a problem naming it, and the build refuses to start', async () => {
  const t = tree({ 'proj/a.py': 'x' });
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(join(t.dir, 'proj', 'agent.sock'), resolve));
  try {
    const selection = await selectArtifactFiles(t.dir, config);
    assert.deepEqual(
      selection.files.map((f) => f.path),
      ['a.py'],
    );
    assert.deepEqual(
      selection.problems.map((p) => p.message),
      ['agent.sock is a socket, not a regular file; exclude it or remove it'],
    );
    await assert.rejects(buildArchive(selection, join(t.dir, 'demo.tar.zst')), /cannot build the artifact: agent\.sock is a socket/);
    assert.equal(fs.existsSync(join(t.dir, 'demo.tar.zst')), false);
  } finally {
    server.close();
  }
});

test('an unreadable file or folder is reported by the selection, naming it', async (t) => {
  const project = tree({ 'proj/a.py': 'x', 'proj/secret.key': 'k', 'proj/locked/b.py': 'y' });
  mockFs(t, 'statSync', (original, p: string, ...rest: unknown[]) => {
    if (String(p).endsWith('secret.key')) throw errno('EACCES');
    return (original as (...a: unknown[]) => unknown)(p, ...rest);
  });
  mockFs(t, 'readdirSync', (original, p: string, ...rest: unknown[]) => {
    if (String(p).endsWith('locked')) throw errno('EACCES');
    return (original as (...a: unknown[]) => unknown)(p, ...rest);
  });
  const selection = await selectArtifactFiles(project.dir, config);
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['a.py'],
  );
  assert.deepEqual(selection.problems, [
    { path: 'locked/', message: 'cannot list folder locked/: permission denied' },
    { path: 'secret.key', message: 'cannot read secret.key: permission denied' },
  ]);
});

test('a file others may not read is checked for this process, so preview and build agree (an injected check: tests run as root)', async () => {
  const project = tree({ 'proj/a.py': 'x', 'proj/private.key': 'k', 'proj/shared.py': 'y' });
  fs.chmodSync(join(project.dir, 'proj/private.key'), 0o000);
  for (const f of ['a.py', 'shared.py']) fs.chmodSync(join(project.dir, 'proj', f), 0o644);
  const asked: string[] = [];
  const denied = (abs: string) => {
    asked.push(abs.slice(abs.lastIndexOf('/') + 1));
    return abs.endsWith('private.key') ? errno('EACCES') : undefined;
  };
  const selection = await selectArtifactFiles(project.dir, config, { readError: denied });
  assert.deepEqual(
    selection.files.map((f) => f.path),
    ['a.py', 'shared.py'],
  );
  assert.deepEqual(selection.problems, [{ path: 'private.key', message: 'cannot read private.key: permission denied' }]);
  assert.deepEqual(asked, ['private.key'], 'world-readable files cost no extra call');
  await assert.rejects(
    buildArchive(selection, join(project.dir, 'demo.tar.zst')),
    /cannot build the artifact: cannot read private\.key: permission denied/,
  );
  // The real check answers for this process: whoever runs the tests can read a file they own with mode 0600.
  fs.chmodSync(join(project.dir, 'proj/private.key'), 0o600);
  assert.deepEqual((await selectArtifactFiles(project.dir, config)).problems, []);
});

test('a file that cannot be opened at build time fails the build naming it, leaving nothing', async (t) => {
  const project = tree({ 'proj/a.py': 'x', 'proj/b.py': 'y'.repeat(5000) });
  const selection = await selectArtifactFiles(project.dir, config);
  const out = join(project.dir, 'out');
  fs.mkdirSync(out);
  mockFs(t, 'openSync', (original, p: string, ...rest: unknown[]) => {
    if (String(p).endsWith('b.py')) throw errno('EACCES');
    return (original as (...a: unknown[]) => unknown)(p, ...rest);
  });
  await assert.rejects(buildArchive(selection, join(out, 'demo.tar.zst')), {
    name: 'ArchiveInputError',
    message: 'cannot read b.py: permission denied',
  });
  assert.deepEqual(leftovers(out), []);
});

test('a file that grows while it is being read fails the build naming it, leaving nothing', async (t) => {
  const project = tree({ 'proj/a.py': 'x', 'proj/log.txt': 'line\n'.repeat(1000), 'proj/z.py': 'z' });
  const selection = await selectArtifactFiles(project.dir, config);
  const out = join(project.dir, 'out');
  fs.mkdirSync(out);
  // Something appends to the file between the builder's open and its read.
  const growing = join(project.dir, 'proj', 'log.txt');
  let appended = false;
  mockFs(t, 'readSync', (original, fd: number, ...rest: unknown[]) => {
    if (!appended && fs.fstatSync(fd).ino === fs.statSync(growing).ino) {
      appended = true;
      fs.appendFileSync(growing, 'one more line\n');
    }
    return (original as (...a: unknown[]) => unknown)(fd, ...rest);
  });
  await assert.rejects(
    buildArchive(selection, join(out, 'demo.tar.zst')),
    /^ArchiveInputError: log\.txt grew while the artifact was being built/,
  );
  assert.ok(appended);
  assert.deepEqual(leftovers(out), []);
});

test('a file that shrinks while it is being read fails the build naming it', async (t) => {
  const project = tree({ 'proj/data.bin': 'd'.repeat(3 * 1024 * 1024) });
  const selection = await selectArtifactFiles(project.dir, config);
  const out = join(project.dir, 'out');
  fs.mkdirSync(out);
  const shrinking = join(project.dir, 'proj', 'data.bin');
  let reads = 0;
  mockFs(t, 'readSync', (original, fd: number, ...rest: unknown[]) => {
    // The frames are 64 KiB here, so the file is read in many pieces; cut it after the first.
    if (++reads === 2) fs.truncateSync(shrinking, 1000);
    return (original as (...a: unknown[]) => unknown)(fd, ...rest);
  });
  await assert.rejects(
    buildArchive(selection, join(out, 'demo.tar.zst'), { frameBytes: 64 * 1024 }),
    /data\.bin shrank while the artifact was being built/,
  );
  assert.deepEqual(leftovers(out), []);
});

test('a full disk (ENOSPC from the archive file) fails naming the archive, leaving no temp file', async (t) => {
  const project = tree({ 'proj/a.py': 'x' });
  for (let i = 0; i < 8; i++) project.put(`proj/blob${i}.bin`, randomBytes(256 * 1024).toString('latin1'));
  const selection = await selectArtifactFiles(project.dir, config);
  const out = join(project.dir, 'out');
  fs.mkdirSync(out);
  const open = nodeFs.promises.open;
  let written = 0;
  t.mock.method(nodeFs.promises, 'open', async (...args: Parameters<typeof open>) => {
    const handle = await open(...args);
    const write = handle.write.bind(handle) as (...a: unknown[]) => Promise<{ bytesWritten: number }>;
    // The disk fills up after the first 300 KB.
    (handle as unknown as { write: unknown }).write = async (...a: unknown[]) => {
      if (written > 300 * 1024) throw errno('ENOSPC');
      const result = await write(...a);
      written += result.bytesWritten;
      return result;
    };
    return handle;
  });
  const target = join(out, 'demo.tar.zst');
  await assert.rejects(buildArchive(selection, target, { frameBytes: 128 * 1024 }), {
    message: `cannot write ${target}: no space left on device`,
  });
  assert.ok(written > 0, 'some frames were written before the disk filled');
  assert.deepEqual(leftovers(out), []);
});

test('a really full disk (a 1 MB tmpfs) fails naming the archive and leaves the disk as it was', async (t) => {
  const project = tree({ 'proj/a.py': 'x' });
  for (let i = 0; i < 12; i++) project.put(`proj/blob${i}.bin`, randomBytes(256 * 1024).toString('latin1'));
  const mountPoint = join(project.dir, 'small-disk');
  fs.mkdirSync(mountPoint);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
  } catch {
    t.skip('mounting a tmpfs is not allowed here (needs root); the injected ENOSPC test covers the logic');
    return;
  }
  try {
    fs.writeFileSync(join(mountPoint, 'keep.txt'), 'already here');
    const selection = await selectArtifactFiles(project.dir, config);
    const target = join(mountPoint, 'demo.tar.zst');
    await assert.rejects(buildArchive(selection, target), { message: `cannot write ${target}: no space left on device` });
    assert.deepEqual(leftovers(mountPoint), ['keep.txt']);
  } finally {
    execFileSync('umount', [mountPoint]);
  }
});

test('an interrupted build stops, says so, and leaves no temp file', async (t) => {
  const project = tree({ 'proj/a.py': 'a', 'proj/b.py': 'b', 'proj/c.py': 'c' });
  const selection = await selectArtifactFiles(project.dir, config);
  const out = join(project.dir, 'out');
  fs.mkdirSync(out);
  const controller = new AbortController();
  // Ctrl-C arrives while the second file is being opened.
  mockFs(t, 'openSync', (original, p: string, ...rest: unknown[]) => {
    if (String(p).endsWith('b.py')) controller.abort();
    return (original as (...a: unknown[]) => unknown)(p, ...rest);
  });
  const target = join(out, 'demo.tar.zst');
  await assert.rejects(buildArchive(selection, target, { signal: controller.signal }), {
    message: `interrupted; ${target} was not written`,
  });
  assert.deepEqual(leftovers(out), []);
});

test('an output path that is one of the selected files is refused before anything is written', async () => {
  const project = tree({ 'proj/a.py': 'print(1)\n', 'proj/b.py': 'b' });
  fs.symlinkSync(join(project.dir, 'proj'), join(project.dir, 'alias'));
  const selection = await selectArtifactFiles(project.dir, config);
  for (const target of [join(project.dir, 'proj', 'a.py'), join(project.dir, 'alias', 'a.py')]) {
    await assert.rejects(buildArchive(selection, target), {
      message: `refusing to write ${target}: it is a.py, one of the files going into the artifact`,
    });
  }
  assert.equal(fs.readFileSync(join(project.dir, 'proj', 'a.py'), 'utf8'), 'print(1)\n');
  assert.deepEqual(leftovers(join(project.dir, 'proj')).sort(), ['a.py', 'b.py']);
  // A selected link whose target is not selected: writing to the link's path would replace what the link ships.
  fs.symlinkSync('b.py', join(project.dir, 'proj', 'link.py'));
  const linkOnly = await selectArtifactFiles(project.dir, { ...config, include: ['a.py', 'link.py'] });
  const link = join(project.dir, 'proj', 'link.py');
  await assert.rejects(buildArchive(linkOnly, link), {
    message: `refusing to write ${link}: it is link.py, one of the files going into the artifact`,
  });
  assert.equal(fs.readlinkSync(link), 'b.py');
});
