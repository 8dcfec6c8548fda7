// TEST DOUBLE: reads a workflow project like the real CLI would (nearest tilebox.workflow.toml upward,
// include/exclude globs) and "discovers" tasks with a regex over the .py files instead of starting Python.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { sha256 } from './store.mjs';
import { readToml } from './toml.mjs';
import { fail } from './cli.mjs';

export const CONFIG = 'tilebox.workflow.toml';

export function findConfig(start) {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG))) return join(dir, CONFIG);
    if (dirname(dir) === dir) return undefined;
  }
}

export function loadProject(start) {
  const path = findConfig(start);
  if (!path) fail(`no ${CONFIG} found in ${resolve(start)} or any parent directory`);
  let toml;
  try {
    toml = readToml(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`${path}: ${e.message}`);
  }
  const wf = toml.workflow ?? {};
  if (typeof wf.slug !== 'string' || !wf.slug) fail(`${path}: [workflow].slug is required`);
  if (!toml.build || !Array.isArray(toml.build.include) || toml.build.include.length === 0)
    fail(`${path}: [build].include must list at least one pattern`);
  const root = resolve(dirname(path), wf.root ?? '.');
  return {
    path,
    dir: dirname(path),
    root,
    slug: wf.slug,
    runner: wf.runner,
    command: wf.command,
    build: toml.build,
    targets: toml.targets ?? {},
  };
}

function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir, root, out) {
  for (const name of readdirSync(dir).sort()) {
    if (name === '.git' || name === '.venv' || name === 'node_modules') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, root, out);
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

export function selectFiles(project) {
  const include = project.build.include.map(globToRegExp);
  const exclude = (project.build.exclude ?? []).map(globToRegExp);
  const artifact = `${project.slug}.tar.zst`;
  return walk(project.root, project.root, []).filter(
    (f) => f !== artifact && include.some((r) => r.test(f)) && !exclude.some((r) => r.test(f)),
  );
}

/** Task classes (`class X(Task)`) with their `identifier()` if any; limited to `Runner(tasks=[...])` when present. */
export function discoverTasks(project, files) {
  const found = [];
  let registered;
  for (const f of files.filter((x) => x.endsWith('.py'))) {
    const text = readFileSync(join(project.root, f), 'utf8');
    const runner = /Runner\(\s*tasks\s*=\s*\[([^\]]*)\]/.exec(text);
    if (runner)
      registered = runner[1]
        .split(',')
        .map((s) => s.trim().split('.').pop())
        .filter(Boolean);
    const classes = [...text.matchAll(/^class\s+(\w+)\s*\(\s*(?:[\w.]+\.)?Task\s*\)\s*:/gm)];
    classes.forEach((m, i) => {
      const body = text.slice(m.index, classes[i + 1]?.index ?? text.length);
      const id = /def\s+identifier[\s\S]*?return\s*\(?\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']/.exec(body);
      const exec = /^[ \t]+def\s+execute\b/m.exec(body);
      const line = text.slice(0, m.index + (exec ? exec.index : 0)).split('\n').length;
      found.push({ cls: m[1], name: id ? id[1] : m[1], version: id ? id[2] : 'v0.0', source: `${f}:${line}` });
    });
  }
  const tasks = registered ? found.filter((t) => registered.includes(t.cls)) : found;
  return tasks.map(({ name, version, source }) => ({ name, version, source }));
}

function tree(files) {
  const top = [];
  for (const f of files) {
    let level = top;
    const parts = f.split('/');
    parts.forEach((p, i) => {
      let node = level.find((n) => n.path === p);
      if (!node) {
        node = i === parts.length - 1 ? { path: p } : { path: p, directory: true, children: [] };
        level.push(node);
      }
      level = node.children ?? [];
    });
  }
  return top;
}

/** Builds the release content; fingerprint and digest are sha256 of the contents (stand-in, not the real algorithm). */
export function buildContent(project) {
  const files = selectFiles(project);
  const discovered = discoverTasks(project, files);
  const tasks = discovered.map(({ name, version }) => ({ name, version }));
  // Where each task's execute() is: kept in the stand-in state only (never output), for the runner's tracebacks.
  const sources = Object.fromEntries(discovered.map((t) => [t.name, t.source]));
  if (tasks.length === 0) fail('task discovery found no tasks: define a Task subclass and register it in Runner(tasks=[...])');
  const blobs = files.map((f) => `${f}\0${sha256(readFileSync(join(project.root, f)))}`).join('\n');
  const digest = sha256(`artifact\n${blobs}`);
  const fingerprint = sha256(
    `content\n${blobs}\n${JSON.stringify(tasks)}\n${project.runner ?? ''}\n${JSON.stringify(project.command ?? [])}`,
  );
  return {
    digest,
    sources,
    content: { fingerprint, tasks, files: tree(files), runner_object_path: project.runner ?? '', command_override: project.command ?? [] },
  };
}
