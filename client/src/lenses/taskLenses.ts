// The lenses of one Python file, as data: above each Task class its identifier, the Runners that register it and
// what is deployed, with Submit Job / Debug / Show Jobs; above each Runner its task count, Publish and Start Runner.
// Pure: the outline comes from the language server, the clusters from the `cluster list` the views already load.
import type { DiscoveredRunner, DiscoveredTask, PythonOutline } from '@shared';
import { Commands } from '../contributes';
import type { Cluster } from '../cliAdapter/types';

export interface LensProject {
  dir: string;
  slug?: string;
  targets: { name: string; clusters: string[] }[];
}

export interface LensContext {
  project?: LensProject;
  /** The last `cluster list`; undefined while unknown (not loaded yet, untrusted workspace, CLI failing). */
  clusters?: readonly Cluster[];
  /** The CLI may run here: the action lenses only show then. */
  trusted: boolean;
  /** `tilebox.task.debug` is registered. */
  debugAvailable: boolean;
}

export interface LensSpec {
  /** 0-based line. */
  line: number;
  title: string;
  /** No command: a label only. */
  command?: string;
  args?: unknown[];
}

/** What Submit Job and Show Jobs receive from a task lens. */
export interface TaskLensArg {
  task: Pick<DiscoveredTask, 'name' | 'version' | 'className' | 'unresolved' | 'fields' | 'file' | 'line'>;
  projectDir?: string;
  workflowSlug?: string;
  configUri: string;
}

export function outlineLenses(outline: PythonOutline, ctx: LensContext): LensSpec[] {
  return [...outline.tasks.flatMap((t) => taskLenses(outline, t, ctx)), ...outline.runners.flatMap((r) => runnerLenses(r, ctx))];
}

function taskLenses(outline: PythonOutline, task: DiscoveredTask, ctx: LensContext): LensSpec[] {
  const line = task.line - 1;
  const lenses: LensSpec[] = [{ line, title: taskSummary(task, ctx) }];
  if (!ctx.trusted) return lenses;
  const arg: TaskLensArg = {
    task: {
      name: task.name,
      version: task.version,
      className: task.className,
      unresolved: task.unresolved,
      fields: task.fields ?? [],
      file: task.file,
      line: task.line,
    },
    projectDir: ctx.project?.dir,
    workflowSlug: ctx.project?.slug,
    configUri: outline.configUri,
  };
  lenses.push({ line, title: 'Submit Job…', command: Commands.submitJob, args: [arg] });
  // The debugger's command takes (configUri, task), as its own callers pass them.
  if (ctx.debugAvailable) lenses.push({ line, title: 'Debug…', command: Commands.debugTask, args: [outline.configUri, task] });
  if (!task.unresolved) lenses.push({ line, title: 'Show Jobs', command: Commands.showTaskJobs, args: [arg] });
  return lenses;
}

/** `tilebox.com/x/Scan v1.2 · in app.runner:runner · deployed v1.1 on dev · newer than deployed`. */
export function taskSummary(task: DiscoveredTask, ctx: LensContext): string {
  const identity = task.unresolved ? `${task.className ?? task.name} · identifier computed at runtime` : `${task.name} ${task.version}`;
  const runners = task.runners?.length ? `in ${task.runners.join(', ')}` : 'not in any runner';
  return [identity, runners, task.unresolved ? undefined : deployedState(task, ctx)].filter(Boolean).join(' · ');
}

/** What is deployed of this task name, by cluster; undefined when that cannot be known. */
export function deployedState(task: Pick<DiscoveredTask, 'name' | 'version'>, ctx: LensContext): string | undefined {
  const slug = ctx.project?.slug;
  if (!ctx.clusters || !slug) return undefined;
  const byVersion = new Map<string, string[]>();
  for (const c of ctx.clusters) {
    for (const d of c.deployments) {
      if (d.workflowSlug !== slug) continue;
      const deployed = d.release.tasks.find((t) => t.name === task.name);
      if (deployed) byVersion.set(deployed.version, [...(byVersion.get(deployed.version) ?? []), clusterLabel(c, ctx.project)]);
    }
  }
  if (byVersion.size === 0) return 'not deployed';
  const parts = [...byVersion].map(([version, where]) => `${version === task.version ? '' : `${version} `}on ${where.join(', ')}`);
  const newer = [...byVersion.keys()].every((v) => isNewer(task.version, v));
  return `deployed ${parts.join(', ')}${newer ? ' · newer than deployed' : ''}`;
}

/** A target's name reads better than a cluster slug (`dev` rather than `dev-cluster-9xK2mQ4pL8nR7s`). */
function clusterLabel(c: Cluster, project: LensProject | undefined): string {
  return project?.targets.find((t) => t.clusters.includes(c.slug))?.name ?? (c.displayName || c.slug);
}

function isNewer(local: string, deployed: string): boolean {
  const a = /^v(\d+)\.(\d+)$/.exec(local);
  const b = /^v(\d+)\.(\d+)$/.exec(deployed);
  if (!a || !b) return false;
  return Number(a[1]) > Number(b[1]) || (a[1] === b[1] && Number(a[2]) > Number(b[2]));
}

function runnerLenses(runner: DiscoveredRunner, ctx: LensContext): LensSpec[] {
  const line = runner.line - 1;
  const n = runner.taskClassNames.length;
  const lenses: LensSpec[] = [{ line, title: `${n} task${n === 1 ? '' : 's'}` }];
  if (!ctx.trusted) return lenses;
  const project = ctx.project ? { projectDir: ctx.project.dir } : undefined;
  lenses.push({ line, title: 'Publish', command: Commands.publishRelease, args: project ? [project] : [] });
  const clusters = [...new Set(ctx.project?.targets.flatMap((t) => t.clusters) ?? [])];
  lenses.push({
    line,
    title: 'Start Runner',
    command: Commands.startRunner,
    args: clusters.length === 1 ? [clusters[0]] : [],
  });
  return lenses;
}
