// The `tilebox` debugger in the editor: configuration provider (F5 without launch.json), debugpy's own adapter
// (`python -m debugpy.adapter`), a tracker that sees the runner's READY line and exit, and one session per project
// that Debug Task reuses. Deciding logic lives in resolveLaunch/debugConfiguration; this file wires it up.
import * as vscode from 'vscode';
import { DEBUG_TYPE } from '../contributes';
import { CliFailure, Dismissed, Problem } from '../commands/flow';
import type { Project, Services } from '../services';
import { defaultLaunchConfig, exceptionFilters, type TileboxLaunchConfig } from './debugConfiguration';
import type { RunnerStart, StartOptions } from './debugTaskFlow';
import { parseReady, type ReadyInfo } from './launcherScript';
import { ActionProblem, resolveLaunch, type Resolved, type ResolveDeps } from './resolveLaunch';
import { alreadyRunningMessage, endMessage, reuseOrRestart, type RunningMode } from './runnerSessions';
import { linkOutputFrame, type WorkflowRoots } from './TracebackLinkProvider';

interface Entry {
  project: Project;
  noDebug: boolean;
  stopOnTaskException: boolean;
  session?: vscode.DebugSession;
  /** What Debug Task waits on; `ready` settles with the READY line, the session's end, or the timeout. */
  start: RunnerStart;
  settle: (r: ReadyInfo | Error) => void;
  info?: ReadyInfo;
  python: string;
  output: string;
  exitCode?: number;
  stopRequested: boolean;
  ended: Promise<void>;
  end: () => void;
}

const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 5_000;

function entryFor(project: Project, mode: RunningMode, resolved: Resolved): Entry {
  let settle!: Entry['settle'];
  let end!: () => void;
  const ready = new Promise<ReadyInfo>((res, rej) => {
    const timer = setTimeout(
      () =>
        settle(
          new Problem(
            `The debug runner of ${project.label} did not start polling within ${READY_TIMEOUT_MS / 1000} s: see the Debug Console.`,
          ),
        ),
      READY_TIMEOUT_MS,
    );
    settle = (r) => {
      clearTimeout(timer);
      if (r instanceof Error) rej(r);
      else res(r);
    };
  });
  ready.catch(() => undefined); // nobody may be waiting (F5): the terminate handler reports
  const ended = new Promise<void>((r) => {
    end = r;
  });
  const { runner, cluster, python } = resolved.config as { runner: string; cluster: string; python: string };
  const start = { runner, cluster, clusters: resolved.clusters, ready };
  return { project, ...mode, start, settle, python, output: '', stopRequested: false, ended, end };
}

