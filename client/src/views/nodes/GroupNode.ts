// A project group (several tilebox.workflow.toml in the workspace) or the "other" group.
import type { Project } from '../../services';
import { type Group, groupItem, type OTHER_LABEL } from '../model/grouping';
import type { ItemModel } from '../model/item';
import { TreeNode } from './TreeNode';

export class GroupNode<T> extends TreeNode {
  readonly model: ItemModel;
  readonly project?: Project;
  /** Commands read the project directory from here (e.g. "Publish" on a group). */
  readonly projectDir?: string;
  /** …and the workflow (e.g. "Submit Job…" on a group offers this workflow's tasks first). */
  readonly workflowSlug?: string;

  constructor(
    group: Group<T>,
    view: keyof typeof OTHER_LABEL,
    private readonly makeChildren: (items: T[]) => TreeNode[],
  ) {
    super();
    this.model = groupItem(group, view);
    this.project = group.project;
    this.projectDir = group.project?.dir;
    this.workflowSlug = group.project?.slug;
    this.items = group.items;
  }

  private readonly items: T[];

  override children(): TreeNode[] {
    return this.adopt(this.makeChildren(this.items));
  }
}
