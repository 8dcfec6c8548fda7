// Services for registerCommands tests (with the fake vscode module loaded): the real adapter against the
// stand-in, recording fakes for everything else.
import type { Services } from '../../../client/src/services';
import type { CliResult, Job } from '../../../client/src/cliAdapter/types';
import { harness } from '../cliAdapter/helpers';
import { JobCache } from '../../../client/src/jobs/jobCache';
import { jobGet } from '../../../client/src/cliAdapter/calls';
import { exampleProject, KEY } from './support';
import { URI } from 'vscode-uri';
import { WALKTHROUGH_OPENED } from '../../../client/src/commands/walkthrough';

/** `firstStart`: a machine that has not seen the walkthrough yet, so registering the commands opens it (by default it
 *  has, so a test's command log holds only what the test ran). */
export function fakeServices(options: { apiKeySource?: 'stored' | 'environment' | 'none'; firstStart?: boolean } = {}) {
  const h = harness();
  const project = exampleProject();
  const failures: { kind: string; what: string }[] = [];
  const logShown: number[] = [];
  const lastJobs: Job[] = [];
  const refreshed: string[] = [];
  const s = {
    context: {
      subscriptions: [] as { dispose(): void }[],
      workspaceState: memento(),
      globalState: memento(options.firstStart ? {} : { [WALKTHROUGH_OPENED]: true }),
      globalStorageUri: { fsPath: '/tmp/tilebox-fake-global-storage' },
      // A real URI, as VS Code gives: the job panel joins paths onto it.
      extensionUri: URI.file('/ext'),
    },
    log: { debug() {}, info() {}, warn() {}, error() {}, show: () => void logShown.push(1) },
    cli: h.cli,
    refresh: { refresh: (v?: string) => void refreshed.push(v ?? 'all'), pollAfterAction() {} },
    projects: { all: () => [project], active: () => project, pick: async () => project, onDidChange: () => ({ dispose() {} }) },
    secrets: {
      get: async () => KEY,
      set: async () => {},
      clear: async () => {},
      source: async () => options.apiKeySource ?? 'stored',
      onDidChange: () => ({ dispose() {} }),
    },
    statusBar: { setLastJob: (j: Job) => void lastJobs.push(j) },
    views: { revealJob: async () => {} },
    showFailure: (r: CliResult<unknown>, what: string) => void failures.push({ kind: r.kind, what }),
    localRunners: new Set<string>(),
    jobs: new JobCache((id) => h.cli.run(jobGet(id))),
  };
  return {
    s: s as unknown as Services,
    h,
    failures,
    logShown,
    project,
    lastJobs,
    refreshed,
    dispose: () => {
      for (const d of s.context.subscriptions) d.dispose();
    },
  };
}

/** Waits (bounded) until `done()` holds: for effects of commands that run detached (notifications, watchers). */
export async function until(done: () => boolean, what: string, maxMs = 15000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > maxMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** An in-memory `workspaceState` (remembered inputs and submissions). */
function memento(initial: Record<string, unknown> = {}) {
  const m = new Map<string, unknown>(Object.entries(initial));
  return {
    get: (k: string, d?: unknown) => (m.has(k) ? m.get(k) : d),
    update: async (k: string, v: unknown) => void m.set(k, v),
    keys: () => [...m.keys()],
  };
}
