// Multi-root/monorepo grouping and the job filter, without VS Code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Project } from '../../../../client/src/services';
import type { Cluster, Job, Workflow } from '../../../../client/src/cliAdapter/types';
import { groupClusters, groupItem, groupWorkflows } from '../../../../client/src/views/model/grouping';
import { groupJobs, jobProject, onlyProjectJobs, projectTasks } from '../../../../client/src/views/model/jobGrouping';
import { describeFilter, isFiltered, toListOptions, withFilter } from '../../../../client/src/views/model/jobFilter';

const project = (label: string, slug: string | undefined, clusters: string[] = []): Project => ({
  configPath: `/ws/${label}/tilebox.workflow.toml`,
  dir: `/ws/${label}`,
  label,
  slug,
  targets: clusters.length ? [{ name: 'dev', clusters }] : [],
});
const ingest = project('ingest', 'ingest-wf', ['dev']);
const qa = project('qa', 'qa-wf');
const broken = { ...project('broken', undefined), error: 'TOML syntax error at line 3' };
const projects = [ingest, qa, broken];

const release = (tasks: string[], clusters: string[] = []) => ({
  id: crypto.randomUUID(),
  tasks: tasks.map((name) => ({ name, version: 'v1.0' })),
  clusters,
});
const workflows: Workflow[] = [
  { slug: 'ingest-wf', name: 'Ingest', releases: [release(['Ingest', 'Tile'])] },
  { slug: 'qa-wf', name: 'QA', releases: [release(['Check'])] },
  { slug: 'team-wf', name: "Someone else's", releases: [] },
];
const cluster = (slug: string, deployed: string[] = []): Cluster => ({
  slug,
  displayName: slug,
  deletable: true,
  isDefault: false,
  deployments: deployed.map((w) => ({ workflowSlug: w, release: release([]) })),
});
const job = (id: string, rootTask?: string): Job => ({
  id,
  name: id,
  state: 'completed',
  progress: [],
  taskSummaries: rootTask ? [{ id: `${id}-t`, display: rootTask, state: 'computed', identifier: { name: rootTask, version: 'v1.0' } }] : [],
});

test('workflows group under the project whose toml names them; the rest under "Other workflows"', () => {
  const groups = groupWorkflows(projects, workflows);
  assert.deepEqual(
    groups.map((g) => [g.project?.label, g.items.map((w) => w.slug)]),
    [
      ['ingest', ['ingest-wf']],
      ['qa', ['qa-wf']],
      ['broken', []],
      [undefined, ['team-wf']],
    ],
  );
  assert.equal(groupItem(groups[2], 'workflows').description, 'unreadable tilebox.workflow.toml');
  assert.equal(groupItem(groups[3], 'workflows').label, 'Other workflows');
});

test('clusters group under projects that target them or have their workflow deployed there', () => {
  const groups = groupClusters(projects, [cluster('dev'), cluster('prod', ['qa-wf']), cluster('spare')]);
  assert.deepEqual(
    groups.map((g) => [g.project?.label, g.items.map((c) => c.slug)]),
    [
      ['ingest', ['dev']],
      ['qa', ['prod']],
      ['broken', []],
      [undefined, ['spare']],
    ],
  );
});

test('a job belongs to the project whose workflow registers its root task; unknown jobs go to "Other jobs"', () => {
  const tasks = projectTasks(projects, workflows);
  const jobs = [job('a', 'Tile'), job('b', 'Check'), job('c'), job('d', 'Unknown')];
  assert.equal(jobProject(jobs[0], projects, tasks), ingest);
  assert.equal(jobProject(jobs[2], projects, tasks), undefined, 'no task identifiers reported: cannot tell');
  assert.deepEqual(
    groupJobs(projects, jobs, tasks).map((g) => [g.project?.label, g.items.map((j) => j.id)]),
    [
      ['ingest', ['a']],
      ['qa', ['b']],
      ['broken', []],
      [undefined, ['c', 'd']],
    ],
  );
  assert.deepEqual(
    onlyProjectJobs(qa, projects, jobs, tasks).map((j) => j.id),
    ['b'],
  );
  assert.deepEqual(onlyProjectJobs(undefined, projects, jobs, tasks), [], 'no current project: nothing to show');
});

test('the job filter becomes `job list` options and a one-line summary; clearing a part removes it', () => {
  let f = withFilter({}, 'state', 'failed');
  f = withFilter(f, 'last', '7d');
  f = withFilter(f, 'cluster', 'dev');
  assert.ok(isFiltered(f));
  assert.equal(describeFilter(f), 'failed · last 7d · on dev');
  assert.deepEqual(toListOptions(f, 'cur'), { state: 'failed', last: '7d', cluster: 'dev', limit: 25, cursor: 'cur' });
  f = withFilter(withFilter(withFilter(f, 'state', undefined), 'last', undefined), 'cluster', '');
  assert.equal(isFiltered(f), false);
  assert.equal(describeFilter(f), undefined);
  assert.deepEqual(toListOptions(f), { limit: 25 });
});
