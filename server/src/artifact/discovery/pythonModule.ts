// Reads one Python module's outline: imports of Task/Runner, class headers with their bases,
// each class's `identifier()` and `execute`, and module-level Runner objects.
import { logicalLines, type LogicalLine, type Token } from './tokenize';
import { readIdentifierReturn, type IdentifierReturn } from './identifierReturn';
import { depthBefore, dottedAt, matchingClose, splitTopLevel } from './tokenHelpers';

export interface IdentifierMethod {
  nameToken: Token;
  /** Parameters without a default (excluding `*args`/`**kwargs`), minus `cls` for a classmethod. */
  requiredParams: number;
  returned?: IdentifierReturn;
}

export interface ClassInfo {
  name: string;
  nameToken: Token;
  /** Dotted base names (`Task`, `workflows.Task`, `BaseTask`); keyword arguments left out. */
  bases: string[];
  hasExecute: boolean;
  identifier?: IdentifierMethod;
}

export interface RunnerItem {
  dotted: string;
  first: Token;
  last: Token;
}

export interface RunnerInfo {
  variable: string;
  line: number;
  items: RunnerItem[];
}

export interface ModuleOutline {
  classes: ClassInfo[];
  runners: RunnerInfo[];
  /** Local names that refer to `tilebox.workflows.Task` / `.Runner` / the `tilebox.workflows` module. */
  taskNames: Set<string>;
  runnerNames: Set<string>;
  moduleNames: Set<string>;
  /** Module-level `NAME = "literal"` constants, so `return NAME, VERSION` can be read. */
  constants: Map<string, Token[]>;
}

export function outlineModule(text: string): ModuleOutline {
  const lines = logicalLines(text);
  const outline: ModuleOutline = {
    classes: [],
    runners: [],
    taskNames: new Set(['Task']),
    runnerNames: new Set(['Runner']),
    moduleNames: new Set(['workflows', 'tilebox.workflows']),
    constants: new Map(),
  };
  for (let i = 0; i < lines.length; i++) {
    const { tokens, indent } = lines[i];
    const first = tokens[0];
    if (first.text === 'from' || first.text === 'import') readImport(tokens, outline);
    else if (first.text === 'class' && tokens[1]?.kind === 'name') outline.classes.push(readClass(lines, i));
    else if (indent === 0 && first.kind === 'name') readModuleAssignment(tokens, outline);
  }
  return outline;
}

/** `from tilebox.workflows import Task as T, Runner`; `import tilebox.workflows as tw`; `from tilebox import workflows`. */
function readImport(tokens: Token[], outline: ModuleOutline): void {
  const texts = tokens.map((t) => t.text);
  if (texts[0] === 'import') {
    for (const part of splitTopLevel(tokens.slice(1))) {
      const asAt = part.findIndex((t) => t.text === 'as');
      const dotted = dottedAt(part, 0)?.dotted;
      if (dotted === 'tilebox.workflows' && asAt > 0 && part[asAt + 1]) outline.moduleNames.add(part[asAt + 1].text);
    }
    return;
  }
  const importAt = texts.indexOf('import');
  const from = dottedAt(tokens, 1)?.dotted;
  if (importAt < 0 || !from) return;
  const names = tokens.slice(importAt + 1).filter((t) => t.text !== '(' && t.text !== ')');
  for (const part of splitTopLevel(names)) {
    const original = part[0]?.text;
    const local = part[1]?.text === 'as' && part[2] ? part[2].text : original;
    if (!original || !local) continue;
    if (from.startsWith('tilebox.workflows') && original === 'Task') outline.taskNames.add(local);
    if (from.startsWith('tilebox.workflows') && original === 'Runner') outline.runnerNames.add(local);
    if (from === 'tilebox' && original === 'workflows') outline.moduleNames.add(local);
  }
}

function readClass(lines: LogicalLine[], at: number): ClassInfo {
  const { tokens, indent } = lines[at];
  const nameToken = tokens[1];
  const bases: string[] = [];
  if (tokens[2]?.text === '(') {
    const close = matchingClose(tokens, 2);
    for (const arg of splitTopLevel(tokens.slice(3, close))) {
      if (arg[1]?.text === '=' || arg[0]?.text === '*' || arg[0]?.text === '**') continue;
      const dotted = dottedAt(arg, 0);
      if (dotted) bases.push(dotted.dotted);
    }
  }
  const info: ClassInfo = { name: nameToken.text, nameToken, bases, hasExecute: false };
  // The body: following lines indented deeper; members are those at the body's own indent.
  let bodyIndent = -1;
  for (let j = at + 1; j < lines.length && lines[j].indent > indent; j++) {
    const line = lines[j];
    if (bodyIndent < 0) bodyIndent = line.indent;
    if (line.indent !== bodyIndent) continue;
    const t = line.tokens;
    const defAt = t[0].text === 'async' ? 1 : 0;
    if (t[defAt]?.text !== 'def' || t[defAt + 1]?.kind !== 'name') {
      if (t[0].text === 'execute' && t[1]?.text === '=') info.hasExecute = true;
      continue;
    }
    const methodName = t[defAt + 1].text;
    if (methodName === 'execute') info.hasExecute = true;
    if (methodName === 'identifier') info.identifier = readIdentifierMethod(lines, j, decoratorsBefore(lines, j, bodyIndent));
  }
  // A one-line body (`class A(Task): pass`) sits on the header line itself.
  return info;
}

