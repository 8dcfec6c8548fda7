// Debug Task… / Debug Failed Task… against the stand-in CLI, with the debug runner faked as "ready": which task is
// submitted where, with which input, and the one message for a task the Runner does not register.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { DiscoveredTask } from '../../../server/src/shared/protocol';
import { clusterList, deployRelease, jobList, publishRelease } from '../../../client/src/cliAdapter/calls';
import { Problem } from '../../../client/src/commands/flow';
import { debugFailedFlow, debugTaskFlow, failedTaskOf, staticallyRegistered } from '../../../client/src/debug/debugTaskFlow';
import type { ReadyInfo } from '../../../client/src/debug/launcherScript';
import { DEV, world } from '../commands/support';

const READY: ReadyInfo = {
  runner: 'scene_qa.runner:runner',
  cluster: DEV,
  identifiers: [
    { name: 'tilebox.com/example/FetchScene', version: 'v1.0', class: 'FetchScene' },
    { name: 'Summarize', version: 'v0.0', class: 'Summarize' },
  ],
};
const lensTask: DiscoveredTask = {
  name: 'tilebox.com/example/FetchScene',
  version: 'v1.0',
  file: 'scene_qa/tasks.py',
  line: 4,
  className: 'FetchScene',
  fields: [{ name: 'scene_id', type: 'str' }],
};

function setup() {
  const w = world();
  const started: { noDebug: boolean; stopOnTaskException?: boolean }[] = [];
  const deps = (ui: ReturnType<typeof w.ui>) => ({
    ...w.deps(ui),
    ensureRunner: async (_p: unknown, o: { noDebug: boolean; stopOnTaskException?: boolean }) => {
      started.push(o);
      const listed = await w.h.cli.run(clusterList());
      return { runner: READY.runner, cluster: DEV, clusters: listed.kind === 'ok' ? listed.value : [], ready: Promise.resolve(READY) };
    },
  });
  const jobs = async () => {
    const r = await w.h.cli.run(jobList());
    assert.equal(r.kind, 'ok');
    return r.kind === 'ok' ? r.value.items : [];
  };
  return { w, started, deps, jobs };
}

const submits = (w: ReturnType<typeof world>) => w.commandsRun().filter((c) => c.startsWith('job submit'));

test("Debug Task from a lens asks the task's fields and submits that input to the debug runner's cluster", async () => {
  const { w, started, deps, jobs } = setup();
  const ui = w.ui({ input: 'S2A_1' });
  const out = await debugTaskFlow(deps(ui), false, pathToFileURL(w.project.configPath).href, lensTask);
  assert.deepEqual(started, [{ noDebug: false, discoveredRunners: undefined }]);
  assert.deepEqual(
    ui.asked.map((a) => a.title),
    ['FetchScene: scene_id: str'],
    'one typed prompt, no JSON box',
  );
  assert.match(submits(w)[0], / --input "S2A_1" /, 'one field: the bare value');
  const [job] = await jobs();
  assert.equal(job.name, 'Debug FetchScene');
  assert.equal(job.clusterSlug, DEV);
  assert.deepEqual(job.taskSummaries[0].identifier, { name: 'tilebox.com/example/FetchScene', version: 'v1.0' });
  assert.match(out.message, /^Submitted "Debug FetchScene" \(.+\) to the debug runner on dev-cluster/);
  assert.deepEqual(w.watched, [job.id]);
  assert.deepEqual(w.revealed, [job.id]);
});

test('Run Task from the palette picks among the registered tasks and starts the runner without the debugger', async () => {
  const { w, started, deps, jobs } = setup();
  await debugTaskFlow(deps(w.ui({ pick: 'Summarize' }, { input: '' })), true);
  assert.equal(started[0].noDebug, true);
  assert.equal((await jobs())[0].name, 'Run Summarize');
});

// What the project's artifact preview discovered (as the language server reports the example project's tasks.py).
const discovered: DiscoveredTask[] = [
  lensTask,
  { name: 'Summarize', version: 'v0.0', file: 'scene_qa/tasks.py', line: 26, className: 'Summarize', fields: [] },
];

test("Debug Task from the palette asks the picked task's fields when the project's preview discovers it", async () => {
  const { w, deps } = setup();
  const ui = w.ui({ pick: 'FetchScene' }, { input: 'S2A_7' });
  await debugTaskFlow({ ...deps(ui), projectTasks: () => discovered }, false);
  assert.deepEqual(
    ui.asked.map((a) => a.title),
    ['Debug which task of scene_qa.runner:runner?', 'FetchScene: scene_id: str'],
  );
  // A task without fields gets no input question and no --input.
  const none = w.ui({ pick: 'Summarize' });
  await debugTaskFlow({ ...deps(none), projectTasks: () => discovered }, true);
  assert.equal(none.remaining, 0);
  assert.deepEqual(
    submits(w).map((c) => c.split(' --cluster ')[0]),
    [
      'job submit --name Debug FetchScene --task tilebox.com/example/FetchScene --version v1.0 --input "S2A_7"',
      'job submit --name Run Summarize --task Summarize --version v0.0',
    ],
  );
});

test('Debug Failed Task asks by fields when the failed class is one the project declares', async () => {
  const { w, deps } = setup();
  const ui = w.ui({ input: 'S2A_again' });
  await debugFailedFlow({ ...deps(ui), projectTasks: () => discovered }, { job: failedJob });
  assert.deepEqual(
    ui.asked.map((a) => a.title),
    ['FetchScene: scene_id: str'],
  );
  assert.match(submits(w)[0], / --input "S2A_again" /);
});

