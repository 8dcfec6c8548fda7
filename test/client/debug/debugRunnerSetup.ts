// What the debugpy session test and the debug-runner bench both set up: a copy of the example project with the
// generated launcher, the stand-in on its own state, and debugpy's own adapter (Debian's python3-debugpy) over DAP,
// launched on a Runner with a breakpoint in execute() (tasks.py line 12).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { debugpyLaunch, defaultLaunchConfig } from '../../../client/src/debug/debugConfiguration';
import { LAUNCHER_SCRIPT } from '../../../client/src/debug/launcherScript';
import { DapClient } from './dapClient';

const root = join(import.meta.dirname, '../../..');
export const PYTHON = '/usr/bin/python3';
export const DEV = 'dev-cluster-9xK2mQ4pL8nR7s';

/** A temp copy of the example project (plus `extra` files) with the launcher, and the stand-in CLI on its state. */
export function debugWorkspace(prefix: string, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(root, 'test/fixtures/example-project/scene_qa'), join(dir, 'scene_qa'), { recursive: true });
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, 'tilebox_debug_runner.py'), LAUNCHER_SCRIPT);
  const env = {
    ...process.env,
    PYTHONPATH: join(root, 'test/standin/python'),
    TILEBOX_STANDIN_STATE: join(dir, 'state'),
    TILEBOX_API_KEY: 'k',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  const cli = (...args: string[]) =>
    JSON.parse(execFileSync(join(root, 'test/standin/bin/tilebox'), [...args, '--json'], { env, encoding: 'utf8' }));
  return { dir, env, cli };
}

/** `job submit` of the example's FetchScene (its breakpoint is in execute()), as the stand-in answers it. */
export function submitFetchScene(cli: ReturnType<typeof debugWorkspace>['cli'], name: string): { id: string } {
  return cli(
    'job',
    'submit',
    '--name',
    name,
    '--task',
    'tilebox.com/example/FetchScene',
    '--version',
    'v1.0',
    '--input',
    '"S2A"',
    '--cluster',
    DEV,
  );
}

/** debugpy's adapter (without the API key: only the debuggee gets it), initialized. */
export function startAdapter(env: NodeJS.ProcessEnv) {
  const adapter = spawn(PYTHON, ['-m', 'debugpy.adapter'], { env: { ...env, TILEBOX_API_KEY: '' } });
  const dap = new DapClient(adapter);
  dap.send('initialize', { adapterID: 'tilebox', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
  return { adapter, dap };
}

/** Launches the generated launcher on `runner` with the breakpoint and exception filters, as VS Code would. */
export async function launchOn(dap: DapClient, dir: string, env: NodeJS.ProcessEnv, runner: string, filters: string[] = []) {
  const launch = debugpyLaunch(defaultLaunchConfig(), {
    root: dir,
    runner,
    cluster: DEV,
    python: PYTHON,
    launcherPath: join(dir, 'tilebox_debug_runner.py'),
    apiKey: 'k',
  });
  dap.send('launch', { ...launch, env: { ...(launch.env as object), PYTHONPATH: env.PYTHONPATH } });
  await dap.event('initialized');
  dap.send('setBreakpoints', { source: { path: join(dir, 'scene_qa/tasks.py') }, breakpoints: [{ line: 12 }] });
  if (filters.length) dap.send('setExceptionBreakpoints', { filters });
  dap.send('configurationDone', {});
}
