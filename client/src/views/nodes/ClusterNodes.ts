// Clusters view nodes: cluster → deployed workflow releases.
import type { Cluster, ClusterDeployment, Release } from '../../cliAdapter/types';
import { clusterItem, deploymentItem } from '../model/clusterItems';
import type { ItemModel } from '../model/item';
import { TreeNode } from './TreeNode';

export class ClusterNode extends TreeNode {
  readonly model: ItemModel;
  readonly clusterSlug: string;

  constructor(readonly cluster: Cluster, private readonly now: number, idPrefix = '', targets: string[] = []) {
    super();
    this.clusterSlug = cluster.slug;
    this.model = clusterItem(cluster, idPrefix, targets);
  }

  override children(): TreeNode[] {
    return this.adopt(this.cluster.deployments.map((d) => new DeploymentNode(d, this.cluster, this.now, this.model.id)));
  }
}

export class DeploymentNode extends TreeNode {
  readonly model: ItemModel;
  readonly workflowSlug: string;
  readonly release: Release;
  readonly releaseId: string;
  readonly clusterSlug: string;

  constructor(readonly deployment: ClusterDeployment, readonly cluster: Cluster, now: number, parentId: string) {
    super();
    this.workflowSlug = deployment.workflowSlug;
    this.release = deployment.release;
    this.releaseId = deployment.release.id;
    this.clusterSlug = cluster.slug;
    this.model = deploymentItem(deployment, cluster, parentId, now);
  }
}
