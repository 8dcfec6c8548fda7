// The `tilebox` task type: tasks.json entries resolve to a ProcessExecution of the CLI from an argument
// array, the API key only in the task's environment; bad definitions and a missing CLI are explained.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { dirname, basename } from 'node:path';
import { test } from 'node:test';
import { fakeServices } from '../commands/fakeServices';
import { DEV, KEY, TWO_IDLE_RUNNERS_ARGS } from '../commands/support';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { TileboxTaskProvider, TASK_TYPE } = await import('../../../client/src/runner/taskProvider');

const CLI = '/opt/tilebox/bin/tilebox';
type Exec = { process: string; args: string[]; options: { env: Record<string, string>; cwd?: string } };
type TaskLike = { name: string; definition: Record<string, unknown>; execution: Exec; isBackground?: boolean; scope?: unknown };

function setup(located: { path: string } | { searched: string[] } = { path: CLI }, apiUrl?: string) {
  const f = fakeServices();
  const folder = { uri: fake.Uri.file(dirname(f.project.dir)), name: 'ws', index: 0 };
  fake.state.workspaceFolders.splice(0, Infinity, folder);
  fake.state.messages.length = 0;
  const provider = new TileboxTaskProvider(
    f.s,
    async () => located,
    () => apiUrl,
  );
  return { f, folder, provider };
}

test('package.json declares the tilebox task type with the actions the provider understands', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  const def = pkg.contributes.taskDefinitions.find((d: { type: string }) => d.type === TASK_TYPE);
  assert.deepEqual(def.required, ['action']);
  assert.deepEqual(def.properties.action.enum, ['runner', 'publish']);
  assert.deepEqual(Object.keys(def.properties).sort(), ['action', 'cluster', 'count', 'project', 'stopWhenIdle']);
});

test('detected tasks: publish per project (in its folder) and a background runner, key in env only', async () => {
  const { f, provider } = setup();
  const tasks = (await provider.provideTasks()) as unknown as TaskLike[];
  assert.deepEqual(
    tasks.map((t) => t.name),
    [`publish ${f.project.label}`, 'runner (default cluster)'],
  );
  const [publish, runner] = tasks;
  assert.deepEqual(publish.definition, { type: 'tilebox', action: 'publish', project: basename(f.project.dir) });
  assert.equal(publish.execution.process, CLI);
  assert.deepEqual(publish.execution.args, ['workflow', 'publish-release', '.']);
  assert.equal(publish.execution.options.cwd, f.project.dir);
  assert.deepEqual(runner.execution.args, ['runner', 'start']);
  assert.equal(runner.isBackground, true);
  for (const t of tasks) {
    assert.deepEqual(t.execution.options.env, { TILEBOX_API_KEY: KEY });
    assert.ok(!t.execution.args.some((a) => a.includes(KEY)));
  }
  f.dispose();
});

test('a tasks.json runner resolves with its cluster, count and --api-url; a bad slug is refused with a message', async () => {
  const { f, folder, provider } = setup({ path: CLI }, 'https://api.tilebox.dev');
  const task = {
    name: 'my runner',
    definition: { type: 'tilebox', action: 'runner', cluster: DEV, count: 2, stopWhenIdle: true },
    scope: folder,
  };
  const resolved = (await provider.resolveTask(task as never)) as unknown as TaskLike;
  assert.deepEqual(resolved.execution.args, TWO_IDLE_RUNNERS_ARGS);
  assert.equal(resolved.name, 'my runner');
  const bad = { name: 'evil', definition: { type: 'tilebox', action: 'runner', cluster: '--api-key=x' }, scope: folder };
  assert.equal(await provider.resolveTask(bad as never), undefined);
  assert.match(fake.state.messages.at(-1)!.text, /not a valid slug/);
  f.dispose();
});

test('without a CLI, detection stays quiet but running a task says the CLI is missing', async () => {
  const { f, folder, provider } = setup({ searched: ['/usr/bin/tilebox'] });
  assert.deepEqual(await provider.provideTasks(), []);
  assert.deepEqual(f.failures, []);
  const task = { name: 'publish', definition: { type: 'tilebox', action: 'publish' }, scope: folder };
  assert.equal(await provider.resolveTask(task as never), undefined);
  assert.deepEqual(f.failures, [{ kind: 'not-found', what: 'Running the tilebox task "publish"' }]);
  f.dispose();
});
