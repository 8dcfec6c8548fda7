// Show Job / Show Job Logs / Load More Logs through the registered commands (fake VS Code, stand-in CLI):
// the job panel has state, progress, execution stats, the task graph and logs; a finished job's logs come page
// by page with "load more", appended without losing what was shown; Retry from anywhere updates it.
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';
import { execa } from 'execa';
import { deployRelease, jobLogs, jobRetry, jobSubmit, publishRelease } from '../../../client/src/cliAdapter/calls';
import { ok, STANDIN_BIN } from '../cliAdapter/helpers';
import { fakeServices, until } from './fakeServices';
import { DEV, KEY } from './support';
import { buttons, seen } from '../jobs/panel/seen';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { registerCommands } = await import('../../../client/src/commands/index');

type Services = ReturnType<typeof fakeServices>;

/** A job on dev whose one task fails: the release published and deployed, the job submitted, a runner run once. */
async function failingJob(f: Services, name: string): Promise<string> {
  const { h, project } = f;
  ok(await h.cli.run(publishRelease(project.dir), { cwd: project.dir }));
  ok(await h.cli.run(deployRelease({ target: 'dev' }), { cwd: project.dir }));
  const { jobId } = ok(
    await h.cli.run(jobSubmit({ name, task: 'tilebox.com/example/FetchScene', version: 'v1.0', input: '{"fail":true}', cluster: DEV })),
  );
  await runRunner(f);
  return jobId;
}

/** The stand-in runner on dev until no work is left. */
async function runRunner(f: Services): Promise<void> {
  const run = await execa(STANDIN_BIN, ['runner', 'start', '--cluster', DEV, '--stop-when-idling'], {
    env: { TILEBOX_API_KEY: KEY, TILEBOX_STANDIN_STATE: f.h.state },
    reject: false,
  });
  assert.equal(run.exitCode, 0, run.stderr);
}

/** Waits between follow rounds last until the panel closes: the tests read state, not timing. */
const sleepUntilClosed = (_ms: number, signal?: AbortSignal) =>
  new Promise<void>((r) => signal?.addEventListener('abort', () => r(), { once: true }));

