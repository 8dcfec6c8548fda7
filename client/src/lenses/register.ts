// Registers the Python lenses against the language server, and tells the server what is deployed whenever the views'
// cluster list changes. The lenses work in untrusted workspaces too (identifier and Runners only: the deployed state
// and the actions need the CLI).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { deployedReleasesNotification, pythonOutlineRequest } from '@shared';
import type { ProjectRegistry } from '../services';
import { sharedClusterData } from './clusterData';
import { deployedReleases } from './deployedReleases';
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
  // The server's retry check on task identifiers reads what is deployed; it gets it whenever the views reload it.
  const sendDeployed = () => {
    const clusters = sharedClusterData.loaded;
    if (!clusters) return;
    client.then((c) => c.sendNotification(deployedReleasesNotification, { releases: deployedReleases(clusters) })).catch(() => undefined);
  };
  context.subscriptions.push(sharedClusterData.onDidChange(sendDeployed));
  sendDeployed();
}
