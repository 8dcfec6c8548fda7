// Debug Task, Run Task and Debug Failed Task (issue 14), one session. A breakpoint in a task of the example project,
// "Tilebox: Debug Task…" from the palette (create a development cluster, pick the task, give its field): the debugger
// stops on that line with the call stack and the task's fields, and the time to get there is printed; Continue lets
// the job complete in the Jobs view. Run Task runs without the debugger: the runner's output is in the Debug Console,
// and the traceback of a task that raises links to the line that raised. Debug Failed Task on that failed job stops
// where the exception leaves execute(). Stop leaves no runner process behind.
// The project's .venv is Debian's python3 (with its python3-debugpy) plus the Python stand-in of tilebox.workflows;
// CheckClouds gets a check that raises for a scene that is not Sentinel-2 (committed, as a user's code would be).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, standin, withSession } from './harness.mjs';

const BREAK_LINE = 12; // FetchScene.execute: context.submit_subtask(CheckClouds(scene_id=self.scene_id))
const RAISE_LINE = 24; // CheckClouds.execute, after prepare(): raise ValueError(...)
const GOAL_MS = 5_000;

function prepare(ws) {
  execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', '--system-site-packages', join(ws, '.venv')], {
    timeout: 60_000,
  });
  const site = execFileSync(join(ws, '.venv/bin/python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], {
    encoding: 'utf8',
  }).trim();
  writeFileSync(join(site, 'tilebox_standin.pth'), `${join(root, 'test/standin/python')}\n`);
  appendFileSync(join(ws, '.git/info/exclude'), '.venv/\n');
  const tasks = join(ws, 'scene_qa/tasks.py');
  const print = '        print(f"checking clouds in {self.scene_id}")\n';
  const check =
    '        if not self.scene_id.startswith("S2"):\n            raise ValueError(f"{self.scene_id} is not a Sentinel-2 scene")\n';
  writeFileSync(tasks, readFileSync(tasks, 'utf8').replace(print, check + print));
  assert.match(readFileSync(tasks, 'utf8').split('\n')[RAISE_LINE - 1], /raise ValueError/);
  const git = ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', 'commit', '-qam', 'check the scene', '--no-gpg-sign'];
  execFileSync('git', git, { cwd: ws, stdio: 'ignore' });
}

/** Live processes of this session running the debug runner (or its lease renewer). */
function runnerProcesses(sessionId) {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const cmd = readFileSync(`/proc/${p}/cmdline`, 'latin1');
        return (
          /tilebox_debug_runner|multiprocessing|taskQueue\.mjs/.test(cmd) &&
          readFileSync(`/proc/${p}/environ`, 'latin1').includes(sessionId)
        );
      } catch {
        return false;
      }
    });
}

