// Debug Task… / Run Task / Debug Failed Task…: start (or reuse) the project's debug runner, pick the task it
// registers, ask for the input (field by field when the project's code declares the task), warn about other
// runners on the cluster, submit the job there and show it.
import { fileURLToPath } from 'node:url';
import type { DiscoveredTask } from '@shared';
import { jobSubmit } from '../cliAdapter/calls';
import type { Cluster, Job, TaskIdentifier, TaskSummary } from '../cliAdapter/types';
import { isCompatible } from '../cliAdapter/jobDiagnosis';
import { isTaskVersion, shortId } from '../cliAdapter/validate';
import { answered, Problem, withProgress } from '../commands/flow';
import { projectFor } from '../commands/pickers';
import type { JobDeps } from '../commands/submit';
import { outcome, type Outcome } from '../commands/ui';
import type { Project, ProjectRegistry } from '../services';
import { competingRunners } from './debugCluster';
import type { ReadyInfo, RegisteredTask } from './launcherScript';
import { askJobInput, findTask } from '../tasks/askJobInput';

export interface StartOptions {
  noDebug: boolean;
  stopOnTaskException?: boolean;
  discoveredRunners?: string[];
}

/** A debug runner being started (or running): known once its launch is resolved, `ready` once it polls. */
export interface RunnerStart {
  /** `module:object` of the Runner and the cluster it polls. */
  runner: string;
  cluster: string;
  /** The clusters as listed when the launch was resolved (for the competing-runner warning). */
  clusters?: readonly Cluster[];
  ready: Promise<ReadyInfo>;
}

export interface DebugTaskDeps extends JobDeps {
  projects: Pick<ProjectRegistry, 'active' | 'all' | 'pick'>;
  /** Starts the project's debug runner, or reuses the one running; resolves before it polls (see RunnerStart). */
  ensureRunner(project: Project, o: StartOptions): Promise<RunnerStart>;
}

/** The lens passes the toml's URI as a string; a plain path works too. */
function projectOf(d: DebugTaskDeps, configUri: unknown): Promise<Project | undefined> | Project {
  if (typeof configUri !== 'string')
    return projectFor(d.projects, configUri, 'Debug a task of which project?').then((p) => p ?? answered(undefined));
  const path = configUri.startsWith('file:') ? fileURLToPath(configUri) : configUri;
  const found = d.projects.all().find((p) => p.configPath === path);
  if (!found) throw new Problem(`${path} is not a Tilebox project of this workspace: open its folder as a workspace folder.`);
  return found;
}

/** The registered task a lens or a failed task means, matched like a runner matches: name, major, minor. */
export function registeredFor(
  ready: ReadyInfo,
  want: { name: string; version: string; className?: string; unresolved?: boolean },
): RegisteredTask | undefined {
  if (want.unresolved) return ready.identifiers.find((t) => t.class === want.className);
  return ready.identifiers.find((t) => isCompatible({ name: want.name, version: want.version }, t));
}

/** Asked by the task's fields when the lens or the project's preview knows its class; else as JSON. */
function inputOf(d: DebugTaskDeps, project: Project, task: RegisteredTask, lensTask?: DiscoveredTask) {
  const known = lensTask?.fields ? lensTask : findTask(d.projectTasks?.(project), { ...task, className: task.class });
  return askJobInput(d, { name: task.name, className: task.class, fields: known?.fields });
}

const notRegistered = (what: string, runner: string) =>
  new Problem(`${what} is not registered in the Runner ${runner}: add it to Runner(tasks=[...]), then debug it again.`);

/** The tasks the project's code registers in `runner`, as far as static discovery can tell (none when unsure). */
export function staticallyRegistered(tasks: readonly DiscoveredTask[] | undefined, runner: string): RegisteredTask[] {
  const mine = (tasks ?? []).filter((t) => t.runners?.includes(runner));
  if (mine.some((t) => t.unresolved || !t.className)) return []; // only the running Runner knows those identifiers
  return mine.map((t) => ({ name: t.name, version: t.version, class: t.className as string }));
}

