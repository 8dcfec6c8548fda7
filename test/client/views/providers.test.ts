// The three CLI-backed tree providers against the real adapter and the stand-in CLI, with the views' fake of
// the VS Code API: what a user sees in each view (items, descriptions, tooltips, capability tokens), the
// welcome gate, error rows, filters, paging with the cursor, and grouping by project.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { register } from 'node:module';
import { test } from 'node:test';
import type { Project } from '../../../client/src/services';
import * as calls from '../../../client/src/cliAdapter/calls';
import type { CliFailure, Job } from '../../../client/src/cliAdapter/types';
import { exampleCopy, harness, ok, type Harness } from '../cliAdapter/helpers';
import { JobCache } from '../../../client/src/jobs/jobCache';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { WorkflowsProvider } = await import('../../../client/src/views/WorkflowsProvider');
const { ClustersProvider } = await import('../../../client/src/views/ClustersProvider');
const { JobsProvider } = await import('../../../client/src/views/JobsProvider');
type TreeNode = import('../../../client/src/views/nodes/TreeNode').TreeNode;
type ViewEnv = import('../../../client/src/views/CliViewProvider').ViewEnv;

const DEV = 'dev-cluster-9xK2mQ4pL8nR7s';
const DEFAULT = 'default-8fJm2kQ9xL4pRw';
const SLUG = 'scene-qa-F8yVcPRfw2AkoZ';

function project(dir: string, slug: string | undefined, label: string, targets: Project['targets'] = []): Project {
  return { configPath: join(dir, 'tilebox.workflow.toml'), dir, label, slug, targets };
}

/** The example project published and deployed to `dev`, and two jobs: one compatible, one nobody can run. */
async function seeded() {
  const h = harness();
  const dir = exampleCopy();
  const release = ok(await h.cli.run(calls.publishRelease(), { cwd: dir }));
  ok(await h.cli.run(calls.deployRelease({ target: 'dev' }), { cwd: dir }));
  const runnable = ok(await h.cli.run(calls.jobSubmit({ name: 'summary', task: 'Summarize', version: 'v0.0', cluster: DEV })));
  const orphan = ok(await h.cli.run(calls.jobSubmit({ name: 'orphan', task: 'Nope', version: 'v1.0' })));
  const example = project(dir, SLUG, 'example-project', [{ name: 'dev', clusters: [DEV] }]);
  return { h, dir, release, runnable: runnable.jobId, orphan: orphan.jobId, example };
}

let shared: ReturnType<typeof seeded> | undefined;
/** One seeded world for the tests that only read from the CLI (each seeding costs four CLI runs). */
const readOnly = () => (shared ??= seeded());

function env(h: Harness, projects: Project[], over: Partial<ViewEnv> = {}) {
  const failures: CliFailure['kind'][] = [];
  const loads: string[] = [];
  let active = projects[0];
  const value: ViewEnv = {
    cli: h.cli,
    projects: { all: () => projects, active: () => active, pick: async () => active, onDidChange: () => ({ dispose() {} }) },
    log: fake.window.createOutputChannel('Tilebox', { log: true }),
    ready: () => true,
    reportFailure: (r) => void failures.push(r.kind),
    localRunners: new Set<string>(),
    requestLoad: (v) => void loads.push(v),
    recheck: async () => {},
    ...over,
  };
  return {
    env: value,
    failures,
    loads,
    setActive: (p: Project) => {
      active = p;
    },
  };
}

const label = (n: TreeNode) => n.model.label;
const kids = async (n: TreeNode) => (await n.children()) as TreeNode[];
const jobsOptions = (over: Partial<{ onlyCurrentProject: boolean; pageSize: number }> = {}) => {
  const store = new Map<string, unknown>();
  return {
    memento: {
      get: (k: string) => store.get(k),
      update: async (k: string, v: unknown) => void store.set(k, v),
      keys: () => [...store.keys()],
    } as never,
    onlyCurrentProject: () => over.onlyCurrentProject ?? false,
    loadMoreCommand: 'tilebox.jobs.loadMore',
    pageSize: over.pageSize,
  };
};

