// Module-level Runner objects: `runner = Runner(tasks=[...])` (any alias of tilebox.workflows.Runner)
// plus later `runner.register(X)` calls. A Runner made inside a function is not reachable as
// `module:object`, so it is not one; a computed tasks list is marked unresolved, never guessed.
import { classesOf, type ListedClass, type TasksList } from './evaluate';
import type { ProjectSymbols } from './symbols';
import { classKey, type TaskClasses } from './taskClasses';
import type { StaticRunner } from './types';

const RUNNER_CLASSES = new Set(['tilebox.workflows.Runner', 'tilebox.workflows.runner.Runner', 'tilebox.workflows.runner.runner.Runner']);

export interface ListedItem {
  file: string;
  span: ListedClass['item']['span'];
  text: string;
  target?: string;
}
export interface FoundRunner {
  runner: StaticRunner;
  listed: ListedItem[];
  list?: TasksList['literal'];
}

export function findRunners(symbols: ProjectSymbols, classes: TaskClasses): FoundRunner[] {
  const found: FoundRunner[] = [];
  // A deferred module has no `Runner` in it: the prefilter's guarantee.
  for (const module of symbols.fullModules) {
    for (const binding of module.bindings) {
      const value = binding.value;
      if (value.kind !== 'call' || !value.callee) continue;
      const callee = symbols.resolve(module, value.callee);
      if (callee?.kind !== 'external' || !RUNNER_CLASSES.has(callee.qualified)) continue;
      // Runner(*, tasks=...): a positional list is a TypeError at import, so it registers nothing.
      const list = value.keywords.tasks ? classesOf(value.keywords.tasks, module, symbols) : { items: [], computed: value.args.length > 0 };
      const registered = module.registrations
        .filter((r) => r.target === binding.name)
        .map((r) => classesOf({ kind: 'list', items: [r.arg], span: r.arg.span, text: r.arg.text }, module, symbols));
      const items = [...list.items, ...registered.flatMap((r) => r.items)];
      const unresolved = list.computed || registered.some((r) => r.computed);
      const listed = items.map(
        (l): ListedItem => ({
          file: l.module.file,
          span: l.item.span,
          text: l.item.text,
          ...(l.target && classes.isTask(l.target) ? { target: classKey(l.target) } : {}),
        }),
      );
      found.push({
        runner: {
          file: module.file,
          line: binding.line + 1,
          variable: binding.name,
          taskClassNames: items.map((l) => l.target?.cls.name ?? l.item.text.slice(l.item.text.lastIndexOf('.') + 1)),
          path: `${symbols.nameOf(module)}:${binding.name}`,
          nameSpan: binding.nameSpan,
          items: listed.map(({ file, span, target }) => ({ file, span, ...(target ? { target } : {}) })),
          ...(unresolved ? { unresolved: true } : {}),
        },
        listed,
        list: list.literal,
      });
    }
  }
  return found;
}

/** The Runner a `module:object` path names: where it is defined, or through a re-export (`app/__main__.py` importing it). */
export function runnerAtPath(runnerPath: string, found: readonly FoundRunner[], symbols: ProjectSymbols): FoundRunner | undefined {
  const direct = found.find((f) => f.runner.path === runnerPath);
  if (direct) return direct;
  const colon = runnerPath.indexOf(':');
  const module = colon > 0 ? symbols.module(runnerPath.slice(0, colon)) : undefined;
  const symbol = module && symbols.resolve(module, runnerPath.slice(colon + 1));
  return symbol?.kind === 'binding'
    ? found.find((f) => f.runner.file === symbol.module.file && f.runner.variable === symbol.binding.name)
    : undefined;
}