test('a lens task the running Runner does not register is one message once it polls, and nothing is submitted', async () => {
  const { w, deps, jobs } = setup();
  const other = { ...lensTask, name: 'tilebox.com/example/CheckClouds', version: 'v1.2', className: 'CheckClouds' };
  await assert.rejects(
    debugTaskFlow(deps(w.ui({ input: 'S2A' })), false, w.project.configPath, other),
    (e: Error) =>
      e instanceof Problem &&
      /^CheckClouds is not registered in the Runner scene_qa\.runner:runner: add it to Runner\(tasks=\[\.\.\.\]\)/.test(e.message),
  );
  assert.deepEqual(await jobs(), []);
});

const failedJob = {
  id: '019a0000-0000-7000-8000-000000000001',
  name: 'nightly',
  state: 'failed' as const,
  progress: [],
  taskSummaries: [
    {
      id: 't1',
      display: "FetchScene\nValueError('x')",
      state: 'failed' as const,
      identifier: { name: 'tilebox.com/example/FetchScene', version: 'v1.0' },
    },
  ],
};

test("Debug Failed Task re-submits the failed task's identifier, asks for its input, and stops on exceptions", async () => {
  const { w, started, deps, jobs } = setup();
  assert.equal(failedTaskOf({ job: failedJob })?.task.id, 't1');
  assert.equal(failedTaskOf({ job: { ...failedJob, taskSummaries: [] } }), undefined);
  const ui = w.ui({ input: '"S2A_bad"' });
  await debugFailedFlow(deps(ui), { job: failedJob });
  assert.deepEqual(started, [{ noDebug: false, stopOnTaskException: true }]);
  assert.equal((await jobs())[0].name, 'Debug FetchScene');
  // No preview of the project is loaded, so the class's fields are unknown: the JSON box, as before.
  assert.deepEqual(
    ui.asked.map((a) => a.title),
    ['Input of FetchScene (JSON)'],
  );
  assert.match(submits(w)[0], / --input "S2A_bad" /);
  await assert.rejects(
    debugFailedFlow(deps(w.ui()), { job: { ...failedJob, state: 'completed', taskSummaries: [] } }),
    /right-click one there/,
  );
});

test('a release deployed on the debug cluster with a compatible task is a warning, and the job is still submitted', async () => {
  const { w, deps, jobs } = setup();
  assert.equal((await w.h.cli.run(publishRelease(w.project.dir), { cwd: w.project.dir })).kind, 'ok');
  assert.equal((await w.h.cli.run(deployRelease({ target: 'dev' }), { cwd: w.project.dir })).kind, 'ok');
  const ui = w.ui({ input: '"S2A_1"' });
  await debugTaskFlow(deps(ui), false, w.project.configPath, lensTask);
  assert.equal((await jobs()).length, 1);
  assert.match(
    ui.notified.find((n) => n.level === 'warning')?.message ?? '',
    /^Another runner may take tilebox\.com\/example\/FetchScene on dev-cluster-9xK2mQ4pL8nR7s before the debugger does: a release of scene-qa-F8yVcPRfw2AkoZ is deployed there/,
  );
});

test('the runner starts while the task and its input are asked; the job is submitted once it polls', async () => {
  const { w, deps, jobs } = setup();
  let polls!: (r: typeof READY) => void;
  const ready = new Promise<typeof READY>((r) => {
    polls = r;
  });
  const ui = w.ui({ pick: 'FetchScene' }, { input: 'S2A_early' });
  const flow = debugTaskFlow(
    {
      ...deps(ui),
      projectTasks: () => discovered.map((t) => ({ ...t, runners: [READY.runner] })),
      ensureRunner: async () => ({ runner: READY.runner, cluster: DEV, ready }),
    },
    false,
  );
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(
    ui.asked.map((a) => a.title),
    ['Debug which task of scene_qa.runner:runner?', 'FetchScene: scene_id: str'],
    'both questions come from the code the project declares, before the runner polls',
  );
  assert.deepEqual(submits(w), [], 'nothing is submitted before the runner polls');
  polls(READY);
  await flow;
  assert.equal((await jobs())[0].name, 'Debug FetchScene');
});

test('static discovery offers the tasks it found in the Runner, and none when an identifier is computed at runtime', () => {
  const inRunner = discovered.map((t) => ({ ...t, runners: [READY.runner] }));
  assert.deepEqual(
    staticallyRegistered(inRunner, READY.runner).map((t) => t.class),
    ['FetchScene', 'Summarize'],
  );
  assert.deepEqual(staticallyRegistered(inRunner, 'other.runner:runner'), []);
  assert.deepEqual(staticallyRegistered([...inRunner, { ...inRunner[1], unresolved: true }], READY.runner), []);
});

test('a lens task that static discovery finds in no Runner is refused before any question', async () => {
  const { w, deps, jobs } = setup();
  const ui = w.ui();
  await assert.rejects(
    debugTaskFlow(deps(ui), false, w.project.configPath, { ...lensTask, runners: [] }),
    /^Problem: FetchScene is not registered in the Runner scene_qa\.runner:runner/,
  );
  assert.equal(ui.asked.length, 0);
  assert.deepEqual(await jobs(), []);
});

test('Debug Failed Task of a task the Runner no longer registers is one message, and nothing is submitted', async () => {
  const { w, deps, jobs } = setup();
  const gone = { ...failedJob.taskSummaries[0], display: 'Gone', identifier: { name: 'tilebox.com/example/Gone', version: 'v1.0' } };
  await assert.rejects(
    debugFailedFlow(deps(w.ui({ input: '{}' })), { job: { ...failedJob, taskSummaries: [gone] } }),
    (e: Error) =>
      e instanceof Problem && /^tilebox\.com\/example\/Gone v1\.0 is not registered in the Runner scene_qa\.runner:runner/.test(e.message),
  );
  assert.deepEqual(await jobs(), []);
});
