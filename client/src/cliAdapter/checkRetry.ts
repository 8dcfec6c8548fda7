// Whether retrying a job's failed tasks can succeed with the release(s) deployed on its cluster (Tilebox docs on
// retries: a retry runs the same task identifiers, so a breaking change needs a new job).
import { isCompatible } from '@shared';
import { type Diagnosis, showIdentifier } from './jobDiagnosis';
import type { Job, Release, TaskSummary } from './types';

/** Warnings when retrying the failed tasks cannot succeed with the release(s) deployed on the job's cluster. */
export function checkRetry(job: Job, failedTasks: TaskSummary[], deployed: Release | Release[] | undefined): Diagnosis[] {
  const releases = deployed === undefined ? [] : Array.isArray(deployed) ? deployed : [deployed];
  const where = job.clusterSlug ?? 'the default cluster';
  if (failedTasks.length === 0) return [];
  if (releases.length === 0)
    return [
      { code: 'no-release-deployed', message: `No release is deployed on ${where}: the retried tasks will stay queued until one is.` },
    ];
  const out: Diagnosis[] = [];
  const unknown = failedTasks.filter((t) => !t.identifier);
  const incompatible = failedTasks.filter(
    (t) => t.identifier && !releases.some((r) => r.tasks.some((reg) => isCompatible(t.identifier!, reg))),
  );
  for (const t of incompatible) {
    const sameName = releases.flatMap((r) => r.tasks).filter((reg) => reg.name === t.identifier!.name);
    const detail = sameName.length
      ? `the deployed release registers ${sameName.map(showIdentifier).join(', ')}`
      : 'no deployed release registers that task';
    out.push({
      code: 'retry-incompatible',
      message: `Task ${t.display || t.id} (${showIdentifier(t.identifier!)}) cannot run on ${where}: ${detail}. A breaking change needs a new major version and a new job.`,
    });
  }
  if (unknown.length)
    out.push({
      code: 'cannot-check',
      message: `The CLI did not report the task identifier of ${unknown.length} failed task(s): cannot check them against the deployed release.`,
    });
  return out;
}
