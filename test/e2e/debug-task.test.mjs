// Debug Task (issue 14): a breakpoint in a task of the example project, "Tilebox: Debug Task…" from the palette
// (create a development cluster, pick the task, give its field), the debugger stops on that line with the call stack
// and the task's fields; Continue lets the job complete in the Jobs view; Stop leaves no runner process behind.
// The project's .venv is Debian's python3 (with its python3-debugpy) plus the Python stand-in of tilebox.workflows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, standin, withSession } from './harness.mjs';

const BREAK_LINE = 12; // FetchScene.execute: context.submit_subtask(CheckClouds(scene_id=self.scene_id))

function prepare(ws) {
  execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', '--system-site-packages', join(ws, '.venv')], {
    timeout: 60_000,
  });
  const site = execFileSync(join(ws, '.venv/bin/python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], {
    encoding: 'utf8',
  }).trim();
  writeFileSync(join(site, 'tilebox_standin.pth'), `${join(root, 'test/standin/python')}\n`);
  appendFileSync(join(ws, '.git/info/exclude'), '.venv/\n');
}

/** Live processes of this session running the debug runner (or its lease renewer). */
function runnerProcesses(sessionId) {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const cmd = readFileSync(`/proc/${p}/cmdline`, 'latin1');
        return /tilebox_debug_runner|multiprocessing/.test(cmd) && readFileSync(`/proc/${p}/environ`, 'latin1').includes(sessionId);
      } catch {
        return false;
      }
    });
}

test('debug task: the debugger stops on a breakpoint in execute(), the job completes, Stop leaves no process', {
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
    await wb.openFile('scene_qa/tasks.py');
    await wb.goToLine(BREAK_LINE);
    await page.keyboard.press('F9');
    await page.locator('.codicon-debug-breakpoint').first().waitFor({ timeout: 10_000 });

    await wb.runCommand('Tilebox: Debug Task…');
    await step(/Cluster for the debug runner/);
    await wb.pick(/Create a development cluster/);
    const clusterPicked = Date.now();
    await step(/Debug which task of scene_qa\.runner:runner/);
    const runnerReady = Date.now();
    await wb.pick(/FetchScene/);
    // The preview knows FetchScene's one field, so its input is a text prompt (sent as the bare value "S2A_e2e").
    await step(/FetchScene: scene_id/);
    await wb.answerInput('S2A_e2e');
    const submitted = Date.now();

    const callStack = wb.view('Call Stack');
    await callStack
      .locator('.monaco-list-row')
      .filter({ hasText: /execute/ })
      .first()
      .waitFor({ timeout: 60_000 });
    const stopped = Date.now();
    console.log(
      `debug task → stopped: runner start ${runnerReady - clusterPicked} ms + submit to breakpoint ${stopped - submitted} ms = ${runnerReady - clusterPicked + stopped - submitted} ms (goal ≤ 5000; picks and typing excluded)`,
    );
    const frames = await callStack.locator('.monaco-list-row').allInnerTexts();
    assert.ok(
      frames.some((f) => /execute/.test(f) && new RegExp(`tasks\\.py\\s*${BREAK_LINE}:`).test(f)),
      `call stack: ${JSON.stringify(frames)}`,
    );
    await page.locator('.debug-top-stack-frame-line').first().waitFor({ timeout: 10_000 });
    const variables = wb.view('Variables');
    await variables.locator('.monaco-list-row').filter({ hasText: /self/ }).first().waitFor({ timeout: 20_000 });
    const locals = (await variables.locator('.monaco-list-row').allInnerTexts()).join('\n');
    assert.match(locals, /self[\s\S]*S2A_e2e/, `variables: ${locals}`);
    assert.match(locals, /context/);
    await wb.screenshot(join(root, 'docs/images/debug-task.png'));

    await wb.runCommand('Debug: Continue');
    const clusterSlug = JSON.parse(standin(s, ['job', 'list', '--json'])).jobs[0].cluster_slug;
    assert.match(clusterSlug, /^debug-/, 'the job went to the created development cluster');
    await wb.openTilebox();
    await wb.soloView('Jobs');
    await wb.waitFor(
      'the debug job completed in the Jobs view',
      async () => (await wb.treeTexts('Jobs')).some((t) => /Debug FetchScene/.test(t) && /completed/i.test(t)),
      60_000,
    );

    assert.ok(runnerProcesses(s.id).length > 0, 'the debug runner runs until stopped');
    await wb.runCommand('Debug: Stop');
    await wb.waitFor('the debug runner and its lease renewer to exit', async () => runnerProcesses(s.id).length === 0, 20_000);
  });
});
