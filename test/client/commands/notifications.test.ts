// Issue 7.4: a job retried (or submitted) from the editor is watched with backoff on a fake clock; when it
// ends, one notification with "Show Job" / "Retry" / "Show Logs", and pressing a button runs that command.
// `tilebox.jobs.notifyOnCompletion: false` silences it while the status bar still follows the job.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { execa } from 'execa';
import { deployRelease, jobGet, jobSubmit, publishRelease } from '../../../client/src/cliAdapter/calls';
import { ok, STANDIN_BIN, type Harness } from '../cliAdapter/helpers';
import { fakeServices, until } from './fakeServices';
import { DEV, KEY } from './support';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { registerCommands } = await import('../../../client/src/commands/index');

const runRunner = async (h: Harness) => {
  const r = await execa(STANDIN_BIN, ['runner', 'start', '--cluster', DEV, '--stop-when-idling'], {
    env: { TILEBOX_API_KEY: KEY, TILEBOX_STANDIN_STATE: h.state },
    reject: false,
  });
  assert.equal(r.exitCode, 0, r.stderr);
};

/** A published, deployed project and a job that failed on the runner. */
async function failedJob(h: Harness, dir: string): Promise<string> {
  ok(await h.cli.run(publishRelease(dir), { cwd: dir }));
  ok(await h.cli.run(deployRelease({ target: 'dev' }), { cwd: dir }));
  const { jobId } = ok(
    await h.cli.run(
      jobSubmit({ name: 'qa-run', task: 'tilebox.com/example/FetchScene', version: 'v1.0', input: '{"fail":true}', cluster: DEV }),
    ),
  );
  await runRunner(h);
  assert.equal(ok(await h.cli.run(jobGet(jobId))).state, 'failed');
  return jobId;
}

function setup(notify: boolean, duringFirstWait?: (f: ReturnType<typeof fakeServices>) => Promise<void>) {
  const f = fakeServices();
  fake.state.messages.length = 0;
  fake.state.executed.length = 0;
  fake.state.config['jobs.notifyOnCompletion'] = notify;
  const delays: number[] = [];
  // The fake clock: no real waiting; the runner works the queue during the first wait, as it would meanwhile.
  const sleep = async (ms: number) => {
    delays.push(ms);
    if (delays.length === 1) await (duringFirstWait ? duringFirstWait(f) : runRunner(f.h));
  };
  registerCommands(f.s, { sleep });
  return { ...f, delays };
}

test('a retried job that fails again: one error notification whose "Retry" button retries it', async () => {
  const t = setup(true);
  const jobId = await failedJob(t.h, t.project.dir);
  fake.state.respond = ({ text }) => (/failed\.$/.test(text) ? 'Retry' : undefined);
  try {
    await fake.state.commands.get('tilebox.job.retry')!(jobId);
    await until(() => fake.state.executed.some((e) => e.id === 'tilebox.job.retry'), 'the Retry button');
    const notices = fake.state.messages.filter((m) => m.text.startsWith('Tilebox job'));
    assert.deepEqual(notices, [{ level: 'error', text: 'Tilebox job "qa-run" failed.', items: ['Show Job', 'Retry', 'Show Logs'] }]);
    assert.deepEqual(fake.state.executed.find((e) => e.id === 'tilebox.job.retry')!.args, [jobId]);
    assert.deepEqual(t.delays, [2000], 'one wait on the clock: the first backoff step');
    assert.deepEqual(
      t.lastJobs.map((j) => j.state),
      ['submitted', 'failed'],
      'the status bar saw every state',
    );
    assert.ok(t.refreshed.includes('jobs'), 'the jobs view is refreshed when the job ends');
  } finally {
    fake.state.respond = undefined;
    t.dispose();
  }
});

test('a job retried after a fixed release completes: an info notification whose "Show Logs" opens its logs', async () => {
  const t = setup(true);
  const jobId = await failedJob(t.h, t.project.dir);
  writeFileSync(join(t.project.dir, 'scene_qa', 'fix.py'), 'FIXED = True\n');
  ok(await t.h.cli.run(publishRelease(t.project.dir), { cwd: t.project.dir }));
  ok(await t.h.cli.run(deployRelease({ target: 'dev' }), { cwd: t.project.dir }));
  fake.state.respond = ({ text }) => (/completed\.$/.test(text) ? 'Show Logs' : undefined);
  try {
    await fake.state.commands.get('tilebox.job.retry')!({ job: { id: jobId } });
    await until(() => fake.state.executed.some((e) => e.id === 'tilebox.job.showLogs'), 'the Show Logs button');
    const notice = fake.state.messages.find((m) => m.text.startsWith('Tilebox job'))!;
    assert.deepEqual(notice, { level: 'info', text: 'Tilebox job "qa-run" completed.', items: ['Show Job', 'Show Logs'] });
    assert.deepEqual(fake.state.executed.find((e) => e.id === 'tilebox.job.showLogs')!.args, [jobId]);
  } finally {
    fake.state.respond = undefined;
    t.dispose();
  }
});

test('with tilebox.jobs.notifyOnCompletion off the end is not announced, but the status bar still follows', async () => {
  const t = setup(false);
  const jobId = await failedJob(t.h, t.project.dir);
  try {
    await fake.state.commands.get('tilebox.job.retry')!(jobId);
    await until(() => t.lastJobs.some((j) => j.state === 'failed'), 'the watcher to see the end');
    assert.deepEqual(
      fake.state.messages.filter((m) => m.text.startsWith('Tilebox job')),
      [],
    );
    assert.match(fake.state.messages[0].text, /^Retried job "qa-run"/, 'the retry itself still reports');
  } finally {
    fake.state.config['jobs.notifyOnCompletion'] = true;
    t.dispose();
  }
});

test('a watched job canceled from the editor is not announced a second time', async () => {
  let jobId = '';
  const t = setup(true, async () => {
    await fake.state.commands.get('tilebox.job.cancel')!(jobId);
  });
  jobId = await failedJob(t.h, t.project.dir);
  fake.state.respond = ({ items }) => (items.includes('Cancel Job') ? 'Cancel Job' : undefined);
  try {
    await fake.state.commands.get('tilebox.job.retry')!(jobId); // watched from here on
    await until(() => t.lastJobs.some((j) => j.state === 'canceled'), 'the watcher to see the cancel');
    const texts = fake.state.messages.map((m) => m.text);
    assert.ok(texts.includes('Canceled job "qa-run".'), texts.join(' | '));
    assert.ok(!texts.some((x) => x.startsWith('Tilebox job')), texts.join(' | '));
  } finally {
    fake.state.respond = undefined;
    t.dispose();
  }
});
