// Issue 7.6: the walkthrough's steps complete through `completionEvents` the code really triggers: every
// `onCommand:` names a contributed, registered command, every `onContext:` key is set by the code, and a
// key is set only when its command succeeded (Escape leaves the step open).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { test } from 'node:test';
import {
  shouldOpenWalkthrough,
  stepDoneBy,
  stepsAlreadyDone,
  WALKTHROUGH_ID,
  WALKTHROUGH_OPENED,
  WalkthroughKeys,
} from '../../../client/src/commands/walkthrough';
import { ok, STANDIN_BIN } from '../cliAdapter/helpers';
import { deployRelease, publishRelease } from '../../../client/src/cliAdapter/calls';
import { fakeServices, until } from './fakeServices';
import { DEV, KEY } from './support';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { registerCommands } = await import('../../../client/src/commands/index');

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
const steps: { id: string; completionEvents?: string[] }[] = pkg.contributes.walkthroughs.flatMap((w: { steps: unknown[] }) => w.steps);
const contributed = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));

test('the walkthrough has the six steps of issue 7.6, each completing on an event the code triggers', () => {
  assert.deepEqual(
    steps.map((s) => s.id),
    ['apiKey', 'createProject', 'publish', 'deploy', 'submit', 'runner'],
  );
  const setByCode = new Set([...Object.values(stepDoneBy), ...stepsAlreadyDone({ apiKey: 'stored', projectsWithSlug: 1 })]);
  for (const step of steps) {
    assert.ok(step.completionEvents?.length, `${step.id} has a completion event`);
    for (const event of step.completionEvents!) {
      const [kind, value] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
      if (kind === 'onCommand') assert.ok(contributed.has(value), `${step.id}: ${value} is contributed`);
      else if (kind === 'onContext') {
        const keys = value.match(/tilebox\.[\w.]+/g) ?? [];
        assert.ok(keys.length > 0, `${step.id}: ${event} reads a tilebox context key`);
        for (const k of keys) assert.ok(setByCode.has(k), `${step.id}: ${k} is set by the code`);
      } else assert.fail(`${step.id}: unsupported completion event ${event}`);
    }
  }
  for (const step of steps as { id: string; media?: { markdown?: string } }[]) {
    const md = step.media?.markdown;
    if (md) assert.ok(existsSync(new URL(`../../../${md}`, import.meta.url)), `${step.id}: ${md} exists`);
  }
  // Every key the code can set belongs to a step (nothing stale on either side).
  const used = new Set(steps.flatMap((s) => s.completionEvents!.join(' ').match(/tilebox\.walkthrough\.\w+/g) ?? []));
  assert.deepEqual([...used].sort(), Object.values(WalkthroughKeys).sort());
});

const first = (items: { label: string }[]) => items[0];
const offered = (o: { value?: string }) => o.value;

test('steps tick when their command succeeds, not when it is dismissed; existing state ticks at start', async () => {
  const f = fakeServices({ apiKeySource: 'none' });
  fake.state.contexts.clear();
  fake.state.answers.length = 0;
  fake.state.respond = () => undefined; // outcome notifications: no button pressed
  fake.state.config['cli.path'] = STANDIN_BIN;
  const run = (id: string, ...args: unknown[]) => fake.state.commands.get(id)!(...args);
  try {
    registerCommands(f.s);
    await until(() => fake.state.contexts.has(WalkthroughKeys.project), 'the start state');
    assert.equal(fake.state.contexts.has(WalkthroughKeys.apiKey), false, 'no key yet: the step stays open');

    fake.state.answers.push(undefined); // Escape in the key box
    await run('tilebox.account.setApiKey');
    assert.equal(fake.state.contexts.has(WalkthroughKeys.apiKey), false);
    fake.state.answers.push(KEY);
    await run('tilebox.account.setApiKey');
    assert.equal(fake.state.contexts.get(WalkthroughKeys.apiKey), true);

    await run('tilebox.release.publish');
    assert.equal(fake.state.contexts.get(WalkthroughKeys.publish), true);
    await run('tilebox.release.deploy', { clusterSlug: DEV, workflowSlug: f.project.slug });
    assert.equal(fake.state.contexts.get(WalkthroughKeys.deploy), true);

    fake.state.answers.push(first, offered, offered, '', '0'); // task, version, name, input, retries
    await run('tilebox.job.submit', { clusterSlug: DEV });
    assert.equal(fake.state.contexts.get(WalkthroughKeys.submit), true);

    fake.state.answers.push('1', first); // one runner, keep running
    await run('tilebox.runner.start', DEV);
    assert.equal(fake.state.contexts.get(WalkthroughKeys.runner), true);
    assert.equal(fake.state.terminals.at(-1).name, `Tilebox runner: ${DEV}`);
    assert.deepEqual(f.failures, []);
  } finally {
    fake.state.respond = undefined;
    delete fake.state.config['cli.path'];
    f.dispose();
  }
});

