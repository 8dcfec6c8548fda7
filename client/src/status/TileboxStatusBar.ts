// Two status bar items: the active project (click → its actions) and the last job submitted or retried from
// the editor (click → show it). Hidden when the workspace has no project / no such job.
import * as vscode from 'vscode';
import { Commands } from '../contributes';
import type { ProjectRegistry, StatusBar } from '../services';
import type { Job } from '../cliAdapter/types';
import { statusActions } from './statusActions';
import { projectStatus } from './projectStatus';
import { lastJobStatus, type StatusText } from './statusModel';

export class TileboxStatusBar implements StatusBar, vscode.Disposable {
  private readonly project = vscode.window.createStatusBarItem('tilebox.project', vscode.StatusBarAlignment.Left, 10);
  private readonly job = vscode.window.createStatusBarItem('tilebox.lastJob', vscode.StatusBarAlignment.Left, 9);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly projects: ProjectRegistry) {
    this.project.name = 'Tilebox Project';
    this.project.command = Commands.showStatusActions;
    this.job.name = 'Tilebox Last Job';
    this.disposables = [
      this.project,
      this.job,
      projects.onDidChange(() => this.update()),
      vscode.commands.registerCommand(Commands.showStatusActions, () => this.showActions()),
    ];
    this.update();
    // `npm start` without a real CLI and key runs the stand-in test double and sets TILEBOX_STANDIN=1: say so,
    // so nobody mistakes its releases and jobs for their Tilebox account.
    if (process.env.TILEBOX_STANDIN === '1') {
      const standin = vscode.window.createStatusBarItem('tilebox.standin', vscode.StatusBarAlignment.Left, 8);
      standin.name = 'Tilebox CLI Stand-in';
      standin.text = '$(beaker) Tilebox: stand-in CLI';
      standin.tooltip = 'The `tilebox` on PATH is the test double from test/standin (npm start): nothing reaches Tilebox.';
      standin.show();
      this.disposables.push(standin);
    }
  }

  update(): void {
    show(this.project, projectStatus(this.projects.active(), this.projects.all().length));
  }

  setLastJob(job: Job): void {
    show(this.job, lastJobStatus(job));
    this.job.command = { command: Commands.showJob, title: 'Show Job', arguments: [job.id] };
  }

  private async showActions(): Promise<void> {
    const actions = statusActions(
      {
        publish: Commands.publishRelease,
        deploy: Commands.deployRelease,
        submit: Commands.submitJob,
        runner: Commands.startRunner,
        output: Commands.showOutput,
      },
      this.projects.active(),
      this.projects.all().length,
    );
    const picked = await vscode.window.showQuickPick(actions, { placeHolder: 'Tilebox' });
    if (!picked) return;
    if (!picked.command) {
      // The registry remembers the choice; it becomes the active project when no editor says otherwise.
      await this.projects.pick('Switch to which Tilebox project?');
      this.update();
      return;
    }
    const project = this.projects.active();
    // Project-scoped actions get the active project so the command does not ask again.
    await vscode.commands.executeCommand(
      picked.command,
      ...(project && picked.command !== Commands.showOutput ? [{ projectDir: project.dir }] : []),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function show(item: vscode.StatusBarItem, status: StatusText | undefined): void {
  if (!status) {
    item.hide();
    return;
  }
  item.text = status.text;
  item.tooltip = new vscode.MarkdownString(status.tooltip, true);
  item.backgroundColor = status.background ? new vscode.ThemeColor(status.background) : undefined;
  item.show();
}
