// The architecture rules ARCHITECTURE.md states, checked over the import graph of client/src and server/src:
// the client reaches the server only through '@shared'; the pure core never reaches the editor or LSP-connection
// APIs (directly or through another module); no import cycle. Each rule is also run on a small made-up graph, so a
// rule that could never fire fails here too.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');

/** Folders whose modules decide things without an editor: unit-tested directly, runnable in the headless CLI. */
export const PURE = [
  'server/src/config',
  'server/src/artifact',
  'server/src/shared',
  'server/src/headless',
  'client/src/cliAdapter',
  'client/src/refresh',
  'client/src/views/model',
  'client/src/artifact/model',
];
/**
 * Packages the pure core must not import: the editor API and the LSP connection libraries. The LSP's data
 * vocabulary is allowed: vscode-languageserver-types (plain objects and constants such as DiagnosticSeverity) and
 * vscode-languageserver-protocol (message-type descriptors, used by shared/protocol.ts).
 */
const EDITOR_ONLY = /^(vscode|vscode-languageserver|vscode-languageclient)(\/|$)/;

/** One import: a repo-relative path of an own module or the bare name of a package; type-only ones vanish on build. */
export interface Edge {
  to: string;
  typeOnly: boolean;
  /** As written in the source ('@shared/formatBytes', '../x'). */
  spec: string;
}
/** Module (repo-relative path) → what it imports. */
export type ImportGraph = Map<string, Edge[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `import type`, `export type`, or named bindings that are all `type`: erased by the compiler. */
function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    const clause = node.exportClause;
    return node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly));
  }
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** Every module specifier of a file: static imports and re-exports, import() and require(). */
function specifiers(file: string): { spec: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
  const found: { spec: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push({ spec: node.moduleSpecifier.text, typeOnly: isTypeOnly(node) });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        found.push({ spec: node.arguments[0].text, typeOnly: false });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** An own module's repo-relative path, the '@shared' alias as tsconfig maps it; a package keeps its bare name. */
function resolve(from: string, spec: string, known: Set<string>): string {
  let base: string;
  if (spec === '@shared') base = 'server/src/shared/index';
  else if (spec.startsWith('@shared/')) base = `server/src/shared/${spec.slice('@shared/'.length)}`;
  else if (spec.startsWith('.')) base = relative(ROOT, join(ROOT, dirname(from), spec)).replaceAll('\\', '/');
  else return spec;
  const stem = base.replace(/\.(js|ts)$/, '');
  return [`${stem}.ts`, `${stem}/index.ts`].find((c) => known.has(c)) ?? `${stem}.ts (missing)`;
}

export function readGraph(): ImportGraph {
  const files = [...sourceFiles('server/src'), ...sourceFiles('client/src')];
  const known = new Set(files);
  return new Map(files.map((f) => [f, specifiers(f).map(({ spec, typeOnly }) => ({ to: resolve(f, spec, known), typeOnly, spec }))]));
}

const inside = (file: string, folder: string) => file.startsWith(`${folder}/`);

/** Client imports of server modules other than server/src/shared through '@shared' (a relative path would bypass it). */
export function clientReachingIntoServer(graph: ImportGraph): string[] {
  const allowed = (e: Edge) => inside(e.to, 'server/src/shared') && /^@shared(\/|$)/.test(e.spec);
  return [...graph].flatMap(([from, to]) =>
    inside(from, 'client/src') ? to.filter((e) => inside(e.to, 'server/src') && !allowed(e)).map((e) => `${from} → ${e.spec}`) : [],
  );
}

/**
 * Pure-core modules that reach an editor-only package, with the import path that gets there: any import of one
 * from the pure core itself, or a chain of value imports (type-only ones load nothing, so a pure module may name a
 * type from a module whose own types mention vscode, as services.ts's interfaces do).
 */
export function pureReachingTheEditor(graph: ImportGraph, pure = PURE): string[] {
  const out: string[] = [];
  for (const start of graph.keys()) {
    if (!pure.some((folder) => inside(start, folder))) continue;
    const seen = new Map<string, string[]>([[start, [start]]]);
    const queue = [start];
    for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
      for (const { to: next, typeOnly } of graph.get(at) ?? []) {
        if (typeOnly && at !== start) continue;
        if (EDITOR_ONLY.test(next)) {
          out.push([...seen.get(at)!, next].join(' → '));
        } else if (!typeOnly && graph.has(next) && !seen.has(next)) {
          seen.set(next, [...seen.get(at)!, next]);
          queue.push(next);
        }
      }
    }
  }
  return out;
}

/**
 * Import cycles among own modules, type-only imports included (they tangle the reading order all the same):
 * Tarjan's strongly connected components of more than one module, or a self-import.
 */
export function cycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const { to: w } of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || graph.get(v)!.some((e) => e.to === v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const graph = readGraph();

test('the graph is read whole: every relative import resolves to a module that exists', () => {
  assert.ok(graph.size > 100, `only ${graph.size} modules found`);
  const missing = [...graph].flatMap(([from, to]) => to.filter((e) => e.to.endsWith('(missing)')).map((e) => `${from} → ${e.to}`));
  assert.deepEqual(missing, []);
});

test("client code imports no server module but '@shared'", () => {
  assert.deepEqual(clientReachingIntoServer(graph), []);
});

test('the pure core reaches neither vscode nor vscode-languageserver/-languageclient, directly or through another module', () => {
  assert.deepEqual(pureReachingTheEditor(graph), []);
});

test('no import cycle', () => {
  assert.deepEqual(cycles(graph), []);
});

test('each rule fires on a graph that breaks it', () => {
  const spec = (t: string) => (t.startsWith('server/src/shared/') ? '@shared' : t);
  const value = (...to: string[]) => to.map((t) => ({ to: t, typeOnly: false, spec: spec(t) }));
  const types = (...to: string[]) => to.map((t) => ({ to: t, typeOnly: true, spec: spec(t) }));
  const bad: ImportGraph = new Map([
    ['client/src/a.ts', value('server/src/lsp/x.ts', 'server/src/shared/index.ts')],
    ['client/src/b.ts', [{ to: 'server/src/shared/index.ts', typeOnly: false, spec: '../../server/src/shared' }]],
    ['server/src/lsp/x.ts', value('vscode-languageserver/node')],
    ['server/src/config/p.ts', value('server/src/config/q.ts')],
    ['server/src/config/q.ts', value('server/src/lsp/x.ts', 'server/src/config/p.ts', 'vscode-languageserver-types')],
    ['server/src/shared/index.ts', types('client/src/services.ts', 'vscode')],
    ['client/src/services.ts', types('vscode')],
  ]);
  assert.deepEqual(clientReachingIntoServer(bad), ['client/src/a.ts → server/src/lsp/x.ts', 'client/src/b.ts → ../../server/src/shared']);
  assert.deepEqual(pureReachingTheEditor(bad), [
    'server/src/config/p.ts → server/src/config/q.ts → server/src/lsp/x.ts → vscode-languageserver/node',
    'server/src/config/q.ts → server/src/lsp/x.ts → vscode-languageserver/node',
    'server/src/shared/index.ts → vscode',
  ]);
  assert.deepEqual(cycles(bad), [['server/src/config/p.ts', 'server/src/config/q.ts']]);
});
