// tilebox.job.submit: cluster (default first), a task identifier from the releases deployed on it
// (or typed), version, name, JSON input checked before anything is sent, max retries. The new job
// is revealed in the jobs view and watched until it ends.
import type { ProjectRegistry, RefreshManager, ViewsApi } from '../services';
import { checkJobInput } from '../jobs/jobInput';
import { jobSubmit } from '../cliAdapter/calls';
import type { Cluster, TaskIdentifier } from '../cliAdapter/types';
import { isTaskVersion } from '../cliAdapter/validate';
import { answered, Problem, withProgress, type FlowDeps } from './flow';
import { clusterFrom, workflowFrom } from './nodeArgs';
import { listClusters, pickCluster } from './pickers';
import { outcome, type Outcome, type PickItem } from './ui';
import { shortId } from '../cliAdapter/validate';

export interface JobDeps extends FlowDeps {
  refresh: Pick<RefreshManager, 'pollAfterAction'>;
  views: ViewsApi;
  projects: Pick<ProjectRegistry, 'active'>;
  localRunners: ReadonlySet<string>;
  /** Starts watching a job submitted or retried here (notification when it ends). */
  watch(jobId: string): void;
  /** A job canceled here: its end needs no second notification. */
  canceledHere?(jobId: string): void;
}

/** Task identifiers registered by the releases deployed on a cluster, the preferred workflow's first. */
export function deployedTasks(cluster: Cluster, preferWorkflow?: string): { task: TaskIdentifier; workflow: string }[] {
  const deployments = [...cluster.deployments].sort(
    (a, b) => Number(b.workflowSlug === preferWorkflow) - Number(a.workflowSlug === preferWorkflow),
  );
  return deployments.flatMap((d) => d.release.tasks.map((task) => ({ task, workflow: d.workflowSlug })));
}

const lineCheck = (what: string, max = 256) => (v: string) =>
  v.trim() === '' ? `${what} is required.`
  : /[\r\n\0]/.test(v) ? `${what} must be one line.`
  : v.trim().startsWith('-') ? `${what} must not start with "-".`
  : Buffer.byteLength(v) > max ? `${what} is longer than ${max} bytes.`
  : undefined;

export async function submitFlow(d: JobDeps, arg?: unknown): Promise<Outcome> {
  const clusters = await listClusters(d);
  const preset = clusterFrom(arg);
  const cluster = clusters.find((c) => c.slug === preset) ?? (await pickCluster(d, 'Submit the job to which cluster?', clusters));
  const tasks = deployedTasks(cluster, workflowFrom(arg) ?? d.projects.active()?.slug);
  const TYPE = Symbol('type');
  const items: PickItem<TaskIdentifier | typeof TYPE>[] = tasks.map(({ task, workflow }) => ({
    label: task.name,
    description: `${task.version} · ${workflow}`,
    value: task,
  }));
  items.push({ label: '$(edit) Type a task identifier…', description: tasks.length ? undefined : `nothing is deployed on ${cluster.slug}`, value: TYPE });
  const chosen = items.length === 1 ? TYPE : answered(await d.ui.pick(`Task to run on ${cluster.slug}`, items));
  const taskName =
    chosen === TYPE
      ? answered(await d.ui.input({ title: 'Task identifier name', placeHolder: 'tilebox.com/example/MyTask', validate: lineCheck('The task name') })).trim()
      : chosen.name;
  const version = answered(
    await d.ui.input({
      title: `Version of ${taskName}`,
      value: chosen === TYPE ? 'v0.0' : chosen.version,
      prompt: 'vMAJOR.MINOR; runners with the same major and a minor at least this high can run it',
      validate: (v) => (isTaskVersion(v.trim()) ? undefined : 'Write the version as v<major>.<minor>, e.g. v1.0.'),
    }),
  ).trim();
  const name = answered(
    await d.ui.input({ title: 'Job name', value: taskName.split('/').pop(), validate: lineCheck('The job name') }),
  ).trim();
  const inputText = answered(
    await d.ui.input({
      title: 'Job input (JSON)',
      prompt: 'One field: the bare value (5, "text", [1,2]); several fields: an object. Empty: no input. At most 2048 bytes.',
      placeHolder: '{"scene_id": "S2A_..."}',
      validate: (v) => {
        const c = checkJobInput(v);
        return c.ok ? undefined : c.message;
      },
    }),
  );
  // Checked again: a caller may not honour `validate`, and nothing invalid may reach the CLI.
  const input = checkJobInput(inputText);
  if (!input.ok) throw new Problem(input.message);
  const retriesText = answered(
    await d.ui.input({
      title: 'Max retries of the root task',
      value: '0',
      validate: (v) => (/^\d{1,3}$/.test(v.trim()) ? undefined : 'Write a whole number from 0 to 999.'),
    }),
  ).trim();
  if (!/^\d{1,3}$/.test(retriesText)) throw new Problem(`Max retries must be a whole number from 0 to 999, got "${retriesText}".`);

  const call = jobSubmit({ name, task: taskName, version, input: input.input, cluster: cluster.slug, maxRetries: Number(retriesText) });
  const submitted = await withProgress(d, `Submitting job ${name}`, (signal) => d.cli.run(call, { signal }));
  const id = submitted.jobId;
  d.refresh.pollAfterAction('jobs');
  void d.views.revealJob(id);
  d.watch(id);
  const next = [{ title: 'Show Job', command: 'tilebox.job.show', args: [id] }];
  if (!d.localRunners.has(cluster.slug)) next.push({ title: 'Start Runner', command: 'tilebox.runner.start', args: [cluster.slug] });
  return outcome(`Submitted job "${name}" (${shortId(id)}) to ${cluster.slug}.`, next);
}
