// Workflows view nodes: workflow → release → task identifier.
import type { Release, TaskIdentifier, Workflow } from '../../cliAdapter/types';
import type { ItemModel } from '../model/item';
import { releaseItem, taskIdentifierItem } from '../model/releaseItem';
import { workflowItem } from '../model/workflowItems';
import { MessageNode } from './MessageNode';
import { ReleaseRowNode } from './ReleaseRowNode';
import { TreeNode } from './TreeNode';

export class WorkflowNode extends TreeNode {
  readonly model: ItemModel;
  readonly workflowSlug: string;
  /** The workspace project whose toml names this workflow: Publish/Build on the node use it without asking. */
  readonly projectDir?: string;

  constructor(
    readonly workflow: Workflow,
    projectDir: string | undefined,
    private readonly now: number,
    idPrefix = '',
  ) {
    super();
    this.workflowSlug = workflow.slug;
    this.projectDir = projectDir;
    const m = workflowItem(workflow, projectDir !== undefined);
    this.model = { ...m, id: idPrefix + m.id };
  }

  override children(): TreeNode[] {
    if (!this.workflow.releases.length) return [new MessageNode('empty', 'No release published yet', this.model.id)];
    return this.adopt(this.workflow.releases.map((r) => new ReleaseNode(r, this.workflow, this.now, this.model.id)));
  }
}

export class ReleaseNode extends ReleaseRowNode {
  constructor(release: Release, workflow: Workflow, now: number, parentId: string) {
    const m = releaseItem(release, workflow, now);
    super(release, workflow.slug, { ...m, id: `${parentId}/${m.id}` });
  }

  override children(): TreeNode[] {
    return this.adopt(this.release.tasks.map((t) => new TaskIdentifierNode(t, this.model.id)));
  }
}

export class TaskIdentifierNode extends TreeNode {
  readonly model: ItemModel;

  constructor(
    readonly identifier: TaskIdentifier,
    parentId: string,
  ) {
    super();
    this.model = taskIdentifierItem(identifier, parentId);
  }
}
