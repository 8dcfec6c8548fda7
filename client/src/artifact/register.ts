// Registers the artifact UI: the Artifact view that follows the active tilebox.workflow.toml,
// the release badge in the explorer, the preview command the `[build]` code lens runs, and
// browsing an existing `.tar.zst` read-only. Registered before the language server is up (and
// even if it never starts), so the view can say so and archives stay browsable. Nothing here
// runs a program: it all works in an untrusted workspace.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Views } from '../contributes';
import type { TreeNode } from '../views/nodes/TreeNode';
import { ArtifactPreviews, keyOf } from './ArtifactPreviews';
import { ArtifactTreeProvider } from './ArtifactTreeProvider';
import { loadedTasks } from './loadedTasks';
import { LanguageClientSource } from './previewSource';
import { ReleaseDecorations } from './ReleaseDecorations';
import { ArchiveFileSystem } from './archive/ArchiveFileSystem';
import { ArchiveStore } from './archive/ArchiveStore';
import { ArchiveEntryNode, ArchiveTreeProvider } from './archive/ArchiveTreeProvider';
import { CONFIG_FILE_NAME } from '@shared';

/** Returns the server source, so the Python lenses follow the same artifact-changed notifications. */
export function registerArtifactUi(context: vscode.ExtensionContext, client: Promise<LanguageClient>): LanguageClientSource {
  const source = new LanguageClientSource(client);
  const previews = new ArtifactPreviews(source, context.workspaceState);
  loadedTasks.attach(previews);
  const tree = new ArtifactTreeProvider(previews);
  const view = vscode.window.createTreeView<TreeNode>(Views.artifact, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const decorations = new ReleaseDecorations(previews);

  const archives = new ArchiveStore();
  const archiveTree = new ArchiveTreeProvider(archives);
  const archiveView = vscode.window.createTreeView<TreeNode>(Views.archive, { treeDataProvider: archiveTree, showCollapseAll: true });

  context.subscriptions.push(
    source,
    previews,
    tree,
    view,
    decorations,
    archives,
    archiveTree,
    archiveView,
    vscode.window.registerFileDecorationProvider(decorations),
    ArchiveFileSystem.register(archives),
    vscode.commands.registerCommand(Commands.showArtifactPreview, (arg?: vscode.Uri | string) => showPreview(previews, arg)),
    vscode.commands.registerCommand(Commands.refreshArtifact, () => {
      if (previews.current) previews.refresh(previews.current);
    }),
    vscode.commands.registerCommand(Commands.openArchive, (arg?: vscode.Uri) => openArchive(archives, arg)),
    vscode.commands.registerCommand(Commands.closeArchive, (node?: ArchiveEntryNode) => closeArchive(archives, node)),
  );
  void previews.start();
  return source;
}

/** The `[build]` lens passes the config's URI string; the palette passes nothing. */
async function showPreview(previews: ArtifactPreviews, arg?: vscode.Uri | string): Promise<void> {
  let key = arg ? keyOf(arg) : undefined;
  if (!key) {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && path.basename(active.fsPath) === CONFIG_FILE_NAME) key = keyOf(active);
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
    await vscode.window.withProgress({ location: { viewId: Views.archive }, title: 'Reading the archive…' }, () =>
      archives.open(uri.fsPath),
    );
    await vscode.commands.executeCommand(`${Views.archive}.focus`);
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot open ${path.basename(uri.fsPath)}: ${(error as Error).message}`);
  }
}

/** From the view (inline button or context menu) with its node; from the palette, pick one. */
async function closeArchive(archives: ArchiveStore, node?: ArchiveEntryNode): Promise<void> {
  let archivePath = node instanceof ArchiveEntryNode ? node.archive.path : undefined;
  if (!archivePath && archives.shownArchives.length > 1) {
    const picked = await vscode.window.showQuickPick(
      archives.shownArchives.map((p) => ({ label: path.basename(p), description: p, path: p })),
      { placeHolder: 'Which release archive?' },
    );
    archivePath = picked?.path;
  }
  archivePath ??= archives.shownArchives[0];
  if (archivePath) archives.close(archivePath);
}
