// Why a queued job may not run, for the jobs view's tooltip/description (issue 5.5). A thin pure
// wrapper over compat.explainQueuedJob that takes the editor's local runner set as it is kept.
import { explainQueuedJob, type Diagnosis } from '../cliAdapter/jobDiagnosis';
import type { Cluster, Job } from '../cliAdapter/types';

export function queuedDiagnoses(job: Job, clusters: readonly Cluster[], localRunners: Iterable<string>): Diagnosis[] {
  return explainQueuedJob(job, [...clusters], [...localRunners]);
}

/** One line per reason, or undefined when the job is not waiting or nothing looks wrong. */
export function queuedReason(job: Job, clusters: readonly Cluster[], localRunners: Iterable<string>): string | undefined {
  const reasons = queuedDiagnoses(job, clusters, localRunners);
  return reasons.length > 0 ? reasons.map((r) => r.message).join('\n') : undefined;
}
