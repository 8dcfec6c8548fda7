// Every `tilebox.workflow.toml` in the workspace (any number per folder, any number of folders), kept current
// by a file watcher; the project picker remembers the last choice per workspace. Until the first scan is done the
// last session's list stands in: after a window reload the workspace search takes seconds, and the Workflows view and
// the status bar would wait for it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../contributes';
import type { Project, ProjectRegistry } from '../services';
import { activeProject, pickOrder, projectLabel, readProjectInfo } from './projectInfo';
// The activation bundle must stay small: this one constant comes without the rest of the shared layer.
import { CONFIG_FILE_NAME } from '@shared/configFileName';

const CONFIG_GLOB = `**/${CONFIG_FILE_NAME}`;
const EXCLUDE_GLOB = '{**/node_modules/**,**/.venv/**,**/.git/**}';
const LAST_PICKED = 'tilebox.lastProject';
const LAST_SCAN = 'tilebox.projects.lastScan';

export class WorkspaceProjects implements ProjectRegistry, vscode.Disposable {
  private projects: Project[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private scan: Promise<void> | undefined;
  /** A project was picked since the active editor last changed: it is the active one until the editor changes. */
  private preferPicked = false;

  constructor(private readonly state: vscode.Memento) {
    this.projects = rememberedProjects(state.get(LAST_SCAN));
    const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
    const rescan = () => void this.reload();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(rescan),
      watcher.onDidChange(rescan),
      watcher.onDidDelete(rescan),
      vscode.workspace.onDidChangeWorkspaceFolders(rescan),
      vscode.window.onDidChangeActiveTextEditor(() => {
        const before = this.active();
        this.preferPicked = false;
        // Switching between files of the same project changes nothing the views or the status bar show.
        if (this.active() !== before) this.changed.fire();
      }),
    );
  }

  /** Resolves once the first scan is done. */
  ready(): Promise<void> {
    return this.scan ?? this.reload();
  }

  reload(): Promise<void> {
    this.scan = this.readAll().then((projects) => {
      this.projects = projects;
      void this.state.update(LAST_SCAN, projects);
      this.changed.fire();
    });
    return this.scan;
  }

  all(): readonly Project[] {
    return this.projects;
  }

  active(): Project | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    const file = doc?.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
    return activeProject(this.projects, file, this.state.get<string>(LAST_PICKED), this.preferPicked);
  }

  async pick(placeHolder: string): Promise<Project | undefined> {
    await this.ready();
    if (this.projects.length === 0) {
      // Callers treat undefined as "dismissed": say why here, once, with the way out.
      const create = 'Create Workflow Project…';
      void vscode.window.showInformationMessage('No tilebox.workflow.toml in this workspace.', create).then((choice) => {
        if (choice === create) void vscode.commands.executeCommand(Commands.createProject);
      });
      return undefined;
    }
    if (this.projects.length === 1) return this.projects[0];
    const items = pickOrder(this.projects, this.state.get<string>(LAST_PICKED)).map((p) => ({
      label: p.label,
      description: p.slug ?? p.error,
      detail: p.targets.length ? `targets: ${p.targets.map((t) => t.name).join(', ')}` : undefined,
      project: p,
    }));
    const chosen = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
    if (chosen) {
      await this.state.update(LAST_PICKED, chosen.project.dir);
      this.preferPicked = true;
      // The status bar and "only the current project" follow the choice.
      this.changed.fire();
    }
    return chosen?.project;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async readAll(): Promise<Project[]> {
    const uris = await vscode.workspace.findFiles(CONFIG_GLOB, EXCLUDE_GLOB);
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, path: f.uri.fsPath }));
    const projects = await Promise.all(
      uris
        .filter((u) => u.scheme === 'file')
        .map(async (uri) => {
          const dir = path.dirname(uri.fsPath);
          let text = '';
          try {
            text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          } catch (e) {
            return {
              configPath: uri.fsPath,
              dir,
              label: projectLabel(dir, folders),
              targets: [],
              error: `Cannot read: ${(e as Error).message}`,
            };
          }
          return { configPath: uri.fsPath, dir, label: projectLabel(dir, folders), ...readProjectInfo(text) };
        }),
    );
    return projects.sort((a, b) => a.label.localeCompare(b.label));
  }
}

/** The last scan's projects from workspace state; [] when the record is missing or not the shape written. */
function rememberedProjects(saved: unknown): Project[] {
  if (!Array.isArray(saved)) return [];
  const isText = (v: unknown) => typeof v === 'string';
  const isTarget = (t: unknown) => {
    const target = t as { name?: unknown; clusters?: unknown } | null;
    return !!target && isText(target.name) && Array.isArray(target.clusters) && target.clusters.every(isText);
  };
  const valid = saved.every(
    (p) =>
      !!p &&
      isText(p.configPath) &&
      isText(p.dir) &&
      isText(p.label) &&
      Array.isArray(p.targets) &&
      p.targets.every(isTarget) &&
      (p.slug === undefined || isText(p.slug)) &&
      (p.error === undefined || isText(p.error)),
  );
  return valid ? (saved as Project[]) : [];
}
