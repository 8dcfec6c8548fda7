// The sidebar shows what the (stand-in) Tilebox account holds: workflows → releases → task identifiers,
// clusters → deployments, jobs → tasks. The state is seeded with the stand-in CLI, as a user would in a terminal.
// At 300 px the rows stay readable (issue 15.4): no row repeats a slug, and every label is shown whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withSession, standinCalls, root } from './harness.mjs';
import { seedAccount } from './seed.mjs';

const hex8 = (id) => id.replace(/-/g, '').slice(-8);

test('sidebar: workflows → releases, clusters → deployments, jobs → tasks', { timeout: 180_000 }, async () => {
  let seeded;
  const prepare = (ws, env) => {
    seeded = seedAccount(env, ws);
  };
  await withSession('sidebar', { trust: 'yes', prepare }, async (s) => {
    const { wb } = s;
    await wb.openTilebox();
    const rel = hex8(seeded.release);

    await wb.expandTreeItem('Scene QA', { view: 'Workflows', timeout: 45_000 });
    await wb.expandTreeItem(rel, { view: 'Workflows' });
    await wb.treeItem('tilebox.com/example/FetchScene', { view: 'Workflows' });

    await wb.expandTreeItem('dev-cluster', { view: 'Clusters' });
    const deployment = await wb.treeItem(/Scene QA/, { view: 'Clusters' });
    assert.match(await deployment.innerText(), new RegExp(rel));

    const failed = await wb.expandTreeItem('e2e-fetch', { view: 'Jobs' });
    assert.match(await failed.innerText(), /failed/i);
    assert.match(await (await wb.treeItem('e2e-summary', { view: 'Jobs' })).innerText(), /completed/i);
    await wb.treeItem('FetchScene', { view: 'Jobs' });

    await wb.openFile('tilebox.workflow.toml');
    await wb.collapseView('Artifact');
    await wb.widenSidebar();
    await wb.screenshot(join(root, 'docs/images/sidebar.png'));
    assert.match(standinCalls(s), /"workflow","list"|"workflow","get"/, 'the views read through the CLI');

    await wb.widenSidebar(300);
    for (const view of ['Workflows', 'Clusters']) {
      const rows = await wb
        .view(view)
        .locator('.monaco-list-row')
        .evaluateAll((els) =>
          els.map((r) => {
            const list = r.closest('.monaco-list')?.getBoundingClientRect();
            const name = r.querySelector('.label-name')?.getBoundingClientRect();
            return {
              text: r.innerText.replace(/\s+/g, ' ').trim(),
              cut: !!list && !!name && name.right > list.right + 1,
            };
          }),
        );
      assert.ok(rows.length > 1, `${view} rows at 300 px: ${JSON.stringify(rows)}`);
      for (const row of rows) {
        // Generated slugs end in a 14-character suffix (scene-qa-F8yVcPRfw2AkoZ): at most once per row.
        const slugs = row.text.match(/[A-Za-z0-9-]+-[A-Za-z0-9]{14}\b/g) ?? [];
        assert.equal(new Set(slugs).size, slugs.length, `${view}: "${row.text}" repeats a slug`);
        assert.ok(!row.cut, `${view}: "${row.text}" is cut off at 300 px`);
      }
    }
  });
});
