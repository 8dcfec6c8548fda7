// What F5 / Debug Task do before debugpy starts, in order: project, Runner, its module on disk, interpreter and its
// packages, API key, cluster, launcher file. Each failure is one Problem with one action (or a CliFailure, which
// the caller shows like any CLI failure). No `vscode` import: the edge passes the editor's facts in.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { Cluster } from '../cliAdapter/types';
import { CliFailure, Problem } from '../commands/flow';
import type { Project, ProjectRegistry } from '../services';
import { listClusters } from '../commands/pickers';
import { chooseRunner, debugpyLaunch, moduleFiles, type TileboxLaunchConfig } from './debugConfiguration';
import { debugClusterFor, type DebugClusterDeps } from './debugClusterFlow';
import type { Interpreter } from './interpreter';
import { LAUNCHER_FILE, LAUNCHER_SCRIPT } from './launcherScript';
import { preflightResult, type PreflightRun } from './preflight';

/** A problem whose message has one button: a command to run, or text to copy. */
export class ActionProblem extends Problem {
  constructor(
    message: string,
    readonly action: { title: string; command?: string; args?: unknown[]; copy?: string },
  ) {
    super(message);
  }
}

export interface ResolveDeps extends DebugClusterDeps {
  projects: Pick<ProjectRegistry, 'all' | 'active' | 'pick'>;
  apiKey(): Promise<string | undefined>;
  apiUrl(): string | undefined;
  interpreter(dir: string, fromLaunch?: string): Promise<Interpreter>;
  preflight(python: string, cwd: string): Promise<PreflightRun>;
  storageDir: string;
  platform: NodeJS.Platform;
  /** Interpreters whose preflight passed in this window: a restart skips the check (a failed start forgets one). */
  verified?: Set<string>;
}

const openToml = (p: Project) => ({
  title: 'Open tilebox.workflow.toml',
  command: 'vscode.open',
  args: [p.configPath],
});

async function projectFor(d: ResolveDeps, config: TileboxLaunchConfig, folder?: string): Promise<Project> {
  if (config.project) {
    const dir = isAbsolute(config.project) || !folder ? resolve(config.project) : resolve(folder, config.project);
    const found = d.projects.all().find((p) => p.dir === dir);
    if (!found)
      throw new Problem(
        `"project": "${config.project}" in the launch configuration is not a folder with a tilebox.workflow.toml in this workspace.`,
      );
    return found;
  }
  const project = d.projects.active() ?? (await d.projects.pick('Start the debug runner of which project?'));
  if (!project)
    throw new Problem('No tilebox.workflow.toml in this workspace: create a project with "Tilebox: Create Project", then debug it.');
  return project;
}

export interface Resolved {
  project: Project;
  config: TileboxLaunchConfig & Record<string, unknown>;
  /** The clusters as listed while resolving (the competing-runner warning reads their deployments). */
  clusters: Cluster[];
}

export async function resolveLaunch(
  d: ResolveDeps,
  config: TileboxLaunchConfig,
  o: { folder?: string; discoveredRunners?: string[] } = {},
): Promise<Resolved> {
  const project = await projectFor(d, config, o.folder);
  let workflow: { runner?: unknown; root?: unknown } = {};
  try {
    workflow = (parseToml(await readFile(project.configPath, 'utf8')) as { workflow?: typeof workflow }).workflow ?? {};
  } catch {
    throw new ActionProblem(
      `${project.label}/tilebox.workflow.toml does not parse: fix the problems shown in it, then debug again.`,
      openToml(project),
    );
  }
  const runner = chooseRunner({ launch: config.runner, toml: workflow.runner, discovered: o.discoveredRunners });
  if (!runner.ok) throw new ActionProblem(runner.message, openToml(project));
  const root = resolve(project.dir, typeof workflow.root === 'string' ? workflow.root : '.');
  const files = moduleFiles(runner.runner);
  if (!files.some((f) => existsSync(join(root, f)))) {
    throw new ActionProblem(
      `The runner ${runner.runner} (${runner.from}) points nowhere: neither ${files.join(' nor ')} exists under ${root}.`,
      openToml(project),
    );
  }
  // The cluster list (a CLI call) runs while the interpreter is checked; its failure is reported after the
  // interpreter's, in the order the checks are listed above.
  const listing = listClusters(d);
  listing.catch(() => undefined);
  const python = await d.interpreter(project.dir, config.python);
  const checked = d.verified?.has(python.path)
    ? { ok: true as const }
    : preflightResult(await d.preflight(python.path, root), {
        python: python.path,
        source: python.source,
        usesUv: existsSync(join(project.dir, 'uv.lock')),
        platform: d.platform,
      });
  if (!checked.ok) {
    throw new ActionProblem(
      checked.message,
      checked.action === 'copy'
        ? { title: 'Copy Command', copy: checked.command }
        : { title: 'Open Settings', command: 'workbench.action.openSettings', args: ['tilebox.python.path'] },
    );
  }
  d.verified?.add(python.path);
  const apiKey = await d.apiKey();
  if (!apiKey) throw new CliFailure({ kind: 'not-authenticated', stderr: '' }, 'Starting the debug runner');
  const clusters = await listing;
  const cluster = config.cluster?.trim() || (await debugClusterFor(d, project, false, clusters));
  if (config.cluster?.trim() && !clusters.some((c) => c.slug === cluster)) {
    throw new ActionProblem(
      `Cluster ${cluster} (the launch configuration's "cluster") does not exist: remove "cluster" to pick or create one.`,
      { title: 'Open launch.json', command: 'workbench.action.debug.configure' },
    );
  }
  await mkdir(d.storageDir, { recursive: true });
  const launcherPath = join(d.storageDir, LAUNCHER_FILE);
  await writeFile(launcherPath, LAUNCHER_SCRIPT);
  const launch = debugpyLaunch(
    { ...config, project: project.dir },
    { root, runner: runner.runner, cluster, python: python.path, launcherPath, apiKey, apiUrl: d.apiUrl() },
  );
  return { project, config: launch, clusters };
}
