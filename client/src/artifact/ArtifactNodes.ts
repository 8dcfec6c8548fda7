// Artifact view nodes: summary, Tasks → task, Files → folder → file. Items come from the pure
// models; these classes add the resource URIs (file icons, the release badge, greying of
// excluded candidates through ReleaseDecorations) and the open commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArtifactPreview } from '@shared';
import { TreeNode } from '../views/nodes/TreeNode';
import { MessageNode } from '../views/nodes/MessageNode';
import { fileItem, filesGroupItem, folderItem, summaryItem, type ArtifactItem } from './model/artifactItems';
import { taskItem, tasksGroupItem } from './model/taskItems';
import type { FileEntry, FolderNode } from './model/folderTree';
import { buildFolderTree } from './model/folderTree';

/** Query marking an excluded candidate's URI, so the decoration provider greys it. */
export const EXCLUDED_QUERY = 'tilebox-excluded';

export abstract class ArtifactNode extends TreeNode {
  abstract override readonly model: ArtifactItem;

  constructor(protected readonly root: string) {
    super();
  }

  override treeItem(): vscode.TreeItem {
    const item = super.treeItem();
    const rel = this.model.resourcePath;
    if (rel === undefined) return item;
    const uri = vscode.Uri.file(path.join(this.root, ...rel.split('/')));
    // Task rows open their file but are not files: no resource URI, so no release badge on them.
    const isTask = this.model.line !== undefined;
    if (!isTask) item.resourceUri = this.model.excluded ? uri.with({ query: EXCLUDED_QUERY }) : uri;
    if (!this.model.icon) item.iconPath = this.isFolder() ? vscode.ThemeIcon.Folder : vscode.ThemeIcon.File;
    if (!this.isFolder()) {
      const line = Math.max(0, (this.model.line ?? 1) - 1);
      item.command = {
        command: 'vscode.open',
        title: 'Open',
        arguments: [uri, { selection: new vscode.Range(line, 0, line, 0), preview: true }],
      };
    }
    return item;
  }

  protected isFolder(): boolean {
    return false;
  }
}

export class ArtifactSummaryNode extends ArtifactNode {
  readonly model: ArtifactItem;
  constructor(preview: ArtifactPreview, configLabel: string, parentId: string, stale = false) {
    super(preview.root);
    this.model = summaryItem(preview, configLabel, parentId, stale);
  }
}

export class TasksGroupNode extends ArtifactNode {
  readonly model: ArtifactItem;
  constructor(
    private readonly preview: ArtifactPreview,
    parentId: string,
  ) {
    super(preview.root);
    this.model = tasksGroupItem(preview.tasks, preview.runners, parentId);
  }

  override children(): TreeNode[] {
    if (this.preview.tasks.length === 0) {
      return [
        new MessageNode(
          'empty',
          'No Task subclasses found in the selected .py files',
          this.model.id,
          'Static discovery reads `class X(Task)` in the files the artifact ships. If your tasks live elsewhere, include them in `[build].include`.',
        ),
      ];
    }
    return this.adopt(this.preview.tasks.map((t) => new TaskNode(this.preview, t, this.model.id)));
  }
}

export class TaskNode extends ArtifactNode {
  readonly model: ArtifactItem;
  constructor(preview: ArtifactPreview, task: ArtifactPreview['tasks'][number], parentId: string) {
    super(preview.root);
    this.model = taskItem(task, preview.runners, parentId);
  }
}

export class FilesGroupNode extends ArtifactNode {
  readonly model: ArtifactItem;
  private readonly tree: FolderNode;
  constructor(preview: ArtifactPreview, parentId: string) {
    super(preview.root);
    this.tree = buildFolderTree(preview);
    this.model = filesGroupItem(this.tree, parentId);
  }

  override children(): TreeNode[] {
    if (this.tree.fileCount === 0 && this.tree.excludedCount === 0) {
      return [new MessageNode('empty', 'No file matches [build].include', this.model.id)];
    }
    return this.adopt(folderChildren(this.root, this.tree, this.tree.fileCount, this.model.id));
  }
}

export class ArtifactFolderNode extends ArtifactNode {
  readonly model: ArtifactItem;
  constructor(
    root: string,
    private readonly folder: FolderNode,
    private readonly totalFiles: number,
    private readonly parentId: string,
  ) {
    super(root);
    this.model = folderItem(folder, totalFiles, parentId);
  }

  override children(): TreeNode[] {
    return this.adopt(folderChildren(this.root, this.folder, this.totalFiles, this.parentId));
  }

  protected override isFolder(): boolean {
    return true;
  }
}

export class ArtifactFileNode extends ArtifactNode {
  readonly model: ArtifactItem;
  constructor(
    root: string,
    private readonly file: FileEntry,
    parentId: string,
  ) {
    super(root);
    this.model = fileItem(file, parentId);
  }

  protected override isFolder(): boolean {
    return !!this.file.prunedFolder;
  }
}

function folderChildren(root: string, folder: FolderNode, totalFiles: number, parentId: string): ArtifactNode[] {
  return [
    ...folder.folders.map((f) => new ArtifactFolderNode(root, f, totalFiles, parentId)),
    ...folder.files.map((f) => new ArtifactFileNode(root, f, parentId)),
  ];
}
