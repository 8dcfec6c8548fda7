// tilebox.runner.start / tilebox.runner.startDirect: the CLI in an integrated terminal, started
// from an argument array with the API key in the terminal's environment only.
import { readFile } from 'node:fs/promises';
import { parse as parseToml } from 'smol-toml';
import { askValid, wholeNumber } from '../commands/askValid';
import { answered, CliFailure, Dismissed, Problem, type FlowDeps } from '../commands/flow';
import { clusterFrom } from '../commands/nodeArgs';
import { pickCluster, projectFor } from '../commands/pickers';
import { outcome, type Outcome } from '../commands/ui';
import type { ProjectRegistry } from '../services';
import type { LocateResult } from '../cliAdapter/types';
import { InvalidArgumentError, isSlug, parallelArgs, runnerStartArgs } from '../cliAdapter/validate';
import { splitArgs } from './splitArgs';
import { runnerTerminalName, type RunnerTerminals, type TerminalLike } from './terminals';

export interface RunnerDeps extends FlowDeps {
  terminals: RunnerTerminals<TerminalLike>;
  locate(): Promise<LocateResult>;
  apiKey(): Promise<string | undefined>;
  apiUrl(): string | undefined;
  projects: Pick<ProjectRegistry, 'pick' | 'all' | 'active'>;
}

/** The binary, the key and the `--api-url` prefix every runner terminal needs; failures as CLI failures. */
async function launchBasics(d: RunnerDeps): Promise<{ cli: string; env: Record<string, string>; prefix: string[] }> {
  const located = await d.locate();
  if ('searched' in located) throw new CliFailure({ kind: 'not-found', searched: located.searched }, 'Starting a runner');
  const key = await d.apiKey();
  if (!key) throw new CliFailure({ kind: 'not-authenticated', stderr: '' }, 'Starting a runner');
  const url = d.apiUrl()?.trim();
  return { cli: located.path, env: { TILEBOX_API_KEY: key }, prefix: url ? ['--api-url', url] : [] };
}

/** `tilebox runner start` requires uv on PATH (contract): a release runner that fails without it says so. */
const NEEDS_UV = {
  program: 'uv',
  advice:
    'A release runner runs your tasks with uv: install it (https://docs.astral.sh/uv/), restart VS Code so that it is on its PATH, and start the runner again.',
};

/** A direct command run by name (`uv`, `python`) is looked up on PATH: when it fails without it, the exit line names it. */
function commandProgram(command: string[]): { program: string; advice: string } | undefined {
  const program = command[0];
  if (!program || /[\\/]/.test(program)) return undefined;
  return { program, advice: `Install ${program}, or put its folder on the PATH VS Code was started with, and start the runner again.` };
}

export async function startRunnerFlow(d: RunnerDeps, arg?: unknown): Promise<Outcome | undefined> {
  // A string argument (a next step, a link) is used as given and refused when it is not a slug.
  const preset = typeof arg === 'string' ? arg : clusterFrom(arg);
  const slug = preset ?? (await pickCluster(d, 'Start a runner for which cluster?')).slug;
  if (!isSlug(slug)) throw new Problem(`Cluster ${JSON.stringify(slug)} is not a valid slug; no runner was started.`);
  const name = runnerTerminalName(slug);
  if (d.terminals.has(slug)) {
    d.terminals.open(slug, { name, shellPath: '', shellArgs: [], env: {} });
    return undefined;
  }
  const count = await askValid(d.ui, { title: `Runners for ${slug}`, value: '1', prompt: 'How many runners (-n)' }, wholeNumber(1));
  const stopWhenIdle = answered(
    await d.ui.pick(`When should the runner for ${slug} stop?`, [
      { label: 'Keep running', detail: 'Stop it with Ctrl+C in its terminal', value: false },
      { label: 'Stop when idle', detail: '--stop-when-idling: process the available work, then exit', value: true },
    ]),
  );
  const basics = await launchBasics(d);
  let argv: string[];
  try {
    argv = [...basics.prefix, ...runnerStartArgs({ cluster: slug, count, stopWhenIdle })];
  } catch (e) {
    throw e instanceof InvalidArgumentError ? new Problem(e.message) : e;
  }
  d.terminals.open(slug, { name, shellPath: basics.cli, shellArgs: argv, env: basics.env, what: 'The runner', requires: NEEDS_UV });
  return outcome(`Started ${count === 1 ? 'a runner' : `${count} runners`} for ${slug} in the terminal "${name}".`, [
    { title: 'Submit Job…', command: 'tilebox.job.submit', args: [{ clusterSlug: slug }] },
  ]);
}

/** `[workflow].command` of a project's toml, when it is an array of strings. */
export async function workflowCommand(configPath: string): Promise<string[] | undefined> {
  try {
    const doc = parseToml(await readFile(configPath, 'utf8')) as { workflow?: { command?: unknown } };
    const cmd = doc.workflow?.command;
    return Array.isArray(cmd) && cmd.length > 0 && cmd.every((x) => typeof x === 'string') ? (cmd as string[]) : undefined;
  } catch {
    return undefined;
  }
}

export async function startDirectFlow(d: RunnerDeps, arg?: unknown): Promise<Outcome | undefined> {
  const project = await projectFor(d.projects, arg, 'Start a direct runner for which project?');
  if (!project) throw new Dismissed();
  const key = `direct:${project.dir}`;
  const name = `Tilebox direct runner: ${project.label}`;
  if (d.terminals.has(key)) {
    d.terminals.open(key, { name, shellPath: '', shellArgs: [], env: {} }, false);
    return undefined;
  }
  const fromToml = await workflowCommand(project.configPath);
  const TYPE = Symbol('type');
  const choice = fromToml
    ? answered(
        await d.ui.pick('Command to run', [
          { label: fromToml.join(' '), description: '[workflow].command', value: fromToml as string[] | typeof TYPE },
          { label: '$(edit) Type a command…', value: TYPE },
        ]),
      )
    : TYPE;
  const command =
    choice === TYPE
      ? await askValid(
          d.ui,
          {
            title: 'Direct runner command',
            placeHolder: 'python my_direct_runner.py',
            prompt: 'Quoted like a shell, but run without one: no $VARIABLES, globs or pipes.',
          },
          (v) => {
            const s = splitArgs(v);
            return s.ok ? { ok: true, value: s.args } : s;
          },
        )
      : choice;
  const count = await askValid(d.ui, { title: 'Processes', value: '1', prompt: 'How many copies (-n)' }, wholeNumber(1));
  const basics = await launchBasics(d);
  const argv = [...basics.prefix, ...parallelArgs(count, command)];
  d.terminals.open(
    key,
    {
      name,
      shellPath: basics.cli,
      shellArgs: argv,
      env: basics.env,
      cwd: project.dir,
      what: 'The direct runner',
      requires: commandProgram(command),
    },
    false,
  );
  return outcome(`Started ${command.join(' ')} ×${count} in the terminal "${name}".`);
}
