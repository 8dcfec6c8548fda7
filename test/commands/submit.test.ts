// Job input is checked before anything is sent: bad JSON and inputs over 2048 bytes never reach the CLI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyError } from '../../client/src/commands/errors';
import { CliFailure, Problem } from '../../client/src/commands/flow';
import { submitFlow } from '../../client/src/commands/submit';
import { DEV, world } from './support';

const submits = (w: ReturnType<typeof world>) => w.commandsRun().filter((c) => c.startsWith('job submit'));

for (const [what, input, reason] of [
  ['not JSON', "{scene: 'S2A'}", /not valid JSON/],
  ['over 2048 bytes', JSON.stringify({ blob: 'x'.repeat(2100) }), /at most 2048/],
] as const) {
  test(`a job input that is ${what} is refused before the CLI is called`, async () => {
    const w = world();
    const ui = w.ui({ input: 'tilebox.com/example/Typed' }, { input: 'v1.0' }, { input: 'bad-input' }, { input });
    // Nothing is deployed on the dev cluster, so the task is typed.
    await assert.rejects(submitFlow(w.deps(ui), { clusterSlug: DEV }), (e: unknown) => e instanceof Problem && reason.test(e.message));
    const inputBox = ui.asked.find((a) => a.title === 'Job input (JSON)')!;
    assert.match(inputBox.validation!, reason, 'the input box shows the same reason while typing');
    assert.deepEqual(submits(w), []);
    assert.ok(w.commandsRun().includes('cluster list --json'), 'the stand-in was reachable: only the submit was held back');
    assert.deepEqual(w.watched, []);
  });
}

test('a valid typed task is submitted with compact JSON input and the given retries', async () => {
  const w = world();
  const ui = w.ui({ input: 'tilebox.com/example/Typed' }, { input: 'v2.1' }, { input: 'typed-run' }, { input: '[1, 2, 3]' }, { input: '3' });
  await submitFlow(w.deps(ui), { clusterSlug: DEV });
  assert.deepEqual(submits(w), [`job submit --name typed-run --task tilebox.com/example/Typed --version v2.1 --input [1,2,3] --cluster ${DEV} --max-retries 3 --json`]);
  assert.equal(w.watched.length, 1);
  assert.deepEqual(ui.progressed, ['Submitting job typed-run'], 'the submit runs under a cancellable progress notification');
});

test('a hung submit is stopped with the progress notification\'s Cancel: silent, nothing watched', async () => {
  const w = world();
  const ui = w.ui({ input: 'tilebox.com/example/Typed' }, { input: 'v1.0' }, { input: 'hung' }, { input: '' }, { input: '0' });
  ui.cancelProgressAfterMs = 300;
  // The stand-in hangs from the submit on (the cluster list before it answers normally).
  const cli = { run: ((call, options) => {
    if (call.args[0] === 'job' && call.args[1] === 'submit') w.h.setMode('hang');
    return w.h.cli.run(call, options);
  }) as typeof w.h.cli.run };
  const flow = submitFlow({ ...w.deps(ui), cli }, { clusterSlug: DEV });
  const error = await flow.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof CliFailure, String(error));
  assert.equal(error.result.kind, 'cancelled');
  assert.equal(classifyError(error, 'tilebox.job.submit').kind, 'silent');
  assert.deepEqual(w.watched, []);
});

test('a task or job name that would read as a flag is refused by its input box', async () => {
  const w = world();
  const ui = w.ui({ input: '--api-key=x' }, { escape: true });
  await assert.rejects(submitFlow(w.deps(ui), { clusterSlug: DEV }));
  assert.equal(ui.asked.find((a) => a.title === 'Task identifier name')!.validation, 'The task name must not start with "-".');
  assert.deepEqual(submits(w), []);
});

test('an invalid version is refused by the input box and never sent', async () => {
  const w = world();
  const ui = w.ui({ input: 'T' }, { input: '1.0' }, { escape: true });
  await assert.rejects(submitFlow(w.deps(ui), { clusterSlug: DEV }));
  assert.match(ui.asked.find((a) => a.title.startsWith('Version'))!.validation!, /v<major>\.<minor>/);
  assert.deepEqual(submits(w), []);
});
