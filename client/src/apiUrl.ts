// The API URL the user set (`tilebox.apiUrl`), trimmed, or undefined for the CLI's default: one reading for the
// views' CLI adapter and for the commands that start runners and tasks, so a pasted URL with a trailing space
// reaches both the same way.
import * as vscode from 'vscode';
import { Settings, settingName } from './contributes';

export const apiUrl = (): string | undefined =>
  vscode.workspace.getConfiguration('tilebox').get<string>(settingName(Settings.apiUrl))?.trim() || undefined;
