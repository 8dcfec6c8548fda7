// "Show Jobs" of a task lens: `job list` filters by job name only, and a job submitted from a lens is named after
// the task (the last part of its identifier name), so that name is the filter.
import type { JobFilter } from '../views/model/jobFilter';

/** The job name Submit Job proposes for a task identifier name (`tilebox.com/example/Scan` → `Scan`). */
export function defaultJobName(taskName: string): string {
  return taskName.split('/').pop() || taskName;
}

export function taskJobFilter(arg: unknown): JobFilter | undefined {
  const name = (arg as { task?: { name?: unknown } } | undefined)?.task?.name;
  return typeof name === 'string' && name.trim() ? { name: defaultJobName(name.trim()) } : undefined;
}