export class DebugRunners
  implements vscode.DebugConfigurationProvider, vscode.DebugAdapterDescriptorFactory, vscode.DebugAdapterTrackerFactory
{
  private readonly entries = new Map<string, Entry>();
  /** What the next resolve is for (set by ensure, read by the configuration provider). */
  private pending: (StartOptions & { onResolved?: (e: Entry) => void }) | undefined;
  /** Interpreters whose preflight passed; a runner that ends before it polls forgets its interpreter. */
  private readonly verified = new Set<string>();

  constructor(
    private readonly s: Services,
    private readonly deps: () => ResolveDeps,
    private readonly roots: WorkflowRoots,
  ) {}

  register(): vscode.Disposable[] {
    return [
      vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, this),
      vscode.debug.registerDebugConfigurationProvider(
        DEBUG_TYPE,
        { provideDebugConfigurations: () => [defaultLaunchConfig()] },
        vscode.DebugConfigurationProviderTriggerKind.Dynamic,
      ),
      vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, this),
      vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, this),
      vscode.debug.onDidStartDebugSession((session) => {
        const e = this.entryOf(session);
        if (e) e.session = session;
      }),
      vscode.debug.onDidTerminateDebugSession((session) => this.ended(session)),
    ];
  }

  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [defaultLaunchConfig()];
  }

  /** F5 without launch.json arrives as an empty configuration: in a Tilebox project it becomes the default one. */
  resolveDebugConfiguration(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration | undefined {
    if (!config.type && !config.request && !config.name)
      return this.s.projects.all().length ? { ...defaultLaunchConfig(), noDebug: config.noDebug } : undefined;
    return config;
  }

  async resolveDebugConfigurationWithSubstitutedVariables(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    const options = this.pending ?? { noDebug: !!config.noDebug };
    this.pending = undefined;
    try {
      const resolved = await resolveLaunch({ ...this.deps(), verified: this.verified }, config as TileboxLaunchConfig, {
        folder: folder?.uri.fsPath,
        discoveredRunners: options.discoveredRunners,
      });
      const { project } = resolved;
      const running = this.entries.get(project.dir);
      if (running) {
        throw new ActionProblem(alreadyRunningMessage(project.label, running.info?.cluster), {
          title: 'Stop It',
          command: 'workbench.action.debug.stop',
        });
      }
      const stopOnTaskException = !!(options.stopOnTaskException || config.stopOnTaskException);
      const entry = entryFor(project, { noDebug: !!config.noDebug, stopOnTaskException }, resolved);
      this.entries.set(project.dir, entry);
      options.onResolved?.(entry);
      return { ...resolved.config, stopOnTaskException };
    } catch (e) {
      this.report(e);
      return undefined;
    }
  }

  createDebugAdapterDescriptor(session: vscode.DebugSession): vscode.DebugAdapterDescriptor {
    return new vscode.DebugAdapterExecutable(session.configuration.python as string, ['-m', 'debugpy.adapter']);
  }

  createDebugAdapterTracker(session: vscode.DebugSession): vscode.DebugAdapterTracker {
    const entry = this.entryOf(session);
    this.s.log.info(`debug session ${session.name} for ${entry?.project.label ?? 'no project'}`);
    let line = '';
    return {
      onWillReceiveMessage: (m: { command?: string; arguments?: { filters?: string[] } }) => {
        if (!entry) return;
        if (m.command === 'terminate' || m.command === 'disconnect') entry.stopRequested = true;
        // Paused on an exception, debugpy swallows the KeyboardInterrupt a Stop sends, and the runner polls on: a Stop
        // that has not ended the session after the SDK's 2 s grace (plus start-up slack) is repeated, which kills it.
        if (m.command === 'terminate')
          setTimeout(() => {
            if (entry.session && this.entries.get(entry.project.dir) === entry) void vscode.debug.stopDebugging(entry.session);
          }, STOP_GRACE_MS).unref?.();
        // Debug Failed Task: also stop where an exception leaves execute() (debugpy's "userUnhandled").
        if (m.command === 'setExceptionBreakpoints' && m.arguments)
          m.arguments.filters = exceptionFilters(m.arguments.filters ?? [], entry.stopOnTaskException);
      },
      onDidSendMessage: (m: { type?: string; event?: string; body?: { output?: string; category?: string; exitCode?: number } }) => {
        if (!entry || m.type !== 'event') return;
        if (m.event === 'exited') entry.exitCode = m.body?.exitCode;
        // Only what the runner prints (debugpy also sends telemetry as output events).
        if (m.event !== 'output' || !m.body?.output || !['stdout', 'stderr', 'console', undefined].includes(m.body.category)) return;
        linkOutputFrame(m.body, this.roots);
        if (entry.info) return;
        entry.output = (entry.output + m.body.output).slice(-20_000);
        line += m.body.output;
        const info = parseReady(line);
        if (info) {
          this.s.log.info(`debug runner of ${entry.project.label} polls ${info.cluster}`);
          entry.info = info;
          entry.settle(info);
        }
        line = line.slice(line.lastIndexOf('\n') + 1);
      },
    };
  }

  /**
   * The project's runner, started when none runs (or when it runs in the other mode). Returns once the launch is
   * resolved (interpreter checked, cluster chosen), before the runner polls: the caller asks for the task and its
   * input meanwhile, and `ready` resolves when the runner polls.
   */
  async ensure(project: Project, o: StartOptions): Promise<RunnerStart> {
    const running = this.entries.get(project.dir);
    const decision = reuseOrRestart(running, o);
    if (running && decision === 'reuse') return running.start;
    if (running?.session) {
      try {
        await vscode.debug.stopDebugging(running.session);
      } catch (e) {
        throw new Problem(`The debug runner of ${project.label} did not stop (${(e as Error).message}): stop it, then try again.`);
      }
      await running.ended;
    }
    const resolved = new Promise<Entry | undefined>((onResolved) => {
      this.pending = { ...o, onResolved };
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(project.configPath));
      const config = { ...defaultLaunchConfig(), project: project.dir, stopOnTaskException: o.stopOnTaskException };
      Promise.resolve(vscode.debug.startDebugging(folder, config, { noDebug: o.noDebug })).then(
        (started) => this.started(project, started, onResolved),
        () => this.started(project, false, onResolved),
      );
    });
    const entry = await resolved;
    if (!entry) throw new Dismissed(); // the configuration provider (or VS Code) already said why
    return entry.start;
  }

  /** startDebugging answered: a launch that never became a session gives its project back. */
  private started(project: Project, started: boolean, onResolved: (e: Entry | undefined) => void): void {
    this.pending = undefined;
    this.s.log.info(`debug runner of ${project.label}: ${started ? 'started' : 'not started'}`);
    onResolved(undefined); // no-op when the provider resolved it already
    const entry = this.entries.get(project.dir);
    if (started || !entry || entry.session) return;
    this.entries.delete(project.dir);
    entry.settle(new Dismissed());
  }

  private entryOf(session: vscode.DebugSession): Entry | undefined {
    if (session.type !== DEBUG_TYPE) return undefined;
    const dir = (session.configuration as TileboxLaunchConfig).project;
    const entry = dir ? this.entries.get(dir) : undefined;
    return entry && (!entry.session || entry.session.id === session.id) ? entry : undefined;
  }

  private ended(session: vscode.DebugSession): void {
    const entry = this.entryOf(session);
    if (!entry) return;
    this.entries.delete(entry.project.dir);
    entry.end();
    entry.settle(new Dismissed());
    if (!entry.info) this.verified.delete(entry.python);
    const message = endMessage({
      label: entry.project.label,
      stopRequested: entry.stopRequested,
      polled: !!entry.info,
      exitCode: entry.exitCode,
      output: entry.output,
    });
    if (message) this.report(new ActionProblem(message, { title: 'Show Debug Console', command: 'workbench.debug.action.toggleRepl' }));
  }

  private report(e: unknown): void {
    if (e instanceof Dismissed) return;
    if (e instanceof CliFailure) return void (e.result.kind === 'cancelled' || this.s.showFailure(e.result, e.what));
    if (e instanceof ActionProblem) {
      this.s.log.warn(`debug: ${e.message}`);
      const { title, command, args, copy } = e.action;
      void vscode.window.showErrorMessage(e.message, title).then(async (choice) => {
        if (choice !== title) return;
        if (copy) await vscode.env.clipboard.writeText(copy);
        if (command)
          await vscode.commands.executeCommand(
            command,
            ...(args ?? []).map((a) => (typeof a === 'string' && a.startsWith('/') ? vscode.Uri.file(a) : a)),
          );
      });
      return;
    }
    const message = e instanceof Problem ? e.message : `Starting the debug runner failed: ${(e as Error)?.message ?? e}`;
    if (!(e instanceof Problem)) this.s.log.error(`${(e as Error)?.stack ?? e}`);
    void vscode.window.showErrorMessage(message);
  }
}
