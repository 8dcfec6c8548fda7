import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HeldPreviews } from '../../../../client/src/artifact/model/heldPreviews';
import type { ArtifactPreview, ArtifactPreviewPatch } from '../../../../server/src/shared/protocol';

const whole = (version: string, paths: string[]): ArtifactPreview => ({
  root: '/p',
  files: paths.map((path) => ({ path, size: 1 })),
  excluded: [],
  totalBytes: paths.length,
  tasks: [],
  version,
});
const patch = (base: string, version: string, removed: string[], upserted: string[]): ArtifactPreviewPatch => ({
  root: '/p',
  excluded: [],
  totalBytes: 0,
  tasks: [],
  base,
  version,
  removed,
  upserted: upserted.map((path) => ({ path, size: 1 })),
});

test('the client names the previews it holds, newest first, and turns patches into whole previews', () => {
  const held = new HeldPreviews();
  assert.deepEqual(held.have('k'), []);
  assert.deepEqual(
    held.take('k', whole('s.1', ['a.py', 'b.py']))?.files.map((f) => f.path),
    ['a.py', 'b.py'],
  );
  assert.deepEqual(held.have('k'), ['s.1']);
  assert.deepEqual(
    held.take('k', patch('s.1', 's.2', ['a.py'], ['c.py']))?.files.map((f) => f.path),
    ['b.py', 'c.py'],
  );
  assert.deepEqual(held.have('k'), ['s.2', 's.1']);
  // Answers that crossed: a patch against the previous version still applies.
  assert.deepEqual(
    held.take('k', patch('s.1', 's.3', [], ['a0.py']))?.files.map((f) => f.path),
    ['a.py', 'a0.py', 'b.py'],
  );
  // One against a version long gone does not: the caller asks again for the whole preview.
  assert.equal(held.take('k', patch('s.0', 's.4', [], [])), undefined);
  held.forget('k');
  assert.deepEqual(held.have('k'), []);
});

test('a preview with an error is passed on but never held as a base', () => {
  const held = new HeldPreviews();
  const failed = { ...whole('x', []), version: undefined, error: 'syntax error' };
  assert.equal(held.take('k', failed)?.error, 'syntax error');
  assert.deepEqual(held.have('k'), []);
});
