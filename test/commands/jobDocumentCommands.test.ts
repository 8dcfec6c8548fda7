// Show Job / Show Job Logs / Load More Logs through the registered commands (fake VS Code, stand-in CLI):
// the read-only document has state, progress, execution stats, the task tree and logs; a finished job's
// logs come page by page with "load more", appended without losing what was shown.
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';
import { execa } from 'execa';
import { deployRelease, jobLogs, jobRetry, jobSubmit, publishRelease } from '../../client/src/cliAdapter/calls';
import { ok, STANDIN_BIN } from '../adapter/helpers';
import { fakeServices, until } from './fakeServices';
import { DEV, KEY } from './support';

register('./vscodeHook.mjs', import.meta.url);
const fake = await import('./fakeVscode.mjs');
const { registerCommands } = await import('../../client/src/commands/index');

test('a failed job document: state, progress, stats, task tree, and every log line after enough "load more"', async () => {
  const f = fakeServices();
  const { h, project } = f;
  ok(await h.cli.run(publishRelease(project.dir), { cwd: project.dir }));
  ok(await h.cli.run(deployRelease({ target: 'dev' }), { cwd: project.dir }));
  const { jobId } = ok(await h.cli.run(jobSubmit({ name: 'doc', task: 'tilebox.com/example/FetchScene', version: 'v1.0', input: '{"fail":true}', cluster: DEV })));
  const runRunner = async () => {
    const run = await execa(STANDIN_BIN, ['runner', 'start', '--cluster', DEV, '--stop-when-idling'], { env: { TILEBOX_API_KEY: KEY, TILEBOX_STANDIN_STATE: h.state }, reject: false });
    assert.equal(run.exitCode, 0, run.stderr);
  };
  await runRunner();
  ok(await h.cli.run(jobRetry(jobId)));
  await runRunner(); // fails again: submitted, failed, retried, failed
  const all = ok(await h.cli.run(jobLogs(jobId, { limit: 1000 }))).items.map((l) => l.body);
  assert.equal(all.length, 4, 'the job wrote four lines');

  fake.state.editors.length = 0;
  registerCommands(f.s, { sleep: async () => {}, logPageSize: 1 });
  try {
    await fake.state.commands.get('tilebox.job.show')!({ job: { id: jobId } });
    const editor = fake.state.editors.at(-1)!;
    assert.equal(editor.document.uri.toString(), `tilebox-job:/${jobId}.md`);
    const text = () => editor.document.getText();
    await until(() => text().includes(all[0]), 'the job document with its first log page');
    assert.match(text(), /State: \*\*failed\*\*/);
    assert.match(text(), /## Progress\n\n```text\ntasks \[-+\] 0\/1 \(0%\)/);
    assert.match(text(), /## Execution\n/);
    assert.match(text(), /- Tasks: 1/);
    assert.match(text(), /## Tasks\n\n- FetchScene \(tilebox\.com\/example\/FetchScene@v1\.0\): failed/);
    assert.match(text(), /More lines exist: run "Tilebox: Load More Logs"/);
    // The bodies in the Logs block, in order (each line is "<time> <severity> <body>").
    const shown = (t: string) => (t.split('## Logs\n\n```text\n')[1]?.split('\n```')[0].split('\n') ?? []).map((l) => l.split(' ').slice(2).join(' '));
    assert.deepEqual(shown(text()), all.slice(0, 1), 'the first page only');

    // Load More Logs acts on the job document in the active editor, a page at a time, until the end.
    fake.window.activeTextEditor = editor;
    for (let i = 0; i < all.length && /More lines exist/.test(text()); i++) {
      const before = shown(text()).length;
      await fake.state.commands.get('tilebox.job.loadMoreLogs')!();
      assert.ok(shown(text()).length > before, 'each load adds lines');
    }
    assert.deepEqual(shown(text()), all, 'every line, in order, none lost');
    assert.doesNotMatch(text(), /More lines exist/);

    // Show Job Logs opens the same document with the cursor on the Logs heading.
    await fake.state.commands.get('tilebox.job.showLogs')!(jobId);
    const logsEditor = fake.state.editors.at(-1)!;
    const line = logsEditor.selection!.start.line;
    assert.equal(logsEditor.document.getText().split('\n')[line], '## Logs');
    assert.equal(logsEditor.revealed.length, 1);
    assert.deepEqual(f.failures, []);
  } finally {
    fake.window.activeTextEditor = undefined;
    f.dispose();
  }
});

test('Show Job on a job that ended and was retried reads it again and follows it, keeping the lines shown', async () => {
  const f = fakeServices();
  const { h, project } = f;
  ok(await h.cli.run(publishRelease(project.dir), { cwd: project.dir }));
  ok(await h.cli.run(deployRelease({ target: 'dev' }), { cwd: project.dir }));
  const { jobId } = ok(await h.cli.run(jobSubmit({ name: 'again', task: 'tilebox.com/example/FetchScene', version: 'v1.0', input: '{"fail":true}', cluster: DEV })));
  const run = await execa(STANDIN_BIN, ['runner', 'start', '--cluster', DEV, '--stop-when-idling'], { env: { TILEBOX_API_KEY: KEY, TILEBOX_STANDIN_STATE: h.state }, reject: false });
  assert.equal(run.exitCode, 0, run.stderr);
  // Waits between follow rounds last until the document closes: the test reads state, not timing.
  const sleep = (_ms: number, signal?: AbortSignal) => new Promise<void>((r) => signal?.addEventListener('abort', () => r(), { once: true }));
  fake.state.editors.length = 0;
  registerCommands(f.s, { sleep });
  try {
    await fake.state.commands.get('tilebox.job.show')!({ job: { id: jobId } });
    const text = () => fake.state.editors.at(-1)!.document.getText();
    await until(() => /State: \*\*failed\*\*/.test(text()) && /ValueError/.test(text()), 'the failed job and its log');
    const failedLog = /[^\n]*ValueError[^\n]*/.exec(text())![0];

    ok(await h.cli.run(jobRetry(jobId)));
    await fake.state.commands.get('tilebox.job.show')!({ job: { id: jobId } });
    await until(() => /State: \*\*submitted\*\*/.test(text()) && /Following/.test(text()), 'the retried job, followed again');
    assert.ok(text().includes(failedLog), 'the lines shown before the retry stay');
  } finally {
    f.dispose();
  }
});
