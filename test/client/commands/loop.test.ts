// The loop through the command flows (scripted Ui, real adapter, stand-in CLI): publish → deploy to a
// target → submit a failing job → runner (--stop-when-idling) → failed → notification → retry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execa } from 'execa';
import { deployFlow } from '../../../client/src/commands/deploy';
import { retryFlow } from '../../../client/src/commands/jobActions';
import { publishFlow } from '../../../client/src/commands/publish';
import { submitFlow } from '../../../client/src/commands/submit';
import { jobEndedNotice, JobWatcher } from '../../../client/src/jobs/jobWatcher';
import { startRunnerFlow } from '../../../client/src/runner/startRunner';
import { jobGet } from '../../../client/src/cliAdapter/calls';
import type { Job } from '../../../client/src/cliAdapter/types';
import { ok, STANDIN_BIN } from '../cliAdapter/helpers';
import { DEV, KEY, world } from './support';
import { shortId } from '../../../client/src/cliAdapter/validate';

test('publish, deploy to a target, submit a failing job, run it, get told it failed, retry it', async () => {
  const w = world();

  const published = await publishFlow(w.deps(w.ui()), w.project);
  assert.match(published.message, /^Published release [0-9a-f]{8} of scene-qa-F8yVcPRfw2AkoZ/);
  assert.deepEqual(
    published.next.map((s) => s.title),
    ['Deploy…', 'Copy ID'],
  );
  assert.deepEqual(w.polled, ['workflows']);

  // "Deploy…" carries the release; the target comes from the project's toml; dev needs no confirmation.
  const deployUi = w.ui({ pick: 'Target dev' });
  const deployed = await deployFlow(w.deps(deployUi), published.next[0].args![0]);
  assert.ok(!deployUi.asked.some((a) => a.kind === 'confirm'));
  const releaseId = published.next[1].args![0] as string;
  assert.equal(deployed.message, `Deployed release ${shortId(releaseId)} of scene-qa-F8yVcPRfw2AkoZ to ${DEV}.`);
  assert.deepEqual(
    deployed.next.map((s) => s.title),
    ['Submit Job…', 'Start Runner'],
  );
  assert.ok(
    w.commandsRun().includes(`workflow deploy-release --workflow scene-qa-F8yVcPRfw2AkoZ --release ${releaseId} --target dev --json`),
  );

  // "Submit Job…" carries the cluster; the task list comes from the release deployed there.
  const submitUi = w.ui({ pick: 'FetchScene' }, { input: null }, { input: 'qa-run' }, { input: '{"fail": true}' }, { input: null });
  const submitted = await submitFlow(w.deps(submitUi), deployed.next[0].args![0]);
  const taskPick = submitUi.asked.find((a) => a.kind === 'pick')!;
  assert.deepEqual(taskPick.items?.slice(0, 3), ['tilebox.com/example/FetchScene', 'tilebox.com/example/CheckClouds', 'Summarize']);
  const jobId = w.watched[0];
  assert.ok(jobId, 'the new job is watched');
  assert.deepEqual(w.revealed, [jobId]);
  assert.ok(w.polled.includes('jobs'));
  assert.deepEqual(
    submitted.next.map((s) => s.title),
    ['Show Job', 'Start Runner', 'Submit Again'],
  );
  assert.ok(
    w
      .commandsRun()
      .some(
        (c) =>
          c.startsWith('job submit --name qa-run --task tilebox.com/example/FetchScene --version v1.0 --input {"fail":true}') &&
          c.includes(`--cluster ${DEV}`),
      ),
  );

  // "Start Runner" → a terminal whose argv we run as the terminal would (no shell), key in env only.
  const runnerUi = w.ui({ input: '1' }, { pick: 'Stop when idle' });
  await startRunnerFlow(w.deps(runnerUi), submitted.next[1].args![0]);
  const [terminal] = w.created;
  assert.deepEqual(terminal.shellArgs, ['runner', 'start', '--cluster', DEV, '--stop-when-idling']);
  assert.equal(terminal.name, `Tilebox runner: ${DEV}`);
  assert.deepEqual(terminal.env, { TILEBOX_API_KEY: KEY });
  assert.ok(!terminal.shellArgs.some((a) => a.includes(KEY)));
  const run = await execa(STANDIN_BIN, terminal.shellArgs, {
    env: { ...terminal.env, TILEBOX_STANDIN_STATE: w.h.state },
    reject: false,
  });
  assert.equal(run.exitCode, 0, run.stderr);

  // The watcher started by submit sees the failure; the notification offers the next steps.
  const ended: Job[] = [];
  const watcher = new JobWatcher({
    getJob: (id, signal) => w.h.cli.run(jobGet(id), { signal }),
    sleep: async () => {},
    onUpdate: () => {},
    onEnd: (j) => ended.push(j),
  });
  const final = await watcher.watch(jobId);
  assert.equal(final?.state, 'failed');
  assert.deepEqual(
    jobEndedNotice(ended[0]).next.map((s) => s.title),
    ['Show Job', 'Retry', 'Show Logs'],
  );

  // Retry: the failed task is compatible with what is deployed, so no warning dialog; the job is requeued.
  const retryUi = w.ui();
  const retried = await retryFlow(w.deps(retryUi), jobEndedNotice(ended[0]).next[1].args![0]);
  assert.equal(retryUi.asked.length, 0);
  assert.match(retried.message, /Retried job "qa-run": 1 task\(s\) rescheduled/);
  assert.equal(ok(await w.h.cli.run(jobGet(jobId))).state, 'submitted');
  assert.ok(!JSON.stringify(w.h.calls()).includes(KEY), 'the key is never on a command line');
});