test('run task shows output and a linked traceback; debug task stops on a breakpoint; debug failed task stops on the exception', {
  timeout: 300_000,
}, async () => {
  await withSession('debug-task', { trust: 'yes', prepare }, async (s) => {
    const { wb, page } = s;
    const step = (title) =>
      page
        .locator('.quick-input-widget .quick-input-title')
        .filter({ hasText: title })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
    // The time the test spends answering a question is the user's, not the extension's.
    let answering = 0;
    const answer = async (title, act) => {
      await step(title);
      const t = Date.now();
      await act();
      answering += Date.now() - t;
    };
    const topFrame = async (line) => {
      const callStack = wb.view('Call Stack');
      const row = callStack.locator('.monaco-list-row').filter({ hasText: new RegExp(`execute[\\s\\S]*tasks\\.py\\s*${line}:`) });
      await row.first().waitFor({ timeout: 60_000 });
    };
    const debugConsole = async () => {
      // It opened with the first session and stays in the panel; reopened (Ctrl+Shift+Y) only when it was closed.
      if (!(await page.locator('.repl').first().isVisible())) {
        await wb.focusWorkbench();
        await page.keyboard.press('Control+Shift+Y');
      }
      return page.locator('.repl .monaco-list-row');
    };
    const jobRow = (name, state) =>
      wb.waitFor(
        `${name} ${state.source} in the Jobs view`,
        async () => (await wb.treeTexts('Jobs')).some((t) => t.includes(name) && state.test(t)),
        60_000,
      );

    await wb.openFile('scene_qa/tasks.py');
    await wb.goToLine(BREAK_LINE);
    await page.keyboard.press('F9');
    await page.locator('.codicon-debug-breakpoint').first().waitFor({ timeout: 10_000 });

    // 1. Run Task: a development cluster is created and remembered; the runner runs without the debugger (the
    //    breakpoint is not hit) and its output is in the Debug Console.
    await wb.runCommand('Tilebox: Run Task');
    await answer(/Cluster for the debug runner/, () => wb.pick(/Create a development cluster/));
    await answer(/Run which task of scene_qa\.runner:runner/, () => wb.pick(/CheckClouds/));
    await answer(/CheckClouds: scene_id/, () => wb.answerInput('S2B_run'));
    await wb.openTilebox();
    await wb.soloView('Jobs');
    await jobRow('Run CheckClouds', /completed/i);
    const clusterSlug = JSON.parse(standin(s, ['job', 'list', '--json'])).jobs[0].cluster_slug;
    assert.match(clusterSlug, /^debug-/, 'the job went to the created development cluster');
    const repl = await debugConsole();
    await wb.waitFor("the runner's output in the Debug Console", async () =>
      (await repl.allInnerTexts()).some((t) => t.includes('checking clouds in S2B_run')),
    );

    // 2. A task that raises: its traceback in the Debug Console links to the line that raised.
    await wb.runCommand('Tilebox: Run Task');
    await answer(/Run which task/, () => wb.pick(/CheckClouds/));
    await answer(/CheckClouds: scene_id/, () => wb.answerInput('L8_cloudy'));
    const link = page.locator('.repl .output.expression .source').filter({ hasText: new RegExp(`tasks\\.py:${RAISE_LINE}$`) });
    await link.first().waitFor({ timeout: 60_000 });
    assert.ok((await repl.allInnerTexts()).some((t) => /ValueError: L8_cloudy is not a Sentinel-2 scene/.test(t)));
    // The "job failed" toast may cover the bottom-right corner where the link is: click the link element itself.
    await link.first().dispatchEvent('click');
    await page.locator('.tab.active').filter({ hasText: 'tasks.py' }).waitFor({ timeout: 10_000 });
    assert.match(await wb.statusBarItem(/Ln \d+, Col/), new RegExp(`Ln ${RAISE_LINE},`), 'the link opens the file at the line that raised');
    await jobRow('Run CheckClouds', /failed/i);
    await wb.runCommand('Debug: Stop'); // Run Task's Stop ends the runner (debugpy has no debug server there)
    await wb.waitFor('the Run Task runner to exit', async () => runnerProcesses(s.id).length === 0, 20_000);

    // 3. Debug Task, timed from the command to the stop at the breakpoint (the answers left out): a cold start of the
    //    debug runner on the remembered cluster, the usual case after the first time.
    answering = 0;
    await wb.runCommand('Tilebox: Debug Task…');
    const commandRun = Date.now();
    await answer(/Debug which task of scene_qa\.runner:runner/, () => wb.pick(/FetchScene/));
    // The preview knows FetchScene's one field, so its input is a text prompt (sent as the bare value "S2A_e2e").
    await answer(/FetchScene: scene_id/, () => wb.answerInput('S2A_e2e'));
    await topFrame(BREAK_LINE);
    const wall = Date.now() - commandRun;
    console.log(
      `debug task → stopped at the breakpoint: ${wall - answering} ms without the ${answering} ms of answering (${wall} ms wall; goal ≤ ${GOAL_MS})`,
    );
    await page.locator('.debug-top-stack-frame-line').first().waitFor({ timeout: 10_000 });
    const variables = wb.view('Variables');
    // A later session in the same window keeps the scope rows as the last one left them: open Locals.
    const scope = variables
      .locator('.monaco-list-row')
      .filter({ hasText: /^Locals$/ })
      .first();
    await scope.waitFor({ timeout: 20_000 });
    if ((await scope.getAttribute('aria-expanded')) === 'false') await scope.locator('.monaco-tl-twistie').click();
    await variables.locator('.monaco-list-row').filter({ hasText: /self/ }).first().waitFor({ timeout: 20_000 });
    const locals = (await variables.locator('.monaco-list-row').allInnerTexts()).join('\n');
    assert.match(locals, /self[\s\S]*S2A_e2e/, `variables: ${locals}`);
    assert.match(locals, /context/);
    await wb.screenshot(join(root, 'docs/images/debug-task.png'));
    await wb.runCommand('Debug: Continue');
    await wb.openTilebox();
    await wb.soloView('Jobs');
    await jobRow('Debug FetchScene', /completed/i);
    assert.ok(runnerProcesses(s.id).length > 0, 'the debug runner runs until stopped');

    // 4. Debug Failed Task on the failed job: re-submitted to the development cluster; the restarted runner stops where
    //    the exception leaves execute().
    const failed = wb
      .view('Jobs')
      .locator('.monaco-list-row')
      .filter({ hasText: 'Run CheckClouds' })
      .filter({ hasText: /failed/i })
      .first();
    await wb.contextMenu(failed, /Debug Failed Task/);
    // The stand-in's job JSON names the failed task's identifier, so only its input is asked.
    await answer(/CheckClouds: scene_id/, () => wb.answerInput('L8_cloudy'));
    await page
      .locator('.exception-widget')
      .filter({ hasText: /L8_cloudy is not a Sentinel-2 scene/ })
      .first()
      .waitFor({ timeout: 60_000 });
    // The stop leaves the Tilebox sidebar in place (it was not the debugger's view): show Run and Debug. From the
    // palette, which the harness retries: under load a full run's Ctrl+Shift+D went to the sidebar's toolbar instead.
    await wb.runCommand('View: Show Run and Debug');
    await topFrame(RAISE_LINE);
    const jobs = JSON.parse(standin(s, ['job', 'list', '--json'])).jobs;
    assert.ok(
      jobs.some((j) => j.name === 'Debug CheckClouds' && j.cluster_slug === clusterSlug),
      'resubmitted to the development cluster',
    );

    // Stop while paused on the exception: debugpy swallows the interrupt there, so the extension repeats the Stop.
    await wb.runCommand('Debug: Stop');
    await wb.waitFor(
      'every debug runner, lease renewer and queue connection to exit',
      async () => runnerProcesses(s.id).length === 0,
      30_000,
    );
  });
});
