// Follow a running job (issue 7.3): the job panel opened before the job runs keeps what it showed and adds the
// log lines a runner writes later, until the job ends, without the user refreshing anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSession, standin } from './harness.mjs';
import { DEV_CLUSTER, runStandin } from './seed.mjs';

test('job logs: the job panel follows new log lines until the job completes', { timeout: 180_000 }, async () => {
  const prepare = (ws, env) => {
    runStandin(env, ws, ['workflow', 'publish-release', '--json']);
    runStandin(env, ws, ['workflow', 'deploy-release', '--latest', '--target', 'dev', '--json']);
    runStandin(env, ws, ['job', 'submit', '--name', 'e2e-follow', '--task', 'Summarize', '--cluster', DEV_CLUSTER, '--json']);
  };
  await withSession('follow-logs', { trust: 'yes', prepare }, async (s) => {
    const { wb } = s;
    await wb.runCommand('Tilebox: Show Job Logs');
    await wb.pick(/e2e-follow/);
    const log = wb.webview().locator('.log');
    await log.waitFor({ timeout: 20_000 });
    const before = await log.innerText();
    assert.doesNotMatch(before, /Job completed/, before);

    standin(s, ['runner', 'start', '--cluster', DEV_CLUSTER, '--stop-when-idling']); // a runner elsewhere runs it
    let text = '';
    await wb
      .waitFor('the panel to show the new log lines', async () => /Job completed/.test((text = await log.innerText())), 60_000)
      .catch((e) => {
        throw new Error(`${e.message}; panel shows: ${text}`);
      });
    assert.match(text, /Task Summarize computed/);
    assert.match(await wb.webview().locator('.state').innerText(), /completed/);
  });
});
