// Base of every node kind: a node holds the data it shows, knows its parent (for reveal) and returns its
// children. The item itself is an ItemModel built by a pure function (views/model) and converted here.
import * as vscode from 'vscode';
import type { ItemModel } from '../model/item';

export abstract class TreeNode {
  abstract readonly model: ItemModel;
  parent?: TreeNode;

  children(): TreeNode[] | Promise<TreeNode[]> {
    return [];
  }

  /** The item VS Code shows; kinds that add resource URIs or open commands extend it. */
  treeItem(): vscode.TreeItem {
    return toTreeItem(this.model);
  }

  protected adopt<T extends TreeNode>(nodes: T[]): T[] {
    for (const n of nodes) n.parent = this;
    return nodes;
  }
}

const COLLAPSE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

export function toTreeItem(m: ItemModel): vscode.TreeItem {
  const item = new vscode.TreeItem(m.label, COLLAPSE[m.collapsible]);
  item.id = m.id;
  item.description = m.description;
  if (m.tooltip) {
    const tip = new vscode.MarkdownString(m.tooltip);
    tip.supportThemeIcons = true;
    item.tooltip = tip;
  }
  if (m.icon) item.iconPath = new vscode.ThemeIcon(m.icon.id, m.icon.color ? new vscode.ThemeColor(m.icon.color) : undefined);
  item.contextValue = m.contextValue;
  item.command = m.command;
  return item;
}
