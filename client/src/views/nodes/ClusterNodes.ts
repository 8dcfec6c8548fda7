// Clusters view nodes: cluster → the runner started here (if any) and the deployed workflow releases.
import type { Cluster, ClusterDeployment } from '../../cliAdapter/types';
import { clusterItem, localRunnerItem } from '../model/clusterItems';
import { deploymentItem } from '../model/deploymentItem';
import type { ItemModel } from '../model/item';
import { ReleaseRowNode } from './ReleaseRowNode';
import { TreeNode } from './TreeNode';

export class ClusterNode extends TreeNode {
  readonly model: ItemModel;
  readonly clusterSlug: string;

  constructor(
    readonly cluster: Cluster,
    private readonly now: number,
    idPrefix = '',
    targets: string[] = [],
    private readonly runnerHere = false,
  ) {
    super();
    this.clusterSlug = cluster.slug;
    this.model = clusterItem(cluster, idPrefix, targets, runnerHere);
  }

  override children(): TreeNode[] {
    const runner = this.runnerHere ? [new ModelNode(localRunnerItem(this.cluster, this.model.id))] : [];
    return this.adopt([...runner, ...this.cluster.deployments.map((d) => new DeploymentNode(d, this.cluster, this.now, this.model.id))]);
  }
}

/** A row whose item is all there is to it (the local runner row). */
export class ModelNode extends TreeNode {
  constructor(readonly model: ItemModel) {
    super();
  }
}

/** A release deployed on the cluster: the release commands, and Undeploy from this cluster (`clusterSlug`). */
export class DeploymentNode extends ReleaseRowNode {
  readonly clusterSlug: string;

  constructor(deployment: ClusterDeployment, cluster: Cluster, now: number, parentId: string) {
    super(deployment.release, deployment.workflowSlug, deploymentItem(deployment, cluster, parentId, now));
    this.clusterSlug = cluster.slug;
  }
}
