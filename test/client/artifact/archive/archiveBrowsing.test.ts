// Browsing a release archive: files built by the real release builder, with odd names and
// non-UTF-8 or binary content, read back through the read-only file system at URIs that went
// through VS Code's own URI serialisation (vscode-uri), as a restored editor's would.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { buildArchive } from '../../../../server/src/artifact/archive';
import { selectArtifactFiles } from '../../../../server/src/artifact/select';

register('../../../vscodeHook.mjs', import.meta.url);
const vscode = await import('../../../fakeVscode');
const { URI } = await import('vscode-uri');
const { ArchiveStore } = await import('../../../../client/src/artifact/archive/ArchiveStore');
const { ArchiveFileSystem, archiveUri } = await import('../../../../client/src/artifact/archive/ArchiveFileSystem');
const { ArchiveTreeProvider } = await import('../../../../client/src/artifact/archive/ArchiveTreeProvider');

const LATIN1 = Buffer.from('caf\xe9 na\xefve\n', 'latin1');
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff]);
const FILES: Record<string, Buffer> = {
  'pyproject.toml': Buffer.from('[project]\nname = "x"\n'),
  'my pkg/#1 ?.py': Buffer.from('print("odd name")\n'),
  'données/über ✓.py': Buffer.from('NAME = "ünïcödé ✓"\n'),
  'data/100% + more.txt': LATIN1,
  'data/logo.png': BINARY,
};

const dir = mkdtempSync(join(tmpdir(), 'tilebox-browse-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The archive lives in a folder whose name needs escaping too. */
async function buildOddArchive(): Promise<string> {
  const project = join(dir, 'proj');
  for (const [rel, bytes] of Object.entries(FILES)) {
    mkdirSync(dirname(join(project, rel)), { recursive: true });
    writeFileSync(join(project, rel), bytes);
  }
  const out = join(dir, 'out #2 ?ü');
  mkdirSync(out);
  const selection = await selectArtifactFiles(project, { slug: 'odd', root: '.', include: ['**'], exclude: [], useGitignore: false });
  assert.deepEqual(selection.files.map((f) => f.path).sort(), Object.keys(FILES).sort());
  return (await buildArchive(selection, join(out, 'odd release.tar.zst'))).path;
}

const archivePath = await buildOddArchive();
const store = new ArchiveStore();
ArchiveFileSystem.register(store);
const { provider, options } = vscode.fake.fileSystems.get('tilebox-artifact')!;

/** The URI an editor restored after a reload would hand back: through a string, and through JSON. */
const viaString = (inner: string) => URI.parse(archiveUri(archivePath, inner).toString());
const viaJson = (inner: string) => URI.revive(JSON.parse(JSON.stringify(archiveUri(archivePath, inner))));

test('every file opens with its exact bytes, whatever its name, through a string or JSON URI', async () => {
  await store.open(archivePath);
  for (const [rel, bytes] of Object.entries(FILES)) {
    assert.deepEqual(Buffer.from(await provider.readFile(viaString(rel))), bytes, `${rel} via string`);
    assert.deepEqual(Buffer.from(await provider.readFile(viaJson(rel))), bytes, `${rel} via JSON`);
  }
  assert.deepEqual(await provider.readDirectory(viaString('données')), [['über ✓.py', vscode.FileType.File]]);
});

test('the archive is read-only: registered so, stat says so, every write is refused with the path', async () => {
  assert.equal(options.isReadonly, true);
  const uri = viaString('my pkg/#1 ?.py');
  assert.equal((await provider.stat(uri)).permissions, vscode.FilePermission.Readonly);
  for (const write of [
    () => provider.writeFile(uri),
    () => provider.delete(uri),
    () => provider.rename(uri),
    () => provider.createDirectory(uri),
  ]) {
    assert.throws(
      write,
      (e: { code: string; message: string }) =>
        e.code === 'NoPermissions' && e.message.includes('/my pkg/#1 ?.py') && /read-only/.test(e.message),
    );
  }
  await assert.rejects(provider.readFile(viaString('missing.py')), (e: { code: string }) => e.code === 'FileNotFound');
});

test('an editor restored after a reload loads the archive on demand; a vanished archive is a clear error', async () => {
  const fresh = new ArchiveStore();
  const fs = new ArchiveFileSystem(fresh);
  assert.deepEqual(Buffer.from(await fs.readFile(viaString('pyproject.toml') as never)), FILES['pyproject.toml']);
  const gone = URI.from({ scheme: 'tilebox-artifact', path: '/a.py', query: `archive=${encodeURIComponent(join(dir, 'gone.tar.zst'))}` });
  await assert.rejects(
    fs.readFile(gone as never),
    (e: { code: string; message: string }) => e.code === 'Unavailable' && e.message.includes('gone.tar.zst'),
  );
});

test('the archive tree marks binary and non-UTF-8 files before they are opened', async () => {
  const tree = new ArchiveTreeProvider(store);
  const [root] = await tree.getChildren();
  const data = (await root.children()).find((n) => n.model.label === 'data')!;
  const described = Object.fromEntries((await data.children()).map((n) => [n.model.label, n.model.description]));
  assert.deepEqual(described, { '100% + more.txt': `${LATIN1.length} B · not UTF-8`, 'logo.png': `${BINARY.length} B · binary` });
  const item = tree.getTreeItem((await data.children())[1]) as unknown as {
    command: { command: string; arguments: [{ path: string; query: string }] };
  };
  assert.equal(item.command.command, 'vscode.open');
  assert.equal(item.command.arguments[0].path, '/data/logo.png');
});

test('an archive rebuilt on disk is read again: the view redraws and files show the new bytes', async () => {
  const watcher = vscode.fake.watchers.find((w) => w.glob.pattern === 'odd release.tar.zst')!;
  assert.ok(watcher, 'the shown archive is watched');
  const project = join(dir, 'proj');
  writeFileSync(join(project, 'pyproject.toml'), '[project]\nname = "rebuilt"\n');
  const selection = await selectArtifactFiles(project, { slug: 'odd', root: '.', include: ['**'], exclude: [], useGitignore: false });
  await buildArchive(selection, archivePath);
  let redrawn = 0;
  store.onDidChange(() => void redrawn++);
  watcher.changed.fire(URI.file(archivePath));
  assert.equal(redrawn, 1);
  assert.equal(Buffer.from(await provider.readFile(viaString('pyproject.toml'))).toString(), '[project]\nname = "rebuilt"\n');
  store.close(archivePath);
  assert.deepEqual(store.shownArchives, []);
});
