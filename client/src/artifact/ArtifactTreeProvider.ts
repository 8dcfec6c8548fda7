// The Artifact view: what the followed tilebox.workflow.toml's release would ship. Loading,
// error and "no config" are rows too, so the view never goes blank.
import * as vscode from 'vscode';
import { MessageNode } from '../views/nodes/MessageNode';
import { toTreeItem, type TreeNode } from '../views/nodes/TreeNode';
import { ArtifactNode, ArtifactSummaryNode, FilesGroupNode, TasksGroupNode } from './ArtifactNodes';
import type { ArtifactPreviews } from './ArtifactPreviews';

const ROOT_ID = 'artifact';

export class ArtifactTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private view?: vscode.TreeView<TreeNode>;

  constructor(private readonly previews: ArtifactPreviews) {
    this.subscription = previews.onDidChange((key) => {
      if (key === '' || key === previews.current) this.refreshView();
    });
  }

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    this.refreshView();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node instanceof ArtifactNode ? node.treeItem() : toTreeItem(node.model);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.children();
    const key = this.previews.current;
    if (!key) {
      return [new MessageNode('empty', 'No tilebox.workflow.toml open', ROOT_ID,
        'Open a `tilebox.workflow.toml` (or run "Tilebox: Show Artifact Preview") to see what its release artifact would ship.')];
    }
    const state = this.previews.state(key);
    const id = `${ROOT_ID}:${key}`;
    if (!state || state.kind === 'loading') return [new MessageNode('loading', 'Computing the artifact…', id)];
    if (state.kind === 'failed') {
      const short = state.message.length > 80 ? `${state.message.slice(0, 77)}…` : state.message;
      return [new MessageNode('error', short, id, state.message)];
    }
    const label = vscode.workspace.asRelativePath(vscode.Uri.parse(key), true);
    return [
      new ArtifactSummaryNode(state.preview, label, id),
      new TasksGroupNode(state.preview, id),
      new FilesGroupNode(state.preview, id),
    ];
  }

  private refreshView(): void {
    const key = this.previews.current;
    if (this.view) {
      this.view.description = key && this.previews.configs.length > 1 ? vscode.workspace.asRelativePath(vscode.Uri.parse(key), true) : undefined;
    }
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
