// The base of the Artifact view's nodes: items come from the pure models; this adds the resource URI (file icons,
// the release badge, greying of excluded candidates through ReleaseDecorations) and the open command. Also the
// summary row, which is nothing more.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArtifactPreview } from '@shared';
import { TreeNode } from '../views/nodes/TreeNode';
import { summaryItem, type ArtifactItem } from './model/artifactItems';

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
