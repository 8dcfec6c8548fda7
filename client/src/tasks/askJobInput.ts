// The job input of Submit Job, Debug Task, Run Task and Debug Failed Task: asked field by field (promptTaskInput)
// when the project's code declares the task's fields, else one JSON box. `findTask` is how a chosen identifier is
// matched to the tasks the artifact preview discovered.
import type { DiscoveredTask } from '@shared';
import { answered, Problem } from '../commands/flow';
import type { Ui } from '../commands/ui';
import { checkJobInput } from '../jobs/jobInput';
import { promptTaskInput, type TaskInputDeps } from './promptTaskInput';
import type { SubmissionMemory } from './submissions';

export interface JobInputDeps {
  ui: Ui;
  submissions?: Pick<SubmissionMemory, 'lastInput'>;
  editDocument?: TaskInputDeps['editDocument'];
}

export interface InputFor {
  /** The identifier name: the key the last input is remembered under. */
  name: string;
  className?: string;
  /** The declared fields; undefined when the code declaring the task is not known here. */
  fields?: DiscoveredTask['fields'];
}

/** Compact JSON for `--input`, or undefined for no input; Escape ends the command. */
export async function askJobInput(d: JobInputDeps, task: InputFor): Promise<string | undefined> {
  if (task.fields) {
    const editDocument =
      d.editDocument ??
      (() => Promise.reject(new Problem("This task's input needs the JSON document editor, which is not available here.")));
    const input = await promptTaskInput(
      { name: task.name, className: task.className, fields: task.fields },
      { ui: d.ui, lastInput: (n) => d.submissions?.lastInput(n), editDocument },
    );
    return answered(input) ?? undefined;
  }
  const text = answered(
    await d.ui.input({
      title: task.className ? `Input of ${task.className} (JSON)` : 'Job input (JSON)',
      prompt: 'One field: the bare value (5, "text", [1,2]); several fields: an object. Empty: no input. At most 2048 bytes.',
      value: d.submissions?.lastInput(task.name),
      placeHolder: '{"scene_id": "S2A_..."}',
      validate: (v) => {
        const c = checkJobInput(v);
        return c.ok ? undefined : c.message;
      },
    }),
  );
  // Checked again: a caller may not honour `validate`, and nothing invalid may reach the CLI.
  const input = checkJobInput(text);
  if (!input.ok) throw new Problem(input.message);
  return input.input;
}

/**
 * The discovered task an identifier means: the same name and version, else the same name (the code at hand is what
 * a local runner runs), else, for an identifier computed at runtime, the same class. Tasks whose identifier cannot
 * be read statically match only by class.
 */
export function findTask(
  tasks: readonly DiscoveredTask[] | undefined,
  want: { name: string; version: string; className?: string },
): DiscoveredTask | undefined {
  const known = (tasks ?? []).filter((t) => !t.unresolved);
  return (
    known.find((t) => t.name === want.name && t.version === want.version) ??
    known.find((t) => t.name === want.name) ??
    (want.className ? tasks?.find((t) => t.unresolved && t.className === want.className) : undefined)
  );
}
