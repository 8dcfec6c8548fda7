// Module name → facts for one project, and the modules that were parsed in full (the only ones that
// can declare tasks and Runners), kept between resolutions: the project index hands resolveDiscovery
// the same facts objects again with one file changed, so both are patched at the changed positions
// instead of rebuilt (on 20,000 modules every pass over all of them costs milliseconds).
import type { ModuleFacts } from './facts';

export interface ModuleIndex {
  byName: Map<string, ModuleFacts>;
  /** Modules not deferred by the prefilter, in the order given. */
  full: ModuleFacts[];
}

let last: { modules: ModuleFacts[]; index: ModuleIndex; fullAt: Set<number> } | undefined;

/** How many changed files still count as "the same project, patched". */
const PATCH_LIMIT = 64;

export function moduleIndex(modules: readonly ModuleFacts[]): ModuleIndex {
  const changed = last && last.modules.length === modules.length ? changedPositions(last.modules, modules) : undefined;
  if (!last || !changed) return rebuild(modules);
  if (changed.length === 0) return last.index;
  const { byName } = last.index;
  const lost: string[] = [];
  for (const i of changed) {
    const before = last.modules[i];
    for (const n of before.names)
      if (byName.get(n) === before) {
        byName.delete(n);
        lost.push(n);
      }
  }
  for (const i of changed) {
    last.modules[i] = modules[i];
    for (const n of modules[i].names) if (!byName.has(n)) byName.set(n, modules[i]);
    if (modules[i].deferred === undefined) last.fullAt.add(i);
    else last.fullAt.delete(i);
  }
  // A removed name may have hidden another module of the same name (a/b.py and src/a/b.py): restore it.
  if (lost.some((n) => !byName.has(n))) return rebuild(modules);
  last.index.full = [...last.fullAt].sort((a, b) => a - b).map((i) => modules[i]);
  return last.index;
}

function changedPositions(before: readonly ModuleFacts[], now: readonly ModuleFacts[]): number[] | undefined {
  const changed: number[] = [];
  for (let i = 0; i < now.length; i++) {
    if (before[i] !== now[i] && changed.push(i) > PATCH_LIMIT) return undefined;
  }
  return changed;
}

function rebuild(modules: readonly ModuleFacts[]): ModuleIndex {
  const byName = new Map<string, ModuleFacts>();
  const fullAt = new Set<number>();
  modules.forEach((m, i) => {
    for (const n of m.names) if (!byName.has(n)) byName.set(n, m);
    if (m.deferred === undefined) fullAt.add(i);
  });
  const index = { byName, full: [...fullAt].map((i) => modules[i]) };
  last = { modules: [...modules], index, fullAt };
  return index;
}
