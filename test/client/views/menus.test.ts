// Tree-item menus in package.json against the contextValues the node kinds really produce: every
// `viewItem =~ /…/` menu entry matches some node of its view, every node a user can act on gets a menu, and
// the capability tokens mean what they say (retry only on what can be retried, cancel only on what runs…).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { test } from 'node:test';
import type { Project } from '../../../client/src/services';
import type { Cluster, Job, JobState, Release, TaskState, Workflow } from '../../../client/src/cliAdapter/types';
import { clusterItem } from '../../../client/src/views/model/clusterItems';
import { deploymentItem } from '../../../client/src/views/model/deploymentItem';
import { groupItem } from '../../../client/src/views/model/grouping';
import { messageItem } from '../../../client/src/views/model/item';
import { jobItem } from '../../../client/src/views/model/jobItems';
import { taskItem } from '../../../client/src/views/model/taskItem';
import { releaseItem, taskIdentifierItem } from '../../../client/src/views/model/releaseItem';
import { workflowItem } from '../../../client/src/views/model/workflowItems';
import { menuApplies, parseMenuWhen } from './whenClause';

register('../../vscodeHook.mjs', import.meta.url);
const { LoadMoreNode } = await import('../../../client/src/views/nodes/JobNodes');

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
const itemMenus = pkg.contributes.menus['view/item/context'] as { command: string; when: string; group?: string }[];
const W = 'tilebox.views.workflows',
  C = 'tilebox.views.clusters',
  J = 'tilebox.views.jobs';
const CLI_VIEWS = [W, C, J];

// ---- every node kind of the three CLI views, in every state that changes its contextValue ----
const NOW = Date.parse('2026-11-23T10:00:00Z');
const release = (id: string, clusters: string[]): Release => ({
  id,
  clusters,
  tasks: [{ name: 'T', version: 'v1.0' }],
  createdAt: '2026-11-22T10:00:00Z',
});
const deployedRelease = release('019ef7a2-0000-7000-8000-0000000000a2', ['dev']);
const oldRelease = release('019ef7a1-0000-7000-8000-0000000000a1', []);
const workflow: Workflow = { slug: 'wf', name: 'WF', releases: [deployedRelease, oldRelease] };
const cluster = (isDefault: boolean): Cluster => ({
  slug: isDefault ? 'default' : 'dev',
  displayName: 'x',
  deletable: !isDefault,
  isDefault,
  deployments: [{ workflowSlug: 'wf', release: deployedRelease }],
});
const project: Project = { configPath: '/p/tilebox.workflow.toml', dir: '/p', label: 'p', slug: 'wf', targets: [] };
const JOB_STATES: JobState[] = ['submitted', 'running', 'started', 'completed', 'failed', 'canceled', 'unknown'];
const TASK_STATES: TaskState[] = ['queued', 'running', 'computed', 'failed', 'skipped', 'failed_optional', 'unknown'];
const job = (state: JobState): Job => ({
  id: `019ef7a0-0000-7000-8000-00000000000${JOB_STATES.indexOf(state)}`,
  name: state,
  state,
  taskSummaries: [],
  progress: [],
});

interface Kind {
  view: string;
  kind: string;
  contextValue: string;
}
const messages = (view: string): Kind[] =>
  (['loading', 'empty', 'error'] as const).map((k) => ({
    view,
    kind: `message ${k}`,
    contextValue: messageItem(k, '', view).contextValue!,
  }));
const groups = (view: string, name: 'workflows' | 'clusters' | 'jobs'): Kind[] => [
  { view, kind: 'project group', contextValue: groupItem({ project, items: [] }, name).contextValue! },
  { view, kind: 'other group', contextValue: groupItem({ items: [] }, name).contextValue! },
];
const catalogue: Kind[] = [
  { view: W, kind: 'local workflow', contextValue: workflowItem(workflow, true).contextValue! },
  { view: W, kind: 'workflow', contextValue: workflowItem(workflow, false).contextValue! },
  { view: W, kind: 'deployed latest release', contextValue: releaseItem(deployedRelease, workflow, NOW).contextValue! },
  { view: W, kind: 'older undeployed release', contextValue: releaseItem(oldRelease, workflow, NOW).contextValue! },
  { view: W, kind: 'task identifier', contextValue: taskIdentifierItem({ name: 'T', version: 'v1.0' }, 'r').contextValue! },
  ...groups(W, 'workflows'),
  ...messages(W),
  { view: C, kind: 'default cluster', contextValue: clusterItem(cluster(true)).contextValue! },
  { view: C, kind: 'cluster', contextValue: clusterItem(cluster(false)).contextValue! },
  { view: C, kind: 'deployment', contextValue: deploymentItem(cluster(false).deployments[0], cluster(false), 'c', NOW).contextValue! },
  ...groups(C, 'clusters'),
  ...messages(C),
  ...JOB_STATES.map((s) => ({ view: J, kind: `${s} job`, contextValue: jobItem(job(s), NOW).contextValue! })),
  ...TASK_STATES.flatMap((s) =>
    (['failed', 'running'] as const).map((js) => ({
      view: J,
      kind: `${s} task of a ${js} job`,
      contextValue: taskItem({ id: 't', display: 't', state: s }, job(js), 'j', NOW).contextValue!,
    })),
  ),
  { view: J, kind: 'load more', contextValue: new LoadMoreNode('tilebox.jobs.loadMore', 'jobs').model.contextValue! },
  ...groups(J, 'jobs'),
  ...messages(J),
];

