// Registers the artifact UI: the Artifact view that follows the active tilebox.workflow.toml,
// the release badge in the explorer, the preview command the `[build]` code lens runs, and
// browsing an existing `.tar.zst` read-only.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Views } from '../contributes';
import type { TreeNode } from '../views/nodes/TreeNode';
import { ArtifactPreviews, keyOf } from './ArtifactPreviews';
import { ArtifactTreeProvider } from './ArtifactTreeProvider';
import { ReleaseDecorations } from './ReleaseDecorations';
import { ArchiveFileSystem } from './archive/ArchiveFileSystem';
import { ArchiveStore } from './archive/ArchiveStore';
import { ArchiveEntryNode, ArchiveTreeProvider } from './archive/ArchiveTreeProvider';

export function registerArtifactUi(context: vscode.ExtensionContext, client: LanguageClient): void {
  const previews = new ArtifactPreviews(client, context.workspaceState);
  const tree = new ArtifactTreeProvider(previews);
  const view = vscode.window.createTreeView<TreeNode>(Views.artifact, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const decorations = new ReleaseDecorations(previews);

  const archives = new ArchiveStore();
  const archiveTree = new ArchiveTreeProvider(archives);
  const archiveView = vscode.window.createTreeView<TreeNode>(Views.archive, { treeDataProvider: archiveTree, showCollapseAll: true });

  context.subscriptions.push(
    previews, tree, view, decorations, archives, archiveTree, archiveView,
    vscode.window.registerFileDecorationProvider(decorations),
    ArchiveFileSystem.register(archives),
    vscode.commands.registerCommand(Commands.showArtifactPreview, (arg?: vscode.Uri | string) => showPreview(previews, arg)),
    vscode.commands.registerCommand(Commands.refreshArtifact, () => {
      if (previews.current) previews.schedule(previews.current, 0);
    }),
    vscode.commands.registerCommand(Commands.openArchive, (arg?: vscode.Uri) => openArchive(archives, arg)),
    vscode.commands.registerCommand(Commands.closeArchive, (node?: ArchiveEntryNode) => {
      if (node instanceof ArchiveEntryNode) archives.close(node.archive.path);
    }),
  );
  void previews.start();
}

/** The `[build]` lens passes the config's URI string; the palette passes nothing. */
async function showPreview(previews: ArtifactPreviews, arg?: vscode.Uri | string): Promise<void> {
  let key = arg ? keyOf(arg) : undefined;
  if (!key) {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && path.basename(active.fsPath) === 'tilebox.workflow.toml') key = keyOf(active);
  }
  if (!key && previews.configs.length > 1) {
    const picked = await vscode.window.showQuickPick(
      previews.configs.map((k) => ({ label: vscode.workspace.asRelativePath(vscode.Uri.parse(k), true), key: k })),
      { placeHolder: 'Which tilebox.workflow.toml?' },
    );
    key = picked?.key;
    if (!key) return;
  }
  key ??= previews.configs[0];
  if (key) {
    previews.follow(key);
    previews.schedule(key, 0);
  }
  await vscode.commands.executeCommand(`${Views.artifact}.focus`);
}

async function openArchive(archives: ArchiveStore, arg?: vscode.Uri): Promise<void> {
  let uri = arg instanceof vscode.Uri ? arg : undefined;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: 'Open Release Archive',
      filters: { 'Release archive (.tar.zst)': ['zst'], 'All files': ['*'] },
    });
    uri = picked?.[0];
    if (!uri) return;
  }
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('Tilebox can only open release archives stored on this machine.');
    return;
  }
  try {
    await vscode.window.withProgress({ location: { viewId: Views.archive }, title: 'Reading the archive…' }, () => archives.open(uri.fsPath));
    await vscode.commands.executeCommand(`${Views.archive}.focus`);
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot open ${path.basename(uri.fsPath)}: ${(error as Error).message}`);
  }
}
