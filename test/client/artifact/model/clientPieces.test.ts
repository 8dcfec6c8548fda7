// Pure client pieces of the artifact UI: how an archive file will open (text, not UTF-8,
// binary), the top-level row of the Artifact view for each situation, and archive URIs.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { URI } from 'vscode-uri';
import { contentKind } from '../../../../client/src/artifact/model/contentKind';
import { artifactRootMessage, type ViewInputs } from '../../../../client/src/artifact/model/viewStatus';
import { archivePathOf, archiveUriParts } from '../../../../client/src/artifact/model/archiveItems';
import { owningConfig } from '../../../../client/src/artifact/model/owningConfig';
import type { ArtifactPreview } from '../../../../server/src/shared/protocol';

test('content kind: UTF-8 text, other encodings, UTF-16 with a BOM, and binary as VS Code judges it', () => {
  assert.equal(contentKind(Buffer.from('héllo ✓\n')), 'text');
  assert.equal(contentKind(new Uint8Array()), 'text', 'an empty file is text');
  assert.equal(contentKind(Buffer.from('caf\xe9\n', 'latin1')), 'not-utf8');
  assert.equal(contentKind(Buffer.from('\ufeffhi', 'utf16le')), 'utf16');
  assert.equal(contentKind(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00])), 'binary');
  const lateNul = Buffer.concat([Buffer.alloc(600, 'a'), Buffer.from([0])]);
  assert.equal(contentKind(lateNul), 'text', 'only the first 512 bytes decide "binary", as in VS Code');
  // A multi-byte character cut by the 64 KB sniffing window is still UTF-8.
  const cut = Buffer.concat([Buffer.alloc(64 * 1024 - 1, 'a'), Buffer.from('✓'), Buffer.from('tail')]);
  assert.equal(contentKind(cut), 'text');
});

const ready: ArtifactPreview = { root: '/p', files: [], excluded: [], totalBytes: 0, tasks: [] };
const running = { kind: 'running' } as const;
const row = (inputs: ViewInputs) => {
  const m = artifactRootMessage(inputs);
  return m && `${m.kind}: ${m.text}${m.action ? ` [${m.action}]` : ''}`;
};

test('the Artifact view top row: server state first, then the config, then its preview', () => {
  const stopped = { kind: 'stopped', message: 'crashed' } as const;
  assert.equal(
    row({ server: stopped, configKey: 'file:///p/tilebox.workflow.toml', configCount: 1, state: { kind: 'ready', preview: ready } }),
    'error: The Tilebox language server is not running [showOutput]',
    'a stale preview is not shown as if current',
  );
  assert.equal(row({ server: running, configCount: 0 }), 'empty: No tilebox.workflow.toml in this workspace');
  assert.equal(
    row({ server: { kind: 'starting' }, configCount: 0 }),
    'empty: No tilebox.workflow.toml open',
    'not "none in the workspace" before the search ran',
  );
  assert.equal(
    row({ server: { kind: 'starting' }, configKey: 'k', configCount: 1, state: { kind: 'loading' } }),
    'loading: Starting the Tilebox language server…',
  );
  assert.equal(row({ server: running, configKey: 'k', configCount: 1, state: { kind: 'loading' } }), 'loading: Computing the artifact…');
  assert.equal(row({ server: running, configKey: 'k', configCount: 1, state: { kind: 'ready', preview: ready } }), undefined);
  const long = `tilebox.workflow.toml: ${'x'.repeat(100)}`;
  const failed = artifactRootMessage({ server: running, configKey: 'k', configCount: 1, state: { kind: 'failed', message: long } })!;
  assert.equal(failed.text.length, 80);
  assert.ok(failed.text.endsWith('…'));
  assert.ok(failed.detail!.startsWith(long), 'the tooltip has the whole message');
  assert.equal(failed.action, 'openConfig');
});

test('archive URIs survive VS Code serialisation with spaces, #, ?, %, + and non-ASCII in both paths', () => {
  const archives = [
    '/home/u/my wf/scene-qa.tar.zst',
    '/tmp/#1 ?x=y&z/a+b%20c.tar.zst',
    '/data/données/über ✓.tar.zst',
    'C:\\Users\\Ünï\\a b.tar.zst',
  ];
  const inner = ['scene_qa/tasks.py', 'my pkg/#1 ?.py', 'données/über ✓.py', '100% + more.txt', 'a/b%2Fc.py'];
  for (const archive of archives) {
    for (const file of inner) {
      const uri = URI.from(archiveUriParts(archive, file));
      // toString() and JSON are how editors persist URIs (toString(true) is for display and lossy for "%2F").
      for (const back of [URI.parse(uri.toString()), URI.revive(JSON.parse(JSON.stringify(uri)))]) {
        assert.equal(back.scheme, 'tilebox-artifact');
        assert.equal(back.path, `/${file}`, `${archive} :: ${file}`);
        assert.equal(archivePathOf(back.query), archive, `${archive} :: ${file}`);
      }
    }
  }
  assert.equal(archiveUriParts('/a.tar.zst', '/lead/x.py').path, '/lead/x.py', 'no doubled slash');
});

test('the view follows the config whose artifact root holds the opened file, the deepest one when roots nest', () => {
  const roots = [
    ['a', join('/ws')],
    ['b', join('/ws', 'pkg')],
    ['c', join('/ws', 'pkg-other')],
  ] as const;
  assert.equal(owningConfig(join('/ws', 'pkg', 'tasks.py'), roots), 'b');
  assert.equal(owningConfig(join('/ws', 'pkg-other', 'x.py'), roots), 'c', 'a name prefix is not a parent folder');
  assert.equal(owningConfig(join('/ws', 'README.md'), roots), 'a');
  assert.equal(owningConfig(join('/elsewhere', 'x.py'), roots), undefined);
  assert.equal(owningConfig(join('/ws'), roots), undefined, 'the root folder itself is not a file in it');
});
