// The facts chooseInterpreter needs, read from the editor: the Microsoft Python extension's selected interpreter
// (through its public API, when it is installed), the project's .venv, and tilebox.python.path.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { Settings, settingName } from '../contributes';
import { chooseInterpreter, venvPython, type Interpreter } from './interpreter';

interface PythonApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { path: string };
    resolveEnvironment(env: { path: string }): Promise<{ executable: { uri?: vscode.Uri } } | undefined>;
  };
}

async function pythonExtensionInterpreter(dir: string): Promise<string | undefined> {
  const ext = vscode.extensions.getExtension<PythonApi>('ms-python.python');
  if (!ext) return undefined;
  try {
    const api = ext.isActive ? ext.exports : await ext.activate();
    const env = api.environments?.getActiveEnvironmentPath(vscode.Uri.file(dir));
    if (!env) return undefined;
    const resolved = await api.environments?.resolveEnvironment(env);
    return resolved?.executable.uri?.fsPath ?? env.path;
  } catch {
    return undefined; // an extension that fails to answer leaves the next source in the order
  }
}

export async function projectInterpreter(dir: string, launchConfig?: string): Promise<Interpreter> {
  const venv = join(dir, '.venv', venvPython(process.platform));
  // Machine-scoped and listed in restrictedConfigurations: a workspace cannot choose the binary.
  const setting = vscode.workspace.isTrusted
    ? vscode.workspace.getConfiguration('tilebox').get<string>(settingName(Settings.pythonPath))
    : undefined;
  return chooseInterpreter({
    launchConfig,
    pythonExtension: await pythonExtensionInterpreter(dir),
    projectVenv: existsSync(venv) ? venv : undefined,
    setting,
  });
}