test('a view whose welcome should show stays empty and runs no CLI; the workflows view also waits for a project', async () => {
  const h = harness();
  const { env: notReady } = env(h, [project('/w', SLUG, 'w')], { ready: () => false });
  for (const p of [new WorkflowsProvider(notReady), new ClustersProvider(notReady), new JobsProvider(notReady, jobsOptions())]) {
    assert.deepEqual(await p.getChildren(), [], `${p.name}: empty so the welcome view shows`);
    assert.deepEqual(await p.load(), { running: false });
  }
  const { env: noProject, loads } = env(h, []);
  assert.deepEqual(await new WorkflowsProvider(noProject).getChildren(), [], 'no project: the "Create workflow project" welcome shows');
  assert.deepEqual(loads, []);
  assert.deepEqual(h.calls(), [], 'no CLI call was made');
});

test("workflows: the project's workflow → releases (short id, age, clusters, tasks; deployed marked) → task identifiers", async () => {
  const s = await readOnly();
  const { env: e, loads } = env(s.h, [s.example]);
  const view = new WorkflowsProvider(e);
  const first = await view.getChildren();
  assert.deepEqual(
    first.map((n) => [n.model.label, n.model.contextValue]),
    [['Loading…', 'message loading']],
    'a loading row, never blank',
  );
  assert.deepEqual(loads, ['workflows'], 'asked its scheduler for a load');
  await view.load();
  const [wf] = await view.getChildren();
  assert.equal(wf.model.label, 'Scene QA');
  assert.match(wf.model.description!, /this workspace/);
  assert.match(wf.model.contextValue!, /\blocal\b/);
  assert.equal((wf as any).projectDir, s.dir, 'Publish on the node knows the project folder');
  const [release] = await kids(wf);
  assert.equal(release.model.label, s.release.releaseId.replace(/-/g, '').slice(-8), 'short id');
  assert.match(release.model.description!, /^just now · on 1 cluster · 3 tasks$/);
  assert.match(release.model.contextValue!, /\brelease\b.*\bdeployed\b/);
  assert.match(release.model.tooltip!, new RegExp(`Release \`${s.release.releaseId}\``));
  assert.deepEqual(
    (await kids(release)).map((t) => `${t.model.label} ${t.model.description}`),
    ['tilebox.com/example/FetchScene v1.0', 'tilebox.com/example/CheckClouds v1.2', 'Summarize v0.0'],
  );
  assert.equal(release.parent, wf, 'nodes know their parent (reveal needs it)');
  const item = view.getTreeItem(release) as any;
  assert.equal(item.iconPath.id, 'rocket');
  assert.equal(item.iconPath.color.id, 'charts.green', 'the deployed release is marked green');
  assert.equal(item.tooltip.value, release.model.tooltip);
});

test('clusters: a runner started from this editor shows on its cluster, first under it, and clicking it shows its terminal', async () => {
  const s = await readOnly();
  const localRunners = new Set(['prod-eu-CvufcSxcC9SKfe']);
  const view = new ClustersProvider(env(s.h, [s.example], { localRunners }).env);
  await view.load();
  const prod = (await view.getChildren()).find((n) => n.model.label === 'prod-eu')!;
  assert.match(prod.model.description!, /\brunner here\b/);
  assert.match(prod.model.tooltip!, /A runner started from this editor is running for it/);
  assert.equal(prod.model.collapsible, 'collapsed', 'nothing deployed, but the runner row is under it');
  const [runner] = await kids(prod);
  assert.equal(runner.model.label, 'Runner (this editor)');
  assert.deepEqual(runner.model.command, {
    command: 'tilebox.runner.start',
    title: 'Show Runner Terminal',
    arguments: ['prod-eu-CvufcSxcC9SKfe'],
  });
  const dev = (await view.getChildren()).find((n) => n.model.label === 'dev-cluster')!;
  assert.doesNotMatch(dev.model.description!, /runner here/);
  assert.deepEqual((await kids(dev)).map(label), ['Scene QA']);
});

