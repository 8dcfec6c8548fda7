// The debug launch end to end without the editor: debugpy's own adapter (Debian's python3-debugpy) runs the generated
// launcher with the example Runner on the stand-in, stops on a breakpoint in execute(), and Stop (terminate, as VS
// Code sends it) ends the runner and its lease renewer; the interrupted task goes back to the queue.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEV, PYTHON, debugWorkspace, launchOn, startAdapter, submitFetchScene } from './debugRunnerSetup';

const hasDebugpy = spawnSync(PYTHON, ['-c', 'import debugpy']).status === 0;

/** debugpy's adapter running the generated launcher on `runner` in a copy of the example project. */
async function launchRunner(runner: string, filters: string[], extra: Record<string, string> = {}) {
  const { dir, env, cli } = debugWorkspace('tbx-debugpy-', extra);
  const { adapter, dap } = startAdapter(env);
  await launchOn(dap, dir, env, runner, filters);
  const pid = Number((await dap.event('process')).body?.systemProcessId);
  await dap.next((m) => m.event === 'output' && String(m.body?.output).startsWith('TILEBOX_DEBUG_RUNNER_READY'));
  return { dir, cli, adapter, dap, pid };
}

test('debugpy stops in execute(); Stop ends the runner and its renewer and gives the task back', {
  skip: !hasDebugpy && 'needs python3-debugpy (bash test/e2e/setup.sh installs it)',
  timeout: 120_000,
}, async () => {
  const { dir, cli, adapter, dap, pid } = await launchRunner('scene_qa.runner:runner', ['uncaught']);
  try {
    const job = submitFetchScene(cli, 'dbg').id;

    const stopped = await dap.event('stopped');
    assert.equal(stopped.body?.reason, 'breakpoint');
    const trace = dap.send('stackTrace', { threadId: stopped.body?.threadId });
    const frames = (await dap.next((m) => m.request_seq === trace)).body?.stackFrames as {
      name: string;
      line: number;
      source: { path: string };
    }[];
    assert.deepEqual([frames[0].name, frames[0].line], ['execute', 12]);
    assert.equal(cli('job', 'get', job).task_summaries[0].state, 'running');

    dap.send('terminate', {}); // the editor's Stop, while paused at the breakpoint
    await dap.event('terminated', 30_000);
    for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!existsSync(`/proc/${pid}`), 'the runner process is gone');
    // Zombies do not count: this container's PID 1 does not reap the children it inherits.
    const live = () =>
      spawnSync('pgrep', ['-f', `tilebox_debug_runner|${dir}`], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')
        .filter(Boolean)
        .filter((p) => {
          try {
            return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${p}/stat`, 'utf8'));
          } catch {
            return false;
          }
        });
    let leftovers = live();
    for (let i = 0; i < 50 && leftovers.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      leftovers = live();
    }
    assert.deepEqual(leftovers, [], 'no runner or lease-renewer process is left');
    assert.equal(cli('job', 'get', job).task_summaries[0].state, 'queued', 'the interrupted task is queued again for the next runner');
  } finally {
    adapter.kill();
  }
});

const BROKEN = `from tilebox.workflows import ExecutionContext, Runner, Task


class Broken(Task):
    n: int

    def execute(self, context: ExecutionContext) -> None:
        raise ValueError(f"bad {self.n}")


runner = Runner(tasks=[Broken])
`;

test('with the "user uncaught" filter (Debug Failed Task) debugpy stops where the exception leaves execute()', {
  skip: !hasDebugpy && 'needs python3-debugpy',
  timeout: 120_000,
}, async () => {
  const { cli, adapter, dap, pid } = await launchRunner('broken:runner', ['uncaught', 'userUnhandled'], {
    'broken.py': BROKEN,
  });
  try {
    cli('job', 'submit', '--name', 'f', '--task', 'Broken', '--input', '3', '--cluster', DEV);
    const stopped = await dap.event('stopped');
    assert.equal(stopped.body?.reason, 'exception');
    const trace = dap.send('stackTrace', { threadId: stopped.body?.threadId });
    const frames = (await dap.next((m) => m.request_seq === trace)).body?.stackFrames as {
      name: string;
      source: { path: string };
    }[];
    assert.match(frames[0].name, /^execute\b/);
    assert.match(frames[0].source.path, /broken\.py$/, 'the SDK is library code (rules), so it stops in the task');
    // Stop while paused here: debugpy swallows the KeyboardInterrupt of "terminate" and the runner polls on, so the
    // extension repeats the Stop after a grace period, which VS Code sends as a disconnect that kills the runner.
    dap.send('terminate', {});
    await assert.rejects(dap.event('terminated', 5_000), /no matching DAP message/);
    dap.send('disconnect', { terminateDebuggee: true });
    await dap.event('terminated', 30_000);
    const gone = () => !existsSync(`/proc/${pid}`) || /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    for (let i = 0; i < 100 && !gone(); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(gone(), 'the second Stop ends the runner');
  } finally {
    adapter.kill();
  }
});
