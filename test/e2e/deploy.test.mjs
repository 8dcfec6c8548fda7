// Deploying and undeploying, in one VS Code session (each start costs ~15 s of the suite).
// A risky action gathers all its warnings into one confirmation (issue 7.7): deploying to the production target
// shows one dialog naming every production cluster; Cancel deploys nothing, "Deploy" deploys to both clusters.
// With two releases published, Deploy from the palette first asks which one (issue 15.4): each release once, the
// newest marked "latest", with how long ago it was published, and the next step's title names the release picked.
// Undeploy from the palette (issue 15.4): of the clusters the workflow is deployed on, only the project's own
// target comes pre-ticked, and the confirmation names each cluster with its release before anything happens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { standinCalls, withSessionSteps } from './harness.mjs';
import { runStandin } from './seed.mjs';

const deploys = (s) =>
  standinCalls(s)
    .split('\n')
    .filter((l) => /deploy-release/.test(l));

test('deploy and undeploy: the risky-deploy confirmation, the release picker, the undeploy picker', { timeout: 240_000 }, async (t) => {
  const prepare = (ws, env) => {
    runStandin(env, ws, ['workflow', 'publish-release', '--json']);
    writeFileSync(join(ws, 'scene_qa', 'extra.py'), 'X = 1\n'); // new content: a second, newer release
    runStandin(env, ws, ['workflow', 'publish-release', '--json']);
  };
  await withSessionSteps(t, 'deploy', { trust: 'yes', prepare }, [
    [
      'risky deploy: one confirmation lists every warning; Cancel deploys nothing',
      async (s) => {
        const { wb, page } = s;
        await wb.openFile('tilebox.workflow.toml');
        const dialog = page.locator('.monaco-dialog-box');
        const before = deploys(s).length;

        await wb.runCommand('Tilebox: Deploy Release');
        const title = page.locator('.quick-input-widget .quick-input-title');
        await title.filter({ hasText: /Deploy which release/ }).waitFor({ state: 'visible', timeout: 30_000 });
        const releases = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allInnerTexts();
        assert.equal(releases.length, 2, `each release once: ${JSON.stringify(releases)}`);
        // A row: the short id (after the arrow icon), its description, then the tasks it registers.
        assert.match(releases[0], /^\W*[0-9a-f]{8}\s*latest · (just now|\d+ (s|min) ago)/, 'the newest first, marked latest, with its age');
        assert.doesNotMatch(releases[1], /latest/, 'only one "latest"');
        assert.match(releases[1], /^\W*[0-9a-f]{8}\s*(just now|\d+ (s|min) ago)/, 'an older release says how old it is');
        const latestId = /[0-9a-f]{8}/.exec(releases[0])[0];
        await wb.pick(latestId);
        await title.filter({ hasText: `Deploy the latest release (${latestId}) of` }).waitFor({ state: 'visible', timeout: 15_000 });
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
        await wb.pick(latestId);
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
      },
    ],
    [
      "undeploy: nothing but the project's target is pre-selected, and the dialog names each cluster",
      async (s) => {
        // The latest release is on both production clusters now; it goes to the project's own target (dev) too.
        runStandin(s.env, s.dirs.workspace, ['workflow', 'deploy-release', '--latest', '--target', 'dev', '--json']);
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
              checked: box
                ? box.checked === true || box.getAttribute('aria-checked') === 'true'
                : e.getAttribute('aria-checked') === 'true',
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
      },
    ],
  ]);
});
