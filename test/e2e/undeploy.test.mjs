// Undeploy from the palette (issue 15.4): of the clusters the workflow is deployed on, only the project's own
// target comes pre-ticked, and the confirmation names each cluster with its release before anything happens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSession, standinCalls } from './harness.mjs';
import { runStandin } from './seed.mjs';

test("undeploy: nothing but the project's target is pre-selected, and the dialog names each cluster", { timeout: 180_000 }, async () => {
  const prepare = (ws, env) => {
    runStandin(env, ws, ['workflow', 'publish-release', '--json']);
    runStandin(env, ws, ['workflow', 'deploy-release', '--latest', '--target', 'dev', '--json']);
    runStandin(env, ws, ['workflow', 'deploy-release', '--latest', '--target', 'production', '--json']);
  };
  await withSession('undeploy', { trust: 'yes', prepare }, async (s) => {
    const { wb, page } = s;
    await wb.openFile('tilebox.workflow.toml');
    await wb.runCommand('Tilebox: Undeploy Release');
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 30_000 });
    const offered = await rows.evaluateAll((els) =>
      els.map((e) => {
        const box = e.querySelector('input[type=checkbox], [role=checkbox]');
        return {
          text: e.innerText,
          checked: box ? box.checked === true || box.getAttribute('aria-checked') === 'true' : e.getAttribute('aria-checked') === 'true',
        };
      }),
    );
    assert.equal(offered.length, 3, JSON.stringify(offered));
    const ticked = offered.filter((o) => o.checked).map((o) => o.text);
    assert.equal(ticked.length, 1, JSON.stringify(offered));
    assert.match(ticked[0], /^dev-cluster/, "only the project's target (dev) is ticked");

    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await dialog.innerText();
    assert.match(text, /dev-cluster \(dev-cluster-9xK2mQ4pL8nR7s\): release [0-9a-f]{8}/, text);
    assert.doesNotMatch(text, /prod-/, text);
    await dialog.getByRole('button', { name: 'Undeploy' }).click();
    await wb.notification(/Undeployed .* from dev-cluster-9xK2mQ4pL8nR7s\./, 30_000);
    const calls = standinCalls(s)
      .split('\n')
      .filter((l) => /undeploy-release/.test(l));
    assert.equal(calls.length, 1, calls.join('\n'));
    assert.doesNotMatch(calls[0], /prod-/);
  });
});