test('clusters: the default first and marked; a cluster lists the releases deployed on it', async () => {
  const s = await readOnly();
  const view = new ClustersProvider(env(s.h, [s.example]).env);
  await view.load();
  const roots = await view.getChildren();
  assert.equal(roots[0].model.label, 'Default');
  assert.match(roots[0].model.description!, /\bdefault\b/);
  assert.match(roots[0].model.contextValue!, /\bcluster\b.*\bdefault\b/);
  const dev = roots.find((n) => n.model.label === 'dev-cluster')!;
  assert.match(dev.model.description!, /\btarget dev\b/, "the project's target naming it");
  assert.match(dev.model.tooltip!, /In target `dev` of tilebox.workflow.toml/);
  const deployed = await kids(dev);
  assert.deepEqual(deployed.map(label), ['Scene QA']);
  assert.match(deployed[0].model.description!, new RegExp(s.release.releaseId.replace(/-/g, '').slice(-8)));
  assert.match(deployed[0].model.contextValue!, /\bdeployed\b/);
  assert.deepEqual(await kids(roots.find((n) => n.model.label === 'prod-eu')!), [], 'nothing deployed: no children');
});

test('jobs: newest first with state icons; a queued job nobody can run says why in its tooltip', async () => {
  const s = await readOnly();
  const view = new JobsProvider(env(s.h, [s.example]).env, jobsOptions());
  assert.deepEqual(await view.load(), { running: true }, 'queued jobs make the scheduler poll faster');
  const roots = await view.getChildren();
  assert.deepEqual(roots.map(label), ['orphan', 'summary']);
  const [orphan, summary] = roots;
  assert.equal(orphan.model.description, `queued · 0/1 · just now · ${DEFAULT} · ⚠`);
  assert.match(orphan.model.tooltip!, /\*\*Why it may not run\*\*\n\n- No release is deployed on default-8fJm2kQ9xL4pRw/);
  assert.match(orphan.model.contextValue!, /\bjob\b.*\bcancelable\b/);
  const why = summary.model.tooltip!.split('**Why it may not run**')[1] ?? '';
  assert.match(
    why,
    /^\n\n- No runner for dev-cluster-9xK2mQ4pL8nR7s was started from this editor/,
    'a compatible release is deployed on dev: only the runner is missing',
  );
  assert.doesNotMatch(why, /No release/);
  assert.match(summary.model.tooltip!, /tasks: `░{10} 0 % \(0\/1\)`/, 'progress bar');
  const [task] = await kids(summary);
  assert.equal(task.model.label, 'Summarize');
  assert.match(task.model.contextValue!, /^task queued$/);
  assert.equal((view.getTreeItem(summary) as any).iconPath.id, 'clock');
  assert.equal(await view.findJob(s.runnable), summary, 'a job on screen can be revealed');
});

test('jobs: clicking a job opens its panel, a task its panel at that task; a newer read in the job cache changes the row at once', async () => {
  const s = await readOnly();
  const cache = new JobCache(async () => ({ kind: 'cancelled' }));
  const view = new JobsProvider(env(s.h, [s.example], { jobs: cache }).env, jobsOptions());
  await view.load();
  const summary = () => view.getChildren().then((r) => r.find((n) => n.model.label === 'summary')!);
  assert.deepEqual((await summary()).model.command, { command: 'tilebox.job.show', title: 'Show Job', arguments: [s.runnable] });
  const [task] = await kids(await summary());
  assert.deepEqual(task.model.command?.arguments, [{ jobId: s.runnable, taskId: (task as any).task.id }]);
  const loadsBefore = s.h.calls().length;
  const shown = ((await summary()) as unknown as { job: Job }).job;
  cache.put({ ...shown, state: 'canceled' });
  assert.match((await summary()).model.description!, /^canceled · /, 'the row changed without a reload');
  assert.equal(s.h.calls().length, loadsBefore, 'no CLI call for it');
  cache.put({ ...shown, id: '019ef7a2-56b4-7a86-9c4d-52a1792b1e90', state: 'failed' });
  assert.deepEqual((await view.getChildren()).map(label), ['orphan', 'summary'], 'a job not shown is not added');
  view.dispose();
});

