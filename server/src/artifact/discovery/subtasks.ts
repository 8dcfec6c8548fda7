// The subtasks an `execute` body submits: `context.submit_subtask(X(...))`, `submit_subtasks([...])`
// (also comprehensions, and local lists filled with append/extend/+= or iterated in a loop).
import type { SyntaxNode } from '@lezer/common';
import type { SubtaskFact } from './facts';
import { Source, argumentsOf, children, dottedName } from './syntax';

const SUBMIT = /\.(submit_subtasks?|submit_batch)$/;
const OPTIONS = ['depends_on', 'cluster', 'max_retries', 'optional'];

export function subtasksOf(src: Source, body: SyntaxNode): SubtaskFact[] {
  const calls: SyntaxNode[] = [];
  const assignments: SyntaxNode[] = [];
  const loops: SyntaxNode[] = [];
  const cursor = body.cursor();
  const end = body.to;
  do {
    const n = cursor.node;
    if (n.from > end) break;
    if (n.name === 'CallExpression') calls.push(n);
    else if (n.name === 'AssignStatement' || n.name === 'UpdateStatement') assignments.push(n);
    else if (n.name === 'ForStatement' || n.name.endsWith('ComprehensionExpression') || n.name === 'ComprehensionExpression') loops.push(n);
  } while (cursor.next() && cursor.from < end);

  const out: SubtaskFact[] = [];
  for (const call of calls) {
    const [callee, args] = children(call);
    const dotted = callee && dottedName(src, callee);
    if (!dotted || !SUBMIT.test(dotted) || args?.name !== 'ArgList') continue;
    const { positional, keywords } = argumentsOf(src, args);
    const first = positional[0]?.[positional[0].length - 1] ?? keywords.get('task') ?? keywords.get('tasks');
    const options: Record<string, string> = {};
    for (const o of OPTIONS) {
      const v = keywords.get(o);
      if (v) options[o] = src.of(v);
    }
    for (const ctor of constructors(first, new Set())) {
      const name = dottedName(src, children(ctor)[0]);
      if (name) out.push({ callee: name, span: src.span(ctor), options });
    }
  }
  return dedupe(out);

  /** The constructor calls an argument expression can hold. */
  function constructors(node: SyntaxNode | undefined, seen: Set<string>): SyntaxNode[] {
    if (!node) return [];
    switch (node.name) {
      case 'CallExpression': {
        const name = dottedName(src, children(node)[0]);
        // `list(...)`/`[*a, *b]`-like helpers are not constructors of tasks; a capitalised name is.
        return name && /^[A-Z]/.test(name.slice(name.lastIndexOf('.') + 1))
          ? [node]
          : children(node).flatMap((c) => (c.name === 'ArgList' ? children(c).flatMap((a) => constructors(a, seen)) : []));
      }
      case 'ArrayExpression':
      case 'TupleExpression':
      case 'SetExpression':
      case 'ParenthesizedExpression':
        return children(node).flatMap((c) => constructors(c, seen));
      case 'ArrayComprehensionExpression':
      case 'SetComprehensionExpression':
      case 'ComprehensionExpression':
        return constructors(children(node)[1], seen);
      case 'ConditionalExpression':
      case 'BinaryExpression':
        return children(node).flatMap((c) => constructors(c, seen));
      case 'VariableName':
        return fromLocal(src.of(node), seen);
      default:
        return [];
    }
  }

  /** What a local name was filled with: assignments, append/extend/insert calls, `+=`, and `for name in ...`. */
  function fromLocal(name: string, seen: Set<string>): SyntaxNode[] {
    if (seen.has(name)) return [];
    seen.add(name);
    const found: SyntaxNode[] = [];
    for (const a of assignments) {
      const parts = children(a);
      const op = parts.findIndex((p) => p.name === 'AssignOp' || p.name === 'UpdateOp');
      if (op > 0 && parts.slice(0, op).some((p) => p.name === 'VariableName' && src.of(p) === name))
        found.push(...constructors(parts[parts.length - 1], seen));
    }
    for (const call of calls) {
      const [callee, args] = children(call);
      const dotted = callee && dottedName(src, callee);
      if (dotted === `${name}.append` || dotted === `${name}.extend` || dotted === `${name}.insert`) {
        const positional = argumentsOf(src, args).positional;
        const arg = positional[positional.length - 1];
        found.push(...constructors(arg?.[arg.length - 1], seen));
      }
    }
    for (const loop of loops) {
      const parts = children(loop);
      for (let i = 0; i < parts.length; i++) {
        if (parts[i].name !== 'for') continue;
        const inAt = parts.findIndex((p, k) => k > i && p.name === 'in');
        if (inAt > 0 && parts.slice(i + 1, inAt).some((p) => p.name === 'VariableName' && src.of(p) === name))
          found.push(...constructors(parts[inAt + 1], seen));
      }
    }
    return found;
  }
}

function dedupe(list: SubtaskFact[]): SubtaskFact[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = `${s.span.line}:${s.span.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
