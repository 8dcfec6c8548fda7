// The job panel (issue 15.1): clicking a failed job in the Jobs view opens its panel with the failing task first
// (its error and the traceback's file:line), the task graph and Retry enabled; a graph box works from the keyboard
// (Enter narrows the logs to its task); Retry there requeues the job and the panel, the Jobs view and the status bar
// say "queued" at once; Cancel Job asks with "Cancel Job" / "Keep Job" (no bare "Cancel" beside it) and all three
// say "canceled" (issue 15.4). Screenshot for the README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withSession, root } from './harness.mjs';
import { DEV_CLUSTER, runStandin } from './seed.mjs';

const JOB = 'e2e-panel';

/** A published, deployed project and a job that failed on a runner outside the editor. */
function prepare(ws, env) {
  runStandin(env, ws, ['workflow', 'publish-release', '--json']);
  runStandin(env, ws, ['workflow', 'deploy-release', '--latest', '--target', 'dev', '--json']);
  runStandin(env, ws, [
    'job',
    'submit',
    '--name',
    JOB,
    '--task',
    'tilebox.com/example/FetchScene',
    '--version',
    'v1.0',
    '--input',
    '{"fail": true}',
    '--cluster',
    DEV_CLUSTER,
    '--json',
  ]);
  runStandin(env, ws, ['runner', 'start', '--cluster', DEV_CLUSTER, '--stop-when-idling']);
}

test('job panel: a failed job shows its failing task first and the graph (keyboard too); Retry and Cancel update panel, tree and status bar', {
  timeout: 180_000,
}, async () => {
  await withSession('job-panel', { trust: 'yes', prepare }, async (s) => {
    const { wb, page } = s;
    await wb.openTilebox();
    await wb.soloView('Jobs');
    const row = await wb.treeItem(JOB, { view: 'Jobs', timeout: 45_000 });
    assert.match(await row.innerText(), /failed/);
    await row.click();

    const panel = wb.webview();
    const failure = panel.locator('section.failure');
    let text = '';
    await wb
      .waitFor(
        'the failing task with its error',
        async () => /FetchScene failed[\s\S]*ValueError: the input asked this task to fail/.test((text = await failure.innerText())),
        30_000,
      )
      .catch((e) => {
        throw new Error(`${e.message}; the failure section shows: ${text}`);
      });
    assert.match(await failure.locator('a').first().innerText(), /scene_qa\/tasks\.py", line \d+/);
    const order = await panel.locator('h2').allInnerTexts();
    assert.equal(order[0].trim(), 'FetchScene failed', `the failure comes first: ${JSON.stringify(order)}`);
    assert.equal(await panel.locator('svg.graph .node.state-failed').count(), 1, 'the failed task in the graph');
    const retry = panel.getByRole('button', { name: 'Retry' });
    assert.equal(await retry.getAttribute('aria-disabled'), null, 'Retry is enabled for a failed job');
    assert.equal(await panel.getByRole('button', { name: 'Cancel Job' }).getAttribute('aria-disabled'), 'true');
    await wb.screenshot(join(root, 'docs/images/job-panel.png'));

    // Readable at 300 px: with the page that narrow nothing sticks out sideways (buttons wrap, the graph shrinks).
    const wide = await panel.locator('body').evaluate((body) => {
      body.style.width = '300px';
      body.style.boxSizing = 'border-box';
      const out = [...body.querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().right > 301)
        .map((e) => `${e.tagName}.${e.getAttribute('class') ?? ''}`);
      body.style.width = '';
      return out;
    });
    assert.deepEqual(wide, [], 'elements wider than 300 px');

    // Keyboard: a task box in the graph is a button; Enter on it narrows the logs to that task.
    const failedBox = panel.locator('svg.graph .node.state-failed');
    const failedTask = await failedBox.getAttribute('data-task');
    await failedBox.focus();
    await failedBox.press('Enter');
    await wb.waitFor(
      'the logs narrowed to the failed task',
      async () =>
        (await panel.locator('#task-filter').inputValue()) === failedTask &&
        /Lines that name FetchScene/.test(await panel.locator('#logs').innerText()),
      15_000,
    );
    await panel.locator('#task-filter').selectOption('');

    // The traceback's file:line opens the workspace file.
    await failure.locator('a').first().click();
    await page.locator('.tab.active').filter({ hasText: 'tasks.py' }).first().waitFor({ timeout: 15_000 });
    await page.locator('.tab').filter({ hasText: JOB }).first().click();

    await panel.getByRole('button', { name: 'Retry' }).click();
    // Retry asks first only when it sees a reason the job may fail again (none here: the task's release is deployed).
    const dialog = page.locator('.monaco-dialog-box');
    await wb.waitFor(
      'the panel to say queued',
      async () => {
        if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Retry Anyway' }).click();
        return /queued/.test(await panel.locator('.state').innerText());
      },
      30_000,
    );
    const says = async (state) => {
      await wb.waitFor(
        `the Jobs view row to say ${state}`,
        async () => state.test(await (await wb.treeItem(JOB, { view: 'Jobs' })).innerText()),
        20_000,
      );
      await wb.waitFor(`the status bar to say ${state}`, async () => state.test(await wb.statusBarItem(new RegExp(JOB))), 20_000);
    };
    await says(/queued/);

    // Cancel from the panel: the dialog's buttons are "Cancel Job" and "Keep Job", then every place says canceled.
    await panel.getByRole('button', { name: 'Cancel Job' }).click();
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    const choices = (await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual([...choices].sort(), ['Cancel Job', 'Keep Job'], `dialog buttons: ${JSON.stringify(choices)}`);
    await dialog.getByRole('button', { name: 'Cancel Job' }).click();
    await wb.waitFor('the panel to say canceled', async () => /canceled/.test(await panel.locator('.state').innerText()), 30_000);
    await says(/canceled/);
  });
});
