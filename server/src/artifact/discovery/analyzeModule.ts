// Per-file step of discovery: one Python module's imports, module-level assignments, classes and
// `runner.register(X)` calls, read with @lezer/python (parsePython: a syntax error costs the statement
// it is in, at a cost bounded by the file's length). Pure; the project index caches the result by
// (path, size, mtime).
import type { SyntaxNode } from '@lezer/common';
import { classFact } from './classFacts';
import type { BindingFact, ImportFact, ModuleFacts } from './facts';
import { parsePython } from './parsePython';
import { moduleBindingsOnly, needsFullParse } from './prefilter';
import { Source, argumentsOf, children, dottedName, toExpr } from './syntax';
import { moduleNames } from './moduleNames';

export function analyzeModule(file: string, text: string): ModuleFacts | undefined {
  try {
    if (!needsFullParse(text)) return emptyFacts(file, moduleNames(file), moduleBindingsOnly(text));
    return readModule(file, new Source(text));
  } catch {
    return undefined; // a parser bug must not hide the other files
  }
}

/** The full facts of a module the prefilter deferred (same file, same lines). */
export function expandDeferred(facts: ModuleFacts): ModuleFacts {
  if (facts.deferred === undefined) return facts;
  try {
    return readModule(facts.file, new Source(facts.deferred), facts.names);
  } catch {
    return emptyFacts(facts.file);
  }
}

/** A deferred module's lists stay empty (expandDeferred makes new facts): all such modules share these frozen ones. */
const NONE = Object.freeze([]) as unknown as never[];

/**
 * Every facts object is made here, with all fields in one order: the server reads 50,000 of them per file event, and
 * objects made by spreading (`{ ...facts, deferred }`) took 20x longer to read a field from. A deferred module gets
 * the shared empty lists (50,000 of them held 200,000 empty arrays for the collector to walk).
 */
export function emptyFacts(file: string, names = moduleNames(file), deferred?: string): ModuleFacts {
  const list = () => (deferred === undefined ? [] : NONE);
  return {
    file,
    names,
    deferred,
    syntaxErrors: false,
    imports: list(),
    bindings: list(),
    classes: list(),
    registrations: list(),
    importsEnd: 0,
  };
}

function readModule(file: string, src: Source, names?: string[]): ModuleFacts {
  const { trees, syntaxErrors } = parsePython(src.text);
  const facts = emptyFacts(file, names);
  facts.syntaxErrors = syntaxErrors;
  for (const tree of trees) for (const statement of children(tree.topNode)) readStatement(src, statement, facts, true);
  return facts;
}

function readStatement(src: Source, node: SyntaxNode, facts: ModuleFacts, topLevel: boolean): void {
  switch (node.name) {
    case 'ImportStatement':
      facts.imports.push(...readImport(src, node));
      if (topLevel) facts.importsEnd = src.line(node.to) + 1;
      return;
    case 'ClassDefinition':
      if (topLevel) facts.classes.push(classFact(src, node));
      return;
    case 'DecoratedStatement': {
      const inner = children(node).find((c) => c.name === 'ClassDefinition');
      if (inner && topLevel) facts.classes.push(classFact(src, inner));
      return;
    }
    case 'AssignStatement':
      if (topLevel) facts.bindings.push(...readAssignment(src, node));
      return;
    case 'ExpressionStatement':
      if (topLevel) readRegistration(src, node, facts);
      return;
    case 'IfStatement':
    case 'TryStatement':
      // `if TYPE_CHECKING:` / `try: ... except ImportError:` imports still bind names.
      for (const body of children(node).filter((c) => c.name === 'Body')) {
        for (const s of children(body)) if (s.name === 'ImportStatement') readStatement(src, s, facts, false);
      }
  }
}

function readImport(src: Source, node: SyntaxNode): ImportFact[] {
  const parts = children(node);
  const line = src.line(node.from);
  if (parts[0]?.name === 'import') {
    // import a.b, c as d
    const out: ImportFact[] = [];
    for (const group of split(parts.slice(1))) {
      const asAt = group.findIndex((n) => n.name === 'as');
      const dotted = (asAt >= 0 ? group.slice(0, asAt) : group).map((n) => src.of(n)).join('');
      if (!dotted) continue;
      const local = asAt >= 0 ? src.of(group[asAt + 1] ?? group[0]) : dotted.split('.')[0];
      out.push({ local, module: asAt >= 0 ? dotted : dotted.split('.')[0], level: 0, line });
      // `import a.b` binds `a`, and makes `a.b` reachable as an attribute of it.
      if (asAt < 0 && dotted.includes('.')) out.push({ local: dotted, module: dotted, level: 0, line });
    }
    return out;
  }
  const importAt = parts.findIndex((n) => n.name === 'import');
  if (importAt < 0) return [];
  const written = parts
    .slice(1, importAt)
    .map((p) => src.of(p))
    .join('');
  const module = written.replace(/^\.+/, '');
  const level = written.length - module.length;
  const names = parts.slice(importAt + 1).filter((n) => n.name !== '(' && n.name !== ')');
  return split(names).flatMap((group): ImportFact[] => {
    if (group[0]?.name === '*') return [{ local: '*', module, level, name: '*', line }];
    const name = group[0] && src.of(group[0]);
    if (!name || group[0].name !== 'VariableName') return [];
    const local = group[1]?.name === 'as' && group[2] ? src.of(group[2]) : name;
    return [{ local, module, level, name, line }];
  });
}

function split(nodes: SyntaxNode[]): SyntaxNode[][] {
  const out: SyntaxNode[][] = [[]];
  for (const n of nodes)
    if (n.name === ',') out.push([]);
    else out[out.length - 1].push(n);
  return out.filter((g) => g.length > 0);
}

function readAssignment(src: Source, node: SyntaxNode): BindingFact[] {
  const parts = children(node);
  const lastOp = parts.map((p) => p.name).lastIndexOf('AssignOp');
  if (lastOp < 0 || src.of(parts[lastOp]) !== '=' || !parts[lastOp + 1]) return [];
  const value = toExpr(src, parts.slice(lastOp + 1));
  // `a = b = value` binds both; `a, b = ...` and `x.y = ...` bind nothing discovery can follow.
  const targets = parts
    .slice(0, lastOp)
    .filter((p) => p.name === 'VariableName' && (p.nextSibling?.name === 'AssignOp' || p.nextSibling?.name === 'TypeDef'));
  return targets.map((t) => ({ name: src.of(t), value, line: src.line(node.from), nameSpan: src.span(t) }));
}

function readRegistration(src: Source, node: SyntaxNode, facts: ModuleFacts): void {
  const call = node.firstChild;
  if (call?.name !== 'CallExpression') return;
  const [callee, args] = children(call);
  const dotted = callee && dottedName(src, callee);
  if (!dotted?.endsWith('.register') || args?.name !== 'ArgList') return;
  const first = argumentsOf(src, args).positional[0];
  if (first) facts.registrations.push({ target: dotted.slice(0, -'.register'.length), arg: toExpr(src, first) });
}
