// Shared wiring for command-flow tests: the real TileboxCli against the stand-in, a scripted Ui,
// and recording fakes for the services a flow touches.
import { join } from 'node:path';
import type { Project } from '../../../client/src/services';
import { RunnerTerminals, type RunnerTerminalOptions } from '../../../client/src/runner/terminals';
import { exampleCopy, harness, KEY, type Harness } from '../cliAdapter/helpers';
import { FakeUi, type Answer } from './fakeUi';

export const DEV = 'dev-cluster-9xK2mQ4pL8nR7s';
/** What both runner entry points (the command and the task provider) run for two runners that stop when idle. */
export const TWO_IDLE_RUNNERS_ARGS = [
  '--api-url',
  'https://api.tilebox.dev',
  'runner',
  'start',
  '--cluster',
  DEV,
  '-n',
  '2',
  '--stop-when-idling',
];
export { KEY };

export function exampleProject(dir = exampleCopy()): Project {
  return {
    configPath: join(dir, 'tilebox.workflow.toml'),
    dir,
    label: 'example-project',
    slug: 'scene-qa-F8yVcPRfw2AkoZ',
    targets: [
      { name: 'dev', clusters: [DEV] },
      { name: 'production', clusters: ['prod-eu-CvufcSxcC9SKfe', 'prod-us-Drv6L7Li4t7Yvk'] },
    ],
  };
}

export interface FakeTerminal extends RunnerTerminalOptions {
  shown: number;
  show(): void;
}

export function world(project: Project = exampleProject()) {
  const h: Harness = harness();
  const polled: string[] = [];
  const revealed: string[] = [];
  const watched: string[] = [];
  const localRunners = new Set<string>();
  const created: FakeTerminal[] = [];
  let onClose: ((t: FakeTerminal) => void) | undefined;
  const terminals = new RunnerTerminals<FakeTerminal>(
    {
      createTerminal(o) {
        const t: FakeTerminal = {
          ...o,
          shown: 0,
          show() {
            t.shown++;
          },
        };
        created.push(t);
        return t;
      },
      onDidCloseTerminal(l) {
        onClose = l;
        return { dispose() {} };
      },
    },
    localRunners,
  );
  const projects = {
    all: () => [project],
    active: () => project,
    pick: async () => project,
  };
  const deps = (ui: FakeUi) => ({
    cli: h.cli,
    ui,
    projects,
    refresh: { pollAfterAction: (v: string) => void polled.push(v), refresh: () => {} },
    views: { revealJob: async (id: string) => void revealed.push(id) },
    localRunners,
    watch: (id: string) => void watched.push(id),
    terminals,
    locate: async () => ({ path: '/opt/tilebox/bin/tilebox' }),
    apiKey: async () => KEY,
    apiUrl: () => undefined,
  });
  return {
    h,
    project,
    polled,
    revealed,
    watched,
    localRunners,
    created,
    terminals,
    deps,
    closeTerminal: (t: FakeTerminal) => onClose?.(t),
    ui: (...script: Answer[]) => new FakeUi(script),
    /** Every `argv` the stand-in received, joined, for "was the CLI called" assertions. */
    commandsRun: () => h.calls().map((c) => c.argv.join(' ')),
  };
}
