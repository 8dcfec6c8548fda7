// Window reload: the Workflows and Artifact views fill from the last known state (workspace state) at once,
// marked "Refreshing…", before the CLI and the language server answer again; then fresh data replaces it.
// Prints the figures (reload → workbench up → both views filled → fresh data) for the README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSession } from './harness.mjs';
import { seedAccount } from './seed.mjs';

/** From the reload to both views showing rows. Issue 12's goal is 2 s; see the README for what this machine gets. */
const FILLED_WITHIN_MS = Number(process.env.TILEBOX_E2E_RELOAD_MS ?? 2_000);

test('window reload: Workflows and Artifact views are filled at once from the last known state', { timeout: 180_000 }, async () => {
  const prepare = (ws, env) => { seedAccount(env, ws); };
  await withSession('reload', { trust: 'yes', prepare }, async ({ wb, page }) => {
    await wb.openFile('tilebox.workflow.toml');
    await wb.openTilebox();
    for (const title of ['Clusters', 'Jobs']) await wb.collapseView(title);
    for (const title of ['Workflows', 'Artifact']) await wb.expandView(title);
    await wb.treeItem('Scene QA', { view: 'Workflows', timeout: 45_000 });
    await wb.treeItem(/^Files/, { view: 'Artifact', timeout: 45_000 });

    const texts = async (title) => (await wb.treeTexts(title).catch(() => [])).join('\n');
    const started = Date.now();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 30_000 });
    const workbenchUp = Date.now() - started;
    let sawRefreshing = false;
    let filled;
    let fresh;
    while (Date.now() - started < 60_000 && fresh === undefined) {
      const [workflows, artifact] = await Promise.all([texts('Workflows'), texts('Artifact')]);
      const refreshing = /Refreshing/.test(workflows) || /Refreshing/.test(artifact);
      sawRefreshing ||= refreshing;
      if (filled === undefined && /Scene QA/.test(workflows) && /Files/.test(artifact)) filled = Date.now() - started;
      if (filled !== undefined && !refreshing) fresh = Date.now() - started;
      await page.waitForTimeout(50);
    }
    console.log(`reload figures: workbench up ${workbenchUp} ms, both views filled ${filled} ms, fresh data ${fresh} ms after the reload`);
    assert.ok(filled !== undefined, 'both views showed rows after the reload');
    assert.ok(sawRefreshing, 'the remembered rows were shown, marked "Refreshing…", before fresh data came');
    assert.ok(fresh !== undefined, 'fresh data replaced the remembered rows');
    assert.ok(filled <= FILLED_WITHIN_MS, `both views filled ${filled} ms after the reload (bound ${FILLED_WITHIN_MS} ms)`);
  });
});
