// Asks for a task's job input, field by field or as one JSON document, and returns it encoded for `--input`.
// Shared by Submit Job and the debugger (`promptTaskInput`), so both build the input the same way.
import type { TaskField } from '@shared';
import { Problem } from '../commands/flow';
import type { PickItem, Ui } from '../commands/ui';
import { checkJobInput } from '../jobs/jobInput';
import { fieldShape, type FieldShape } from './fieldKinds';
import {
  checkTaskInput,
  defaultValue,
  encodeInput,
  inputTemplate,
  needsDocument,
  promptText,
  readPrompt,
  type InputProblem,
} from './taskInput';

export interface TaskToPrompt {
  /** The identifier name: the key the last input is remembered under. */
  name: string;
  className?: string;
  fields: readonly TaskField[];
}

export interface TaskInputDeps {
  ui: Pick<Ui, 'pick' | 'input'>;
  /** The last input submitted for this task identifier name (compact JSON), offered first. */
  lastInput?(taskName: string): string | undefined;
  /**
   * Opens `initial` as an editable JSON document checked as it is typed (`check` gives the problem to mark);
   * resolves with the text the user submits, undefined when they close or cancel it.
   */
  editDocument(title: string, initial: string, check: (text: string) => InputProblem | undefined): Promise<string | undefined>;
}

/**
 * The task's input: a string is the compact JSON to pass as `--input`; `null` means the task has no fields (send
 * no `--input`); `undefined` means the user cancelled. Throws a `Problem` for an input the API would refuse.
 */
export async function promptTaskInput(task: TaskToPrompt, d: TaskInputDeps): Promise<string | null | undefined> {
  const { fields } = task;
  if (fields.length === 0) return null;
  const label = task.className ?? task.name.split('/').pop() ?? task.name;
  const last = d.lastInput?.(task.name);
  if (last !== undefined && checkTaskInput(fields, last).ok) {
    const NEW = Symbol('new');
    const chosen = await d.ui.pick<string | typeof NEW>(`Input of ${label}`, [
      { label: '$(history) Last input', description: last, value: last },
      { label: '$(edit) New input…', description: fields.map((f) => f.name).join(', '), value: NEW },
    ]);
    if (chosen === undefined) return undefined;
    if (chosen !== NEW) return chosen;
  }
  if (needsDocument(fields)) return viaDocument(task, label, d);
  const values: unknown[] = [];
  const shapes = fields.map(fieldShape);
  for (const [i, shape] of shapes.entries()) {
    const step = shapes.length > 1 ? ` (${i + 1}/${shapes.length})` : '';
    const read = await promptField(shape, `${label}: ${shape.field.name}${step}`, d.ui);
    if (read === undefined) return undefined;
    values.push(read.value);
  }
  const input = encodeInput(fields, values)!;
  const size = checkJobInput(input);
  if (!size.ok) throw new Problem(size.message);
  return input;
}

async function promptField(shape: FieldShape, title: string, ui: TaskInputDeps['ui']): Promise<{ value: unknown } | undefined> {
  const { type, optional, field } = shape;
  const initial = defaultValue(field);
  if (type.kind === 'boolean' || type.kind === 'choice') {
    const values: unknown[] = type.kind === 'choice' ? type.values : [true, false];
    const items: PickItem<{ value: unknown }>[] = [...values, ...(optional ? [null] : [])].map((v) => ({
      label: v === null ? 'None' : typeof v === 'boolean' ? (v ? 'True' : 'False') : JSON.stringify(v),
      description: initial && initial.value === v ? 'default' : undefined,
      value: { value: v },
    }));
    items.sort((a, b) => Number(!!b.description) - Number(!!a.description));
    return ui.pick(`${title}: ${field.type}`, items);
  }
  const text = await ui.input({
    title: `${title}: ${field.type}`,
    value: promptText(shape, initial),
    prompt: [hint(shape), optional ? 'Empty: None.' : undefined, field.default !== undefined ? `Default: ${field.default}.` : undefined]
      .filter(Boolean)
      .join(' '),
    validate: (v) => {
      const r = readPrompt(shape, v);
      return r.ok ? undefined : r.message;
    },
  });
  if (text === undefined) return undefined;
  // Read again: a caller's UI may not honour `validate`, and nothing mistyped may be sent.
  const read = readPrompt(shape, text);
  if (!read.ok) throw new Problem(read.message);
  return { value: read.value };
}

function hint({ type }: FieldShape): string {
  switch (type.kind) {
    case 'text':
      return 'Text, as is (no quotes).';
    case 'datetime':
      return 'An ISO 8601 date/time, e.g. 2026-01-31T12:00:00Z.';
    case 'integer':
      return 'A whole number.';
    case 'number':
      return 'A number.';
    case 'list':
      return 'A JSON array, e.g. [1, 2].';
    case 'object':
      return 'A JSON object, e.g. {"key": 1}.';
    default:
      return 'A JSON value.';
  }
}

async function viaDocument(task: TaskToPrompt, label: string, d: TaskInputDeps): Promise<string | undefined> {
  const check = (text: string) => {
    const r = checkTaskInput(task.fields, text);
    return r.ok ? undefined : r.problem;
  };
  const text = await d.editDocument(`Input of ${label}`, inputTemplate(task.fields), check);
  if (text === undefined) return undefined;
  const r = checkTaskInput(task.fields, text);
  if (!r.ok) throw new Problem(r.problem.message);
  return r.input!;
}
