// "Know when it is done" for a job submitted from the palette (issue 7.4): Submit Job… asks cluster, task, version,
// name, input and retries; the job then runs (and fails, its input asks for it) on a runner outside the editor, and
// the editor that submitted it says so with "Show Job" / "Retry" / "Show Logs"; the status bar shows its state and
// "Show Logs" opens the job panel at its log, with the task's error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSession, standin } from './harness.mjs';
import { DEV_CLUSTER, runStandin } from './seed.mjs';

const JOB = 'e2e-palette-fetch';

/**
 * The stand-in account has the example project published and deployed to the dev cluster (as a user left it); the
 * local code has since renamed FetchScene's identifier, so the deployed one is not the project's any more and its
 * input is free JSON (the project's own tasks are asked field by field, which could not ask for `"fail": true`).
 */
function prepare(ws, env) {
  runStandin(env, ws, ['workflow', 'publish-release', '--json']);
  runStandin(env, ws, ['workflow', 'deploy-release', '--latest', '--target', 'dev', '--json']);
  const tasks = join(ws, 'scene_qa/tasks.py');
  const renamed = readFileSync(tasks, 'utf8').replace('"tilebox.com/example/FetchScene"', '"tilebox.com/example/FetchSceneV2"');
  assert.match(renamed, /FetchSceneV2/, 'the example project no longer has the identifier this scenario renames');
  writeFileSync(tasks, renamed);
}

test('job notice: a job submitted from the palette that fails elsewhere is announced with its next steps', {
  timeout: 240_000,
}, async () => {
  await withSession('job-notice', { trust: 'yes', prepare }, async (s) => {
    const { wb, page } = s;
    /** Answers the quick-input step whose title matches (waiting for it, so no answer lands in the previous step). */
    const step = async (title, answer) => {
      await page
        .locator('.quick-input-widget .quick-input-title')
        .filter({ hasText: title })
        .first()
        .waitFor({ state: 'visible', timeout: 20_000 });
      if (typeof answer === 'string') await wb.answerInput(answer);
      else if (typeof answer === 'function') await answer();
      else await wb.pick(answer);
    };

    await wb.openFile('tilebox.workflow.toml');
    await wb.runCommand('Tilebox: Submit Job…');
    await step(/which cluster/i, async () => {
      // The project's target cluster comes first (Enter takes it), not the account's default cluster (issue 15.4).
      const rows = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allInnerTexts();
      assert.match(rows[0] ?? '', new RegExp(DEV_CLUSTER), `cluster rows: ${JSON.stringify(rows)}`);
      await wb.pick(new RegExp(DEV_CLUSTER));
    });
    await step(/Task to run/, /tilebox\.com\/example\/FetchScene/);
    await step(/Version of/, 'v1.0');
    await step(/Job name/, JOB);
    await step(/Job input/, '{"fail": true}');
    await step(/Max retries/, '0');
    const submitted = await wb.notificationButtons(new RegExp(`Queued job "${JOB}"`), 60_000);
    assert.ok(
      submitted.some((b) => /Show Job/.test(b)),
      `submit next steps: ${JSON.stringify(submitted)}`,
    );
    const job = JSON.parse(standin(s, ['job', 'list', '--json'])).jobs.find((j) => j.name === JOB);
    assert.ok(job, 'the stand-in has no job from the palette');
    assert.notEqual(job.state, 'failed', 'the job failed before any runner ran it');

    // A runner elsewhere (not started by this editor) runs it; the input makes its task fail.
    standin(s, ['runner', 'start', '--cluster', DEV_CLUSTER, '--stop-when-idling']);
    const failed = new RegExp(`job "${JOB}" failed`, 'i');
    const buttons = await wb.notificationButtons(failed, 60_000);
    for (const b of [/Show Job/, /Retry/, /Show Logs/])
      assert.ok(
        buttons.some((t) => b.test(t)),
        `"${b.source}" in ${JSON.stringify(buttons)}`,
      );
    assert.match(await wb.statusBarItem(new RegExp(JOB)), /failed/i);

    await wb.notificationAction(failed, /Show Logs/);
    await wb.waitFor(
      'the job log with the task error',
      async () => /asked this task to fail/.test(await wb.webview().locator('.log').innerText()),
      30_000,
    );
  });
});
