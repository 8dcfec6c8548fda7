// A row that stands for one release of a workflow, in the Workflows view or deployed on a cluster: the release
// commands read `release`, `releaseId` and `workflowSlug` from whichever row they run on (commands/nodeArgs.ts).
import type { Release } from '../../cliAdapter/types';
import type { ItemModel } from '../model/item';
import { TreeNode } from './TreeNode';

export abstract class ReleaseRowNode extends TreeNode {
  readonly releaseId: string;

  constructor(
    readonly release: Release,
    readonly workflowSlug: string,
    readonly model: ItemModel,
  ) {
    super();
    this.releaseId = release.id;
  }
}
