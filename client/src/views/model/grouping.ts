// Multi-root and monorepo workspaces: with several `tilebox.workflow.toml`, every view groups its items by
// project. Pure: projects and CLI data in, groups out.
import type { Project } from '../../services';
import type { Cluster, Job, Workflow } from '../../cliAdapter/types';
import type { ItemModel } from './item';

export interface Group<T> {
  /** Undefined for the "other" group (items that belong to no project in the workspace). */
  project?: Project;
  items: T[];
}

export const OTHER_LABEL = { workflows: 'Other workflows', clusters: 'Other clusters', jobs: 'Other jobs' } as const;

/** Groups shown only when they are not empty; projects in the registry's order, "other" last. */
function finish<T>(groups: Group<T>[]): Group<T>[] {
  return groups.filter((g) => g.items.length > 0 || g.project);
}

export function groupWorkflows(projects: readonly Project[], workflows: Workflow[]): Group<Workflow>[] {
  const claimed = new Set(projects.map((p) => p.slug).filter(Boolean));
  return finish([
    ...projects.map((project) => ({ project, items: workflows.filter((w) => w.slug === project.slug) })),
    { items: workflows.filter((w) => !claimed.has(w.slug)) },
  ]);
}

/** A project's clusters: those its targets name and those its workflow is deployed on. */
export function projectClusters(project: Project, clusters: Cluster[]): Cluster[] {
  const named = new Set(project.targets.flatMap((t) => t.clusters));
  return clusters.filter((c) => named.has(c.slug) || (project.slug && c.deployments.some((d) => d.workflowSlug === project.slug)));
}

export function groupClusters(projects: readonly Project[], clusters: Cluster[]): Group<Cluster>[] {
  const groups = projects.map((project) => ({ project, items: projectClusters(project, clusters) }));
  const used = new Set(groups.flatMap((g) => g.items.map((c) => c.slug)));
  return finish([...groups, { items: clusters.filter((c) => !used.has(c.slug)) }]);
}

/** Task names registered by any release of each project's workflow (the only link from a job to a workflow). */
export type ProjectTasks = Map<string /* project dir */, Set<string>>;

export function projectTasks(projects: readonly Project[], workflows: Workflow[]): ProjectTasks {
  const out: ProjectTasks = new Map();
  for (const p of projects) {
    const w = workflows.find((x) => x.slug === p.slug);
    out.set(p.dir, new Set(w?.releases.flatMap((r) => r.tasks.map((t) => t.name)) ?? []));
  }
  return out;
}

/**
 * The project a job belongs to: the first whose workflow registers the identifier of the job's root task.
 * Undefined when the CLI did not report task identifiers or no project's workflow registers them.
 */
export function jobProject(job: Job, projects: readonly Project[], tasks: ProjectTasks): Project | undefined {
  const ids = new Set(job.taskSummaries.map((t) => t.id));
  const roots = job.taskSummaries.filter((t) => !t.parentId || !ids.has(t.parentId));
  const names = (roots.length ? roots : job.taskSummaries).flatMap((t) => (t.identifier ? [t.identifier.name] : []));
  if (!names.length) return undefined;
  return projects.find((p) => names.some((n) => tasks.get(p.dir)?.has(n)));
}

export function groupJobs(projects: readonly Project[], jobs: Job[], tasks: ProjectTasks): Group<Job>[] {
  const owner = new Map(jobs.map((j) => [j.id, jobProject(j, projects, tasks)]));
  return finish([
    ...projects.map((project) => ({ project, items: jobs.filter((j) => owner.get(j.id) === project) })),
    { items: jobs.filter((j) => owner.get(j.id) === undefined) },
  ]);
}

export function onlyProjectJobs(project: Project | undefined, projects: readonly Project[], jobs: Job[], tasks: ProjectTasks): Job[] {
  if (!project) return [];
  return jobs.filter((j) => jobProject(j, projects, tasks) === project);
}

export function groupItem(group: Group<unknown>, view: keyof typeof OTHER_LABEL): ItemModel {
  const p = group.project;
  if (!p) {
    return { id: `${view}/other`, label: OTHER_LABEL[view], icon: { id: 'cloud' }, contextValue: 'group other', collapsible: 'collapsed' };
  }
  return {
    id: `${view}/project:${p.dir}`,
    label: p.label,
    description: p.slug ?? (p.error ? 'unreadable tilebox.workflow.toml' : 'no [workflow].slug'),
    tooltip: [`**${p.label}**`, `\`${p.configPath}\``, p.slug ? `Workflow \`${p.slug}\`` : undefined, p.error].filter(Boolean).join('\n\n'),
    icon: { id: 'root-folder' },
    contextValue: 'group project',
    collapsible: 'expanded',
  };
}
