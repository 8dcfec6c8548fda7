// Job input is checked before anything is sent: bad JSON and inputs over 2048 bytes never reach the CLI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyError } from '../../../client/src/commands/errors';
import { CliFailure, Problem } from '../../../client/src/commands/flow';
import { submitAgainFlow, submitFlow } from '../../../client/src/commands/submit';
import { SubmissionMemory } from '../../../client/src/tasks/submissions';
import { deployRelease, publishRelease } from '../../../client/src/cliAdapter/calls';
import type { Answer, FakeUi } from './fakeUi';
import { DEV, exampleProject, world } from './support';

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
  const ui = w.ui(
    { input: 'tilebox.com/example/Typed' },
    { input: 'v2.1' },
    { input: 'typed-run' },
    { input: '[1, 2, 3]' },
    { input: '3' },
  );
  await submitFlow(w.deps(ui), { clusterSlug: DEV });
  assert.deepEqual(submits(w), [
    `job submit --name typed-run --task tilebox.com/example/Typed --version v2.1 --input [1,2,3] --cluster ${DEV} --max-retries 3 --json`,
  ]);
  assert.equal(w.watched.length, 1);
  assert.deepEqual(ui.progressed, ['Submitting job typed-run'], 'the submit runs under a cancellable progress notification');
});

test("a hung submit is stopped with the progress notification's Cancel: silent, nothing watched", async () => {
  const w = world();
  const ui = w.ui({ input: 'tilebox.com/example/Typed' }, { input: 'v1.0' }, { input: 'hung' }, { input: '' }, { input: '0' });
  ui.cancelProgressAfterMs = 300;
  // The stand-in hangs from the submit on (the cluster list before it answers normally).
  const cli = {
    run: ((call, options) => {
      if (call.args[0] === 'job' && call.args[1] === 'submit') w.h.setMode('hang');
      return w.h.cli.run(call, options);
    }) as typeof w.h.cli.run,
  };
  const flow = submitFlow({ ...w.deps(ui), cli }, { clusterSlug: DEV });
  const error = await flow.then(
    () => undefined,
    (e: unknown) => e,
  );
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

// ---- From a task lens: the identifier is the task's, the cluster the project's target, the input built from the fields.

/** The example project with one target cluster: the lens submits there without asking. */
const devOnly = () => {
  const p = exampleProject();
  return world({ ...p, targets: [{ name: 'dev', clusters: [DEV] }] });
};
const lensArg = (w: ReturnType<typeof world>, fields: { name: string; type: string; default?: string }[]) => ({
  task: { name: 'tilebox.com/example/Typed', version: 'v1.3', className: 'Typed', fields, file: 'tasks.py', line: 4 },
  projectDir: w.project.dir,
});

for (const [what, fields, answers, input] of [
  ['no fields', [], [], undefined],
  ['one int field', [{ name: 'count', type: 'int', default: '5' }], [{ input: null }], '5'],
  ['one str field', [{ name: 'scene', type: 'str' }], [{ input: 'S2A 42' }], '"S2A 42"'],
  [
    'several fields',
    [
      { name: 'scene', type: 'str' },
      { name: 'bands', type: 'list[str]', default: "['B04']" },
      { name: 'fast', type: 'bool', default: 'False' },
    ],
    [{ input: 'S2A' }, { input: null }, { pick: 'True' }],
    '{"scene":"S2A","bands":["B04"],"fast":true}',
  ],
] as const) {
  test(`Submit Job from a lens, ${what}: no identifier or cluster prompts, --input encoded as the SDK reads it`, async () => {
    const w = devOnly();
    const ui = w.ui({ input: null }, ...(answers as unknown as Answer[]), { input: null });
    await submitFlow(w.deps(ui), lensArg(w, fields as never));
    const inputPart = input === undefined ? '' : ` --input ${input}`;
    assert.deepEqual(submits(w), [
      `job submit --name Typed --task tilebox.com/example/Typed --version v1.3${inputPart} --cluster ${DEV} --max-retries 0 --json`,
    ]);
    assert.ok(!ui.asked.some((a) => /Task identifier|Version of|which cluster/.test(a.title)), ui.asked.map((a) => a.title).join(' | '));
  });
}

test('a mistyped field is refused before anything is sent, naming the field and its type', async () => {
  const w = devOnly();
  const ui = w.ui({ input: null }, { input: 'many' });
  await assert.rejects(
    submitFlow(w.deps(ui), lensArg(w, [{ name: 'count', type: 'int' }])),
    (e: unknown) => e instanceof Problem && /count is int|count \(int\)/.test(e.message),
  );
  assert.match(ui.asked[1].validation!, /count \(int\): write a whole number/);
  assert.deepEqual(submits(w), []);
});

test('the last input is offered first next time, and Submit Job Again repeats the whole submission', async () => {
  const w = devOnly();
  const state = new Map<string, unknown>();
  const submissions = new SubmissionMemory({ get: (k) => state.get(k) as never, update: async (k, v) => void state.set(k, v) });
  const fields = [{ name: 'scene', type: 'str' }];
  await submitFlow({ ...w.deps(w.ui({ input: null }, { input: 'first' }, { input: '2' })), submissions }, lensArg(w, fields));
  const ui = w.ui({ input: null }, { pick: 'Last input' }, { input: null });
  await submitFlow({ ...w.deps(ui), submissions }, lensArg(w, fields));
  assert.deepEqual(ui.asked[1].items, ['$(history) Last input', '$(edit) New input…']);
  await submitAgainFlow({ ...w.deps(w.ui()), submissions });
  assert.deepEqual(
    submits(w).map((c) => c.replace(/ --json$/, '').split(' --input ')[1]),
    [
      '"first" --cluster ' + DEV + ' --max-retries 2',
      '"first" --cluster ' + DEV + ' --max-retries 0',
      '"first" --cluster ' + DEV + ' --max-retries 0',
    ],
  );
});

test('many fields go to the JSON document; what it returns is checked again before sending', async () => {
  const w = devOnly();
  const fields = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, type: 'int', default: '1' }));
  const opened: string[] = [];
  const editDocument = async (_title: string, initial: string, check: (t: string) => unknown) => {
    opened.push(initial);
    assert.ok(check('{"a": "x"}'), 'the document marks a wrong type as it is typed');
    return '{"a": 2, "b": 3}';
  };
  await submitFlow({ ...w.deps(w.ui({ input: null }, { input: null })), editDocument }, lensArg(w, fields));
  assert.deepEqual(JSON.parse(opened[0]), { a: 1, b: 1, c: 1, d: 1, e: 1 }, 'prefilled from the defaults');
  assert.match(submits(w)[0], / --input \{"a":2,"b":3\} /);
});

