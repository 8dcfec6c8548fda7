// Jobs view with several projects: a job belongs to the project whose workflow registers its root task (the only
// link from a job to a workflow). Pure.
import type { Project } from '../../services';
import type { Job, Workflow } from '../../cliAdapter/types';
import { finish, type Group } from './grouping';

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
