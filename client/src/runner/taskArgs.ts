// The `tilebox` task type (tasks.json): what each action runs, as an argument array. Pure.
import { InvalidArgumentError, runnerStartArgs } from '../cliAdapter/validate';

export interface TileboxTaskDefinition {
  type: 'tilebox';
  action: 'runner' | 'publish';
  cluster?: string;
  count?: number;
  stopWhenIdle?: boolean;
  /** Folder holding tilebox.workflow.toml, relative to the workspace folder ("." by default). */
  project?: string;
}

export type TaskArgs = { ok: true; args: string[]; projectDir?: string } | { ok: false; message: string };

export function taskArgs(def: Partial<TileboxTaskDefinition>, apiUrl?: string): TaskArgs {
  const prefix = apiUrl?.trim() ? ['--api-url', apiUrl.trim()] : [];
  try {
    if (def.action === 'runner') {
      return {
        ok: true,
        args: [...prefix, ...runnerStartArgs({ cluster: def.cluster, count: def.count, stopWhenIdle: def.stopWhenIdle })],
      };
    }
    if (def.action === 'publish') {
      // tasks.json is hand-written: a non-string `project` must be explained, not crash resolveTask.
      if (def.project !== undefined && typeof def.project !== 'string') {
        return { ok: false, message: `Task project must be a folder path in quotes, got ${JSON.stringify(def.project)}.` };
      }
      const dir = def.project?.trim() || '.';
      if (dir.startsWith('-')) return { ok: false, message: `Task project "${dir}" must not start with "-".` };
      // Runs in the project folder (cwd), so the positional directory is always ".".
      return { ok: true, args: [...prefix, 'workflow', 'publish-release', '.'], projectDir: dir };
    }
    return { ok: false, message: `Unknown tilebox task action ${JSON.stringify(def.action)}: use "runner" or "publish".` };
  } catch (e) {
    if (e instanceof InvalidArgumentError) return { ok: false, message: `tilebox task: ${e.message}` };
    throw e;
  }
}