test("with several target clusters the lens asks, the project's clusters first in target order", async () => {
  const w = world();
  const ui = w.ui({ pick: 'prod-eu' }, { input: null }, { input: null });
  await submitFlow(w.deps(ui), lensArg(w, []));
  assert.deepEqual(
    ui.asked[0].items!.map((l) => l.split('-')[0]),
    ['dev', 'prod', 'prod', '$(star'],
    'the default cluster, in no target, comes last',
  );
  assert.match(submits(w)[0], /--cluster prod-eu-CvufcSxcC9SKfe/);
});

test('from the palette the cluster picker offers the project\'s target cluster first, not the API default; the outcome says "queued"', async () => {
  const w = world();
  const ui = w.ui(
    { pick: 'dev-cluster' },
    { input: 'tilebox.com/example/Typed' },
    { input: 'v1.0' },
    { input: 'from-palette' },
    { input: '' },
    { input: '0' },
  );
  const done = await submitFlow(w.deps(ui));
  const [clusters] = ui.asked.filter((a) => a.kind === 'pick');
  assert.equal(clusters.items![0], 'dev-cluster', "the first target's cluster is the one Enter takes");
  assert.match(clusters.items![1], /Default/, 'the API default after it');
  assert.match(done.message, /^Queued job "from-palette" \([0-9a-f]{8}\) on dev-cluster-9xK2mQ4pL8nR7s\.$/);
  assert.deepEqual(
    submits(w).map((c) => /--cluster (\S+)/.exec(c)?.[1]),
    [DEV],
  );
});

// ---- From the palette: a task the project's preview discovers is asked by its fields; any other identifier as JSON.

