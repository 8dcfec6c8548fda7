// What `preview` and `build` share: reading their arguments, loading the project and its file selection, and the
// one-line failure. Exit codes: 0 done, 1 the project cannot be previewed/built as configured (one line on stderr
// says why), 2 bad usage.
import { loadWorkflowProject, type WorkflowProject } from '../artifact/project';
import { type Selection, selectArtifactFiles } from '../artifact/select';

export interface ArtifactArgs {
  dir: string;
  json: boolean;
  out?: string;
}

export function parseArgs(command: string, args: string[], allowOut: boolean): ArtifactArgs | number {
  const positional: string[] = [];
  let json = false;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (allowOut && arg === '--out' && args[i + 1] !== undefined) out = args[++i];
    else if (allowOut && arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg.startsWith('-')) return usage(command, `unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) return usage(command, 'expected exactly one project folder');
  return { dir: positional[0], json, out };
}

function usage(command: string, why: string): number {
  const synopsis = command === 'build' ? 'build <dir> [--out <file>] [--json]' : 'preview <dir> [--json]';
  process.stderr.write(`${command}: ${why}\nusage: tilebox-workflow-check ${synopsis}\n`);
  return 2;
}

export function fail(command: string, reason: string): number {
  process.stderr.write(`${command}: ${reason.split('\n')[0]}\n`);
  return 1;
}

export async function load(command: string, dir: string): Promise<{ project: WorkflowProject; selection: Selection } | { code: number }> {
  const project = loadWorkflowProject(dir);
  if ('error' in project) return { code: fail(command, project.error) };
  try {
    return { project, selection: await selectArtifactFiles(project.configDir, project.selectionConfig) };
  } catch (error) {
    return { code: fail(command, `${project.configPath}: ${(error as Error).message}`) };
  }
}

export function problemLine(project: WorkflowProject, selection: Selection): string {
  const more = selection.problems.length > 1 ? ` (and ${selection.problems.length - 1} more)` : '';
  return `${project.configPath}: ${selection.problems[0].message}${more}`;
}
