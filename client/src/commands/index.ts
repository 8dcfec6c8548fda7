// registerCommands: every Tilebox command, wired once through the CommandRegistrar (logging,
// failure messages, next steps), plus the job panels, runner terminals, the job watcher and
// the `tilebox` task provider they share.
import * as vscode from 'vscode';
import { Commands, ContextKeys, Settings, settingName } from '../contributes';
import { JobPanels } from '../jobs/JobPanels';
import { abortableSleep, jobEndedNotice, JobWatcher } from '../jobs/jobWatcher';
import { registerDebugging } from '../debug/register';
import { startDirectFlow, startRunnerFlow } from '../runner/startRunner';
import { TASK_TYPE, TileboxTaskProvider } from '../runner/taskProvider';
import { ptyTerminalHost } from '../runner/ptyTerminalHost';
import { RunnerTerminals, type TerminalLike } from '../runner/terminals';
import type { Services } from '../services';
import { jobGet, workflowGet } from '../cliAdapter/calls';
import { locateConfiguredCli } from '../locateConfiguredCli';
import { apiUrl } from '../apiUrl';
import { clearApiKeyFlow, setApiKeyFlow } from './account';
import { deployFlow, undeployFlow } from './deploy';
import { cancelFlow, copyJobIdFlow, retryFlow } from './jobActions';
import { jobIdFrom, taskIdFrom } from './nodeArgs';
import { pickJob, pickProject, projectFor } from './pickers';
import { installCliFlow } from './installCli';
import { createProjectFlow } from './project';
import { buildFlow, publishFlow } from './publish';
import { CommandRegistrar } from './register';
import { copyReleaseIdFlow } from './releaseId';
import { submitAgainFlow, submitFlow } from './submit';
import { loadedTasks } from '../artifact/loadedTasks';
import { InputDocuments } from '../tasks/InputDocuments';
import { SubmissionMemory } from '../tasks/submissions';
import { vscodeUi } from './vscodeUi';
import { stepDoneBy, stepsAlreadyDone } from './walkthrough';
import { openWalkthroughOnce } from './openWalkthrough';

const config = () => vscode.workspace.getConfiguration('tilebox');

export interface CommandOptions {
  /** The wait between job polls (tests pass a fake clock). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Log lines per page in job panels (tests use small pages to exercise "load more"). */
  logPageSize?: number;
}

const setContext = (key: string) => void vscode.commands.executeCommand('setContext', key, true);