/** Kinds nobody acts on from a context menu (they have a click action or none). */
const MENULESS =
  /^(message |load more|task identifier|other group|(queued|running|computed|skipped|failed_optional|unknown) task|failed task of a running job)/;

const commandsOn = (k: Kind) => itemMenus.filter((m) => menuApplies(parseMenuWhen(m.when), k.view, k.contextValue)).map((m) => m.command);
const kindsFor = (command: string) =>
  catalogue
    .filter((k) => commandsOn(k).includes(command))
    .map((k) => k.kind)
    .sort();

test('every item menu of a CLI view matches a node kind that view really shows', () => {
  for (const menu of itemMenus) {
    const when = parseMenuWhen(menu.when);
    if (!CLI_VIEWS.some((v) => when.views(v))) continue;
    const hits = catalogue.filter((k) => menuApplies(when, k.view, k.contextValue));
    assert.ok(hits.length > 0, `${menu.command} (${menu.when}) matches no node: a typo in a token or a contextValue`);
  }
});

test('every node kind a user can act on has a context menu; the rest are listed on purpose', () => {
  for (const k of catalogue) {
    const menu = commandsOn(k);
    if (MENULESS.test(k.kind)) continue;
    assert.ok(menu.length > 0, `${k.kind} (${k.contextValue}) in ${k.view} has no menu`);
  }
});

test('capability tokens mean what they say', () => {
  assert.deepEqual(
    kindsFor('tilebox.job.retry'),
    ['canceled job', 'failed job', 'failed task of a failed job'],
    'retry: only what ended badly, never a running job',
  );
  assert.deepEqual(kindsFor('tilebox.job.cancel'), ['running job', 'started job', 'submitted job'], 'cancel: only what has not ended');
  assert.deepEqual(kindsFor('tilebox.release.undeploy'), ['deployed latest release', 'deployment'], 'undeploy: only deployed releases');
  assert.deepEqual(
    kindsFor('tilebox.release.publish'),
    ['local workflow', 'project group'],
    "publish: this workspace's workflow and project groups",
  );
  assert.ok(!kindsFor('tilebox.release.publish').includes('workflow'), 'a workflow of another workspace cannot be published from here');
  assert.ok(
    kindsFor('tilebox.runner.start').every((k) => /cluster$/.test(k)),
    'runner start only on clusters',
  );
  assert.deepEqual(kindsFor('tilebox.job.show'), JOB_STATES.map((s) => `${s} job`).sort(), 'every job can be shown');
});

test('the when-clause reader understands the operators the menus use (and refuses what it does not)', () => {
  const w = parseMenuWhen(
    'view =~ /^tilebox\\.views\\.(workflows|clusters)$/ && viewItem =~ /\\brelease\\b/ && viewItem =~ /\\bdeployed\\b/',
  );
  assert.equal(menuApplies(w, W, 'release deployed latest'), true);
  assert.equal(menuApplies(w, W, 'release latest'), false);
  assert.equal(menuApplies(w, J, 'release deployed'), false);
  assert.equal(menuApplies(parseMenuWhen('view == tilebox.views.jobs && viewItem == job'), J, 'job'), true);
  assert.throws(() => parseMenuWhen('view == a || viewItem == b'), /\|\|/);
});

test('menus of the other views name tokens some contextValue in the sources carries', () => {
  const sources = ['client/src/artifact/model/archiveItems.ts', 'client/src/artifact/model/artifactItems.ts']
    .map((f) => readFileSync(new URL(`../../../${f}`, import.meta.url), 'utf8'))
    .join('\n');
  const values = [...sources.matchAll(/contextValue:\s*(?:[^'\n]*\?\s*)?'([^']+)'(?:\s*:\s*'([^']+)')?/g)].flatMap((m) =>
    [m[1], m[2]].filter(Boolean),
  );
  for (const menu of itemMenus) {
    const when = parseMenuWhen(menu.when);
    if (CLI_VIEWS.some((v) => when.views(v))) continue;
    assert.ok(
      values.some((v) => when.items(v)),
      `${menu.command} (${menu.when}) matches no contextValue in the artifact views`,
    );
  }
});