test('a failed command does not tick its step', async () => {
  const f = fakeServices();
  fake.state.contexts.clear();
  try {
    registerCommands(f.s);
    f.h.setMode('fail');
    await fake.state.commands.get('tilebox.release.publish')!();
    assert.equal(fake.state.contexts.has(WalkthroughKeys.publish), false);
    assert.deepEqual(
      f.failures.map((x) => x.kind),
      ['exited'],
    );
  } finally {
    f.dispose();
  }
});

test('releases and deployments made before the editor started tick their steps at start', async () => {
  assert.deepEqual(stepsAlreadyDone({ apiKey: 'stored', projectsWithSlug: 1, releases: [{ clusters: [] }] }), [
    WalkthroughKeys.apiKey,
    WalkthroughKeys.project,
    WalkthroughKeys.publish,
  ]);
  assert.deepEqual(stepsAlreadyDone({ apiKey: 'none', projectsWithSlug: 0, releases: undefined }), []);
  const f = fakeServices();
  fake.state.contexts.clear();
  fake.state.config['cli.path'] = STANDIN_BIN;
  try {
    // Published and deployed on the command line before the editor started.
    ok(await f.h.cli.run(publishRelease(f.project.dir), { cwd: f.project.dir }));
    ok(await f.h.cli.run(deployRelease({ workflow: f.project.slug!, release: 'latest', clusters: [DEV] }), { cwd: f.project.dir }));
    registerCommands(f.s);
    await until(() => fake.state.contexts.get(WalkthroughKeys.deploy) === true, 'the start state');
    for (const key of [WalkthroughKeys.apiKey, WalkthroughKeys.project, WalkthroughKeys.publish])
      assert.equal(fake.state.contexts.get(key), true, key);
    assert.equal(fake.state.contexts.has(WalkthroughKeys.submit), false);
  } finally {
    delete fake.state.config['cli.path'];
    f.dispose();
  }
});

test('it opens by itself only on the first start in a Tilebox workspace, and not when the user turned that off', () => {
  const open = (s: Partial<Parameters<typeof shouldOpenWalkthrough>[0]>) =>
    shouldOpenWalkthrough({ openOnInstall: true, startupEditor: 'welcomePage', openedBefore: false, projects: 1, ...s });
  assert.equal(open({}), true, 'first start, a project in the workspace');
  assert.equal(open({ openOnInstall: false }), false, "the user's workbench.welcomePage.walkthroughs.openOnInstall");
  assert.equal(open({ startupEditor: 'none' }), false, 'VS Code set to start without an editor');
  assert.equal(open({ startupEditor: 'welcomePageInEmptyWorkbench' }), true);
  assert.equal(open({ openedBefore: true }), false, 'once per machine');
  assert.equal(open({ projects: 0 }), false, 'not a Tilebox workspace');
});

test('first start: the walkthrough opens once, before the steps already done are ticked; never again after', async () => {
  const opened = () => fake.state.executed.filter((e) => e.id === 'workbench.action.openWalkthrough');
  const f = fakeServices({ firstStart: true });
  fake.state.contexts.clear();
  fake.state.executed.length = 0;
  try {
    registerCommands(f.s);
    await until(() => fake.state.contexts.get(WalkthroughKeys.project) === true, 'the start state');
    assert.equal(opened().length, 1);
    assert.deepEqual(opened()[0].args, [WALKTHROUGH_ID, { inactive: false }]);
    const order = fake.state.executed.map((e) => (e.id === 'setContext' ? e.args[0] : e.id));
    assert.ok(
      order.indexOf('workbench.action.openWalkthrough') < order.indexOf(WalkthroughKeys.project),
      'opened first, so it sees the step tick',
    );
    assert.equal(f.s.context.globalState.get(WALKTHROUGH_OPENED), true);
  } finally {
    f.dispose();
  }
  // The next start on the same machine (the same globalState): not again.
  const again = fakeServices();
  Object.assign(again.s.context, { globalState: f.s.context.globalState });
  fake.state.contexts.clear();
  fake.state.executed.length = 0;
  try {
    registerCommands(again.s);
    await until(() => fake.state.contexts.get(WalkthroughKeys.project) === true, 'the start state again');
    assert.equal(opened().length, 0);
  } finally {
    again.dispose();
  }
});

for (const [key, value] of [
  ['welcomePage.walkthroughs.openOnInstall', false],
  ['startupEditor', 'none'],
] as const) {
  test(`first start with ${key}: ${value}: the steps still tick, nothing opens, nothing is remembered`, async () => {
    const f = fakeServices({ firstStart: true });
    fake.state.contexts.clear();
    fake.state.executed.length = 0;
    fake.state.config[key] = value;
    try {
      registerCommands(f.s);
      await until(() => fake.state.contexts.get(WalkthroughKeys.project) === true, 'the start state');
      assert.equal(fake.state.executed.filter((e) => e.id === 'workbench.action.openWalkthrough').length, 0);
      assert.equal(f.s.context.globalState.get(WALKTHROUGH_OPENED), undefined);
    } finally {
      delete fake.state.config[key];
      f.dispose();
    }
  });
}
