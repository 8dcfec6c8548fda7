// What the language server needs of the cluster list for its retry check on task identifiers: each deployed
// release with its workflow, cluster and registered task identifiers. Pure.
import type { DeployedRelease } from '@shared';
import type { Cluster } from '../cliAdapter/types';

export function deployedReleases(clusters: readonly Cluster[]): DeployedRelease[] {
  return clusters.flatMap((c) =>
    c.deployments.map((d) => ({
      workflowSlug: d.workflowSlug,
      cluster: c.slug,
      releaseId: d.release.id,
      tasks: d.release.tasks.map(({ name, version }) => ({ name, version })),
    })),
  );
}
