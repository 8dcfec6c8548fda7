// The values quick fixes propose, checked on the inputs users write.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { includeFromFiles } from '../../../server/src/config/includeFromFiles';
import { folderSlug, nearestSlug, relativeFromAbsolute, runnerFromWritten, wholeFolder } from '../../../server/src/config/repairs';

test('nearestSlug keeps what is valid and drops template markers', () => {
  assert.equal(nearestSlug('Scene QA (v2)'), 'Scene-QA-v2');
  assert.equal(nearestSlug('my-workflow-<your-name>'), 'my-workflow');
  assert.equal(nearestSlug('${WORKFLOW_SLUG}'), undefined);
  assert.equal(nearestSlug('{{ slug }}'), undefined);
  assert.equal(nearestSlug('replace-with-your-slug'), undefined, 'a placeholder is no repair');
  assert.equal(nearestSlug(`${'a'.repeat(100)}-b`), 'a'.repeat(100));
});

test('folderSlug derives the slug from the config folder, decoded and lower-cased', () => {
  assert.equal(folderSlug('file:///home/me/Scene%20QA/tilebox.workflow.toml'), 'scene-qa');
  assert.equal(folderSlug('file:///c%3A/work/burn_scar/tilebox.workflow.toml'), 'burn-scar');
  assert.equal(folderSlug('file:///tilebox.workflow.toml'), 'my-workflow');
});

test('relativeFromAbsolute: inside the config folder relative, else stripped (patterns) or "." (root)', () => {
  const uri = 'file:///home/me/scene-qa/tilebox.workflow.toml';
  assert.equal(relativeFromAbsolute('/home/me/scene-qa/src/**', uri), 'src/**');
  assert.equal(relativeFromAbsolute('/home/me/scene-qa', uri, '.'), '.');
  assert.equal(relativeFromAbsolute('/src/**', uri), 'src/**');
  assert.equal(relativeFromAbsolute('C:\\data\\x.py', uri), 'data/x.py');
  assert.equal(relativeFromAbsolute('/opt/code', uri, '.'), '.');
});

test('runnerFromWritten turns a file path into a module path', () => {
  assert.equal(runnerFromWritten('my_workflow/runner.py:app'), 'my_workflow.runner:app');
  assert.equal(runnerFromWritten('./runner.py'), 'runner:runner');
  assert.equal(runnerFromWritten(''), undefined);
});

test('wholeFolder names the files of a folder', () => {
  assert.deepEqual(['src/', 'src/**/', '**/', '/'].map(wholeFolder), ['src/**', 'src/**', '**', '**']);
});

test('includeFromFiles: lock files, package folders, a src layout, top-level modules; never tests or environments', () => {
  assert.deepEqual(
    includeFromFiles(['pyproject.toml', 'uv.lock', 'pkg/__init__.py', 'pkg/tasks.py', 'tests/test_a.py', 'docs/conf.py', 'runner.py']),
    ['pyproject.toml', 'uv.lock', 'pkg/**', 'runner.py'],
  );
  assert.deepEqual(includeFromFiles(['pyproject.toml', 'src/scene_qa/__init__.py', 'src/scene_qa/runner.py']), [
    'pyproject.toml',
    'src/**',
  ]);
  assert.deepEqual(includeFromFiles(['a.py', 'b.py', 'c.py', 'd.py']), ['*.py']);
  assert.deepEqual(includeFromFiles(['my-scripts/x.py', 'workflow.py']), ['workflow.py'], 'a folder that is no Python name is no package');
  assert.equal(includeFromFiles(['pyproject.toml', 'README.md']), undefined);
});
