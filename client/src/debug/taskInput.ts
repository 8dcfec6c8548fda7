// The job input of a debugged task. Today: the JSON prompt of "Submit Job…" (checked by checkJobInput). This is
// the one place to swap in the field-based job-input form when it lands.
import { checkJobInput } from '../jobs/jobInput';
import { answered, Problem } from '../commands/flow';
import type { Ui } from '../commands/ui';

export interface InputTask {
  name: string;
  version: string;
  class?: string;
  fields?: { name: string; type: string }[];
}

/** Compact JSON to submit, or undefined for no input; Escape ends the command. */
export async function askTaskInput(ui: Ui, task: InputTask, previous?: string): Promise<string | undefined> {
  const fields = task.fields?.map((f) => `${f.name}: ${f.type}`).join(', ');
  const text = answered(
    await ui.input({
      title: `Input of ${task.class ?? task.name} (JSON)`,
      prompt: `${fields ? `Fields: ${fields}. ` : ''}One field: the bare value (5, "text"); several: an object. Empty: no input. At most 2048 bytes.`,
      value: previous,
      placeHolder: '{"scene_id": "S2A_..."}',
      validate: (v) => {
        const c = checkJobInput(v);
        return c.ok ? undefined : c.message;
      },
    }),
  );
  const checked = checkJobInput(text);
  if (!checked.ok) throw new Problem(checked.message);
  return checked.input;
}