export function registerCommands(services: Services, options: CommandOptions = {}): void {
  const ui = vscodeUi;
  const { cli, projects, refresh, views, localRunners, secrets, jobs } = services;
  const registrar = new CommandRegistrar(services, ui, (id) => {
    const step = stepDoneBy[id];
    if (step) setContext(step);
  });
  let firstCheck = true;
  const markDoneSteps = async () => {
    try {
      await projects.ready?.();
      if (firstCheck) {
        firstCheck = false;
        // A walkthrough that fails to open must not keep the steps below from ticking.
        await openWalkthroughOnce(services).catch((e: unknown) => services.log.warn(`opening the walkthrough: ${String(e)}`));
      }
      const apiKey = await secrets.source();
      const slugs = [...new Set(projects.all().flatMap((p) => (p.slug ? [p.slug] : [])))];
      // Releases and deployments already made (on the command line, another machine) tick their steps too.
      const found = apiKey === 'none' ? [] : await Promise.all(slugs.map((slug) => cli.run(workflowGet(slug))));
      const releases =
        found.every((r) => r.kind === 'ok') && found.length ? found.flatMap((r) => (r.kind === 'ok' ? r.value.releases : [])) : undefined;
      // After opening: VS Code ticks an onContext step when its key changes while the walkthrough is there to see it.
      stepsAlreadyDone({ apiKey, projectsWithSlug: slugs.length, releases }).forEach(setContext);
    } catch (e) {
      services.log.warn(`walkthrough state: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  void markDoneSteps();
  const submissions = new SubmissionMemory(services.context.workspaceState);
  const inputDocuments = new InputDocuments();
  const panels = new JobPanels(services.context.extensionUri, cli, jobs, {
    sleep: options.sleep,
    pageSize: options.logPageSize,
    localRunners,
    inputOf: (id) => submissions.inputOf(id),
    sourceRoots: () => [...projects.all().map((p) => p.dir), ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath)],
  });
  const canSubmitAgain = () =>
    void vscode.commands.executeCommand('setContext', ContextKeys.canSubmitAgain, !!submissions.lastSubmission());
  canSubmitAgain();
  const terminals = new RunnerTerminals<TerminalLike>(ptyTerminalHost(), localRunners, () => {
    refresh.refresh('clusters');
    panels.renderAll();
  });
  const canceledHere = new Set<string>();
  // The status bar shows the job last submitted or retried here, from the one job cache: a panel or a retry that
  // reads the job updates it at once.
  let lastJobId: string | undefined;
  const watcher = new JobWatcher({
    getJob: (id, signal) => cli.run(jobGet(id), { signal }),
    sleep: options.sleep ?? abortableSleep,
    onUpdate: (job) => {
      lastJobId = job.id;
      jobs.put(job);
    },
    onEnd: (job) => {
      refresh.refresh('jobs');
      // A cancel done here already said "Canceled job …"; the watcher's end needs no second notification.
      if (job.state === 'canceled' && canceledHere.has(job.id)) return;
      if (config().get<boolean>(settingName(Settings.notifyOnCompletion), true)) registrar.show(jobEndedNotice(job));
    },
  });
  services.context.subscriptions.push(
    registrar,
    panels,
    inputDocuments,
    jobs.onDidChange((job) => {
      if (job.id === lastJobId) services.statusBar.setLastJob(job);
    }),
    terminals,
    { dispose: () => watcher.dispose() },
    vscode.tasks.registerTaskProvider(TASK_TYPE, new TileboxTaskProvider(services, locateConfiguredCli, apiUrl)),
    secrets.onDidChange(() => void markDoneSteps()),
    projects.onDidChange(() => void markDoneSteps()),
  );

  const base = (signal: AbortSignal) => ({ cli, ui, signal });
  const jobDeps = (signal: AbortSignal) => ({
    ...base(signal),
    refresh,
    views,
    projects,
    localRunners,
    jobs,
    watch: (id: string) => {
      canceledHere.delete(id);
      void watcher.watch(id);
    },
    canceledHere: (id: string) => void canceledHere.add(id),
    submissions,
    editDocument: inputDocuments.edit.bind(inputDocuments),
    projectTasks: (p: { configPath: string }) => loadedTasks.tasksOf(p.configPath),
  });
  const releaseDeps = (signal: AbortSignal) => ({
    ...base(signal),
    projects,
    refresh,
    artifactSize: (p: { configPath: string }) => loadedTasks.sizeOf(p.configPath),
  });
  const runnerDeps = (signal: AbortSignal) => ({
    ...base(signal),
    terminals,
    locate: locateConfiguredCli,
    apiKey: () => secrets.get(),
    apiUrl,
    projects,
  });
  // A view-title button gets the focused row, which may be a workflow that is not in the workspace: ask then.
  const projectOf = async (arg: unknown, placeHolder: string) =>
    (await projectFor(projects, arg, placeHolder)) ?? pickProject(projects, placeHolder);
  const jobId = async (signal: AbortSignal, arg: unknown) => jobIdFrom(arg) ?? (await pickJob(base(signal), 'Show which job?')).id;

  const r = (id: string, h: Parameters<CommandRegistrar['register']>[1]) => registrar.register(id, h);
  r(Commands.setApiKey, (s) => setApiKeyFlow({ ...base(s), secrets }));
  r(Commands.clearApiKey, (s) => clearApiKeyFlow({ ...base(s), secrets }));
  const setCliPath = (p: string) => Promise.resolve(config().update(settingName(Settings.cliPath), p, vscode.ConfigurationTarget.Global));
  // "Set CLI Path" (welcome views, the CLI-not-found message) also offers the installer and its instructions.
  const cliPath = () => config().get<string>(settingName(Settings.cliPath));
  r(Commands.setCliPath, (s) => installCliFlow({ ...base(s), setCliPath, cliPath, terminals, platform: process.platform }));
  r(Commands.createProject, (s, arg) =>
    createProjectFlow(
      { ...base(s), openFile: async (f) => void (await vscode.window.showTextDocument(vscode.Uri.file(f))) },
      arg instanceof vscode.Uri ? arg.fsPath : undefined,
    ),
  );
  r(Commands.buildRelease, async (s, arg) =>
    buildFlow(releaseDeps(s), await projectOf(editorArg(arg), 'Build a release of which project?')),
  );
  r(Commands.publishRelease, async (s, arg) =>
    publishFlow(releaseDeps(s), await projectOf(editorArg(arg), 'Publish a release of which project?')),
  );
  r(Commands.deployRelease, (s, arg) => deployFlow(releaseDeps(s), editorArg(arg)));
  r(Commands.undeployRelease, (s, arg) => undeployFlow(releaseDeps(s), arg));
  r(Commands.copyReleaseId, (s, arg) => copyReleaseIdFlow({ ...base(s), projects }, arg));
  r(Commands.submitJob, (s, arg) => submitFlow(jobDeps(s), arg).finally(canSubmitAgain));
  r(Commands.submitJobAgain, (s) => submitAgainFlow(jobDeps(s)));
  r(Commands.showJob, async (s, arg) => panels.show(await jobId(s, arg), { taskId: taskIdFrom(arg) }));
  r(Commands.showJobLogs, async (s, arg) => panels.show(await jobId(s, arg), { logs: true, taskId: taskIdFrom(arg) }));
  r(Commands.loadMoreLogs, async () => void (await panels.loadMore()));
  r(Commands.retryJob, (s, arg) => retryFlow(jobDeps(s), arg));
  r(Commands.cancelJob, (s, arg) => cancelFlow(jobDeps(s), arg));
  r(Commands.copyJobId, (s, arg) => copyJobIdFlow(jobDeps(s), arg));
  r(Commands.startRunner, (s, arg) => startRunnerFlow(runnerDeps(s), arg));
  r(Commands.startDirectRunner, (s, arg) => startDirectFlow(runnerDeps(s), editorArg(arg)));
  registerDebugging(services, r, jobDeps);
}

/** Editor-title buttons pass the toml's Uri: turn it into the project folder a flow understands. */
function editorArg(arg: unknown): unknown {
  if (arg instanceof vscode.Uri && arg.path.endsWith('/tilebox.workflow.toml'))
    return { projectDir: vscode.Uri.joinPath(arg, '..').fsPath };
  return arg;
}
