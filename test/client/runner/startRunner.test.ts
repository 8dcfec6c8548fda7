// Runner terminals from the commands: exact argv, the key only in env, slugs validated, one terminal per cluster.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { CliFailure, Problem } from '../../../client/src/commands/flow';
import { startDirectFlow, startRunnerFlow } from '../../../client/src/runner/startRunner';
import { DEV, exampleProject, KEY, TWO_IDLE_RUNNERS_ARGS, world } from '../commands/support';

test('the runner terminal gets the CLI as shellPath, an exact argv, and the key in env only', async () => {
  const w = world();
  const ui = w.ui({ pick: 'dev-cluster' }, { input: '3' }, { pick: 'Keep running' });
  const done = await startRunnerFlow(w.deps(ui));
  assert.equal(ui.asked[0].items![0], '$(star-full) Default', 'the default cluster is offered first');
  assert.equal(w.created.length, 1);
  const t = w.created[0];
  assert.equal(t.shellPath, '/opt/tilebox/bin/tilebox');
  assert.deepEqual(t.shellArgs, ['runner', 'start', '--cluster', DEV, '-n', '3']);
  assert.deepEqual(t.env, { TILEBOX_API_KEY: KEY });
  assert.ok(![t.shellPath, ...t.shellArgs, t.name].some((s) => s.includes(KEY)));
  assert.deepEqual([...w.localRunners], [DEV]);
  assert.equal(t.requires?.program, 'uv', 'runner start needs uv on PATH');
  assert.match(t.requires?.advice ?? '', /runs your tasks with uv: install it/);
  assert.deepEqual(
    done?.next.map((s) => s.title),
    ['Submit Job…'],
  );
});

test('a second start for the same cluster reveals the same terminal without asking anything', async () => {
  const w = world();
  await startRunnerFlow(w.deps(w.ui({ input: '1' }, { pick: 'Keep running' })), DEV);
  const again = w.ui();
  assert.equal(await startRunnerFlow(w.deps(again), { cluster: { slug: DEV } }), undefined);
  assert.equal(again.asked.length, 0);
  assert.equal(w.created.length, 1);
  assert.equal(w.created[0].shown, 2);
  w.closeTerminal(w.created[0]);
  assert.deepEqual([...w.localRunners], [], 'closing the terminal forgets the local runner');
});

test('an invalid cluster slug is refused before any terminal exists', async () => {
  const w = world();
  for (const bad of ['--evil', 'dev cluster', 'a;rm -rf ~', '']) {
    const ui = w.ui();
    await assert.rejects(startRunnerFlow(w.deps(ui), bad), (e: unknown) => e instanceof Problem && /not a valid slug/.test(e.message), bad);
  }
  assert.equal(w.created.length, 0);
});

test('without an API key or a CLI the runner does not start and says why', async () => {
  const w = world();
  const noKey = { ...w.deps(w.ui({ input: '1' }, { pick: 'Keep running' })), apiKey: async () => undefined };
  await assert.rejects(startRunnerFlow(noKey, DEV), (e: unknown) => e instanceof CliFailure && e.result.kind === 'not-authenticated');
  const noCli = { ...w.deps(w.ui({ input: '1' }, { pick: 'Keep running' })), locate: async () => ({ searched: ['/usr/bin/tilebox'] }) };
  await assert.rejects(startRunnerFlow(noCli, DEV), (e: unknown) => e instanceof CliFailure && e.result.kind === 'not-found');
  assert.equal(w.created.length, 0);
});

test('the direct runner runs [workflow].command through `parallel` in the project folder', async () => {
  const project = exampleProject();
  writeFileSync(
    project.configPath,
    '[workflow]\nslug = "s"\ncommand = ["uv", "run", "python", "-m", "my flow.worker"]\n[build]\ninclude = ["**"]\n',
  );
  const w = world(project);
  await startDirectFlow(w.deps(w.ui({ pick: '[workflow].command' }, { input: '2' })), { projectDir: project.dir });
  const t = w.created[0];
  assert.deepEqual(t.shellArgs, ['parallel', '-n', '2', '--', 'uv', 'run', 'python', '-m', 'my flow.worker']);
  assert.equal(t.cwd, project.dir);
  assert.deepEqual([...w.localRunners], [], 'a direct runner is not a release runner for a cluster');
  assert.equal(t.requires?.program, 'uv', 'its own command is uv, looked up on PATH when it fails');
  assert.doesNotMatch(t.requires?.advice ?? '', /release runner/);
});

test('a typed direct command is split like a shell would quote it, but never run by one', async () => {
  const w = world();
  await startDirectFlow(w.deps(w.ui({ input: `python "my runner.py" --tag 'a b' $HOME` }, { input: '1' })));
  assert.deepEqual(w.created[0].shellArgs, ['parallel', '-n', '1', '--', 'python', 'my runner.py', '--tag', 'a b', '$HOME']);
});

test('with tilebox.apiUrl set, the runner terminal passes --api-url before the subcommand (the key still only in env)', async () => {
  const w = world();
  const deps = { ...w.deps(w.ui({ input: '2' }, { pick: 'Stop when idle' })), apiUrl: () => ' https://api.tilebox.dev ' };
  await startRunnerFlow(deps, DEV);
  assert.deepEqual(w.created[0].shellArgs, TWO_IDLE_RUNNERS_ARGS);
  assert.deepEqual(w.created[0].env, { TILEBOX_API_KEY: KEY });
});
