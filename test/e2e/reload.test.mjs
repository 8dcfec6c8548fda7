// Window reload: the Workflows and Artifact views fill from the last known state (workspace state) at once,
// marked "Refreshing…", before the CLI answers again; then fresh data replaces it. The stand-in CLI holds every call
// made after the reload (mode "hold") until both views are filled, so the rows cannot have come from it.
// Issue 12's goal is both views filled 2 s after the reload, but code-server alone needs several seconds (tens under
// load) to bring the workbench back and activate extensions. A reference extension (test/e2e/fixtures/reference-view)
// measures that floor in the same run: one row, given synchronously on activation, in a view of the same container.
// Prints the figures (reload → workbench up → reference row → both views filled → fresh data).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil, withSession } from './harness.mjs';
import { seedAccount } from './seed.mjs';

/**
 * In the page: whether the workspace state in IndexedDB (VS Code for the web keeps it there, one record per extension)
 * holds the Workflows view's last rows and the last artifact preview.
 */
async function storedState() {
  const databases = (await indexedDB.databases()).filter((d) => d.name.startsWith('vscode-web-state-db-'));
  for (const { name } of databases) {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const value = await new Promise((resolve) => {
      const get = db.transaction('ItemTable').objectStore('ItemTable').get('tilebox-community.tilebox-workflows');
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => resolve(undefined);
    });
    db.close();
    const text = value === undefined ? '' : typeof value === 'string' ? value : new TextDecoder().decode(value);
    if (text.includes('tilebox.views.last.workflows') && text.includes('Scene QA') && text.includes('preview')) return true;
  }
  return false;
}

/**
 * The Tilebox views may fill this much later than the reference row, as a share of the reference's own time after the
 * reload (at least 2 s, the budget): both wait for the same workbench and extension host, so under load both
 * stretch. Measured: quiet, the Artifact view 0.7-1.4 s after the reference row (6.9-9.0 s); with the unit tests
 * running alongside, 1.8 s after it (13.9 s); inside `npm test` 2.9-3.5 s after it (19.9-25.2 s), at most 0.18 of it.
 */
const EXTRA_SHARE = 0.3;
const EXTRA_MIN_MS = 2_000;

test('window reload: Workflows and Artifact views are filled at once from the last known state', { timeout: 180_000 }, async () => {
  const prepare = (ws, env) => {
    seedAccount(env, ws);
  };
  const options = { trust: 'yes', prepare, extraExtensions: ['test/e2e/fixtures/reference-view'] };
  await withSession('reload', options, async ({ wb, page, dirs }) => {
    await wb.openFile('tilebox.workflow.toml');
    await wb.openTilebox();
    for (const title of ['Clusters', 'Jobs']) await wb.collapseView(title);
    for (const title of ['Workflows', 'Artifact', 'Reference']) await wb.expandView(title);
    await wb.treeItem('Scene QA', { view: 'Workflows', timeout: 45_000 });
    await wb.treeItem(/^Files/, { view: 'Artifact', timeout: 45_000 });
    await wb.treeItem('Reference row', { view: 'Reference', timeout: 45_000 });

    const texts = async (title) => (await wb.treeTexts(title).catch(() => [])).join('\n');
    // The editor writes an extension's workspace state to the browser's IndexedDB a little after the update; a user
    // reloads seconds later, this test a few ms after the rows appear, so it waits for the write as a user would.
    await waitUntil('the last known views stored in the workspace state', () => page.evaluate(storedState), 30_000);
    const holdFile = join(dirs.state, 'mode');
    writeFileSync(holdFile, 'hold\n');
    const started = Date.now();
    let held = true;
    try {
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.waitForSelector('.monaco-workbench', { timeout: 30_000 });
      const workbenchUp = Date.now() - started;
      const seen = { workflows: undefined, artifact: undefined, reference: undefined };
      let workflowsFirst;
      let filled;
      let fresh;
      while (Date.now() - started < 120_000 && fresh === undefined) {
        const [workflows, artifact, reference] = await Promise.all([texts('Workflows'), texts('Artifact'), texts('Reference')]);
        const at = Date.now() - started;
        if (/Scene QA/.test(workflows) && seen.workflows === undefined) {
          seen.workflows = at;
          workflowsFirst = workflows;
        }
        if (/Files/.test(artifact)) seen.artifact ??= at;
        if (/Reference row/.test(reference)) seen.reference ??= at;
        if (filled === undefined && seen.workflows !== undefined && seen.artifact !== undefined) {
          filled = at;
          rmSync(holdFile, { force: true });
          held = false;
        }
        if (filled !== undefined && !/Refreshing/.test(workflows + artifact)) fresh = at;
        await page.waitForTimeout(50);
      }
      // No activation time here: the output channel's log lines are stamped when written, seconds late after a reload.
      console.log(
        `reload figures (ms after the reload): workbench up ${workbenchUp}, reference row ${seen.reference}, ` +
          `Workflows filled ${seen.workflows}, Artifact filled ${seen.artifact}, fresh data in both ${fresh}`,
      );
      assert.ok(filled !== undefined, 'both views showed rows after the reload');
      // Every CLI call made between the reload and `filled` waited for the hold to be lifted, so these rows are memory.
      assert.match(workflowsFirst, /Refreshing/, 'the Workflows rows came from the last known state, marked Refreshing');
      assert.ok(fresh !== undefined, 'fresh data replaced the remembered rows once the CLI answered');
      assert.ok(seen.reference !== undefined, 'the reference view showed its row');
      const bound = seen.reference + Math.max(EXTRA_MIN_MS, EXTRA_SHARE * seen.reference);
      console.log(
        `both views filled ${filled - seen.reference} ms after the reference row (bound ${Math.round(bound - seen.reference)} ms)`,
      );
      assert.ok(
        filled <= bound,
        `both views filled ${filled} ms after the reload, the reference row ${seen.reference} ms (bound ${Math.round(bound)} ms)`,
      );
    } finally {
      if (held) rmSync(holdFile, { force: true });
    }
  });
});
