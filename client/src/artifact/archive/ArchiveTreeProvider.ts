// The Release Archive view: each opened `.tar.zst` as a tree; files open read-only from memory.
import * as vscode from 'vscode';
import { ContextKeys } from '../../contributes';
import { MessageNode } from '../../views/nodes/MessageNode';
import { NodeTreeProvider } from '../../views/nodes/NodeTreeProvider';
import { TreeNode } from '../../views/nodes/TreeNode';
import { archiveEntryItem, archiveRootItem, type ArchiveItem } from '../model/archiveItems';
import { archiveUri } from './ArchiveFileSystem';
import type { ArchiveStore, LoadedArchive } from './ArchiveStore';

export class ArchiveEntryNode extends TreeNode {
  readonly model: ArchiveItem;

  constructor(
    readonly archive: LoadedArchive,
    innerPath: string,
    isRoot = false,
  ) {
    super();
    const node = archive.index.get(innerPath);
    this.model =
      isRoot || !node
        ? archiveRootItem(archive.path, archive.index, archive.compressedBytes, archive.tarBytes)
        : archiveEntryItem(archive.path, node);
  }

  override children(): TreeNode[] {
    const list = this.archive.index.list(this.model.innerPath);
    if (list.length === 0 && this.model.innerPath === '') return [new MessageNode('empty', 'The archive is empty', this.model.id)];
    return this.adopt(list.map((n) => new ArchiveEntryNode(this.archive, n.path)));
  }

  override treeItem(): vscode.TreeItem {
    const item = super.treeItem();
    if (this.model.innerPath === '') return item;
    const uri = archiveUri(this.archive.path, this.model.innerPath);
    item.resourceUri = uri;
    item.iconPath = this.model.isFile ? vscode.ThemeIcon.File : vscode.ThemeIcon.Folder;
    if (this.model.isFile) item.command = { command: 'vscode.open', title: 'Open (read-only)', arguments: [uri, { preview: true }] };
    return item;
  }
}

export class ArchiveTreeProvider extends NodeTreeProvider {
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ArchiveStore) {
    super();
    this.subscription = store.onDidChange(() => {
      void vscode.commands.executeCommand('setContext', ContextKeys.archiveOpen, store.shownArchives.length > 0);
      this.rerender();
    });
  }

  protected async topLevel(): Promise<TreeNode[]> {
    if (this.store.shownArchives.length === 0) {
      return [
        new MessageNode(
          'empty',
          'No release archive open',
          'archives',
          'Run "Tilebox: Open Release Archive (.tar.zst)…" or right-click a `.tar.zst` in the explorer.',
        ),
      ];
    }
    const roots = await Promise.all(
      this.store.shownArchives.map(async (path) => {
        try {
          return new ArchiveEntryNode(await this.store.get(path), '', true);
        } catch (error) {
          return new MessageNode('error', `${path}: ${(error as Error).message}`, `archive:${path}`);
        }
      }),
    );
    return roots;
  }

  override dispose(): void {
    this.subscription.dispose();
    super.dispose();
  }
}
