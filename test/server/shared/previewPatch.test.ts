import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byteOrder } from '../../../server/src/shared/byteOrder';
import { applyPreviewPatch, diffFiles, PREVIEWS_KEPT } from '../../../server/src/shared/previewPatch';
import type { ArtifactFile, ArtifactPreview, ArtifactPreviewPatch } from '../../../server/src/shared/protocol';
import { SentPreviews } from '../../../server/src/lsp/sentPreviews';

const preview = (files: ArtifactFile[], extra: Partial<ArtifactPreview> = {}): ArtifactPreview => ({
  root: '/p',
  files,
  excluded: [],
  totalBytes: files.reduce((n, f) => n + f.size, 0),
  tasks: [],
  ...extra,
});
const sorted = (paths: string[], size = 1) => [...paths].sort(byteOrder).map((path) => ({ path, size }));

function patchOf(before: ArtifactPreview & { version: string }, after: ArtifactPreview & { version: string }): ArtifactPreviewPatch {
  const { files: _f, ...rest } = after;
  return { ...rest, base: before.version, ...diffFiles(before.files, after.files)! };
}

test('a patch turns the held file list into the new one, whatever was added, removed or resized', () => {
  // A small deterministic generator: lists drawn from one pool, so consecutive lists overlap like real selections do.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Names that sort differently by UTF-16 and by UTF-8 bytes (U+FFFD against an emoji) are in the pool too.
  const pool = ['a.py', 'a/b.py', 'a.b/c.py', 'src/x.py', 'src/\ufffd.py', 'src/\u{1F600}.py', 'z', 'Z', 'src/y/z.py', 'b'];
  for (let round = 0; round < 200; round++) {
    const pick = () => sorted(pool.filter(() => next() < 0.5)).map((f) => ({ ...f, size: 1 + Math.floor(next() * 3) }));
    const before = { ...preview(pick()), version: 'v1' };
    const after = { ...preview(pick()), version: 'v2' };
    const applied = applyPreviewPatch(before, patchOf(before, after));
    assert.deepEqual(applied?.files, after.files, `round ${round}`);
    assert.equal(applied?.version, 'v2');
    assert.equal(applied?.totalBytes, after.totalBytes);
  }
});

test('a patch carries only what changed: one created file is one entry', () => {
  const files = sorted(Array.from({ length: 1000 }, (_, i) => `src/m${i}.py`));
  const created = sorted([...files.map((f) => f.path), 'src/m5a.py']);
  const diff = diffFiles(files, created);
  assert.deepEqual(diff, { removed: [], upserted: [{ path: 'src/m5a.py', size: 1 }] });
  assert.deepEqual(diffFiles(created, files), { removed: ['src/m5a.py'], upserted: [] });
  assert.deepEqual(diffFiles(created, files, 1), { removed: ['src/m5a.py'], upserted: [] }, 'within the limit');
  assert.equal(diffFiles(created, files.slice(1), 1), undefined, 'two changes go past a limit of one');
});

test('a patch that does not fit the held preview is refused, so the client asks for the whole one', () => {
  const held = { ...preview(sorted(['a.py', 'b.py'])), version: 'v1' };
  const patch: ArtifactPreviewPatch = { ...preview([]), base: 'v1', version: 'v2', removed: ['gone.py'], upserted: [] };
  delete (patch as Partial<ArtifactPreview>).files;
  assert.equal(applyPreviewPatch(held, patch), undefined, 'a removed path the client never had');
  assert.equal(applyPreviewPatch(held, { ...patch, removed: [], base: 'v0' }), undefined, 'another base version');
  assert.equal(
    applyPreviewPatch(held, {
      ...patch,
      removed: [],
      upserted: [
        { path: 'c.py', size: 1 },
        { path: 'a0.py', size: 1 },
      ],
    }),
    undefined,
    'upserted entries out of order',
  );
});

