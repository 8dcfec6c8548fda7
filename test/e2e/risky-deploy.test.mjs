// A risky action gathers all its warnings into one confirmation (issue 7.7): deploying to the production target
// shows one dialog naming every production cluster; Cancel deploys nothing, "Deploy" deploys to both clusters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSession, standinCalls } from './harness.mjs';
import { runStandin } from './seed.mjs';

const deploys = (s) =>
  standinCalls(s)
    .split('\n')
    .filter((l) => /deploy-release/.test(l));

test('risky deploy: one confirmation lists every warning; Cancel deploys nothing', { timeout: 180_000 }, async () => {
  const prepare = (ws, env) => {
    runStandin(env, ws, ['workflow', 'publish-release', '--json']);
  };
  await withSession('risky-deploy', { trust: 'yes', prepare }, async (s) => {
    const { wb, page } = s;
    await wb.openFile('tilebox.workflow.toml');
    const dialog = page.locator('.monaco-dialog-box');
    const before = deploys(s).length;

    await wb.runCommand('Tilebox: Deploy Release');
    await wb.pick(/Target production/);
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await dialog.innerText();
    assert.match(text, /prod-eu-CvufcSxcC9SKfe/, text);
    assert.match(text, /prod-us-Drv6L7Li4t7Yvk/, text);
    assert.match(text, /production/i, text);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await page.waitForTimeout(1_000);
    assert.equal(await dialog.count(), 0, 'a second dialog followed the first');
    assert.equal(deploys(s).length, before, 'Cancel still deployed');

    await wb.runCommand('Tilebox: Deploy Release');
    await wb.pick(/Target production/);
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await dialog.getByRole('button', { name: /^Deploy/ }).click();
    await wb.notification(/Deployed/i, 60_000);
    const made = deploys(s).slice(before);
    assert.equal(made.length, 1, `deploy calls: ${made}`);
    assert.match(made[0], /production/);
    // Both production clusters now carry the release, as the Clusters view shows.
    await wb.openTilebox();
    for (const cluster of ['prod-eu', 'prod-us']) {
      await wb.waitFor(
        `${cluster} to show its deployment`,
        async () => /1 deployment\b/.test(await (await wb.treeItem(cluster, { view: 'Clusters', timeout: 2_000 })).innerText()),
        30_000,
      );
    }
  });
});
