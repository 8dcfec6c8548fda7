// A job's input built from a task's declared fields, encoded as the SDK reads it (python-task-code.md §1.4):
// no fields → no input; one field → its bare JSON value; several → an object keyed by field name, in field order.
// Also what one prompt's text means for one field, and the check of a whole JSON document against the fields.
import type { TaskField } from '@shared';
import { checkJobInput } from '../jobs/jobInput';
import { fieldShape, type FieldShape } from './fieldKinds';
import { pythonDefault } from './pythonLiteral';

/** More fields than this, or one a prompt cannot express, and the input is edited as one JSON document. */
export const MAX_PROMPTED_FIELDS = 4;

export function needsDocument(fields: readonly TaskField[]): boolean {
  return fields.length > MAX_PROMPTED_FIELDS || fields.some((f) => fieldShape(f).type.kind === 'json');
}

/** Compact JSON for `--input`, or undefined when the task takes no input (then `--input` is left out). */
export function encodeInput(fields: readonly TaskField[], values: readonly unknown[]): string | undefined {
  if (fields.length === 0) return undefined;
  if (fields.length === 1) return JSON.stringify(values[0]);
  return JSON.stringify(Object.fromEntries(fields.map((f, i) => [f.name, values[i]])));
}

/** The value a field starts with: its Python default when that is a literal, else nothing. */
export function defaultValue(field: TaskField): { value: unknown } | undefined {
  return pythonDefault(field.default);
}

/** What a field's prompt shows first: `text` as typed (strings bare, everything else as JSON). */
export function promptText(shape: FieldShape, value: { value: unknown } | undefined): string {
  if (!value || value.value === null) return '';
  const v = value.value;
  return typeof v === 'string' && (shape.type.kind === 'text' || shape.type.kind === 'datetime') ? v : JSON.stringify(v);
}

export type Read = { ok: true; value: unknown } | { ok: false; message: string };

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$|^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$|^P/;

/** The value one prompt's text stands for; an empty optional field is None (`null`). */
export function readPrompt(shape: FieldShape, text: string): Read {
  const { field, type, optional } = shape;
  const t = type.kind === 'text' ? text : text.trim();
  if (optional && t === '') return { ok: true, value: null };
  if (type.kind === 'text') return { ok: true, value: t };
  if (type.kind === 'datetime') {
    return ISO.test(t)
      ? { ok: true, value: t }
      : {
          ok: false,
          message: `${field.name} (${field.type}) takes an ISO 8601 date or time, e.g. 2026-01-31T12:00:00Z.`,
        };
  }
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return { ok: false, message: `${field.name} (${field.type}): ${expected(shape)}.` };
  }
  const problem = typeProblem(shape, value);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}

function expected({ type }: FieldShape): string {
  switch (type.kind) {
    case 'integer':
      return 'write a whole number, e.g. 3';
    case 'number':
      return 'write a number, e.g. 0.5';
    case 'boolean':
      return 'write true or false';
    case 'list':
      return 'write a JSON array, e.g. [1, 2]';
    case 'object':
      return 'write a JSON object, e.g. {"key": 1}';
    case 'choice':
      return `one of ${type.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return 'write a JSON value';
  }
}

/** Why `value` does not fit the field's type, or undefined when it does (types the check cannot read pass). */
export function typeProblem(shape: FieldShape, value: unknown): string | undefined {
  const { type, optional, field } = shape;
  if (value === null) return optional ? undefined : `${field.name} (${field.type}) cannot be null.`;
  const fits =
    type.kind === 'text' || type.kind === 'datetime'
      ? typeof value === 'string'
      : type.kind === 'integer'
        ? Number.isInteger(value)
        : type.kind === 'number'
          ? typeof value === 'number'
          : type.kind === 'boolean'
            ? typeof value === 'boolean'
            : type.kind === 'list'
              ? Array.isArray(value)
              : type.kind === 'object'
                ? typeof value === 'object' && !Array.isArray(value)
                : type.kind === 'choice'
                  ? type.values.includes(value as string)
                  : true;
  if (fits) return undefined;
  const wanted = type.kind === 'text' || type.kind === 'datetime' ? 'a JSON string in double quotes' : expected(shape);
  return `${field.name} is ${field.type}, not ${JSON.stringify(value)}: ${wanted}.`;
}

/** The JSON document a user edits for the whole input, prefilled from the defaults (null where there is none). */
export function inputTemplate(fields: readonly TaskField[]): string {
  const values = fields.map((f) => defaultValue(f)?.value ?? null);
  return fields.length === 1
    ? JSON.stringify(values[0], null, 2)
    : JSON.stringify(Object.fromEntries(fields.map((f, i) => [f.name, values[i]])), null, 2);
}

export interface InputProblem {
  message: string /** The field the problem is about, to place it in the document. */;
  field?: string;
  offset?: number;
}

/** Checks a whole input text against the fields; ok gives the compact JSON to send. */
export function checkTaskInput(
  fields: readonly TaskField[],
  text: string,
): { ok: true; input?: string } | { ok: false; problem: InputProblem } {
  if (fields.length === 0) return { ok: true };
  if (text.trim() === '') return { ok: false, problem: { message: "The input is empty; write the JSON value of the task's fields." } };
  const base = checkJobInput(text);
  if (!base.ok) return { ok: false, problem: { message: base.message, offset: jsonErrorOffset(base.message) } };
  const value: unknown = JSON.parse(base.input!);
  const shapes = fields.map(fieldShape);
  if (shapes.length === 1) {
    const p = typeProblem(shapes[0], value);
    return p ? { ok: false, problem: { message: p } } : base;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      problem: {
        message: `The task has ${fields.length} fields, so its input is a JSON object keyed by field name: {${fields.map((f) => `"${f.name}": …`).join(', ')}}.`,
      },
    };
  }
  const obj = value as Record<string, unknown>;
  const names = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(obj)) {
    if (!names.has(key))
      return {
        ok: false,
        problem: { message: `The task has no field "${key}"; its fields are ${[...names].join(', ')}.`, field: key },
      };
  }
  for (const s of shapes) {
    if (!(s.field.name in obj)) {
      if (s.field.default === undefined)
        return {
          ok: false,
          problem: { message: `"${s.field.name}" (${s.field.type}) has no default, so the input needs it.` },
        };
      continue;
    }
    const p = typeProblem(s, obj[s.field.name]);
    if (p) return { ok: false, problem: { message: p, field: s.field.name } };
  }
  return base;
}

/** V8's JSON.parse messages name the position ("at position 12"): the diagnostic goes there. */
function jsonErrorOffset(message: string): number | undefined {
  const m = /at position (\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
}
