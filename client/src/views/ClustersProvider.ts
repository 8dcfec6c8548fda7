// Clusters view: clusters (the default one marked, a runner started here shown) → the workflow releases deployed on each; grouped by project
// (clusters its targets name or its workflow is deployed on) when the workspace holds several projects.
import type { Project } from '../services';
import { clusterList } from '../cliAdapter/calls';
import type { Cluster } from '../cliAdapter/types';
import { CliListProvider } from './CliListProvider';
import type { ViewEnv } from './CliViewProvider';
import { groupClusters } from './model/grouping';
import { ClusterNode } from './nodes/ClusterNodes';
import { GroupNode } from './nodes/GroupNode';
import { MessageNode } from './nodes/MessageNode';
import type { TreeNode } from './nodes/TreeNode';

/** The project's targets that deploy to the cluster. */
function targetsOf(project: Project | undefined, c: Cluster): string[] {
  return project?.targets.filter((t) => t.clusters.includes(c.slug)).map((t) => t.name) ?? [];
}

export class ClustersProvider extends CliListProvider<Cluster> {
  constructor(env: ViewEnv) {
    super(env, 'clusters', 'Listing clusters', clusterList, ['slug', 'displayName']);
  }

  /** The last cluster list, for other views (queued-job diagnosis) without another CLI call. */
  get clusters(): Cluster[] | undefined {
    return this.state.kind === 'loaded' ? this.state.data : undefined;
  }

  protected roots(clusters: Cluster[], now: number): TreeNode[] {
    const sorted = [...clusters].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.displayName.localeCompare(b.displayName));
    const projects = this.env.projects.all();
    if (projects.length > 1) {
      return groupClusters(projects, sorted).map((g) => {
        const prefix = `${g.project?.dir ?? 'other'}/`;
        return new GroupNode(g, 'clusters', (items) =>
          items.length
            ? items.map((c) => new ClusterNode(c, now, prefix, targetsOf(g.project, c), this.env.localRunners.has(c.slug)))
            : [new MessageNode('empty', "No cluster in this project's targets or deployments", prefix)],
        );
      });
    }
    if (!clusters.length) return [new MessageNode('empty', 'No clusters', 'clusters')];
    return sorted.map((c) => new ClusterNode(c, now, '', targetsOf(projects[0], c), this.env.localRunners.has(c.slug)));
  }
}
