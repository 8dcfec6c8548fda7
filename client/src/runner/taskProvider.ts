// Provides and resolves `tilebox` tasks: a ProcessExecution of the CLI (argument array) with the API
// key in the task's environment, never on its command line.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { LocateResult } from '../cliAdapter/types';
import { taskArgs, type TileboxTaskDefinition } from './taskArgs';

export const TASK_TYPE = 'tilebox';

export class TileboxTaskProvider implements vscode.TaskProvider {
  constructor(
    private readonly services: Services,
    private readonly locate: () => Promise<LocateResult>,
    private readonly apiUrl: () => string | undefined,
  ) {}

  async provideTasks(): Promise<vscode.Task[]> {
    const tasks: vscode.Task[] = [];
    for (const p of this.services.projects.all()) {
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(p.dir));
      if (!folder) continue;
      const project = path.relative(folder.uri.fsPath, p.dir) || '.';
      const def: TileboxTaskDefinition = { type: TASK_TYPE, action: 'publish', project };
      const task = await this.build(def, folder, `publish ${p.label}`, undefined, false);
      if (task) tasks.push(task);
    }
    const runner = await this.build(
      { type: TASK_TYPE, action: 'runner' },
      vscode.TaskScope.Workspace,
      'runner (default cluster)',
      undefined,
      false,
    );
    if (runner) tasks.push(runner);
    return tasks;
  }

  async resolveTask(task: vscode.Task): Promise<vscode.Task | undefined> {
    const def = task.definition as TileboxTaskDefinition;
    return this.build(def, task.scope ?? vscode.TaskScope.Workspace, task.name, task.definition);
  }

  private async build(
    def: TileboxTaskDefinition,
    scope: vscode.WorkspaceFolder | vscode.TaskScope.Global | vscode.TaskScope.Workspace,
    name: string,
    original?: vscode.TaskDefinition,
    // VS Code lists tasks on its own (task detection, Run Task…): only a task the user runs reports a missing CLI.
    report = true,
  ): Promise<vscode.Task | undefined> {
    const args = taskArgs(def, this.apiUrl());
    if (!args.ok) {
      this.services.log.warn(args.message);
      void vscode.window.showErrorMessage(args.message);
      return undefined;
    }
    const located = await this.locate();
    if ('searched' in located) {
      if (!report) return undefined;
      this.services.showFailure({ kind: 'not-found', searched: located.searched }, `Running the tilebox task "${name}"`);
      return undefined;
    }
    const key = await this.services.secrets.get();
    const env: Record<string, string> = key ? { TILEBOX_API_KEY: key } : {};
    const base = typeof scope === 'object' ? scope.uri.fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const cwd = args.projectDir && base ? path.resolve(base, args.projectDir) : base;
    const execution = new vscode.ProcessExecution(located.path, args.args, { env, cwd });
    const task = new vscode.Task(original ?? def, scope, name, TASK_TYPE, execution);
    if (def.action === 'runner') task.isBackground = true;
    return task;
  }
}
