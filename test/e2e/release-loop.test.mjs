// The release loop from the command palette, following the next steps each action offers (issue 7.7):
// publish (the notification names the release and offers "Deploy…") → deploy to the dev target (the cluster then
// shows that release; the notification offers "Submit Job…" / "Start Runner") → a job fails on a runner → Retry from
// the Jobs view (its state changes) → the retried job fails again and, because it was retried from the editor, a
// notification says so with "Show Job" / "Retry" / "Show Logs" and the status bar shows its state (issue 7.4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSession, standin } from './harness.mjs';
import { failingJob, RUN_ONCE } from './seed.mjs';

const hex8 = (id) => id.replace(/-/g, '').slice(-8);

test('release loop: publish → Deploy… → failed job → retry → completion notice', { timeout: 240_000 }, async () => {
  await withSession('release-loop', { trust: 'yes' }, async (s) => {
    const { wb } = s;
    await wb.openFile('tilebox.workflow.toml');
    await wb.openTilebox();

    await wb.runCommand('Tilebox: Publish Release');
    const published = await wb.notification(/Published release/i, 90_000);
    const workflow = JSON.parse(standin(s, ['workflow', 'get', '--json']));
    const release = workflow.releases?.[0]?.id ?? workflow.workflow?.releases?.[0]?.id;
    assert.ok(release, 'the stand-in has no release after publishing');
    assert.ok(published.includes(hex8(release)), `the notification names the release as the tree does: ${published}`);

    // Next step offered by the publish notification, not the palette.
    await wb.notificationAction(/Published release/i, /^Deploy/);
    await wb.pick(/Target dev/);
    const deployedButtons = await wb.notificationButtons(/Deployed/i, 60_000);
    assert.ok(
      deployedButtons.some((b) => /Submit Job/.test(b)) && deployedButtons.some((b) => /Start Runner/.test(b)),
      `deploy next steps: ${deployedButtons}`,
    );
    // The cluster row becomes expandable only once the view has reloaded with the deployment: expand it when it is.
    await wb.waitFor(
      'the dev cluster to show the release',
      async () => {
        await wb.expandTreeItem('dev-cluster', { view: 'Clusters', timeout: 2_000 });
        return (await wb.view('Clusters').locator('.monaco-list-row').filter({ hasText: 'Scene QA' }).allInnerTexts()).some((t) =>
          t.includes(hex8(release)),
        );
      },
      30_000,
    );

    // A runner somewhere picks up a job whose input makes the task fail.
    standin(s, failingJob('e2e-fetch'));
    standin(s, RUN_ONCE);
    await wb.runCommand('Tilebox: Refresh');
    const failed = await wb.treeItem('e2e-fetch', { view: 'Jobs', timeout: 30_000 });
    assert.match(await failed.innerText(), /failed/i);

    await wb.contextMenu(failed, /Retry/);
    await wb.waitFor(
      'the job to leave the failed state',
      async () => {
        const text = await (await wb.treeItem('e2e-fetch', { view: 'Jobs' })).innerText();
        return !/failed/i.test(text);
      },
      30_000,
    );
    const job = JSON.parse(standin(s, ['job', 'list', '--json'])).jobs.find((j) => j.name === 'e2e-fetch');
    assert.notEqual(job.state, 'failed');

    // The retried job runs (and fails) on a runner elsewhere: the editor that retried it says so.
    standin(s, RUN_ONCE);
    const buttons = await wb.notificationButtons(/job "e2e-fetch" failed/i, 60_000);
    for (const b of [/Show Job/, /Retry/, /Show Logs/])
      assert.ok(
        buttons.some((t) => b.test(t)),
        `"${b.source}" in ${JSON.stringify(buttons)}`,
      );
    assert.match(await wb.statusBarItem(/e2e-fetch/), /failed/i);
  });
});
