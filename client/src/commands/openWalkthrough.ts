// Opens the getting-started walkthrough by itself on the first start in a Tilebox workspace: the settings are read
// here, the decision is walkthrough.ts's (pure, unit-tested).
import * as vscode from 'vscode';
import type { Services } from '../services';
import { shouldOpenWalkthrough, WALKTHROUGH_ID, WALKTHROUGH_OPENED } from './walkthrough';

export async function openWalkthroughOnce({ context, projects, log }: Pick<Services, 'context' | 'projects' | 'log'>): Promise<void> {
  const workbench = vscode.workspace.getConfiguration('workbench');
  const openOnInstall = workbench.get<boolean>('welcomePage.walkthroughs.openOnInstall', true);
  const startupEditor = workbench.get<string>('startupEditor', 'welcomePage');
  const openedBefore = context.globalState.get(WALKTHROUGH_OPENED) === true;
  if (!shouldOpenWalkthrough({ openOnInstall, startupEditor, openedBefore, projects: projects.all().length })) return;
  await context.globalState.update(WALKTHROUGH_OPENED, true);
  // In the background when the user is already in an editor, as VS Code opens an installed extension's walkthrough.
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, { inactive: !!vscode.window.activeTextEditor });
  log.info('Opened the getting-started walkthrough (first start in a Tilebox workspace).');
}
