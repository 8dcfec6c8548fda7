// Issue 7.7: every long action ends with the obvious next commands, as buttons on its one notification, and
// pressing a button runs that command with what it needs (release, cluster, project) so it does not ask again.
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';
import { publishRelease } from '../../../client/src/cliAdapter/calls';
import { ok, STANDIN_BIN } from '../cliAdapter/helpers';
import { fakeServices } from './fakeServices';
import { DEV } from './support';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { registerCommands } = await import('../../../client/src/commands/index');

const settle = () => new Promise((r) => setTimeout(r, 10));
const first = (items: unknown[]) => items[0];

/** Runs `command`, presses `button` on its outcome, returns the buttons offered and the command the press ran. */
async function press(f: ReturnType<typeof fakeServices>, command: string, args: unknown[], button: string, answers: unknown[] = []) {
  fake.state.messages.length = 0;
  fake.state.executed.length = 0;
  fake.state.answers.splice(0, Infinity, ...answers);
  fake.state.respond = ({ items }) => (items.includes(button) ? button : undefined);
  await fake.state.commands.get(command)!(...args);
  await settle();
  fake.state.respond = undefined;
  const [note] = fake.state.messages;
  assert.ok(note, `${command} ended with a notification`);
  const ran = fake.state.executed.filter((e) => e.id !== 'setContext');
  return { buttons: note.items, text: note.text, ran };
}

test('build → Publish…, publish → Deploy…, deploy → Submit Job… / Start Runner, runner → Submit Job…', async () => {
  const f = fakeServices();
  fake.state.config['cli.path'] = STANDIN_BIN;
  registerCommands(f.s);
  try {
    const built = await press(f, 'tilebox.release.build', [], 'Publish…');
    assert.deepEqual(built.buttons, ['Publish…']);
    assert.deepEqual(built.ran, [{ id: 'tilebox.release.publish', args: [{ projectDir: f.project.dir }] }]);

    ok(await f.h.cli.run(publishRelease(f.project.dir), { cwd: f.project.dir }));
    const deployed = await press(f, 'tilebox.release.deploy', [{ clusterSlug: DEV, workflowSlug: f.project.slug }], 'Submit Job…');
    assert.deepEqual(deployed.buttons, ['Submit Job…', 'Start Runner']);
    assert.deepEqual(deployed.ran, [{ id: 'tilebox.job.submit', args: [{ clusterSlug: DEV, workflowSlug: f.project.slug }] }]);
    const again = await press(f, 'tilebox.release.deploy', [{ clusterSlug: DEV, workflowSlug: f.project.slug }], 'Start Runner');
    assert.deepEqual(again.ran, [{ id: 'tilebox.runner.start', args: [DEV] }]);

    const runner = await press(f, 'tilebox.runner.start', [DEV], 'Submit Job…', ['1', first]);
    assert.deepEqual(runner.buttons, ['Submit Job…']);
    assert.deepEqual(runner.ran, [{ id: 'tilebox.job.submit', args: [{ clusterSlug: DEV }] }]);

    // With a runner started here, submitting no longer offers "Start Runner".
    const submitted = await press(f, 'tilebox.job.submit', [{ clusterSlug: DEV }], 'Show Job', [
      first,
      (o: { value: string }) => o.value,
      'n',
      '',
      '0',
    ]);
    assert.deepEqual(submitted.buttons, ['Show Job', 'Submit Again']);
    assert.equal(submitted.ran[0].id, 'tilebox.job.show');
    assert.match(submitted.ran[0].args[0], /^[0-9a-f-]{36}$/);
    assert.deepEqual(f.failures, []);
  } finally {
    delete fake.state.config['cli.path'];
    f.dispose();
  }
});
