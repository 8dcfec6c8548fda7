// The half of activation that may run the tilebox CLI: only in a trusted workspace. Builds the Services
// (CLI adapter, refresh, projects, API key, status bar, views), keeps the welcome-view context keys current,
// and registers the commands. Loaded lazily by extension.ts, so untrusted windows never evaluate it.
import * as vscode from 'vscode';
import { registerCommands } from '../commands';
import { ContextKeys, Settings, settingName } from '../contributes';
import type { WorkspaceProjects } from '../projects/WorkspaceProjects';
import { ViewRefresher } from '../refresh/ViewRefresher';
import { type CliRunner, SecretApiKeyStore, type Services, type ViewName } from '../services';
import { TileboxStatusBar } from '../status/TileboxStatusBar';
import { locateConfiguredCli } from '../locateConfiguredCli';
import { apiUrl } from '../apiUrl';
import { callTimeoutMs, jobGet } from '../cliAdapter/calls';
import { TileboxCli } from '../cliAdapter/runCli';
import type { CliFailure } from '../cliAdapter/types';
import { JobCache } from '../jobs/jobCache';
import { registerViews } from './registerViews';
import { makeShowFailure } from './showFailure';

const config = () => vscode.workspace.getConfiguration('tilebox');
const GATE_KEY = 'tilebox.views.lastGate';

/** The last session's answer to "is the CLI missing, is the key unknown", or undefined when none was kept. */
function lastGate(saved: unknown): { cliMissing: boolean; noApiKey: boolean } | undefined {
  const g = saved as { cliMissing?: unknown; noApiKey?: unknown } | null | undefined;
  return typeof g?.cliMissing === 'boolean' && typeof g.noApiKey === 'boolean'
    ? { cliMissing: g.cliMissing, noApiKey: g.noApiKey }
    : undefined;
}
const setContext = (key: string, value: boolean) => void vscode.commands.executeCommand('setContext', key, value);

/** `beforeRegister` runs right before the first command is registered (it frees held command ids). */
export async function startTrustedFeatures(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  projects: WorkspaceProjects,
  beforeRegister: () => void = () => undefined,
): Promise<void> {
  const secrets = new SecretApiKeyStore(context.secrets);
  const adapter = new TileboxCli({
    locate: locateConfiguredCli,
    apiKey: () => secrets.get(),
    apiUrl,
    log: (line) => log.info(line),
  });
  const timeoutMs = () => Math.max(5, config().get<number>(settingName(Settings.cliTimeoutSeconds), 60)) * 1000;
  // The timeout setting applies live; calls that need longer (publish, build) get at least their own.
  const cli: CliRunner = {
    run: (call, o) => adapter.run(call, { ...o, timeoutMs: o?.timeoutMs ?? callTimeoutMs(call.timeoutMs, timeoutMs()) }),
  };

  // Welcome views show while the CLI is missing or no key is known; a failed call can reveal either. The last
  // session's answer stands in while the CLI and the key are looked for again (a window reload shows the views at once).
  const remembered = lastGate(context.workspaceState.get(GATE_KEY));
  const gate = remembered ?? { cliMissing: false, noApiKey: false };
  let stored = remembered && JSON.stringify(remembered);
  const publishGate = () => {
    setContext(ContextKeys.cliMissing, gate.cliMissing);
    setContext(ContextKeys.noApiKey, gate.noApiKey);
  };
  const recheck = async () => {
    const before = JSON.stringify(gate);
    gate.cliMissing = 'searched' in (await locateConfiguredCli());
    gate.noApiKey = (await secrets.source()) === 'none';
    publishGate();
    const after = JSON.stringify(gate);
    // Rechecks run on every view shown; the workspace state is written only when the answer it holds is out of date.
    if (after !== stored) {
      stored = after;
      void context.workspaceState.update(GATE_KEY, { ...gate });
    }
    return before !== after;
  };
  const onFailure = (result: CliFailure) => {
    if (result.kind === 'not-found') gate.cliMissing = true;
    else if (result.kind === 'not-authenticated')
      void secrets.source().then((s) => {
        gate.noApiKey = s === 'none';
        publishGate();
      });
    publishGate();
  };

  const pollSeconds = () => Math.max(5, config().get<number>(settingName(Settings.pollIntervalSeconds), 30));
  const refresh = new ViewRefresher(() => pollSeconds() * 1000);
  const localRunners = new Set<string>();
  const jobs = new JobCache((id) => cli.run(jobGet(id)));
  const showFailure = makeShowFailure(log, onFailure);
  if (remembered) publishGate();
  else await recheck();

  beforeRegister();
  const views = registerViews(
    context,
    {
      cli,
      jobs,
      projects,
      log,
      ready: () => !gate.cliMissing && !gate.noApiKey,
      reportFailure: (result: CliFailure, _view: ViewName) => onFailure(result),
      localRunners,
      requestLoad: (view) => refresh.refresh(view),
      recheck: async () => {
        if (await recheck()) views.rerenderAll();
      },
      memento: context.workspaceState,
    },
    refresh,
    showFailure,
  );
  // Tests wait for this line: from here the views answer (the last session's rows, until the CLI has answered).
  log.info('views registered');
  // Views first, then the check: a changed answer re-renders them (welcome or rows).
  const checked = remembered ? recheck().then((changed) => changed && views.rerenderAll()) : undefined;

  const statusBar = new TileboxStatusBar(projects);
  context.subscriptions.push(
    adapter,
    refresh,
    statusBar,
    secrets.onDidChange(async () => {
      await recheck();
      views.rerenderAll();
      refresh.refresh();
    }),
    projects.onDidChange(() => views.rerenderAll()),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(Settings.pollIntervalSeconds)) refresh.intervalChanged();
      if (e.affectsConfiguration(Settings.cliPath) || e.affectsConfiguration(Settings.apiUrl)) {
        await recheck();
        views.rerenderAll();
        refresh.refresh();
      }
    }),
  );

  const services: Services = { context, log, cli, refresh, projects, secrets, statusBar, views, showFailure, localRunners, jobs };
  registerCommands(services);
  await checked;
  await projects.ready(); // the count below is right only after the first scan (a findFiles: milliseconds)
  log.info(
    `CLI ${gate.cliMissing ? 'not found' : 'found'}; API key ${gate.noApiKey ? 'not set' : 'known'}; ${projects.all().length} project(s)`,
  );
}
