import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compress } from '@mongodb-js/zstd';
import tar from 'tar-stream';
import { ArchiveIndex } from '../../../server/src/shared/archiveIndex';
import { ArchiveReadError, readArchive, readArchiveFile } from '../../../server/src/shared/readArchive';
import { buildArchive } from '../../../server/src/artifact/archive';
import { selectArtifactFiles } from '../../../server/src/artifact/select';

interface Spec {
  name: string;
  body?: string;
  size?: number;
  type?: 'file' | 'directory' | 'symlink';
  linkname?: string;
  mode?: number;
}

async function tarOf(entries: Spec[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const e of entries) {
    const body = e.body !== undefined ? Buffer.from(e.body) : e.size !== undefined ? Buffer.alloc(e.size, 7) : undefined;
    const header = { name: e.name, type: e.type ?? 'file', linkname: e.linkname, mode: e.mode ?? 0o644, mtime: new Date(0) } as const;
    await new Promise<void>((resolve, reject) => {
      const callback = (err?: Error | null) => (err ? reject(err) : resolve());
      if (body) pack.entry(header, body, callback);
      else pack.entry(header, callback);
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Compress as the release builder does: one zstd frame per `frameBytes` of tar. */
async function zstdFrames(data: Buffer, frameBytes = 4096): Promise<Buffer> {
  const frames: Buffer[] = [];
  for (let at = 0; at < data.length; at += frameBytes) frames.push(await compress(data.subarray(at, at + frameBytes), 3));
  return Buffer.concat(frames);
}

const project: Spec[] = [
  { name: 'pyproject.toml', body: '[project]\nname = "x"\n' },
  { name: 'scene_qa/tasks.py', body: 'class A: ...\n'.repeat(800) },
  { name: 'scene_qa/runner.py', body: 'runner = 1\n', mode: 0o755 },
  { name: 'scene_qa/nested/deep.py', body: '' },
];

test('reads a multi-frame .tar.zst back into files, with implied folders browsable', async () => {
  const tarBytes = await tarOf(project);
  const archive = await zstdFrames(tarBytes);
  const { entries, tarBytes: inflated, compressedBytes } = await readArchive(archive);
  assert.equal(inflated, tarBytes.length);
  assert.equal(compressedBytes, archive.length);
  assert.deepEqual(
    entries.map((e) => [e.path, e.type, e.size, e.mode]),
    project.map((p) => [p.name, 'file', Buffer.byteLength(p.body!), p.mode ?? 0o644]),
  );
  assert.equal(Buffer.from(entries[1].data!).toString(), project[1].body);

  const index = new ArchiveIndex(entries);
  assert.deepEqual(
    index.list('').map((n) => [n.name, n.type]),
    [
      ['scene_qa', 'directory'],
      ['pyproject.toml', 'file'],
    ],
  );
  assert.deepEqual(
    index.list('scene_qa/').map((n) => n.name),
    ['nested', 'runner.py', 'tasks.py'],
  );
  assert.equal(index.get('/scene_qa/nested/deep.py')?.type, 'file');
  assert.equal(index.get('missing.py'), undefined);
  assert.equal(index.fileCount, 4);
});

test('keeps ./-prefixed names, folder entries and symlinks as what they are', async () => {
  const archive = await zstdFrames(
    await tarOf([
      { name: './', type: 'directory' },
      { name: './pkg/', type: 'directory' },
      { name: './pkg/a.py', body: 'a' },
      { name: './pkg/link.py', type: 'symlink', linkname: 'a.py' },
    ]),
  );
  const { entries } = await readArchive(archive);
  assert.deepEqual(
    entries.map((e) => [e.path, e.type, e.linkname]),
    [
      ['pkg', 'directory', undefined],
      ['pkg/a.py', 'file', undefined],
      ['pkg/link.py', 'symlink', 'a.py'],
    ],
  );
});

test('refuses an archive with a ../ entry, naming it', async () => {
  const archive = await zstdFrames(
    await tarOf([
      { name: 'ok.py', body: 'x' },
      { name: '../evil', body: 'boom' },
    ]),
  );
  await assert.rejects(
    readArchive(archive),
    (e: Error) => e instanceof ArchiveReadError && /entry "\.\.\/evil" climbs out of the archive/.test(e.message),
  );
  const nested = await zstdFrames(await tarOf([{ name: 'pkg/../../evil.py', body: 'x' }]));
  await assert.rejects(readArchive(nested), /entry "pkg\/\.\.\/\.\.\/evil\.py" climbs out/);
});

test('refuses an archive with an absolute entry, naming it', async () => {
  const archive = await zstdFrames(await tarOf([{ name: '/etc/cron.d/evil', body: 'x' }]));
  await assert.rejects(
    readArchive(archive),
    (e: Error) => e instanceof ArchiveReadError && e.message.includes('entry "/etc/cron.d/evil" has an absolute path'),
  );
});

test('refuses to inflate past the size cap, before decompressing the frame that crosses it', async () => {
  const archive = await zstdFrames(await tarOf([{ name: 'big.bin', size: 300_000 }]), 64 * 1024);
  assert.ok(archive.length < 10_000, 'highly compressible input: the cap is about inflated, not stored, size');
  await assert.rejects(readArchive(archive, { maxBytes: 100_000 }), /larger than 97\.7 KB when decompressed.*tar --zstd -xf/);
  const { entries } = await readArchive(archive, { maxBytes: 1024 * 1024 });
  assert.equal(entries[0].size, 300_000);
});

test('not zstd, truncated and corrupted input give a clear error, not a crash', async () => {
  const tarBytes = await tarOf(project);
  await assert.rejects(readArchive(tarBytes), /Not a readable \.tar\.zst: this is not zstd-compressed data/);
  const archive = await zstdFrames(tarBytes);
  await assert.rejects(readArchive(archive.subarray(0, archive.length - 5)), /truncated/);
  await assert.rejects(readArchive(new Uint8Array(0)), /Not a readable \.tar\.zst: the file is empty/);
  const corrupt = Buffer.from(archive);
  corrupt.fill(0xff, 20, 40);
  await assert.rejects(readArchive(corrupt), ArchiveReadError);
  const notTar = await compress(Buffer.from('just some text, not a tar file at all'.repeat(20)), 3);
  await assert.rejects(readArchive(notTar), ArchiveReadError);
});

test('reads back what the release builder writes for the example project, byte for byte', async () => {
  const example = fileURLToPath(new URL('../../fixtures/example-project/', import.meta.url));
  const out = mkdtempSync(join(tmpdir(), 'tilebox-read-'));
  try {
    const selection = await selectArtifactFiles(example, { slug: 'scene-qa', root: '.', include: ['**'], exclude: [], useGitignore: true });
    // Small frames, so the reader has to walk several of them.
    const built = await buildArchive(selection, join(out, 'scene-qa.tar.zst'), { frameBytes: 1024 });
    assert.ok(built.frames > 1);
    const { entries } = await readArchiveFile(built.path);
    const files = entries.filter((e) => e.type === 'file');
    assert.deepEqual(
      files.map((e) => e.path),
      selection.files.map((f) => f.path),
    );
    for (const [i, f] of selection.files.entries()) {
      assert.deepEqual(Buffer.from(files[i].data!), readFileSync(f.absPath), f.path);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
