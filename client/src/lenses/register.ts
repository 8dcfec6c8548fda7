// Registers the Python lenses against the language server. They work in untrusted workspaces too (identifier and
// Runners only: the deployed state and the actions need the CLI).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { pythonOutlineRequest } from '@shared';
import type { ProjectRegistry } from '../services';
import { sharedClusterData } from './clusterData';
import { PYTHON_SELECTOR, PythonTaskLenses } from './PythonTaskLenses';

export function registerPythonLenses(
  context: vscode.ExtensionContext,
  client: Promise<LanguageClient>,
  onDidChangeArtifact: vscode.Event<string>,
  projects: Pick<ProjectRegistry, 'all' | 'onDidChange'>,
): void {
  const source = {
    outline: async (uri: string) => (await client).sendRequest(pythonOutlineRequest, { uri }),
    onDidChangeArtifact,
  };
  const lenses = new PythonTaskLenses(source, projects, sharedClusterData);
  context.subscriptions.push(lenses, vscode.languages.registerCodeLensProvider(PYTHON_SELECTOR, lenses));
}
