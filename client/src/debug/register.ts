// Wires issue 14 into the editor: the `tilebox` debugger, traceback links in terminals, and the commands
// Debug Task…, Run Task, Debug Failed Task… and Choose Debug Cluster….
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { Commands, Settings, settingName } from '../contributes';
import type { CommandHandler } from '../commands/register';
import { projectFor } from '../commands/pickers';
import type { JobDeps } from '../commands/submit';
import { outcome } from '../commands/ui';
import type { Services } from '../services';
import { DebugRunners } from './DebugRunners';
import type { ClusterMemory } from './debugClusterFlow';
import { debugClusterFor } from './debugClusterFlow';
import { debugFailedFlow, debugTaskFlow } from './debugTaskFlow';
import { PREFLIGHT_SCRIPT, type PreflightRun } from './preflight';
import { projectInterpreter } from './pythonInterpreter';
import type { ResolveDeps } from './resolveLaunch';
import { tracebackLinkProvider, WorkflowRoots } from './TracebackLinkProvider';
import type { DiscoveredTask } from '@shared';

const MEMORY_KEY = 'tilebox.debugClusters';

function clusterMemory(state: vscode.Memento): ClusterMemory {
  const all = () => state.get<Record<string, string>>(MEMORY_KEY, {});
  return { get: (dir) => all()[dir], set: (dir, slug) => state.update(MEMORY_KEY, { ...all(), [dir]: slug }) };
}

/** Runs the preflight script; a missing interpreter is `not-found`, a hung one is stopped after 20 s. */
function preflight(python: string, cwd: string): Promise<PreflightRun> {
  return new Promise((resolve) => {
    const child = spawn(python, ['-c', PREFLIGHT_SCRIPT], { cwd, timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', (e: NodeJS.ErrnoException) =>
      resolve(e.code === 'ENOENT' || e.code === 'EACCES' ? { kind: 'not-found' } : { kind: 'ran', code: null, stdout, stderr: e.message }),
    );
    child.on('close', (code) => resolve({ kind: 'ran', code, stdout, stderr }));
  });
}

export function registerDebugging(
  s: Services,
  r: (id: string, h: CommandHandler) => void,
  jobDeps: (signal: AbortSignal) => JobDeps,
): void {
  const config = () => vscode.workspace.getConfiguration('tilebox');
  const memory = clusterMemory(s.context.workspaceState);
  const userName = (() => {
    try {
      return os.userInfo().username;
    } catch {
      return undefined;
    }
  })();
  const resolveDeps = (): ResolveDeps => ({
    ...jobDeps(new AbortController().signal),
    projects: s.projects,
    memory,
    userName,
    apiKey: () => s.secrets.get(),
    apiUrl: () => config().get<string>(settingName(Settings.apiUrl))?.trim() || undefined,
    interpreter: projectInterpreter,
    preflight,
    storageDir: s.context.globalStorageUri.fsPath,
    platform: process.platform,
  });
  const roots = new WorkflowRoots(s.projects);
  const runners = new DebugRunners(s, resolveDeps, roots);
  s.context.subscriptions.push(...runners.register(), vscode.window.registerTerminalLinkProvider(tracebackLinkProvider(roots)));

  const deps = (signal: AbortSignal) => ({
    ...jobDeps(signal),
    projects: s.projects,
    ensureRunner: runners.ensure.bind(runners),
  });
  r(Commands.debugTask, (signal, configUri, task) => debugTaskFlow(deps(signal), false, configUri, task as DiscoveredTask | undefined));
  r(Commands.runTask, (signal, configUri, task) => debugTaskFlow(deps(signal), true, configUri, task as DiscoveredTask | undefined));
  r(Commands.debugFailedTask, (signal, arg) => debugFailedFlow(deps(signal), arg));
  r(Commands.chooseDebugCluster, async (signal, arg) => {
    const project = (await projectFor(s.projects, arg, 'Choose the debug cluster of which project?')) ?? s.projects.active();
    if (!project) return undefined;
    const slug = await debugClusterFor({ ...jobDeps(signal), memory, userName }, project, true);
    return outcome(`Debug runners of ${project.label} poll ${slug} from now on.`);
  });
}
