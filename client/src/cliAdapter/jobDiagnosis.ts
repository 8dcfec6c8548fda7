// Diagnosis the CLI does not give (Tilebox docs on clusters): why a queued job may not run; whether a retry can
// succeed is checkRetry.ts. Task identifiers of a job's tasks are not in every CLI version's output; without them
// we say "cannot check" instead of guessing.
import { isCompatible, type TaskIdentifier } from '@shared';
import type { Cluster, Job, Release } from './types';

// The rule itself is shared with the language server (its retry check on identifier changes).
export { isCompatible };

export interface Diagnosis {
  code: 'no-release-deployed' | 'no-compatible-release' | 'no-local-runner' | 'unknown-cluster' | 'cannot-check' | 'retry-incompatible';
  message: string;
}

export const showIdentifier = (t: TaskIdentifier): string => `${t.name}@${t.version}`;

/** The job's cluster: its `cluster_slug`, else the default cluster (jobs submitted without one go there). */
export function jobCluster(job: Job, clusters: Cluster[]): Cluster | undefined {
  return job.clusterSlug ? clusters.find((c) => c.slug === job.clusterSlug) : clusters.find((c) => c.isDefault);
}

export function releasesOn(cluster: Cluster | undefined): Release[] {
  return cluster?.deployments.map((d) => d.release) ?? [];
}

/** Why a submitted (queued) job may not run. Empty when nothing looks wrong or the job is not waiting. */
export function explainQueuedJob(job: Job, clusters: Cluster[], localRunnerClusters: string[]): Diagnosis[] {
  if (job.state !== 'submitted') return [];
  const cluster = jobCluster(job, clusters);
  const name = cluster?.slug ?? job.clusterSlug ?? 'the default cluster';
  if (!cluster) {
    return [
      {
        code: 'unknown-cluster',
        message: job.clusterSlug
          ? `Cluster ${job.clusterSlug} is not in \`cluster list\`: no runner can pick this job up.`
          : 'The job names no cluster and no default cluster is known: cannot check where it would run.',
      },
    ];
  }
  const out: Diagnosis[] = [];
  const releases = releasesOn(cluster);
  const queued = job.taskSummaries.filter((t) => t.state === 'queued');
  if (releases.length === 0) {
    out.push({ code: 'no-release-deployed', message: `No release is deployed on ${name}: runners there have no tasks to run.` });
  } else if (queued.length > 0) {
    const unknown = queued.filter((t) => !t.identifier);
    const missing = queued.flatMap((t) =>
      t.identifier && !releases.some((r) => r.tasks.some((reg) => isCompatible(t.identifier!, reg))) ? [t.identifier] : [],
    );
    const distinct = [...new Set(missing.map(showIdentifier))];
    if (distinct.length)
      out.push({
        code: 'no-compatible-release',
        message: `No release deployed on ${name} registers a compatible task for ${distinct.join(', ')} (same name, same major version, minor ≥ the submitted one).`,
      });
    if (unknown.length)
      out.push({
        code: 'cannot-check',
        message: `The CLI did not report the task identifier of ${unknown.length} queued task(s): cannot check whether a release on ${name} can run them.`,
      });
  }
  if (!localRunnerClusters.includes(cluster.slug)) {
    out.push({
      code: 'no-local-runner',
      message: `No runner for ${name} was started from this editor (a runner started elsewhere may still pick the job up).`,
    });
  }
  return out;
}
