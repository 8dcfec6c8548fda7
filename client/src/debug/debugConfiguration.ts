// The `tilebox` launch configuration and what it becomes: a debugpy `launch` of the generated runner script in the
// project's interpreter. Pure; the DebugConfigurationProvider gathers the facts and shows the problems.

/** What a user writes in launch.json (all optional: F5 without launch.json fills them in). */
export interface TileboxLaunchConfig {
  type: 'tilebox';
  request: 'launch';
  name: string;
  /** Folder holding tilebox.workflow.toml (absolute, or relative to the workspace folder). */
  project?: string;
  /** `module:object` of the Runner; default `[workflow].runner`, else the Runner found in the project. */
  runner?: string;
  /** Cluster slug to poll; default the development cluster remembered for this workspace. */
  cluster?: string;
  /** Interpreter; default the Python extension's, the project's .venv, tilebox.python.path, python3. */
  python?: string;
  justMyCode?: boolean;
  noDebug?: boolean;
  /** Also stop when a task's execute() raises (Debug Failed Task sets it). */
  stopOnTaskException?: boolean;
}

export const DEFAULT_NAME = 'Tilebox: Debug Runner';

export function defaultLaunchConfig(): TileboxLaunchConfig {
  return { type: 'tilebox', request: 'launch', name: DEFAULT_NAME };
}

const RUNNER = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*:[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

export type RunnerChoice = { ok: true; runner: string; from: string } | { ok: false; message: string };

/** The Runner to start: the launch configuration's, else `[workflow].runner`, else the one Runner found statically. */
export function chooseRunner(o: { launch?: string; toml?: unknown; discovered?: readonly string[] }): RunnerChoice {
  const check = (runner: string, from: string): RunnerChoice =>
    RUNNER.test(runner)
      ? { ok: true, runner, from }
      : {
          ok: false,
          message: `The runner "${runner}" (${from}) is not '<module>:<object>', e.g. "my_workflow.runner:runner".`,
        };
  if (o.launch?.trim()) return check(o.launch.trim(), 'launch configuration');
  if (typeof o.toml === 'string' && o.toml.trim()) return check(o.toml.trim(), '[workflow].runner');
  const found = [...new Set(o.discovered ?? [])];
  if (found.length === 1) return check(found[0], 'found in the project');
  return {
    ok: false,
    message:
      found.length === 0
        ? 'No Runner to start: set [workflow].runner = "<module>:<object>" in tilebox.workflow.toml, or "runner" in the launch configuration.'
        : `Several Runners were found (${found.join(', ')}): set [workflow].runner in tilebox.workflow.toml, or "runner" in the launch configuration.`,
  };
}

/** Files that would hold the runner's module under the workflow root (a module or a package). */
export function moduleFiles(runner: string): string[] {
  const path = runner.split(':')[0].split('.').join('/');
  return [`${path}.py`, `${path}/__init__.py`];
}

export interface LaunchFacts {
  /** The workflow root (`[workflow].root` resolved): the runner's working directory and import root. */
  root: string;
  runner: string;
  cluster: string;
  python: string;
  launcherPath: string;
  apiKey: string;
  apiUrl?: string;
}

/** The attributes debugpy's adapter reads from the `launch` request (type/name/request stay the user's). */
export function debugpyLaunch(config: TileboxLaunchConfig, f: LaunchFacts): TileboxLaunchConfig & Record<string, unknown> {
  const env: Record<string, string> = { TILEBOX_API_KEY: f.apiKey, PYTHONUNBUFFERED: '1' };
  if (f.apiUrl) env.TILEBOX_API_URL = f.apiUrl;
  return {
    ...config,
    project: config.project,
    runner: f.runner,
    cluster: f.cluster,
    python: f.python,
    program: f.launcherPath,
    args: [f.runner, f.cluster],
    cwd: f.root,
    env,
    // The debug console, not a terminal: runInTerminal would type the environment (the API key) into a shell.
    console: 'internalConsole',
    justMyCode: config.justMyCode ?? true,
    // The SDK is library code, so "uncaught in user code" stops where an exception leaves execute().
    rules: [{ module: 'tilebox', include: false }],
    // The lease renewer runs no task code; following it would add a second, empty session.
    subProcess: false,
    showReturnValue: true,
    // Stop asks the runner to shut down (SIGINT: a running task is given back); a second Stop kills its group. Run
    // Task has no debug server to pass the interrupt on ("Server is not available"): there Stop ends the process.
    ...(config.noDebug ? {} : { onTerminate: 'KeyboardInterrupt' }),
  };
}

/** The exception filters a Debug Failed Task session adds to what the user chose. */
export function exceptionFilters(chosen: readonly string[], stopOnTaskException: boolean | undefined): string[] {
  return stopOnTaskException && !chosen.includes('userUnhandled') ? [...chosen, 'userUnhandled'] : [...chosen];
}
