// Cross-file name resolution: which module a file is, and what a name used in a module refers to
// (a class, a module-level assignment, a project module, or something outside the project such as
// `tilebox.workflows.Task`), following imports, relative imports, re-exports and star imports.
import { expandDeferred } from './analyzeModule';
import type { BindingFact, ClassFact, ModuleFacts } from './facts';
import { moduleIndex, type ModuleNames } from './moduleIndex';
import { moduleNames } from './moduleNames';

export type Symbol =
  | { kind: 'class'; module: ModuleFacts; cls: ClassFact }
  | { kind: 'binding'; module: ModuleFacts; binding: BindingFact }
  | { kind: 'module'; module: ModuleFacts }
  /** Outside the project (or not found in it): the fully qualified name as imported. */
  | { kind: 'external'; qualified: string };

const EXPANDED = new WeakMap<ModuleFacts, ModuleFacts>();

export class ProjectSymbols {
  private readonly byModule: ModuleNames;
  /** The modules parsed in full: only they can declare tasks and Runners. */
  readonly fullModules: readonly ModuleFacts[];
  private readonly memo = new Map<string, Symbol | undefined>();

  constructor(modules: readonly ModuleFacts[]) {
    const index = moduleIndex(modules);
    this.byModule = index.byName;
    this.fullModules = index.full;
  }

  /** A deferred module's full facts, parsed once per facts object (facts never change, so the cache is safe). */
  expand(module: ModuleFacts): ModuleFacts {
    if (module.deferred === undefined) return module;
    let full = EXPANDED.get(module);
    if (!full) {
      full = expandDeferred(module);
      EXPANDED.set(module, full);
    }
    return full;
  }

  moduleOfFile(file: string): ModuleFacts | undefined {
    return this.byModule.get(moduleNames(file)[0]);
  }

  module(name: string): ModuleFacts | undefined {
    return this.byModule.get(name);
  }

  nameOf(module: ModuleFacts): string {
    return module.names[module.names.length - 1];
  }

  /** What `dotted` (`x`, `tw.Task`, `pkg.mod.Cls`) means inside `module`. */
  resolve(deferred: ModuleFacts, dotted: string): Symbol | undefined {
    const module = this.expand(deferred);
    const key = `${module.file}\u0000${dotted}`;
    if (this.memo.has(key)) return this.memo.get(key);
    this.memo.set(key, undefined); // an import cycle resolves to nothing instead of looping
    const [head, ...rest] = dotted.split('.');
    let symbol = this.lookup(module, head);
    // `import a.b` binds `a`; `a.b.C` is then reachable through the module `a.b`.
    for (let i = rest.length; i > 0 && symbol?.kind !== 'module'; i--) {
      const prefix = [head, ...rest.slice(0, i)].join('.');
      const direct = module.imports.find((im) => im.local === prefix && im.name === undefined);
      if (direct) {
        symbol = this.moduleOrExternal(direct.module);
        rest.splice(0, i);
        break;
      }
    }
    for (const attribute of rest) symbol = symbol && this.member(symbol, attribute);
    this.memo.set(key, symbol);
    return symbol;
  }

  private member(symbol: Symbol, attribute: string): Symbol | undefined {
    if (symbol.kind === 'external') return { kind: 'external', qualified: `${symbol.qualified}.${attribute}` };
    if (symbol.kind === 'module')
      return this.resolve(symbol.module, attribute) ?? this.moduleOrExternal(`${this.nameOf(symbol.module)}.${attribute}`, false);
    return undefined; // attributes of classes and values are not followed
  }

  /** The last statement that binds `name` at module level wins, as when Python runs the module. */
  private lookup(deferred: ModuleFacts, name: string): Symbol | undefined {
    const module = this.expand(deferred);
    let best: { line: number; symbol: () => Symbol | undefined } | undefined;
    const offer = (line: number, symbol: () => Symbol | undefined) => {
      if (!best || line >= best.line) best = { line, symbol };
    };
    for (const cls of module.classes) if (cls.name === name) offer(cls.nameSpan.line, () => ({ kind: 'class', module, cls }));
    for (const binding of module.bindings) if (binding.name === name) offer(binding.line, () => ({ kind: 'binding', module, binding }));
    for (const im of module.imports) {
      if (im.local !== name) continue;
      if (im.name === undefined) {
        offer(im.line, () => this.moduleOrExternal(im.module));
        continue;
      }
      const from = this.absolute(module, im.module, im.level);
      offer(im.line, () => {
        const target = from === undefined ? undefined : this.byModule.get(from);
        if (target) return this.resolve(target, im.name!) ?? this.moduleOrExternal(`${from}.${im.name}`, false);
        return this.moduleOrExternal(from ? `${from}.${im.name}` : im.name!);
      });
    }
    if (best) return best.symbol();
    for (const im of module.imports) {
      if (im.name !== '*') continue;
      const from = this.absolute(module, im.module, im.level);
      const target = from === undefined ? undefined : this.byModule.get(from);
      const found = target
        ? this.resolve(target, name)
        : from?.startsWith('tilebox')
          ? { kind: 'external' as const, qualified: `${from}.${name}` }
          : undefined;
      if (found) return found;
    }
    return undefined;
  }

  private moduleOrExternal(name: string, externalIfMissing = true): Symbol | undefined {
    const module = this.byModule.get(name);
    if (module) return { kind: 'module', module };
    return externalIfMissing ? { kind: 'external', qualified: name } : undefined;
  }

  /** `from ..a import b` inside `pkg.sub.mod` → `pkg.a`. */
  private absolute(module: ModuleFacts, name: string, level: number): string | undefined {
    if (level === 0) return name;
    const own = this.nameOf(module).split('.');
    const isPackage = /(^|\/)__init__\.py$/.test(module.file);
    const pkg = isPackage ? own : own.slice(0, -1);
    if (level - 1 > pkg.length) return undefined;
    const base = pkg.slice(0, pkg.length - (level - 1));
    return [...base, ...(name ? [name] : [])].join('.');
  }
}