test('jobs: a runner started for the cluster from this editor removes that reason', async () => {
  const s = await readOnly();
  const localRunners = new Set([DEV]);
  const view = new JobsProvider(env(s.h, [s.example], { localRunners }).env, jobsOptions());
  await view.load();
  const summary = (await view.getChildren()).find((n) => n.model.label === 'summary')!;
  assert.doesNotMatch(summary.model.tooltip!, /Why it may not run/);
  assert.doesNotMatch(summary.model.description!, /⚠/);
});

test('jobs: the filter goes to `job list`, survives in the workspace state, and an empty result says so', async () => {
  const s = await readOnly();
  const options = jobsOptions();
  const view = new JobsProvider(env(s.h, [s.example]).env, options);
  await view.setFilter({ name: 'summ', cluster: DEV });
  await view.load();
  assert.deepEqual((await view.getChildren()).map(label), ['summary']);
  assert.ok(
    s.h
      .calls()
      .some(
        (c) =>
          c.argv.join(' ').includes(`job list --name summ --cluster ${DEV}`) ||
          (c.argv.includes('--name') && c.argv.includes('summ') && c.argv.includes(DEV)),
      ),
    'filter passed as flags',
  );
  assert.deepEqual(new JobsProvider(env(s.h, [s.example]).env, options).filter, { name: 'summ', cluster: DEV }, 'remembered');
  await view.setFilter({ state: 'failed' });
  assert.equal((await view.getChildren())[0].model.label, 'Loading…', 'a new filter reloads');
  await view.load();
  const [empty] = await view.getChildren();
  assert.deepEqual([empty.model.label, empty.model.contextValue], ['No jobs match the filter (click to clear it)', 'message empty']);
  assert.equal(empty.model.command?.command, 'tilebox.jobs.clearFilter', 'the empty row offers the way on');
});

test('jobs: "Load more…" pages on with the cursor; a reload keeps what was loaded', async () => {
  const s = await readOnly();
  const view = new JobsProvider(env(s.h, [s.example]).env, jobsOptions({ pageSize: 1 }));
  await view.load();
  let roots = await view.getChildren();
  assert.deepEqual(roots.map(label), ['orphan', 'Load more…']);
  assert.equal(roots[1].model.command?.command, 'tilebox.jobs.loadMore');
  assert.equal(roots[1].model.contextValue, 'loadMore');
  const r = await view.loadMore();
  assert.equal(r.kind, 'ok');
  roots = await view.getChildren();
  assert.deepEqual(roots.map(label), ['orphan', 'summary'], 'the last page: no more row');
  assert.ok(
    s.h.calls().some((c) => c.argv.includes('--cursor') && c.argv.includes(s.orphan)),
    'cursor = last job of the page',
  );
  await view.load();
  assert.deepEqual((await view.getChildren()).map(label), ['orphan', 'summary'], 'a poll does not drop the loaded page');
});

test('a failing CLI becomes an error row with the fix on click, and the welcome gate hears about it', async () => {
  const s = await seeded();
  s.h.setMode('unauthenticated');
  const { env: e, failures } = env(s.h, [s.example]);
  const view = new ClustersProvider(e);
  await view.load();
  const [row] = await view.getChildren();
  assert.equal(row.model.contextValue, 'message error');
  assert.equal(row.model.command?.command, 'tilebox.account.setApiKey');
  assert.deepEqual(failures, ['not-authenticated']);

  const missing = harness({ locate: async () => ({ searched: ['/nowhere/tilebox'] }) });
  const jobs = new JobsProvider(env(missing, [s.example]).env, jobsOptions());
  await jobs.load();
  const [err] = await jobs.getChildren();
  assert.match(err.model.label, /not found|CLI/i);
  assert.equal(err.model.command?.command, 'tilebox.cli.setPath');

  s.h.setMode('garbage');
  const wf = new WorkflowsProvider(env(s.h, [s.example]).env);
  await wf.load();
  const [bad] = await wf.getChildren();
  assert.equal(bad.model.contextValue, 'message error');
  assert.ok(bad.model.tooltip, 'the full reason is in the tooltip');
});

