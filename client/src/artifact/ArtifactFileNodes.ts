// Artifact view: the Files group, its folders and files (excluded candidates greyed), each file opening itself.
import type { ArtifactPreview } from '@shared';
import type { TreeNode } from '../views/nodes/TreeNode';
import { MessageNode } from '../views/nodes/MessageNode';
import { ArtifactNode } from './ArtifactNode';
import { fileItem, filesGroupItem, folderItem, type ArtifactItem } from './model/artifactItems';
import { buildFolderTree, type FileEntry, type FolderNode } from './model/folderTree';

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
