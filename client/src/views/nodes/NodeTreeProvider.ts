// Base of every tree provider: each node builds its own item and children, so a provider only says what its
// top-level rows are and when they changed.
import * as vscode from 'vscode';
import type { TreeNode } from './TreeNode';

export abstract class NodeTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** The rows without a parent: the data, or a message row (loading, empty, error) so the view never goes blank. */
  protected abstract topLevel(): TreeNode[] | Promise<TreeNode[]>;

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return node ? node.children() : this.topLevel();
  }

  /** Re-renders every row from what the provider already holds. */
  rerender(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