test('several projects: every view groups by project, the rest under "Other"; the jobs view can show only the current project', async () => {
  const s = await readOnly();
  const other = project('/work/other', 'unpublished-abc', 'other', [{ name: 'prod', clusters: ['prod-eu-CvufcSxcC9SKfe'] }]);
  const { env: e, setActive } = env(s.h, [s.example, other]);

  const wf = new WorkflowsProvider(e);
  await wf.load();
  const wfGroups = await wf.getChildren();
  assert.deepEqual(
    wfGroups.map((g) => [g.model.label, g.model.contextValue]),
    [
      ['example-project', 'group project'],
      ['other', 'group project'],
    ],
  );
  assert.deepEqual(
    (await kids(wfGroups[0])).map((n) => [n.model.label, (n as any).projectDir]),
    [['Scene QA', s.dir]],
  );
  assert.deepEqual((await kids(wfGroups[1])).map(label), ['Workflow unpublished-abc is not in `workflow list`']);

  const cl = new ClustersProvider(e);
  await cl.load();
  const clGroups = await cl.getChildren();
  assert.deepEqual(clGroups.map(label), ['example-project', 'other', 'Other clusters']);
  assert.deepEqual((await kids(clGroups[0])).map(label), ['dev-cluster']);
  assert.deepEqual((await kids(clGroups[1])).map(label), ['prod-eu']);
  const ids = new Set<string>();
  for (const g of clGroups)
    for (const c of await kids(g)) assert.ok(!ids.has(c.model.id) && ids.add(c.model.id), 'ids stay unique across groups');

  const jobs = new JobsProvider(e, jobsOptions());
  await jobs.load();
  const jobGroups = await jobs.getChildren();
  assert.deepEqual(jobGroups.map(label), ['example-project', 'Other jobs']);
  assert.deepEqual((await kids(jobGroups[0])).map(label), ['summary'], 'its workflow registers Summarize');
  assert.deepEqual((await kids(jobGroups[1])).map(label), ['orphan']);
  assert.equal((await jobs.findJob(s.orphan)) !== undefined, true, 'reveal finds jobs inside groups');

  const only = new JobsProvider(e, jobsOptions({ onlyCurrentProject: true }));
  await only.load();
  assert.deepEqual((await only.getChildren()).map(label), ['summary'], 'only the current project, ungrouped');
  setActive(other);
  only.rerender();
  const [none] = await only.getChildren();
  assert.equal(none.model.label, 'No jobs of the current project (click to show all projects)');
  assert.equal(none.model.command?.command, 'tilebox.jobs.showAllProjects');
});

test('empty views say so and offer the first step: no jobs → Submit Job…, no workflows → Publish Release', async () => {
  const h = harness();
  const { env: e } = env(h, [project('/p', 'nothing-here', 'p')]);
  const jobs = new JobsProvider(e, jobsOptions());
  await jobs.load();
  const [noJobs] = await jobs.getChildren();
  assert.deepEqual([noJobs.model.label, noJobs.model.command?.command], ['No jobs yet (click to submit one)', 'tilebox.job.submit']);
  // The stand-in always seeds a workflow: a CliRunner that answers `workflow list` with none.
  const none = {
    run: async (call: any) => {
      const p = call.parse('{"workflows": []}');
      return p.ok ? { kind: 'ok', value: p.value, warnings: [] } : { kind: 'unparsable', detail: p.detail, stdout: '' };
    },
  };
  const workflows = new WorkflowsProvider({ ...e, cli: none as never });
  await workflows.load();
  const [noWorkflows] = await workflows.getChildren();
  assert.equal(noWorkflows.model.command?.command, 'tilebox.release.publish');
});
