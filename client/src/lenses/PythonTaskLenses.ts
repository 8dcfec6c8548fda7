// The Python lenses on the editor: asks the language server for the file's outline (null outside every artifact:
// no lenses) and turns it into lenses with `outlineLenses`. Re-asks when the server says an artifact changed, when
// the cluster list changes, and after edits (debounced); none of that runs the CLI.
import * as vscode from 'vscode';
import type { PythonOutline } from '@shared';
import { Commands, Settings, settingName } from '../contributes';
import type { ProjectRegistry } from '../services';
import type { ClusterData } from './clusterData';
import { outlineLenses, type LensContext } from './taskLenses';

export interface OutlineSource {
  outline(uri: string): Promise<PythonOutline | null>;
  /** Fires with a config's URI when the server re-read its artifact. */
  readonly onDidChangeArtifact: vscode.Event<string>;
}

const EDIT_DEBOUNCE_MS = 400;
export const PYTHON_SELECTOR: vscode.DocumentSelector = { language: 'python', scheme: 'file' };

export class PythonTaskLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  /** The last outline per file: a failed request (server restarting) keeps the lenses that were there. */
  private readonly last = new Map<string, PythonOutline | null>();

  constructor(
    private readonly source: OutlineSource,
    private readonly projects: Pick<ProjectRegistry, 'all' | 'onDidChange'>,
    private readonly clusters: ClusterData,
  ) {
    const soon = () => this.changed.fire();
    this.subscriptions = [
      source.onDidChangeArtifact(soon),
      clusters.onDidChange(soon),
      projects.onDidChange(soon),
      vscode.workspace.onDidGrantWorkspaceTrust(soon),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.pythonLenses)) soon();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId !== 'python' || e.contentChanges.length === 0) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(soon, EDIT_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.last.delete(d.uri.toString())),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.getConfiguration('tilebox').get<boolean>(settingName(Settings.pythonLenses), true)) return [];
    const key = document.uri.toString();
    let outline: PythonOutline | null | undefined;
    try {
      outline = await this.source.outline(key);
      this.last.set(key, outline);
    } catch {
      outline = this.last.get(key);
    }
    if (!outline) return [];
    const specs = outlineLenses(outline, await this.context(outline.configUri));
    return specs.map(
      (s) =>
        new vscode.CodeLens(new vscode.Range(s.line, 0, s.line, 0), {
          title: s.title,
          command: s.command ?? '',
          arguments: s.args,
        }),
    );
  }

  private async context(configUri: string): Promise<LensContext> {
    const configPath = vscode.Uri.parse(configUri).fsPath;
    const trusted = vscode.workspace.isTrusted;
    return {
      project: this.projects.all().find((p) => p.configPath === configPath),
      clusters: trusted ? this.clusters.clusters : undefined,
      trusted,
      debugAvailable: trusted && (await vscode.commands.getCommands(true)).includes(Commands.debugTask),
    };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
