// Module name → facts for one project, and the modules that were parsed in full (the only ones that
// can declare tasks and Runners), kept between resolutions: the project index hands resolveDiscovery
// the same facts objects again with a few files changed, created or deleted, so the names of those
// are laid over the last full map instead of rebuilding it (on 10,000 modules a rebuild, or even a
// copy, of the map costs more than the rest of a resolution). A map once handed out never changes:
// a Discovery kept for navigation resolves names later against the project as it was.
import { mergeByKey } from '../../shared/byteOrder';
import type { ModuleFacts } from './facts';

export interface ModuleNames {
  get(name: string): ModuleFacts | undefined;
}

export interface ModuleIndex {
  byName: ModuleNames;
  /** Modules not deferred by the prefilter, in the order given. */
  full: ModuleFacts[];
}

/** A full map with the changes since laid over it (null: the name is gone). */
class LayeredNames implements ModuleNames {
  constructor(
    readonly base: ReadonlyMap<string, ModuleFacts>,
    readonly over: Map<string, ModuleFacts | null>,
    /** Names more than one module had when `base` was made: only these can be hidden behind another module. */
    readonly shadowed: ReadonlySet<string>,
  ) {}

  get(name: string): ModuleFacts | undefined {
    const laid = this.over.get(name);
    return laid === undefined ? this.base.get(name) : (laid ?? undefined);
  }
}

interface Kept {
  modules: readonly ModuleFacts[];
  names: LayeredNames;
  index: ModuleIndex;
}

/**
 * The last few indexes made, newest first: the language server keeps the tasks of recent module sets and resolves
 * none of those again, so the set a file event changes is often not the one indexed last (an include changed and
 * back, then a file created).
 */
const kept: Kept[] = [];
const KEPT = 3;

/** How many changed files still count as "the same project, patched"; the layer is folded in past that. */
const PATCH_LIMIT = 64;

export function moduleIndex(modules: readonly ModuleFacts[]): ModuleIndex {
  for (const last of kept) {
    const change = changes(last.modules, modules);
    if (change) return change.gone.length === 0 && change.came.length === 0 ? keep(last) : patched(last, change, modules);
  }
  return rebuild(modules);
}

function patched(last: Kept, change: { gone: ModuleFacts[]; came: ModuleFacts[] }, modules: readonly ModuleFacts[]): ModuleIndex {
  const names = new LayeredNames(last.names.base, new Map(last.names.over), last.names.shadowed);
  const lost: string[] = [];
  for (const before of change.gone)
    for (const n of before.names)
      if (names.get(n) === before) {
        names.over.set(n, null);
        lost.push(n);
      }
  for (const m of change.came)
    for (const n of m.names) {
      // Two modules of one name (a/b.py and src/a/b.py): the first in order wins, which only a rebuild knows.
      if (names.get(n) !== undefined) return rebuild(modules);
      names.over.set(n, m);
    }
  // A removed name may have hidden another module of the same name (only a rebuild finds it); a thick layer is folded
  // in. A patch never adds a second module of a name (it rebuilds then), so names unshadowed at the rebuild stay so.
  if (lost.some((n) => names.get(n) === undefined && names.shadowed.has(n)) || names.over.size > 4 * PATCH_LIMIT) return rebuild(modules);
  return indexed(modules, names);
}

/** The index of `modules` by `names`, kept as the newest. */
function indexed(modules: readonly ModuleFacts[], names: LayeredNames): ModuleIndex {
  return keep({ modules: [...modules], names, index: { byName: names, full: modules.filter((m) => m.deferred === undefined) } });
}

function keep(entry: Kept): ModuleIndex {
  const at = kept.indexOf(entry);
  if (at >= 0) kept.splice(at, 1);
  kept.unshift(entry);
  if (kept.length > KEPT) kept.pop();
  return entry.index;
}

/**
 * The modules gone and come between two lists in file order (the selection's byte order), matched by identity and
 * file; undefined past PATCH_LIMIT changes. Lists out of that order still give a correct (if longer) answer.
 */
function changes(before: readonly ModuleFacts[], now: readonly ModuleFacts[]): { gone: ModuleFacts[]; came: ModuleFacts[] } | undefined {
  const gone: ModuleFacts[] = [];
  const came: ModuleFacts[] = [];
  const within = mergeByKey(
    before,
    now,
    (m) => m.file,
    (was, is) => {
      if (was) gone.push(was);
      if (is) came.push(is);
      return gone.length + came.length <= 2 * PATCH_LIMIT;
    },
  );
  return within ? { gone, came } : undefined;
}

function rebuild(modules: readonly ModuleFacts[]): ModuleIndex {
  const base = new Map<string, ModuleFacts>();
  const shadowed = new Set<string>();
  for (const m of modules)
    for (const n of m.names)
      if (!base.has(n)) base.set(n, m);
      else shadowed.add(n);
  return indexed(modules, new LayeredNames(base, new Map(), shadowed));
}
