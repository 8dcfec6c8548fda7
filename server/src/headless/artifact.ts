// `preview` and `build`: the artifact engine without an editor, for CI and scripts.
// Exit codes: 0 done, 1 the project cannot be previewed/built as configured (one line on
// stderr says why), 2 bad usage.
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { buildArchive } from '../artifact/archive';
import { resolveDiscovery } from '../artifact/discovery/index';
import { ModuleCache } from '../artifact/preview/moduleCache';
import { jsonPieces, writeStreamed } from './streamedOutput';
import { loadWorkflowProject, type WorkflowProject } from '../artifact/project';
import { selectArtifactFiles, type Selection } from '../artifact/select';

interface Parsed {
  dir: string;
  json: boolean;
  out?: string;
}

export async function runPreview(args: string[]): Promise<number> {
  const parsed = parseArgs('preview', args, false);
  if (typeof parsed === 'number') return parsed;
  const loaded = await load('preview', parsed.dir);
  if (!('selection' in loaded)) return loaded.code;
  const { selection } = loaded;
  // A selection that cannot be built (a link leaving the root, a FIFO...) is a failure: one line
  // on stderr and nothing on stdout, so a script never mistakes it for a usable preview.
  if (selection.problems.length > 0) return fail('preview', problemLine(loaded.project, selection));
  const { tasks, runners } = await findTasks(selection);
  // Exactly the documented shape, nothing more.
  const result: PreviewJson = {
    root: selection.root,
    files: selection.files.map(({ path: p, size }) => ({ path: p, size })),
    excluded: selection.excluded.map(({ path: p, reason }) => ({ path: p, reason })),
    totalBytes: selection.totalBytes,
    tasks,
    runners,
  };
  await writeStreamed(parsed.json ? jsonPieces(result) : previewText(result));
  return 0;
}

export async function runBuild(args: string[]): Promise<number> {
  const parsed = parseArgs('build', args, true);
  if (typeof parsed === 'number') return parsed;
  const loaded = await load('build', parsed.dir);
  if (!('selection' in loaded)) return loaded.code;
  const { project, selection } = loaded;
  if (selection.problems.length > 0) return fail('build', problemLine(project, selection));
  const out = parsed.out ? path.resolve(parsed.out) : path.join(selection.root, `${project.selectionConfig.slug}.tar.zst`);
  // Ctrl-C or a kill: stop, remove the temp file, report it in one line.
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const built = await buildArchive(selection, out, { signal: controller.signal, onFrameWritten: collectEvery(8) });
    const summary = { path: built.path, digest: built.digest, bytes: built.bytes, files: built.files };
    if (parsed.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else
      process.stdout.write(
        `built ${built.path}\n  ${built.files} files, ${formatBytes(built.inputBytes)} in, ${formatBytes(built.bytes)} out\n  sha256 ${built.digest}\n`,
      );
    return 0;
  } catch (error) {
    return fail('build', (error as Error).message);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/**
 * Each compressed frame is a native buffer that V8 frees only at its next collection, and with
 * almost no JavaScript garbage that comes late: on 1 GB of input some 40 MB of written frames
 * waited for it. A full collection every `frames` frames (a few ms on this small heap) keeps the
 * peak near what is in flight. Needs `gc`, exposed at run time; without it, nothing changes.
 */
function collectEvery(frames: number): (() => void) | undefined {
  let gc: (() => void) | undefined;
  try {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
  let written = 0;
  return () => {
    if (++written % frames === 0) gc!();
  };
}

function parseArgs(command: string, args: string[], allowOut: boolean): Parsed | number {
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

function fail(command: string, reason: string): number {
  process.stderr.write(`${command}: ${reason.split('\n')[0]}\n`);
  return 1;
}

async function load(command: string, dir: string): Promise<{ project: WorkflowProject; selection: Selection } | { code: number }> {
  const project = loadWorkflowProject(dir);
  if ('error' in project) return { code: fail(command, project.error) };
  try {
    return { project, selection: await selectArtifactFiles(project.configDir, project.selectionConfig) };
  } catch (error) {
    return { code: fail(command, `${project.configPath}: ${(error as Error).message}`) };
  }
}

function problemLine(project: WorkflowProject, selection: Selection): string {
  const more = selection.problems.length > 1 ? ` (and ${selection.problems.length - 1} more)` : '';
  return `${project.configPath}: ${selection.problems[0].message}${more}`;
}

/** Every selected Python file (no cap); the documented `tasks` and `runners` shapes. */
async function findTasks(selection: Selection): Promise<Pick<PreviewJson, 'tasks' | 'runners'>> {
  const discovery = resolveDiscovery((await new ModuleCache().facts(selection.files)).modules);
  return {
    tasks: discovery.tasks.map(
      (t): TaskJson => ({
        ...(t.unresolved ? { computed: true } : { name: t.name, version: t.version }),
        file: t.file,
        line: t.line,
        class: t.className,
        fields: t.fields,
        subtasks: t.subtasks.map((s) => ({ class: s.class, file: s.file, line: s.line })),
        runners: t.runners,
      }),
    ),
    runners: discovery.runners.map((r) => ({
      path: r.path,
      file: r.file,
      line: r.line,
      tasks: r.taskClassNames,
      ...(r.unresolved ? { computed: true as const } : {}),
    })),
  };
}

interface TaskJson {
  /** Absent when `computed`: identifier() returns something only running Python could tell. */
  name?: string;
  version?: string;
  computed?: true;
  file: string;
  line: number;
  class: string;
  fields: { name: string; type: string; default?: string }[];
  subtasks: { class: string; file: string; line: number }[];
  runners: string[];
}

type PreviewJson = Pick<Selection, 'root' | 'excluded' | 'totalBytes'> & {
  files: { path: string; size: number }[];
  tasks: TaskJson[];
  runners: { path: string; file: string; line: number; tasks: string[]; computed?: true }[];
};

function* previewText(p: PreviewJson): Generator<string> {
  yield `artifact root ${p.root}: ${p.files.length} files, ${formatBytes(p.totalBytes)}\n`;
  for (const f of p.files) yield `  ${formatBytes(f.size).padStart(9)}  ${f.path}\n`;
  if (p.excluded.length) yield `\nexcluded (${p.excluded.length}):\n`;
  for (const e of p.excluded) yield `  ${e.path}  (${e.reason})\n`;
  yield `\ntasks (found statically, best effort): ${p.tasks.length}\n`;
  for (const t of p.tasks)
    yield `  ${t.computed ? `${t.class} (identifier computed at run time)` : `${t.name} ${t.version}`}  ${t.file}:${t.line}\n`;
  yield `\nrunners (found statically): ${p.runners.length}\n`;
  for (const r of p.runners)
    yield `  ${r.path}  ${r.computed ? 'tasks computed at run time' : `${r.tasks.length} tasks`}  ${r.file}:${r.line}\n`;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1024;
  let unit = 0;
  for (; value >= 1024 && unit < units.length - 1; unit++) value /= 1024;
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
