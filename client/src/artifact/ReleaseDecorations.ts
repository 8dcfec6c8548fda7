// File decorations: a "T" badge on files that go into a release artifact (explorer, editors,
// the Artifact view), switchable with `tilebox.explorer.decorations`; and the grey of excluded
// candidates in the Artifact view (always on: it is how that view shows "stays out").
import * as vscode from 'vscode';
import { Settings, settingName } from '../contributes';
import type { ArtifactPreviews } from './ArtifactPreviews';
import { EXCLUDED_QUERY } from './ArtifactNode';

export const RELEASE_BADGE = 'T';

export class ReleaseDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly disposables: vscode.Disposable[];
  private enabled = readEnabled();

  constructor(private readonly previews: ArtifactPreviews) {
    this.disposables = [
      previews.onDidChangeMembership((paths) => {
        if (this.enabled) this.changed.fire(paths.map((p) => vscode.Uri.file(p)));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(Settings.explorerDecorations)) return;
        this.enabled = readEnabled();
        this.changed.fire(undefined);
      }),
    ];
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'file') return undefined;
    if (uri.query === EXCLUDED_QUERY) {
      return { color: new vscode.ThemeColor('disabledForeground'), tooltip: 'Not in the release artifact' };
    }
    if (!this.enabled || uri.query) return undefined;
    const tooltip = this.previews.membership.tooltipFor(uri.fsPath);
    return tooltip ? { badge: RELEASE_BADGE, tooltip, propagate: false } : undefined;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
  }
}

function readEnabled(): boolean {
  return vscode.workspace.getConfiguration('tilebox').get<boolean>(settingName(Settings.explorerDecorations), true);
}
