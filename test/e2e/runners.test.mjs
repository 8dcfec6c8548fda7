// Runners, in one VS Code session (each start costs ~15 s of the suite).
// Follow a running job (issue 7.3): the job panel opened before the job runs keeps what it showed and adds the
// log lines a runner writes later, until the job ends, without the user refreshing anything.
// Start Release Runner: a terminal named after the cluster opens and shows the (stand-in) runner's own output; the
// Clusters view shows the runner; Ctrl+C stops it with an exit line (not an error) and the log stays. A direct runner
// whose program is not on PATH says so by name, without blaming uv (issue 15.4: a failed start says why); a release
// runner that fails where uv is not on PATH (this machine has none; the stand-in's mode `no-uv` makes it fail as the
// real CLI would) says that it needs uv and where to get it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { standin, withSessionSteps } from './harness.mjs';
import { DEV_CLUSTER, RUN_ONCE, runStandin } from './seed.mjs';

/** The active terminal's rows joined back into the lines the terminal wrapped. */
const unwrappedTerminal = async (wb) => (await wb.terminalText()).replace(/\n/g, '');

test('runners: a job panel follows the runner that runs its job; runner terminals', { timeout: 300_000 }, async (t) => {
  const prepare = (ws, env) => {
    runStandin(env, ws, ['workflow', 'publish-release', '--json']);
    runStandin(env, ws, ['workflow', 'deploy-release', '--latest', '--target', 'dev', '--json']);
    runStandin(env, ws, ['job', 'submit', '--name', 'e2e-follow', '--task', 'Summarize', '--cluster', DEV_CLUSTER, '--json']);
  };
  await withSessionSteps(t, 'runners', { trust: 'yes', prepare }, [
    [
      'job logs: the job panel follows new log lines until the job completes',
      async (s) => {
        const { wb } = s;
        await wb.runCommand('Tilebox: Show Job Logs');
        await wb.pick(/e2e-follow/);
        const log = wb.webview().locator('.log');
        await log.waitFor({ timeout: 20_000 });
        const before = await log.innerText();
        assert.doesNotMatch(before, /Job completed/, before);

        standin(s, RUN_ONCE); // a runner elsewhere runs it
        const text = await wb.waitForText('the panel to show the new log lines', () => log.innerText(), /Job completed/, 60_000);
        assert.match(text, /Task Summarize computed/);
        // The log and the state are separate reads: the badge follows within one poll of the last lines.
        await wb.waitFor(
          'the state to say completed',
          async () => /completed/.test(await wb.webview().locator('.state').innerText()),
          15_000,
        );
        // Closed as a user would before moving on (the webview would cover the editor the next step clicks into).
        await wb.page.locator('.tab').filter({ hasText: 'e2e-follow' }).locator('.codicon-close').click();
        await wb.page.locator('.tab').filter({ hasText: 'e2e-follow' }).waitFor({ state: 'detached', timeout: 10_000 });
      },
    ],
    [
      'start release runner: a terminal named after the cluster shows the runner output',
      async ({ wb }) => {
        await wb.openFile('tilebox.workflow.toml');
        await wb.runCommand('Tilebox: Start Release Runner');
        await wb.pick(/dev-cluster/);
        await wb.answerInput('1'); // how many runners
        await wb.pick(/Keep running/);
        await wb.waitFor(
          'a terminal named after the cluster',
          async () => (await wb.terminalNames()).some((n) => /dev-cluster/.test(n)),
          30_000,
        );
        const terminal = () => wb.terminalText();
        let text = await wb.waitForText('the runner output in the terminal', terminal, /runner started for cluster dev-cluster/i, 30_000);
        assert.match(text, /dev-cluster-9xK2mQ4pL8nR7s/);

        // The Clusters view shows the runner; Ctrl+C stops it as a normal stop, and the terminal keeps its log.
        await wb.openTilebox();
        await wb.waitFor(
          'the Clusters view to show the runner',
          async () => /runner here/.test(await (await wb.treeItem('dev-cluster', { view: 'Clusters' })).innerText()),
          30_000,
        );
        await wb.page.locator('.terminal-wrapper.active .xterm, .xterm').first().click();
        await wb.page.keyboard.press('Control+C');
        text = await wb.waitForText('the exit line', terminal, /The runner stopped \((signal SIGINT|exit \d+)\)\./, 30_000);
        assert.match(text, /runner started for cluster dev-cluster/i, 'the log stays');
        await wb.waitFor(
          'the Clusters view to drop the runner',
          async () => !/runner here/.test(await (await wb.treeItem('dev-cluster', { view: 'Clusters' })).innerText()),
          30_000,
        );

        const asked = (title) =>
          wb.page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title }).waitFor({ timeout: 15_000 });
        await wb.runCommand('Tilebox: Start Direct Runner…');
        await asked('Direct runner command'); // the project has no [workflow].command: the command is typed
        await wb.answerInput('no-such-program-e2e');
        await asked('Processes');
        await wb.answerInput('1');
        text = await wb.waitForText(
          'the direct runner to say its program was not found',
          () => unwrappedTerminal(wb),
          /The direct runner ended with exit 127/,
          30_000,
        );
        // The advice names its own program, not uv.
        assert.match(
          text,
          /no-such-program-e2e is not on the PATH VS Code was started with\. Install no-such-program-e2e, or put its folder/,
          text,
        );
        assert.doesNotMatch(text, /\buv\b/, text);
      },
    ],
    [
      'release runner without uv: the terminal says the runner needs uv and where to get it',
      async ({ wb, dirs }) => {
        writeFileSync(join(dirs.state, 'mode'), 'no-uv'); // from here the stand-in acts as on a machine without uv
        await wb.runCommand('Tilebox: Start Release Runner');
        await wb.pick(/dev-cluster/);
        await wb.answerInput('1');
        await wb.pick(/Keep running/);
        const text = await wb.waitForText(
          'the runner to say uv is missing',
          () => unwrappedTerminal(wb),
          /runs your tasks with uv/,
          30_000,
        );
        // The CLI's own line, then the product's.
        assert.match(text, /uv: command not found/, text);
        assert.match(
          text,
          /The runner ended with exit 127: uv is not on the PATH VS Code was started with\. A release runner runs your tasks with uv: install it \(https:\/\/docs\.astral\.sh\/uv\/\), restart VS Code so that it is on its PATH, and start the runner again\./,
          text,
        );
        rmSync(join(dirs.state, 'mode'));
      },
    ],
  ]);
});
