import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLenses, lensTitle } from '../../../server/src/lsp/codeLens';
import { emptyPreview, type CheckResult } from '../../../server/src/lsp/checkConfig';

const result = (files: number[], error?: string): CheckResult => ({
  text: '',
  root: '/p',
  diagnostics: [],
  preview: {
    ...emptyPreview('/p'),
    files: files.map((size, i) => ({ path: `f${i}`, size })),
    totalBytes: files.reduce((a, b) => a + b, 0),
    error,
  },
});

test('the lens counts files and sums their size', () => {
  assert.equal(lensTitle(result([100, 1436])), '2 files · 1.5 KB · Preview');
  assert.equal(lensTitle(result([7])), '1 file · 7 B · Preview');
});

test('the lens says why there is no artifact', () => {
  assert.match(
    lensTitle(result([], 'workflow.root "../x" leaves the project')),
    /^Artifact unavailable: workflow\.root "\.\.\/x" leaves the project · Preview$/,
  );
  assert.match(lensTitle({ text: '', root: '/p', diagnostics: [], previewBlocked: 'errors' }), /fix the errors first/);
});

test('the lens sits on the [build] header of the current text, even before the check caught up', () => {
  const text = '[workflow]\nslug = "a"\n\n\n[build]\ninclude = ["x"]\n';
  const lenses = buildLenses('file:///p/tilebox.workflow.toml', text, undefined);
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0].range.start.line, 4);
  assert.deepEqual(lenses[0].command?.arguments, ['file:///p/tilebox.workflow.toml']);
  assert.deepEqual(buildLenses('file:///p/tilebox.workflow.toml', '[workflow]\nslug = "a"\n', undefined), []);
});
