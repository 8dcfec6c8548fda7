// tilebox.job.submit: cluster (default first), a task identifier from the releases deployed on it
// (or typed), version, name, JSON input checked before anything is sent, max retries. The new job
// is revealed in the jobs view and watched until it ends. From a task lens the identifier is the task's, the
// cluster defaults to the project's target cluster. The input is asked field by field (askJobInput) when the task's
// code is known: always from a lens, from the palette when the project's preview discovers the chosen identifier.
// tilebox.job.submitAgain repeats the last submission in one step.
import type { Project, ProjectRegistry, RefreshManager, ViewsApi } from '../services';
import { jobSubmit } from '../cliAdapter/calls';
import type { Cluster, TaskIdentifier } from '../cliAdapter/types';
import { isTaskVersion, shortId } from '../cliAdapter/validate';
import { answered, Problem, withProgress, type FlowDeps } from './flow';
import { clusterFrom, workflowFrom } from './nodeArgs';
import { listClusters, pickCluster } from './pickCluster';
import { askValid, trimmedIf, wholeNumber } from './askValid';
import { outcome, type Outcome, type PickItem } from './ui';
import { defaultJobName } from '../lenses/taskJobs';
import type { TaskLensArg } from '../lenses/taskLenses';
import type { DiscoveredTask } from '@shared';
import { askJobInput, findTask } from '../tasks/askJobInput';
import type { TaskInputDeps } from '../tasks/promptTaskInput';
import type { Submission, SubmissionMemory } from '../tasks/submissions';
import type { JobCache } from '../jobs/jobCache';

export interface JobDeps extends FlowDeps {
  refresh: Pick<RefreshManager, 'pollAfterAction'>;
  views: ViewsApi;
  projects: Pick<ProjectRegistry, 'active'> & Partial<Pick<ProjectRegistry, 'all'>>;
  localRunners: ReadonlySet<string>;
  /** Starts watching a job submitted or retried here (notification when it ends). */
  watch(jobId: string): void;
  /** A job canceled here: its end needs no second notification. */
  canceledHere?(jobId: string): void;
  /** Inputs and submissions remembered in workspace state. */
  submissions?: SubmissionMemory;
  /** The shared job cache: re-read after an action so panel, tree and status bar change at once. */
  jobs?: Pick<JobCache, 'reread'>;
  /** Opens the job-input JSON document (for many fields or a type no prompt expresses). */
  editDocument?: TaskInputDeps['editDocument'];
  /** The tasks the project's artifact preview already discovered (no CLI call); undefined while none is loaded. */
  projectTasks?(project: Project): readonly DiscoveredTask[] | undefined;
}

/** The discovered tasks of the workflow's project (the active one for a typed identifier), as far as known here. */
function projectTasks(d: JobDeps, workflow: string | undefined): readonly DiscoveredTask[] | undefined {
  const project = (workflow && d.projects.all?.().find((p) => p.slug === workflow)) || d.projects.active();
  return project && d.projectTasks?.(project);
}

/** Task identifiers registered by the releases deployed on a cluster, the preferred workflow's first. */
export function deployedTasks(cluster: Cluster, preferWorkflow?: string): { task: TaskIdentifier; workflow: string }[] {
  const deployments = [...cluster.deployments].sort(
    (a, b) => Number(b.workflowSlug === preferWorkflow) - Number(a.workflowSlug === preferWorkflow),
  );
  return deployments.flatMap((d) => d.release.tasks.map((task) => ({ task, workflow: d.workflowSlug })));
}

const lineCheck =
  (what: string, max = 256) =>
  (v: string) =>
    v.trim() === ''
      ? `${what} is required.`
      : /[\r\n\0]/.test(v)
        ? `${what} must be one line.`
        : v.trim().startsWith('-')
          ? `${what} must not start with "-".`
          : Buffer.byteLength(v) > max
            ? `${what} is longer than ${max} bytes.`
            : undefined;

export async function submitFlow(d: JobDeps, arg?: unknown): Promise<Outcome> {
  const lens = taskFrom(arg);
  const clusters = await listClusters(d);
  const preset = clusterFrom(arg);
  const cluster =
    clusters.find((c) => c.slug === preset) ??
    (lens
      ? await targetCluster(d, lens, clusters)
      : await pickCluster(d, 'Submit the job to which cluster?', clusters, d.projects.active()?.targets[0]));
  const known = lens && !lens.task.unresolved ? { taskName: lens.task.name, version: lens.task.version, workflow: undefined } : undefined;
  const { taskName, version, workflow } = known ?? (await askIdentifier(d, cluster, workflowFrom(arg) ?? d.projects.active()?.slug));
  const name = await askValid(d.ui, { title: 'Job name', value: defaultJobName(taskName) }, trimmedIf(lineCheck('The job name')));
  // The palette's task is asked field by field too when the project's code declares it (from the preview at hand).
  const task = lens?.task ?? findTask(projectTasks(d, workflow), { name: taskName, version });
  const input = await askJobInput(d, { name: taskName, className: task?.className, fields: task?.fields });
  const maxRetries = await askValid(d.ui, { title: 'Max retries of the root task', value: '0' }, wholeNumber(0));
  return submit(d, { name, task: taskName, version, input, cluster: cluster.slug, maxRetries });
}

