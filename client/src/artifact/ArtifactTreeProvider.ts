// The Artifact view: what the followed tilebox.workflow.toml's release would ship. No config,
// server down, loading and config errors are rows too (model/viewStatus), so the view never goes blank.
import * as vscode from 'vscode';
import { Commands } from '../contributes';
import { MessageNode } from '../views/nodes/MessageNode';
import { NodeTreeProvider } from '../views/nodes/NodeTreeProvider';
import type { TreeNode } from '../views/nodes/TreeNode';
import { FilesGroupNode } from './ArtifactFileNodes';
import { ArtifactSummaryNode } from './ArtifactNode';
import { TasksGroupNode } from './ArtifactTaskNodes';
import type { ArtifactPreviews } from './ArtifactPreviews';
import { artifactRootMessage, type RootMessage } from './model/viewStatus';

const ROOT_ID = 'artifact';

export class ArtifactTreeProvider extends NodeTreeProvider {
  private readonly subscription: vscode.Disposable;
  private view?: vscode.TreeView<TreeNode>;

  constructor(private readonly previews: ArtifactPreviews) {
    super();
    this.subscription = previews.onDidChange((key) => {
      if (key === '' || key === previews.current) this.refreshView();
    });
  }

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    this.refreshView();
  }

  protected topLevel(): TreeNode[] {
    const key = this.previews.current;
    const state = key ? this.previews.state(key) : undefined;
    const message = artifactRootMessage({ server: this.previews.server, configKey: key, configCount: this.previews.configs.length, state });
    const id = key ? `${ROOT_ID}:${key}` : ROOT_ID;
    const shown =
      state?.kind === 'ready'
        ? state.preview
        : (state?.kind === 'failed' && message?.action === 'openConfig') || (state?.kind === 'loading' && message?.kind === 'loading')
          ? state.last
          : undefined;
    const rows: TreeNode[] = message ? [messageNode(message, id, key)] : [];
    if (!shown || !key) return rows.length ? rows : [messageNode({ kind: 'loading', text: 'Computing the artifact…' }, id, key)];
    const label = vscode.workspace.asRelativePath(vscode.Uri.parse(key), true);
    const stale = state?.kind !== 'ready';
    return [...rows, new ArtifactSummaryNode(shown, label, id, stale), new TasksGroupNode(shown, id), new FilesGroupNode(shown, id)];
  }

  private refreshView(): void {
    const key = this.previews.current;
    if (this.view) {
      this.view.description =
        key && this.previews.configs.length > 1 ? vscode.workspace.asRelativePath(vscode.Uri.parse(key), true) : undefined;
    }
    this.rerender();
  }

  override dispose(): void {
    this.subscription.dispose();
    super.dispose();
  }
}

function messageNode(message: RootMessage, id: string, configKey: string | undefined): MessageNode {
  const command =
    message.action === 'showOutput'
      ? { command: Commands.showOutput, title: 'Show Output' }
      : message.action === 'openConfig' && configKey
        ? { command: 'vscode.open', title: 'Open Config', arguments: [vscode.Uri.parse(configKey)] }
        : undefined;
  return new MessageNode(message.kind, message.text, id, message.detail, command);
}
