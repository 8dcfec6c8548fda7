// The Python lenses as a user reads them: identifier, Runners and deployed state above a Task class, the actions
// only where the CLI may run, Debug only once its command exists; the Runner's task count and actions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DiscoveredTask, PythonOutline } from '../../../server/src/shared/protocol';
import type { Cluster } from '../../../client/src/cliAdapter/types';
import { outlineLenses, taskSummary, type LensContext } from '../../../client/src/lenses/taskLenses';
import { taskJobFilter } from '../../../client/src/lenses/taskJobs';

const SLUG = 'scene-qa';
const task = (over: Partial<DiscoveredTask> = {}): DiscoveredTask => ({
  name: 'tilebox.com/qa/Scan',
  version: 'v1.2',
  file: 'app/tasks.py',
  line: 7,
  className: 'Scan',
  fields: [{ name: 'scene', type: 'str' }],
  runners: ['app.runner:runner'],
  ...over,
});
const cluster = (slug: string, deployed: { workflow: string; tasks: [string, string][] }[]): Cluster => ({
  slug,
  displayName: slug.toUpperCase(),
  deletable: true,
  isDefault: false,
  deployments: deployed.map((d) => ({
    workflowSlug: d.workflow,
    release: { id: `r-${slug}`, clusters: [slug], tasks: d.tasks.map(([name, version]) => ({ name, version })) },
  })),
});
const ctx = (clusters?: Cluster[], over: Partial<LensContext> = {}): LensContext => ({
  project: {
    dir: '/ws/app',
    slug: SLUG,
    targets: [
      { name: 'dev', clusters: ['dev-1'] },
      { name: 'prod', clusters: ['prod-eu', 'prod-us'] },
    ],
  },
  clusters,
  trusted: true,
  debugAvailable: false,
  ...over,
});
const outline = (tasks: DiscoveredTask[]): PythonOutline => ({
  configUri: 'file:///ws/app/tilebox.workflow.toml',
  tasks,
  runners: [
    {
      file: 'app/runner.py',
      line: 12,
      variable: 'runner',
      taskClassNames: ['Scan', 'Fetch'],
      path: 'app.runner:runner',
    },
  ],
});

test('the summary names the identifier, the Runner and where it is deployed (target names, versions when they differ)', () => {
  const older = [cluster('dev-1', [{ workflow: SLUG, tasks: [['tilebox.com/qa/Scan', 'v1.1']] }])];
  assert.equal(
    taskSummary(task(), ctx(older)),
    'tilebox.com/qa/Scan v1.2 · in app.runner:runner · deployed v1.1 on dev · newer than deployed',
  );
  const same = [
    cluster('dev-1', [{ workflow: SLUG, tasks: [['tilebox.com/qa/Scan', 'v1.2']] }]),
    cluster('prod-eu', [{ workflow: SLUG, tasks: [['tilebox.com/qa/Scan', 'v1.2']] }]),
  ];
  assert.equal(taskSummary(task(), ctx(same)), 'tilebox.com/qa/Scan v1.2 · in app.runner:runner · deployed on dev, prod');
  const otherWorkflow = [cluster('dev-1', [{ workflow: 'someone-else', tasks: [['tilebox.com/qa/Scan', 'v1.2']] }])];
  assert.equal(taskSummary(task(), ctx(otherWorkflow)), 'tilebox.com/qa/Scan v1.2 · in app.runner:runner · not deployed');
  const ahead = [cluster('stray', [{ workflow: SLUG, tasks: [['tilebox.com/qa/Scan', 'v2.0']] }])];
  assert.equal(
    taskSummary(task(), ctx(ahead)),
    'tilebox.com/qa/Scan v1.2 · in app.runner:runner · deployed v2.0 on STRAY',
    'a cluster in no target shows its display name',
  );
});

test('unknown deployments say nothing; no Runner and a computed identifier are said plainly', () => {
  assert.equal(taskSummary(task({ runners: [] }), ctx(undefined)), 'tilebox.com/qa/Scan v1.2 · not in any runner');
  assert.equal(
    taskSummary(task({ unresolved: true, name: 'make_name()', version: '' }), ctx([])),
    'Scan · identifier computed at runtime · in app.runner:runner',
  );
});

test('a trusted workspace gets Submit Job…, Show Jobs and, once the debugger registers its command, Debug…', () => {
  const titles = (c: LensContext) => outlineLenses(outline([task()]), c).map((l) => `${l.line}:${l.title}`);
  assert.deepEqual(titles(ctx([])), [
    '6:tilebox.com/qa/Scan v1.2 · in app.runner:runner · not deployed',
    '6:Submit Job…',
    '6:Show Jobs',
    '11:2 tasks',
    '11:Publish',
    '11:Start Runner',
  ]);
  const debug = outlineLenses(outline([task()]), ctx([], { debugAvailable: true })).find((l) => l.title === 'Debug…');
  assert.deepEqual(debug?.args, ['file:///ws/app/tilebox.workflow.toml', task()], "the debugger's (configUri, task) arguments");
  assert.deepEqual(
    titles(ctx(undefined, { trusted: false })),
    ['6:tilebox.com/qa/Scan v1.2 · in app.runner:runner', '11:2 tasks'],
    'untrusted: labels only, no action runs the CLI',
  );
});

test('the lens actions carry the task, its project and the cluster to start a runner on', () => {
  const lenses = outlineLenses(
    outline([task()]),
    ctx([], { project: { dir: '/ws/app', slug: SLUG, targets: [{ name: 'dev', clusters: ['dev-1'] }] } }),
  );
  const submit = lenses.find((l) => l.title === 'Submit Job…')!;
  assert.equal(submit.command, 'tilebox.job.submit');
  assert.deepEqual(submit.args, [
    {
      task: {
        name: 'tilebox.com/qa/Scan',
        version: 'v1.2',
        className: 'Scan',
        unresolved: undefined,
        fields: [{ name: 'scene', type: 'str' }],
        file: 'app/tasks.py',
        line: 7,
      },
      projectDir: '/ws/app',
      workflowSlug: SLUG,
      configUri: 'file:///ws/app/tilebox.workflow.toml',
    },
  ]);
  assert.deepEqual(lenses.find((l) => l.title === 'Start Runner')!.args, ['dev-1'], 'the only target cluster');
  assert.deepEqual(lenses.find((l) => l.title === 'Publish')!.args, [{ projectDir: '/ws/app' }]);
  assert.deepEqual(
    taskJobFilter(lenses.find((l) => l.title === 'Show Jobs')!.args![0]),
    { name: 'Scan' },
    'jobs named as Submit Job names them',
  );
  const computed = outlineLenses(outline([task({ unresolved: true })]), ctx([]));
  assert.ok(!computed.some((l) => l.title === 'Show Jobs'), 'no job name to filter by when the identifier is computed');
});
