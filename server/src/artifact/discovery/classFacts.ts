// One class statement: bases, dataclass fields (as the SDK's dataclass() sees them), whether the
// body defines `execute`, `identifier()`, and the subtasks `execute` submits.
import type { SyntaxNode } from '@lezer/common';
import type { ClassFact, Expr, FieldFact } from './facts';
import { Source, argumentsOf, children, toExpr } from './syntax';
import { subtasksOf } from './subtasks';

export function classFact(src: Source, node: SyntaxNode): ClassFact {
  const parts = children(node);
  const nameNode = parts.find((c) => c.name === 'VariableName')!;
  const argList = parts.find((c) => c.name === 'ArgList');
  const body = parts.find((c) => c.name === 'Body');
  const fact: ClassFact = {
    name: src.of(nameNode),
    nameSpan: src.span(nameNode),
    bases: argList ? argumentsOf(src, argList).positional.map((p) => toExpr(src, p)) : [],
    fields: [],
    hasExecute: false,
    subtasks: [],
  };
  for (const statement of body ? children(body) : []) {
    const decorators =
      statement.name === 'DecoratedStatement'
        ? children(statement)
            .filter((c) => c.name === 'Decorator')
            .map((d) => src.of(d).slice(1).trim())
        : [];
    const target = statement.name === 'DecoratedStatement' ? children(statement).find((c) => c.name === 'FunctionDefinition') : statement;
    if (target?.name === 'AssignStatement') readAttribute(src, target, fact);
    if (target?.name !== 'FunctionDefinition') continue;
    const fnParts = children(target);
    const name = fnParts.find((c) => c.name === 'VariableName');
    const fnBody = fnParts.find((c) => c.name === 'Body');
    if (!name) continue;
    if (src.of(name) === 'execute') {
      fact.hasExecute = true;
      if (fnBody) fact.subtasks.push(...subtasksOf(src, fnBody));
    }
    if (src.of(name) === 'identifier') {
      const params = fnParts.find((c) => c.name === 'ParamList');
      const required = params ? requiredParams(params) : 0;
      const isClassMethod = decorators.some((d) => d === 'classmethod' || d.endsWith('.classmethod'));
      const isStatic = decorators.some((d) => d === 'staticmethod' || d.endsWith('.staticmethod'));
      fact.identifier = {
        nameSpan: src.span(name),
        requiredParams: isClassMethod ? Math.max(0, required - 1) : isStatic ? required : required,
        returned: fnBody ? firstReturn(src, fnBody) : undefined,
      };
    }
  }
  return fact;
}

/** Not dataclass fields: ClassVar, InitVar and the KW_ONLY marker. */
const NOT_A_FIELD = /^(?:typing\.|dataclasses\.)?(?:ClassVar|InitVar|KW_ONLY)\b/;

function readAttribute(src: Source, node: SyntaxNode, fact: ClassFact): void {
  const parts = children(node);
  const [target, typeDef] = parts;
  if (target?.name !== 'VariableName') return;
  if (src.of(target) === 'execute') fact.hasExecute = true;
  if (typeDef?.name !== 'TypeDef') return;
  const type = src.text.slice(typeDef.from, typeDef.to).replace(/^:\s*/, '').replace(/\s+/g, ' ');
  const bare = type.replace(/^["']|["']$/g, '');
  if (NOT_A_FIELD.test(bare)) return;
  const valueNode = parts[parts.findIndex((p) => p.name === 'AssignOp') + 1];
  const field: FieldFact = { name: src.of(target), type, span: src.span(node) };
  if (valueNode && parts.some((p) => p.name === 'AssignOp')) {
    const value = toExpr(src, valueNode);
    if (value.kind === 'call' && /^(?:dataclasses\.)?field$/.test(value.callee ?? '')) {
      if (skipsSerialization(value.keywords.metadata)) return;
      if (value.keywords.default) field.default = value.keywords.default.text;
      else if (value.keywords.default_factory) field.default = value.text;
    } else {
      field.default = value.text;
    }
  }
  // A later annotation of the same name replaces the earlier one in place (dataclass semantics).
  const earlier = fact.fields.findIndex((f) => f.name === field.name);
  if (earlier >= 0) fact.fields[earlier] = field;
  else fact.fields.push(field);
}

function skipsSerialization(metadata: Expr | undefined): boolean {
  return !!metadata && /["']skip_serialization["']\s*:\s*True\b/.test(metadata.text);
}

function requiredParams(params: SyntaxNode): number {
  let required = 0;
  let group: SyntaxNode[] = [];
  const flush = () => {
    const first = group[0];
    if (first && first.name === 'VariableName' && !group.some((n) => n.name === 'AssignOp')) required++;
    group = [];
  };
  for (const c of children(params)) {
    if (c.name === '(' || c.name === ')') continue;
    if (c.name === ',') flush();
    else group.push(c);
  }
  flush();
  return required;
}

/** The first `return` of a function body, not counting nested functions, classes and lambdas. */
function firstReturn(src: Source, body: SyntaxNode): Expr | undefined {
  for (const statement of children(body)) {
    if (statement.name === 'FunctionDefinition' || statement.name === 'ClassDefinition' || statement.name === 'DecoratedStatement')
      continue;
    if (statement.name === 'ReturnStatement') {
      const values = children(statement).filter((c) => c.name !== 'return');
      if (values.length === 0) return undefined;
      const commas = values.filter((v) => v.name === ',').length;
      const exprs = argumentsOf(src, statement).positional.map((p) =>
        toExpr(
          src,
          p.filter((n) => n.name !== 'return'),
        ),
      );
      if (commas === 0) return exprs[0];
      const span = src.span({ from: values[0].from, to: values[values.length - 1].to });
      return { kind: 'tuple', items: exprs, span, text: src.text.slice(values[0].from, values[values.length - 1].to) };
    }
    for (const inner of children(statement).filter((c) => c.name === 'Body')) {
      const found = firstReturn(src, inner);
      if (found) return found;
    }
  }
  return undefined;
}