async function submitTo(
  d: DebugTaskDeps,
  start: RunnerStart,
  task: RegisteredTask,
  version: string,
  input: string | undefined,
  verb: string,
): Promise<Outcome> {
  const name = `${verb} ${task.class}`;
  const call = jobSubmit({ name, task: task.name, version, input, cluster: start.cluster });
  const { jobId } = await withProgress(d, `Submitting ${name}`, (signal) => d.cli.run(call, { signal }));
  // Who else polls the cluster comes from the list read while the launch was resolved: no CLI call delays the job.
  const cluster = start.clusters?.find((c) => c.slug === start.cluster);
  const warning = cluster && competingRunners(cluster, { name: task.name, version }, d.localRunners);
  if (warning) void d.ui.notify('warning', warning);
  d.refresh.pollAfterAction('jobs');
  void d.views.revealJob(jobId);
  d.watch(jobId);
  return outcome(`Submitted "${name}" (${shortId(jobId)}) to the ${verb === 'Run' ? '' : 'debug '}runner on ${start.cluster}.`, [
    { title: 'Show Job', command: 'tilebox.job.show', args: [jobId] },
  ]);
}

export async function debugTaskFlow(d: DebugTaskDeps, noDebug: boolean, configUri?: unknown, lensTask?: DiscoveredTask): Promise<Outcome> {
  const project = await projectOf(d, configUri);
  if (!project) throw new Problem('No Tilebox project is open.');
  const start = await d.ensureRunner(project, { noDebug, discoveredRunners: lensTask?.runners });
  // The runner starts up while the task and its input are asked; what it registers is checked once it polls.
  let task: RegisteredTask;
  if (lensTask) {
    const what = lensTask.className ?? lensTask.name;
    if (lensTask.runners && !lensTask.runners.includes(start.runner)) throw notRegistered(what, start.runner);
    task = { name: lensTask.name, version: lensTask.version, class: what };
  } else {
    const known = staticallyRegistered(d.projectTasks?.(project), start.runner);
    const choices = known.length ? known : (await start.ready).identifiers;
    if (choices.length === 0) throw new Problem(`The Runner ${start.runner} registers no tasks.`);
    task = answered(
      await d.ui.pick(
        `${noDebug ? 'Run' : 'Debug'} which task of ${start.runner}?`,
        choices.map((t) => ({ label: t.class, description: `${t.name} ${t.version}`, value: t })),
      ),
    );
  }
  const input = await inputOf(d, project, task, lensTask);
  const ready = await start.ready;
  const registered = registeredFor(ready, lensTask ?? { ...task, className: task.class });
  if (!registered) throw notRegistered(task.class, ready.runner);
  return submitTo(d, start, registered, registered.version, input, noDebug ? 'Run' : 'Debug');
}

/** The failed task a Jobs-view node (a job or one of its tasks) points at. */
export function failedTaskOf(arg: unknown): { job: Job; task: TaskSummary } | undefined {
  const node = arg as { job?: Job; task?: TaskSummary } | undefined;
  const job = node?.job;
  if (!job) return undefined;
  const task = node?.task?.state === 'failed' ? node.task : job.taskSummaries.find((t) => t.state === 'failed');
  return task ? { job, task } : undefined;
}

export async function debugFailedFlow(d: DebugTaskDeps, arg: unknown): Promise<Outcome> {
  const failed = failedTaskOf(arg);
  if (!failed) throw new Problem('Debug Failed Task works on a failed job or task in the Jobs view: right-click one there.');
  const project = await projectOf(d, undefined);
  if (!project) throw new Problem('No Tilebox project is open.');
  const start = await d.ensureRunner(project, { noDebug: false, stopOnTaskException: true });
  const className = failed.task.display.split('\n')[0];
  let identifier: TaskIdentifier | undefined = failed.task.identifier;
  let failedClass = className;
  if (!identifier) {
    // The CLI did not say which identifier failed: the display is the class name by default; confirm it.
    const { identifiers } = await start.ready;
    const byClass = identifiers.find((t) => t.class === className);
    const picked = answered(
      await d.ui.pick(
        `Which task failed in ${failed.job.name}?`,
        identifiers.map((t) => ({
          label: t.class,
          description: `${t.name} ${t.version}`,
          picked: t === byClass,
          value: t,
        })),
        { placeHolder: `The failed task is shown as "${className}"` },
      ),
    );
    identifier = { name: picked.name, version: picked.version };
    failedClass = picked.class;
  }
  // No CLI command in the contract returns a task's input yet (spans are [INFER]): ask for it while the runner starts.
  const input = await inputOf(d, project, { ...identifier, class: failedClass });
  const ready = await start.ready;
  const task = registeredFor(ready, identifier);
  if (!task) throw notRegistered(`${identifier.name} ${identifier.version}`, ready.runner);
  const version = isTaskVersion(identifier.version) ? identifier.version : task.version;
  return submitTo(d, start, task, version, input, 'Debug');
}
