// After a window reload the CLI-backed views show their last rows at once under "Refreshing…", fresh data
// replaces them, and the jobs view's CLI calls start together (views' fake VS Code, a scripted CLI).
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CliCall, CliResult, Job, Workflow } from '../../../client/src/cliAdapter/types';
import type { Project } from '../../../client/src/services';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { WorkflowsProvider } = await import('../../../client/src/views/WorkflowsProvider');
const { JobsProvider } = await import('../../../client/src/views/JobsProvider');
type ViewEnv = import('../../../client/src/views/CliViewProvider').ViewEnv;
type TreeNode = import('../../../client/src/views/nodes/TreeNode').TreeNode;

const project = (dir: string, slug: string): Project => ({
  configPath: join(dir, 'tilebox.workflow.toml'),
  dir,
  label: slug,
  slug,
  targets: [],
});
const workflow = (slug: string): Workflow => ({ slug, name: slug, releases: [] });
const job = (id: string): Job => ({ id, name: `job ${id}`, state: 'completed', taskSummaries: [], progress: [] }) as unknown as Job;

/** A CLI whose answers the test releases by hand; `started` lists each call as it begins. */
function scriptedCli() {
  const started: string[] = [];
  const waiting = new Map<string, (value: unknown) => void>();
  return {
    started,
    answer(name: string, value: unknown) {
      waiting.get(name)!(value);
    },
    run: <T>(call: CliCall<T>): Promise<CliResult<T>> => {
      const name = call.args.slice(0, 2).join(' ');
      started.push(name);
      return new Promise((resolve) => waiting.set(name, (value) => resolve({ kind: 'ok', value: value as T, warnings: [] })));
    },
  };
}

function env(cli: ReturnType<typeof scriptedCli>, memento: Map<string, unknown>, projects: Project[]): { env: ViewEnv; loads: string[] } {
  const loads: string[] = [];
  return {
    loads,
    env: {
      cli: cli as never,
      projects: { all: () => projects, active: () => projects[0], pick: async () => projects[0], onDidChange: () => ({ dispose() {} }) },
      log: fake.window.createOutputChannel('Tilebox', { log: true }),
      ready: () => true,
      reportFailure: () => undefined,
      localRunners: new Set<string>(),
      requestLoad: (view) => void loads.push(view),
      recheck: async () => {},
      memento: { get: (k: string) => memento.get(k), update: async (k: string, v: unknown) => void memento.set(k, v) } as never,
    },
  };
}

const labels = async (p: { getChildren(): Promise<TreeNode[]> | TreeNode[] }) => (await p.getChildren()).map((n) => n.model.label);

test('a reloaded view shows its last rows at once, marked, and fresh data replaces them', async () => {
  const memento = new Map<string, unknown>();
  const projects = [project('/ws/a', 'alpha')];
  // The session before the reload.
  const cli1 = scriptedCli();
  const before = new WorkflowsProvider(env(cli1, memento, projects).env);
  assert.deepEqual(await labels(before), ['Loading…'], 'nothing remembered yet');
  const loading = before.load();
  cli1.answer('workflow list', [workflow('alpha'), workflow('beta')]);
  await loading;
  assert.deepEqual(await labels(before), ['alpha', 'beta']);

  // After the reload: the old rows at once, while the CLI has not answered.
  const cli2 = scriptedCli();
  const wired = env(cli2, memento, projects);
  const after = new WorkflowsProvider(wired.env);
  assert.deepEqual(await labels(after), ['Refreshing…', 'alpha', 'beta']);
  assert.deepEqual(wired.loads, ['workflows'], 'and a load is asked for at once');
  const fresh = after.load();
  cli2.answer('workflow list', [workflow('alpha'), workflow('gamma')]);
  await fresh;
  assert.deepEqual(await labels(after), ['alpha', 'gamma']);
});

test('remembered data of an unexpected shape is not shown', async () => {
  const memento = new Map<string, unknown>([['tilebox.views.last.workflows', { version: 1, at: 0, data: [{ nope: true }] }]]);
  const view = new WorkflowsProvider(env(scriptedCli(), memento, [project('/ws/a', 'alpha')]).env);
  assert.deepEqual(await labels(view), ['Loading…']);
});

test('the jobs view starts `job list` and the `workflow list` it groups by together', async () => {
  const memento = new Map<string, unknown>();
  const cli = scriptedCli();
  const projects = [project('/ws/a', 'alpha'), project('/ws/b', 'beta')];
  const jobsMemento = new Map<string, unknown>();
  const view = new JobsProvider(env(cli, memento, projects).env, {
    memento: {
      get: (k: string) => jobsMemento.get(k),
      update: async (k: string, v: unknown) => void jobsMemento.set(k, v),
      keys: () => [],
    } as never,
    onlyCurrentProject: () => false,
    loadMoreCommand: 'tilebox.jobs.loadMore',
  });
  const loading = view.load();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual([...cli.started].sort(), ['job list', 'workflow list'], 'both running before either answered');
  cli.answer('workflow list', [workflow('alpha')]);
  cli.answer('job list', { items: [job('j1')] });
  await loading;
  assert.equal(cli.started.length, 2, 'no second workflow list');
});
