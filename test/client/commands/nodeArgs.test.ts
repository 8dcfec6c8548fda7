// The commands of issue 5.4 are in the palette (category "Tilebox"), on the matching tree items and on the
// config's editor title; and on each real node class of the views, the command reads what it needs from the
// node (release, workflow, cluster, job, project) instead of asking again.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { test } from 'node:test';
import { clusterFrom, jobIdFrom, projectDirFrom, releaseFrom, workflowFrom } from '../../../client/src/commands/nodeArgs';
import type { Cluster, Job, Release, Workflow } from '../../../client/src/cliAdapter/types';
import { parseMenuWhen } from '../views/whenClause';

register('../../vscodeHook.mjs', import.meta.url);
const { WorkflowNode, ReleaseNode } = await import('../../../client/src/views/nodes/WorkflowNodes');
const { ClusterNode, DeploymentNode } = await import('../../../client/src/views/nodes/ClusterNodes');
const { JobNode, TaskNode } = await import('../../../client/src/views/nodes/JobNodes');

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
const menus = pkg.contributes.menus as Record<string, { command: string; when?: string }[]>;
const ISSUE_5_COMMANDS = [
  'tilebox.account.setApiKey',
  'tilebox.account.clearApiKey',
  'tilebox.cli.setPath',
  'tilebox.project.create',
  'tilebox.release.build',
  'tilebox.release.publish',
  'tilebox.release.deploy',
  'tilebox.release.undeploy',
  'tilebox.release.copyId',
  'tilebox.job.submit',
  'tilebox.job.show',
  'tilebox.job.showLogs',
  'tilebox.job.retry',
  'tilebox.job.cancel',
  'tilebox.job.copyId',
  'tilebox.runner.start',
  'tilebox.runner.startDirect',
  'tilebox.views.refresh',
];

test('every command of issue 5.4 is contributed in category Tilebox and offered in the palette of a trusted workspace', () => {
  for (const id of ISSUE_5_COMMANDS) {
    const c = pkg.contributes.commands.find((x: { command: string }) => x.command === id);
    assert.ok(c, `${id} is contributed`);
    assert.equal(c.category, 'Tilebox', id);
    const palette = menus.commandPalette.filter((m) => m.command === id);
    // No entry shows it everywhere; an entry may only hide it in an untrusted workspace (the CLI must not run there).
    assert.ok(
      palette.every((m) => m.when === '!tilebox.untrusted'),
      `${id} is in the palette: ${JSON.stringify(palette)}`,
    );
  }
});

test('the config editor title offers publish, deploy, build and the direct runner', () => {
  const onToml = menus['editor/title']
    .filter((m) => /resourceFilename == tilebox\.workflow\.toml/.test(m.when ?? ''))
    .map((m) => m.command);
  for (const id of ['tilebox.release.publish', 'tilebox.release.deploy', 'tilebox.release.build', 'tilebox.runner.startDirect']) {
    assert.ok(onToml.includes(id), `${id} on the editor title`);
  }
});

const ID = '019ef7a2-56b4-7a86-9c4d-52a1792b1e90';
const TASK_ID = '019ef7a2-56b4-7a86-9c4d-52a1792b1e91';
const release: Release = { id: ID, tasks: [{ name: 'tilebox.com/example/FetchScene', version: 'v1.0' }], clusters: ['dev-1'] };
const workflow: Workflow = { slug: 'scene-qa', name: 'Scene QA', releases: [release] };
const cluster: Cluster = {
  slug: 'dev-1',
  displayName: 'dev',
  deletable: true,
  isDefault: false,
  deployments: [{ workflowSlug: 'scene-qa', release }],
};
const job = (state: Job['state']): Job => ({
  id: ID,
  name: 'qa',
  state,
  clusterSlug: 'dev-1',
  progress: [],
  taskSummaries: [{ id: TASK_ID, display: 'FetchScene', state: state === 'failed' ? 'failed' : 'running' }],
});

/** The commands whose view/item/context menu shows on a node in a view. */
function commandsOn(view: string, node: { model: { contextValue?: string } }): string[] {
  return menus['view/item/context']
    .filter((m) => parseMenuWhen(m.when ?? '').views(view) && parseMenuWhen(m.when ?? '').items(node.model.contextValue ?? ''))
    .map((m) => m.command)
    .filter((c, i, all) => all.indexOf(c) === i)
    .sort();
}

test('tree items carry the commands that apply to them, and each command finds its subject on the node', () => {
  const now = Date.now();
  const local = new WorkflowNode(workflow, '/ws/scene-qa', now);
  assert.deepEqual(commandsOn('tilebox.views.workflows', local), [
    'tilebox.release.build',
    'tilebox.release.deploy',
    'tilebox.release.publish',
  ]);
  assert.equal(projectDirFrom(local), '/ws/scene-qa');
  assert.equal(workflowFrom(local), 'scene-qa');
  assert.deepEqual(commandsOn('tilebox.views.workflows', new WorkflowNode(workflow, undefined, now)), ['tilebox.release.deploy']);

  const rel = new ReleaseNode(release, workflow, now, 'wf');
  assert.deepEqual(commandsOn('tilebox.views.workflows', rel), [
    'tilebox.release.copyId',
    'tilebox.release.deploy',
    'tilebox.release.undeploy',
  ]);
  assert.deepEqual(releaseFrom(rel)?.id, ID);
  assert.equal(releaseFrom(rel)?.workflowSlug, 'scene-qa');
  const undeployed = new ReleaseNode({ ...release, clusters: [] }, workflow, now, 'wf');
  assert.ok(!commandsOn('tilebox.views.workflows', undeployed).includes('tilebox.release.undeploy'), 'undeploy only on a deployed release');

  const c = new ClusterNode(cluster, now);
  assert.deepEqual(commandsOn('tilebox.views.clusters', c), ['tilebox.job.submit', 'tilebox.release.deploy', 'tilebox.runner.start']);
  assert.equal(clusterFrom(c), 'dev-1');
  const dep = new DeploymentNode(cluster.deployments[0], cluster, now, 'c');
  assert.deepEqual(commandsOn('tilebox.views.clusters', dep), ['tilebox.release.copyId', 'tilebox.release.undeploy']);
  assert.deepEqual([releaseFrom(dep)?.id, releaseFrom(dep)?.workflowSlug, clusterFrom(dep)], [ID, 'scene-qa', 'dev-1']);

  const failed = new JobNode(job('failed'), now);
  assert.deepEqual(commandsOn('tilebox.views.jobs', failed), [
    'tilebox.job.copyId',
    'tilebox.job.retry',
    'tilebox.job.show',
    'tilebox.job.showLogs',
    'tilebox.task.debugFailed',
  ]);
  const running = new JobNode(job('running'), now);
  assert.deepEqual(commandsOn('tilebox.views.jobs', running), [
    'tilebox.job.cancel',
    'tilebox.job.copyId',
    'tilebox.job.show',
    'tilebox.job.showLogs',
  ]);
  assert.equal(jobIdFrom(running), ID);
  const failedTask = new TaskNode(job('failed').taskSummaries[0], job('failed'), now, 'j');
  assert.deepEqual(commandsOn('tilebox.views.jobs', failedTask), ['tilebox.job.retry', 'tilebox.task.debugFailed']);
  assert.equal(jobIdFrom(failedTask), ID, 'retry on a task node retries its job, not the task id');
});
