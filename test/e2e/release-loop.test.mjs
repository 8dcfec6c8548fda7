// The release loop from the command palette: publish (the notification names the release) → deploy to the dev
// target (the cluster then shows that release) → a job fails on a runner → Retry from the Jobs view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSession, standin } from './harness.mjs';
import { DEV_CLUSTER } from './seed.mjs';

const hex8 = (id) => id.replace(/-/g, '').slice(-8);

test('release loop: publish → deploy → failed job → retry', { timeout: 240_000 }, async () => {
  await withSession('release-loop', { trust: 'yes' }, async (s) => {
    const { wb } = s;
    await wb.openFile('tilebox.workflow.toml');
    await wb.openTilebox();

    await wb.runCommand('Tilebox: Publish Release');
    const published = await wb.notification(/Published release/i, 90_000);
    const release = JSON.parse(standin(s, ['workflow', 'get', '--json'])).releases?.[0]?.id
      ?? JSON.parse(standin(s, ['workflow', 'get', '--json'])).workflow?.releases?.[0]?.id;
    assert.ok(release, 'the stand-in has no release after publishing');
    assert.ok([release, release.slice(0, 8), hex8(release)].some((id) => published.includes(id)), `notification: ${published}`);

    await wb.runCommand('Tilebox: Deploy Release');
    await wb.pick(/Target dev/);
    await wb.notification(/Deployed/i, 60_000);
    // The cluster row becomes expandable only once the view has reloaded with the deployment: expand it when it is.
    await wb.waitFor('the dev cluster to show the release', async () => {
      await wb.expandTreeItem('dev-cluster', { view: 'Clusters', timeout: 2_000 });
      return (await wb.view('Clusters').locator('.monaco-list-row').filter({ hasText: 'Scene QA' }).allInnerTexts()).some((t) => t.includes(hex8(release)));
    }, 30_000);

    // A runner somewhere picks up a job whose input makes the task fail.
    standin(s, ['job', 'submit', '--name', 'e2e-fetch', '--task', 'tilebox.com/example/FetchScene', '--version', 'v1.0',
      '--input', '{"fail":true}', '--cluster', DEV_CLUSTER, '--json']);
    standin(s, ['runner', 'start', '--cluster', DEV_CLUSTER, '--stop-when-idling']);
    await wb.runCommand('Tilebox: Refresh');
    const failed = await wb.treeItem('e2e-fetch', { view: 'Jobs', timeout: 30_000 });
    assert.match(await failed.innerText(), /failed/i);

    await wb.contextMenu(failed, /Retry/);
    await wb.notification(/retr|resubmitted|requeued/i, 30_000).catch(() => undefined); // wording is the command's
    await wb.waitFor('the job to leave the failed state', async () => {
      const text = await (await wb.treeItem('e2e-fetch', { view: 'Jobs' })).innerText();
      return !/failed/i.test(text);
    }, 30_000);
    const job = JSON.parse(standin(s, ['job', 'list', '--json'])).jobs.find((j) => j.name === 'e2e-fetch');
    assert.notEqual(job.state, 'failed');
  });
});
