// Where the `tilebox` CLI is, by the user's setting, then PATH, then ~/.local/bin: one lookup for the views'
// CLI adapter and for the commands that start runners and tasks, so both find the same binary.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { locateCli } from './cliAdapter/locate';
import { Settings, settingName } from './contributes';

export const locateConfiguredCli = async () =>
  locateCli({
    configuredPath: vscode.workspace.getConfiguration('tilebox').get<string>(settingName(Settings.cliPath)),
    pathEnv: process.env.PATH,
    home: os.homedir(),
    platform: process.platform,
  });
