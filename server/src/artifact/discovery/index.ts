// Static task discovery over a set of Python files: which classes are Tilebox tasks, their
// identifiers, and which Runner objects register them. Best effort, never throws.
import type { Diagnostic } from 'vscode-languageserver-types';
import { outlineModule, isTaskRef, type ClassInfo, type ModuleOutline } from './pythonModule';
import { resolveConstant } from './identifierReturn';
import { identifierDiagnostics, runnerDiagnostics, type ResolvedTask } from './diagnostics';
import type { Discovery, PythonSource } from './types';

export type { Discovery, PythonSource, StaticRunner, StaticTask } from './types';
export { TASK_DIAGNOSTIC_CODES } from './diagnostics';

interface LocatedClass { file: string; outline: ModuleOutline; info: ClassInfo }

/** What one Python file declares, computed from that file alone: the unit the project index caches by (path, size, mtime). */
export interface ModuleFacts { file: string; outline: ModuleOutline }

/** Per-file step (pure; undefined when the file cannot be read as Python, so one bad file never hides the others). */
export function analyzeModule(file: string, text: string): ModuleFacts | undefined {
  try {
    return { file, outline: outlineModule(text) };
  } catch {
    return undefined;
  }
}

export function discoverTasks(files: PythonSource[]): Discovery {
  return resolveDiscovery(files.flatMap(({ path, text }) => analyzeModule(path, text) ?? []));
}

/** Cross-file step: which classes are tasks, their identifiers, and the Runners that register them. */
export function resolveDiscovery(modules: ModuleFacts[]): Discovery {
  const diagnostics: { file: string; diagnostic: Diagnostic }[] = [];
  const byName = new Map<string, LocatedClass[]>();
  for (const m of modules) {
    for (const info of m.outline.classes) {
      const list = byName.get(info.name) ?? [];
      list.push({ file: m.file, outline: m.outline, info });
      byName.set(info.name, list);
    }
  }
  const lookup = (name: string, fromFile: string): LocatedClass | undefined => {
    const candidates = byName.get(name.slice(name.lastIndexOf('.') + 1)) ?? [];
    return candidates.find((c) => c.file === fromFile) ?? candidates[0];
  };

  // Fixed point: a class is a task when a base is Task or a class already known to be a task.
  const isTask = new Set<LocatedClass>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const list of byName.values()) {
      for (const c of list) {
        if (isTask.has(c)) continue;
        const base = c.info.bases.some((b) => isTaskRef(b, c.outline) || isTaskClass(lookup(b, c.file)));
        if (base) { isTask.add(c); changed = true; }
      }
    }
  }
  function isTaskClass(c: LocatedClass | undefined): boolean { return !!c && isTask.has(c); }

  // identifier() is inherited: the nearest task ancestor that defines one wins.
  const identifierOwner = (c: LocatedClass, seen = new Set<LocatedClass>()): LocatedClass | undefined => {
    if (c.info.identifier) return c;
    seen.add(c);
    for (const b of c.info.bases) {
      const base = lookup(b, c.file);
      if (base && isTask.has(base) && !seen.has(base)) {
        const owner = identifierOwner(base, seen);
        if (owner) return owner;
      }
    }
    return undefined;
  };

  const resolved: ResolvedTask[] = [];
  const ordered = modules.flatMap((m) => m.outline.classes.map((info) => byName.get(info.name)!.find((c) => c.info === info)!));
  for (const c of ordered) {
    if (!isTask.has(c)) continue;
    const owner = identifierOwner(c);
    let name = c.info.name;
    let version = 'v0.0';
    let unresolved = false;
    const elements = owner?.info.identifier?.returned?.elements;
    if (owner) {
      const [n, v] = (elements ?? []).map((e) => resolveConstant(e, owner.outline.constants));
      unresolved = elements?.length !== 2 || n.value === undefined || v.value === undefined;
      name = n?.value ?? n?.text ?? c.info.name;
      version = v?.value ?? v?.text ?? '?';
      if (owner === c) diagnostics.push(...identifierDiagnostics(c.file, c.info, [n, v]));
    }
    resolved.push({
      task: { name, version, file: c.file, line: c.info.nameToken.line + 1, className: c.info.name, ...(unresolved ? { unresolved: true } : {}) },
      hasExecute: c.info.hasExecute,
    });
  }

  const runners = modules.flatMap((m) =>
    m.outline.runners.map((r) => ({ file: m.file, line: r.line, variable: r.variable, taskClassNames: r.items.map((i) => i.dotted.slice(i.dotted.lastIndexOf('.') + 1)), items: r.items })),
  );
  for (const r of runners) {
    const tasksOfItems = r.items.map((item) => {
      const c = lookup(item.dotted, r.file);
      return c && isTask.has(c) ? resolved.find((t) => t.task.className === c.info.name && t.task.file === c.file) : undefined;
    });
    diagnostics.push(...runnerDiagnostics(r.file, r.items, tasksOfItems));
  }

  return {
    static: true,
    tasks: resolved.map((r) => r.task),
    runners: runners.map(({ items: _items, ...runner }) => runner),
    diagnostics,
  };
}