/** What the preview discovered in the example project (as the language server reports its tasks.py). */
const discovered = [
  {
    name: 'tilebox.com/example/FetchScene',
    version: 'v1.0',
    className: 'FetchScene',
    fields: [{ name: 'scene_id', type: 'str' }],
    file: 'scene_qa/tasks.py',
    line: 4,
  },
  {
    name: 'tilebox.com/example/Typed',
    version: 'v1.3',
    className: 'Typed',
    file: 'scene_qa/tasks.py',
    line: 30,
    fields: [
      { name: 'scene', type: 'str' },
      { name: 'count', type: 'int', default: '5' },
    ],
  },
];

test("the palette asks a deployed task's fields when the preview discovers it; its input is remembered and Submit Again repeats it", async () => {
  const w = world();
  assert.equal((await w.h.cli.run(publishRelease(w.project.dir), { cwd: w.project.dir })).kind, 'ok');
  assert.equal((await w.h.cli.run(deployRelease({ target: 'dev' }), { cwd: w.project.dir })).kind, 'ok');
  const state = new Map<string, unknown>();
  const submissions = new SubmissionMemory({ get: (k) => state.get(k) as never, update: async (k, v) => void state.set(k, v) });
  // The active project is another one: the fields come from the project whose release listed the task.
  const other = { ...w.project, configPath: '/elsewhere/tilebox.workflow.toml', dir: '/elsewhere', slug: 'other-wf' };
  const projects = { all: () => [other, w.project], active: () => other, pick: async () => other };
  const projectTasks = (p: { configPath: string }) => (p.configPath === w.project.configPath ? discovered : []);
  const deps = (ui: FakeUi) => ({ ...w.deps(ui), projects, submissions, projectTasks });
  const ui = w.ui({ pick: 'FetchScene' }, { input: null }, { input: null }, { input: 'S2A 42' }, { input: null });
  await submitFlow(deps(ui), { clusterSlug: DEV });
  assert.deepEqual(
    ui.asked.map((a) => a.title),
    [
      `Task to run on ${DEV}`,
      'Version of tilebox.com/example/FetchScene',
      'Job name',
      'FetchScene: scene_id: str',
      'Max retries of the root task',
    ],
  );
  const again = w.ui({ pick: 'FetchScene' }, { input: null }, { input: null }, { pick: 'Last input' }, { input: null });
  await submitFlow(deps(again), { clusterSlug: DEV });
  assert.deepEqual(again.asked[3].descriptions, ['"S2A 42"', 'scene_id'], 'the last input is offered first');
  await submitAgainFlow(deps(w.ui()));
  const expected = `job submit --name FetchScene --task tilebox.com/example/FetchScene --version v1.0 --input "S2A 42" --cluster ${DEV} --max-retries 0 --json`;
  assert.deepEqual(submits(w), [expected, expected, expected]);
});

test('a typed identifier the preview discovers with several fields is sent as an object keyed by field name', async () => {
  const w = world();
  const ui = w.ui(
    { input: 'tilebox.com/example/Typed' },
    { input: 'v1.3' },
    { input: 'typed-run' },
    { input: 'S2A' },
    { input: '3' },
    { input: null },
  );
  await submitFlow({ ...w.deps(ui), projectTasks: () => discovered }, { clusterSlug: DEV });
  assert.deepEqual(
    ui.asked.slice(3, 5).map((a) => a.title),
    ['Typed: scene (1/2): str', 'Typed: count (2/2): int'],
  );
  assert.deepEqual(submits(w), [
    `job submit --name typed-run --task tilebox.com/example/Typed --version v1.3 --input {"scene":"S2A","count":3} --cluster ${DEV} --max-retries 0 --json`,
  ]);
});

test('an identifier the preview does not discover gets the free JSON box', async () => {
  const w = world();
  const ui = w.ui(
    { input: 'tilebox.com/example/Elsewhere' },
    { input: 'v1.0' },
    { input: 'other' },
    { input: '{"a": 1}' },
    { input: null },
  );
  await submitFlow({ ...w.deps(ui), projectTasks: () => discovered }, { clusterSlug: DEV });
  assert.equal(ui.asked[3].title, 'Job input (JSON)');
  assert.deepEqual(submits(w), [
    `job submit --name other --task tilebox.com/example/Elsewhere --version v1.0 --input {"a":1} --cluster ${DEV} --max-retries 0 --json`,
  ]);
});