function decoratorsBefore(lines: LogicalLine[], at: number, indent: number): string[] {
  const names: string[] = [];
  for (let k = at - 1; k >= 0 && lines[k].indent === indent && lines[k].tokens[0].text === '@'; k--) {
    const dotted = dottedAt(lines[k].tokens, 1);
    if (dotted) names.push(dotted.dotted);
  }
  return names;
}

function readIdentifierMethod(lines: LogicalLine[], at: number, decorators: string[]): IdentifierMethod {
  const { tokens, indent } = lines[at];
  const defAt = tokens[0].text === 'async' ? 1 : 0;
  const nameToken = tokens[defAt + 1];
  const open = defAt + 2;
  let required = 0;
  if (tokens[open]?.text === '(') {
    const close = matchingClose(tokens, open);
    for (const param of splitTopLevel(tokens.slice(open + 1, close))) {
      if (param.length === 0 || param[0].text === '*' || param[0].text === '**' || param[0].text === '/') continue;
      if (!param.some((t) => t.text === '=')) required++;
    }
  }
  const isStatic = decorators.some((d) => d === 'staticmethod' || d.endsWith('.staticmethod'));
  const isClass = decorators.some((d) => d === 'classmethod' || d.endsWith('.classmethod'));
  const requiredParams = isClass ? Math.max(0, required - 1) : isStatic ? required : required;
  // The first `return` in the body that is not inside a nested def/class.
  let returned: IdentifierReturn | undefined;
  const colon = tokens.findIndex((t, k) => k > open && t.text === ':' && depthBefore(tokens, k) === 0);
  const inline = colon >= 0 ? tokens.slice(colon + 1) : [];
  if (inline[0]?.text === 'return') returned = readIdentifierReturn(inline.slice(1));
  let nestedIndent = Infinity;
  for (let j = at + 1; !returned && j < lines.length && lines[j].indent > indent; j++) {
    const line = lines[j];
    if (line.indent > nestedIndent) continue;
    nestedIndent = Infinity;
    const head = line.tokens[0].text === 'async' ? line.tokens[1]?.text : line.tokens[0].text;
    if (head === 'def' || head === 'class') { nestedIndent = line.indent; continue; }
    if (line.tokens[0].text === 'return') returned = readIdentifierReturn(line.tokens.slice(1));
  }
  return { nameToken, requiredParams, returned };
}

function readModuleAssignment(tokens: Token[], outline: ModuleOutline): void {
  // NAME [: annotation] = value
  let eq = 1;
  if (tokens[1]?.text === ':') {
    eq = tokens.findIndex((t, k) => k > 1 && t.text === '=' && depthBefore(tokens, k) === 0);
    if (eq < 0) return;
  }
  const variable = tokens[0].text;
  if (tokens[eq]?.text === '=') {
    const value = tokens.slice(eq + 1);
    if (value.length > 0 && value.every((t) => t.kind === 'string')) outline.constants.set(variable, value);
    const runner = readRunnerCall(value, outline);
    if (runner) outline.runners.push({ variable, line: tokens[0].line + 1, items: runner });
    return;
  }
  // runner.register(Task)
  if (tokens[1]?.text === '.' && tokens[2]?.text === 'register' && tokens[3]?.text === '(') {
    const known = outline.runners.find((r) => r.variable === variable);
    const arg = dottedAt(tokens, 4);
    if (known && arg) known.items.push({ dotted: arg.dotted, first: tokens[4], last: tokens[arg.end - 1] });
  }
}

/** `Runner(tasks=[A, b.B])`, `workflows.Runner(...)`, `client.runner(..., tasks=[...])`. */
function readRunnerCall(value: Token[], outline: ModuleOutline): RunnerItem[] | undefined {
  const callee = dottedAt(value, 0);
  if (!callee || value[callee.end]?.text !== '(' || !isRunnerRef(callee.dotted, outline)) return undefined;
  const close = matchingClose(value, callee.end);
  const items: RunnerItem[] = [];
  for (const arg of splitTopLevel(value.slice(callee.end + 1, close))) {
    if (arg[0]?.text !== 'tasks' || arg[1]?.text !== '=' || !arg[2] || !'[('.includes(arg[2].text)) continue;
    const end = matchingClose(arg, 2);
    for (const item of splitTopLevel(arg.slice(3, end))) {
      const dotted = dottedAt(item, 0);
      if (dotted && dotted.end === item.length) items.push({ dotted: dotted.dotted, first: item[0], last: item[item.length - 1] });
    }
  }
  return items;
}

function isRunnerRef(dotted: string, outline: ModuleOutline): boolean {
  if (outline.runnerNames.has(dotted)) return true;
  const dot = dotted.lastIndexOf('.');
  if (dot < 0) return false;
  const last = dotted.slice(dot + 1);
  return (last === 'Runner' && outline.moduleNames.has(dotted.slice(0, dot))) || last === 'runner';
}

export function isTaskRef(dotted: string, outline: ModuleOutline): boolean {
  if (outline.taskNames.has(dotted)) return true;
  const dot = dotted.lastIndexOf('.');
  return dot > 0 && dotted.slice(dot + 1) === 'Task' && outline.moduleNames.has(dotted.slice(0, dot));
}