/** tilebox.job.submitAgain: the last submission from this editor, as it was, in one step. */
export async function submitAgainFlow(d: JobDeps): Promise<Outcome> {
  const last = d.submissions?.lastSubmission();
  if (!last) throw new Problem('Nothing was submitted from this editor yet: run "Tilebox: Submit Job…" first.');
  return submit(d, last);
}

async function submit(d: JobDeps, s: Submission): Promise<Outcome> {
  const call = jobSubmit(s);
  const submitted = await withProgress(d, `Submitting job ${s.name}`, (signal) => d.cli.run(call, { signal }));
  const id = submitted.jobId;
  await d.submissions?.remember(s, id);
  d.refresh.pollAfterAction('jobs');
  void d.views.revealJob(id);
  d.watch(id);
  const next = [{ title: 'Show Job', command: 'tilebox.job.show', args: [id] }];
  if (!d.localRunners.has(s.cluster)) next.push({ title: 'Start Runner', command: 'tilebox.runner.start', args: [s.cluster] });
  next.push({ title: 'Submit Again', command: 'tilebox.job.submitAgain', args: [] });
  return outcome(`Queued job "${s.name}" (${shortId(id)}) on ${s.cluster}.`, next);
}

/** A task lens's argument, or undefined for the palette and tree nodes. */
function taskFrom(arg: unknown): TaskLensArg | undefined {
  const t = (arg as Partial<TaskLensArg> | undefined)?.task;
  return t && typeof t.name === 'string' && typeof t.version === 'string' && Array.isArray(t.fields) ? (arg as TaskLensArg) : undefined;
}

/** The project's target cluster: the only one without asking, several offered first. */
async function targetCluster(d: JobDeps, lens: TaskLensArg, clusters: Cluster[]): Promise<Cluster> {
  const project = d.projects.all?.().find((p) => p.dir === lens.projectDir) ?? d.projects.active();
  const targets = new Set(project?.targets.flatMap((t) => t.clusters));
  const inTargets = clusters.filter((c) => targets.has(c.slug));
  if (inTargets.length === 1) return inTargets[0];
  const ordered = [...inTargets, ...clusters.filter((c) => !targets.has(c.slug))];
  return pickCluster(d, 'Submit the job to which cluster?', ordered);
}

/** `workflow`: the one whose deployed release listed the picked identifier (none for a typed one). */
async function askIdentifier(
  d: JobDeps,
  cluster: Cluster,
  preferWorkflow: string | undefined,
): Promise<{ taskName: string; version: string; workflow?: string }> {
  const tasks = deployedTasks(cluster, preferWorkflow);
  const TYPE = Symbol('type');
  const items: PickItem<(TaskIdentifier & { workflow: string }) | typeof TYPE>[] = tasks.map(({ task, workflow }) => ({
    label: task.name,
    description: `${task.version} · ${workflow}`,
    value: { ...task, workflow },
  }));
  items.push({
    label: '$(edit) Type a task identifier…',
    description: tasks.length ? undefined : `nothing is deployed on ${cluster.slug}`,
    value: TYPE,
  });
  const chosen = items.length === 1 ? TYPE : answered(await d.ui.pick(`Task to run on ${cluster.slug}`, items));
  const taskName =
    chosen === TYPE
      ? await askValid(
          d.ui,
          { title: 'Task identifier name', placeHolder: 'tilebox.com/example/MyTask' },
          trimmedIf(lineCheck('The task name')),
        )
      : chosen.name;
  const version = await askValid(
    d.ui,
    {
      title: `Version of ${taskName}`,
      value: chosen === TYPE ? 'v0.0' : chosen.version,
      prompt: 'vMAJOR.MINOR; runners with the same major and a minor at least this high can run it',
    },
    trimmedIf((v) => (isTaskVersion(v.trim()) ? undefined : 'Write the version as v<major>.<minor>, e.g. v1.0.')),
  );
  return { taskName, version, workflow: chosen === TYPE ? undefined : chosen.workflow };
}
