// The artifact view lists exactly the files that go into the release: what include selects, minus exclude and
// .gitignore. The workspace gets one new included file, one git-ignored and one excluded file that the include
// pattern would otherwise select, so the view must be computed, not remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSession, root } from './harness.mjs';
import { leafPathsBelow } from './workbench.mjs';

const EXPECTED = ['pyproject.toml', 'scene_qa/__init__.py', 'scene_qa/extra.py', 'scene_qa/runner.py', 'scene_qa/tasks.py', 'uv.lock'];

function prepare(ws) {
  writeFileSync(join(ws, 'scene_qa/extra.py'), 'VALUE = 1\n');
  mkdirSync(join(ws, 'scene_qa/output'), { recursive: true });
  writeFileSync(join(ws, 'scene_qa/output/cache.py'), '# generated; .gitignore has output/\n');
  mkdirSync(join(ws, 'scene_qa/__pycache__'), { recursive: true });
  writeFileSync(join(ws, 'scene_qa/__pycache__/stale.py'), '# excluded by **/__pycache__/**\n');
}

test('artifact view: exactly the selected files; ignored and excluded files are not in it', { timeout: 180_000 }, async () => {
  await withSession('artifact-view', { trust: 'yes', prepare }, async ({ wb }) => {
    await wb.openFile('tilebox.workflow.toml');
    await wb.openTilebox();
    await wb.soloView('Artifact');
    await wb.treeItem('Files', { view: 'Artifact', timeout: 45_000 });
    await wb.expandAll('Artifact');
    const rows = await wb.treeRows('Artifact');
    assert.deepEqual(
      leafPathsBelow(rows, 'Files', (r) => !/excluded/i.test(r.description)),
      EXPECTED,
      JSON.stringify(rows),
    );
    await wb.widenSidebar();
    await wb.screenshot(join(root, 'docs/images/artifact-view.png'));
  });
});