test('the server answers the whole preview first, then patches against what it sent, and never a patch to a stranger', () => {
  const sent = new SentPreviews();
  const config = '/p/tilebox.workflow.toml';
  const first = preview(sorted(['a.py', 'b.py']));
  const whole = sent.answer(config, first);
  assert.ok('files' in whole && whole.version, 'the first answer is whole and versioned');
  const again = sent.answer(config, first, [whole.version]);
  assert.deepEqual([again.version, 'removed' in again && again.removed, 'upserted' in again && again.upserted], [whole.version, [], []]);

  const second = preview(sorted(['a.py', 'c.py']));
  const patch = sent.answer(config, second, [whole.version]);
  assert.ok('base' in patch);
  assert.deepEqual(applyPreviewPatch(whole, patch)?.files, second.files);
  assert.notEqual(patch.version, whole.version);

  // A version from another server process, or one older than the server keeps: the whole preview.
  const third = preview(sorted(['d.py']));
  assert.ok('files' in sent.answer(config, third, ['ffffffff.1']));
  // Not a list (another client's bad input): nothing is held, even where a substring would match.
  assert.ok('files' in sent.answer(config, third, `${patch.version}0` as unknown as string[]));
  assert.ok('files' in new SentPreviews().answer(config, third, [whole.version]));
  for (let i = 0; i < PREVIEWS_KEPT; i++) sent.answer(config, preview(sorted([`e${i}.py`])));
  assert.ok('files' in sent.answer(config, third, [whole.version]), 'a version the server no longer keeps');
  // A failed preview is never a base.
  const failed = sent.answer(config, { ...preview([]), error: 'syntax error' }, [patch.version]);
  assert.deepEqual(['files' in failed, failed.version], [true, undefined]);
});

test('of the versions the client holds, the patch is made against the one closest to the new preview', () => {
  const sent = new SentPreviews();
  const config = '/p/tilebox.workflow.toml';
  const wide = preview(sorted(Array.from({ length: 50 }, (_, i) => `src/m${i}.py`)));
  const narrow = preview(sorted(['src/m1.py']));
  const v1 = sent.answer(config, wide);
  const v2 = sent.answer(config, narrow, [v1.version!]);
  // The include changed back: against the wide preview the client still holds, nothing changed.
  const back = sent.answer(config, { ...wide }, [v2.version!, v1.version!]);
  assert.ok('base' in back);
  assert.deepEqual([back.base, back.removed, back.upserted], [v1.version, [], []]);
});

test("what goes over the wire is each file's path and size, not the selection's other fields", () => {
  const sent = new SentPreviews();
  const selected = (path: string) => ({ path, size: 3, absPath: `/p/${path}`, executable: false, mtimeMs: 1 });
  const whole = sent.answer('/p/tilebox.workflow.toml', preview([selected('a.py')]));
  assert.ok('files' in whole);
  assert.deepEqual(whole.files, [{ path: 'a.py', size: 3 }]);
  const patch = sent.answer('/p/tilebox.workflow.toml', preview([selected('a.py'), selected('b.py')]), [whole.version!]);
  assert.ok('upserted' in patch);
  assert.deepEqual(patch.upserted, [{ path: 'b.py', size: 3 }]);
});

test('a patch leaves out the tasks and the excluded list while they are the held preview’s, and the client keeps its own', () => {
  const sent = new SentPreviews();
  const config = '/p/tilebox.workflow.toml';
  const task = (name: string) => ({ name, version: 'v1.0', file: 'a.py', line: 1, className: name, key: `a.py:${name}` });
  const excluded = [{ path: '.venv/', reason: 'ignored by .gitignore' }];
  const first = preview(sorted(['a.py']), { tasks: [task('Fetch')], excluded });
  const whole = sent.answer(config, first);
  assert.ok('files' in whole);
  // A file event: a new module with no task; the server made new (equal) task objects.
  const created = preview(sorted(['a.py', 'b.py']), { tasks: [task('Fetch')], excluded: [...excluded] });
  const patch = sent.answer(config, created, [whole.version!]);
  assert.ok('base' in patch);
  assert.deepEqual(['tasks' in patch, 'excluded' in patch], [false, false]);
  const applied = applyPreviewPatch(whole, patch);
  assert.deepEqual([applied?.tasks, applied?.excluded, applied?.files.length], [[task('Fetch')], excluded, 2]);

  // A task renamed and a folder excluded: both go out whole.
  const changed = preview(sorted(['a.py', 'b.py']), {
    tasks: [task('FetchScene')],
    excluded: [...excluded, { path: 'b.py', reason: 'x' }],
  });
  const next = sent.answer(config, changed, [patch.version!]);
  assert.ok('base' in next);
  const held = applyPreviewPatch(applied!, next);
  assert.deepEqual([held?.tasks.map((t) => t.name), held?.excluded.length], [['FetchScene'], 2]);
});