test('a failed job panel: state, progress, stats, task graph, and every log line after enough "load more"', async () => {
  const f = fakeServices();
  const { h } = f;
  const jobId = await failingJob(f, 'doc');
  ok(await h.cli.run(jobRetry(jobId)));
  await runRunner(f); // fails again: submitted, failed, retried, failed
  const all = ok(await h.cli.run(jobLogs(jobId, { limit: 1000 }))).items.map((l) => l.body);
  assert.equal(all.length, 4, 'the job wrote four lines');

  fake.state.panels.length = 0;
  registerCommands(f.s, { sleep: async () => {}, logPageSize: 1 });
  try {
    await fake.state.commands.get('tilebox.job.show')!({ job: { id: jobId } });
    assert.equal(fake.state.panels.length, 1, 'one panel for the job');
    const panel = fake.state.panels[0];
    assert.equal(panel.viewType, 'tilebox.job');
    const text = () => seen(panel.body());
    await until(() => text().includes(all[0]), 'the job panel with its first log page');
    assert.match(text(), /^# doc\nfailed$/m);
    assert.match(text(), /## Progress\ntasks 0\/1 \(0%\)/);
    assert.match(text(), /## Execution\n/);
    assert.match(text(), /^Tasks: 1$/m);
    assert.match(text(), /## Tasks\nFetchScene\nfailed/);
    assert.deepEqual(
      buttons(panel.body())
        .filter((b) => b.enabled)
        .map((b) => b.label),
      ['Copy job ID', 'Retry', 'Load More Logs'],
    );
    // The bodies in the Logs section, in order (each line is "<time> <severity> <body>"; an error's traceback follows it).
    const shown = (t: string) =>
      (t.split('\n## Logs\n')[1] ?? '')
        .split('\n')
        .filter((l) => /^\d{4}-/.test(l))
        .map((l) => l.split(' ').slice(2).join(' '));
    const firstLines = all.map((l) => l.split('\n')[0]);
    assert.deepEqual(shown(text()), firstLines.slice(0, 1), 'the first page only');

    // Load More Logs (the panel's button, or the command on the active panel), a page at a time, until the end.
    for (let i = 0; i < all.length && /Load More Logs/.test(text()); i++) {
      const before = shown(text()).length;
      if (i % 2) panel.send({ type: 'action', action: 'loadMore' });
      else await fake.state.commands.get('tilebox.job.loadMoreLogs')!();
      await until(() => shown(text()).length > before, 'each load adds lines');
    }
    assert.deepEqual(shown(text()), firstLines, 'every line, in order, none lost');
    assert.doesNotMatch(text(), /Load More Logs/);

    // Show Job Logs reveals the same panel and scrolls to its logs.
    await fake.state.commands.get('tilebox.job.showLogs')!(jobId);
    assert.equal(fake.state.panels.length, 1, 'still one panel');
    assert.equal(panel.revealed, 1);
    assert.deepEqual(panel.webview.posted.at(-1), { type: 'reveal', section: 'logs' });
    assert.deepEqual(f.failures, []);
  } finally {
    f.dispose();
  }
});

test('Show Job on a job that ended and was retried reads it again and follows it, keeping the lines shown', async () => {
  const f = fakeServices();
  const { h } = f;
  const jobId = await failingJob(f, 'again');
  fake.state.panels.length = 0;
  registerCommands(f.s, { sleep: sleepUntilClosed });
  try {
    await fake.state.commands.get('tilebox.job.show')!({ job: { id: jobId } });
    const panel = fake.state.panels.at(-1)!;
    const text = () => seen(panel.body());
    await until(() => /^# again\nfailed$/m.test(text()) && /ValueError/.test(text()), 'the failed job and its log');
    const failedLog = /[^\n]*ValueError[^\n]*/.exec(text())![0];

    ok(await h.cli.run(jobRetry(jobId)));
    await fake.state.commands.get('tilebox.job.show')!({ job: { id: jobId } });
    await until(() => /^# again\nqueued$/m.test(text()) && /Following/.test(text()), 'the retried job, followed again');
    assert.ok(text().includes(failedLog), 'the lines shown before the retry stay');
  } finally {
    f.dispose();
  }
});

test('Retry from the panel: the panel, the status bar and the job cache say "queued" as soon as the command returns', async () => {
  const f = fakeServices();
  const jobId = await failingJob(f, 'panel-retry');
  fake.state.panels.length = 0;
  fake.state.executed.length = 0;
  registerCommands(f.s, { sleep: sleepUntilClosed });
  try {
    await fake.state.commands.get('tilebox.job.show')!(jobId);
    const panel = fake.state.panels.at(-1)!;
    const text = () => seen(panel.body());
    await until(() => /^# panel-retry\nfailed$/m.test(text()), 'the failed job');
    assert.match(text(), /^## FetchScene failed\nTask FetchScene failed: ValueError: the input asked this task to fail/m);
    // The panel's Retry button runs the Retry command on this job.
    panel.send({ type: 'action', action: 'retry' });
    assert.deepEqual(
      fake.state.executed.filter((e) => e.id === 'tilebox.job.retry').map((e) => e.args),
      [[jobId]],
    );

    // Retry (as the button runs it): it asks first, the same release may fail again.
    fake.state.respond = ({ items }) => (items.includes('Retry Anyway') ? 'Retry Anyway' : undefined);
    await fake.state.commands.get('tilebox.job.retry')!(jobId);
    assert.match(text(), /^# panel-retry\nqueued$/m, 'the panel, without waiting for a poll');
    assert.equal(f.s.jobs.get(jobId)?.state, 'submitted', 'the cache the Jobs view listens to');
    await until(() => f.lastJobs.at(-1)?.id === jobId, 'the status bar');
    assert.equal(f.lastJobs.at(-1)?.state, 'submitted');
  } finally {
    fake.state.respond = undefined;
    f.dispose();
  }
});
