// Static values: the string an expression certainly has without running Python (literals, implicit
// and `+` concatenation, f-strings over constants, constants from other modules), and the classes a
// tasks list names (literal lists, names bound to lists, `*spread`, `+`, imports across modules).
import type { ClassFact, Expr, ModuleFacts } from './facts';
import type { ProjectSymbols } from './symbols';

export function staticString(expr: Expr, module: ModuleFacts, symbols: ProjectSymbols, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  switch (expr.kind) {
    case 'str':
      return expr.value;
    case 'concat': {
      const parts = expr.parts.map((p) => staticString(p, module, symbols, depth + 1));
      return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
    }
    case 'fstr': {
      if (expr.computed) return undefined;
      const parts = expr.parts.map((p) => (typeof p === 'string' ? p : staticString(p, module, symbols, depth + 1)));
      return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
    }
    case 'name': {
      const symbol = symbols.resolve(module, expr.dotted);
      if (symbol?.kind !== 'binding') return undefined;
      return staticString(symbol.binding.value, symbol.module, symbols, depth + 1);
    }
    default:
      return undefined;
  }
}

export interface ListedClass {
  /** The class, when the item names a project class. */
  target?: { module: ModuleFacts; cls: ClassFact };
  /** The item as written, where it is written (for diagnostics and the "add to runner" edit). */
  item: Expr;
  module: ModuleFacts;
  /** Not a project class: a Tilebox/third-party name or something only running Python could tell. */
  external?: string;
}

export interface TasksList {
  items: ListedClass[];
  /** Part of the list cannot be read statically (a call, a comprehension, a parameter). */
  computed: boolean;
  /** The list literal an added task goes into, when there is exactly one. */
  literal?: { expr: Expr; module: ModuleFacts };
}

export function classesOf(expr: Expr, module: ModuleFacts, symbols: ProjectSymbols, depth = 0): TasksList {
  const out: TasksList = { items: [], computed: false };
  if (depth > 20) return { ...out, computed: true };
  const add = (inner: TasksList) => {
    out.items.push(...inner.items);
    out.computed ||= inner.computed;
    out.literal = out.literal && inner.literal ? undefined : (out.literal ?? inner.literal);
  };
  switch (expr.kind) {
    case 'list':
    case 'tuple':
      out.literal = { expr, module };
      for (const item of expr.items) {
        if (item.kind === 'star') {
          const inner = classesOf(item.of, module, symbols, depth + 1);
          add({ ...inner, literal: undefined });
          continue;
        }
        if (item.kind !== 'name') {
          out.computed = true;
          continue;
        }
        const symbol = symbols.resolve(module, item.dotted);
        if (symbol?.kind === 'class') out.items.push({ target: { module: symbol.module, cls: symbol.cls }, item, module });
        else out.items.push({ item, module, external: symbol?.kind === 'external' ? symbol.qualified : item.dotted });
      }
      return out;
    case 'concat':
      for (const p of expr.parts) add(classesOf(p, module, symbols, depth + 1));
      return out;
    case 'name': {
      const symbol = symbols.resolve(module, expr.dotted);
      if (symbol?.kind !== 'binding') return { ...out, computed: true };
      return classesOf(symbol.binding.value, symbol.module, symbols, depth + 1);
    }
    default:
      return { ...out, computed: true };
  }
}
