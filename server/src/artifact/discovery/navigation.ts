// Navigation over discovery's results, pure: the task under the cursor, everything that refers to a
// task (Runner registrations, submit_subtask calls), the Runner a `module:object` string names, and
// tasks matching a workspace-symbol query.
import type { Span } from './facts';
import type { Discovery, StaticRunner, StaticTask } from './types';

export interface FileSpan {
  file: string;
  span: Span;
}

const contains = (s: Span, line: number, character: number) =>
  (line > s.line || (line === s.line && character >= s.character)) &&
  (line < s.endLine || (line === s.endLine && character <= s.endCharacter));

/** The task whose class name (or `class` line) is at this position, or whose constructor a subtask call there is. */
export function taskAt(discovery: Discovery, file: string, line: number, character: number): StaticTask | undefined {
  const declared = discovery.tasks.find((t) => t.file === file && (contains(t.nameSpan, line, character) || t.nameSpan.line === line));
  if (declared) return declared;
  const ref = [...discovery.tasks.flatMap((t) => t.subtasks), ...discovery.runners.flatMap((r) => r.items)].find(
    (s) => s.file === file && s.target && contains(s.span, line, character),
  );
  return ref?.target ? discovery.tasks.find((t) => t.key === ref.target) : undefined;
}

/** Where a task is registered in a Runner and where `execute` bodies create it as a subtask. */
export function taskReferences(discovery: Discovery, task: StaticTask, includeDeclaration: boolean): FileSpan[] {
  const out: FileSpan[] = includeDeclaration ? [{ file: task.file, span: task.nameSpan }] : [];
  for (const r of discovery.runners)
    for (const item of r.items) if (item.target === task.key) out.push({ file: item.file, span: item.span });
  for (const t of discovery.tasks) for (const s of t.subtasks) if (s.target === task.key) out.push({ file: s.file, span: s.span });
  return out;
}

/** The Runner `[workflow].runner = "module:object"` imports (also through a re-export). */
export function runnerByPath(discovery: Discovery, runnerPath: string): StaticRunner | undefined {
  return discovery.runnerAt(runnerPath);
}

/** Tasks whose identifier name or class name matches the query (characters in order, any case). */
export function matchingTasks(discovery: Discovery, query: string): StaticTask[] {
  const q = query.toLowerCase();
  const matches = (s: string) => {
    let at = 0;
    for (const ch of s.toLowerCase()) if (ch === q[at]) at++;
    return at === q.length;
  };
  return discovery.tasks.filter((t) => matches(t.className) || matches(t.name));
}

/** Hover text of a Runner: its tasks, or why they are unknown. */
export function runnerSummary(runner: StaticRunner, tasks: StaticTask[]): string {
  const lines = [`**Runner \`${runner.path}\`** (${runner.file}:${runner.line})`, ''];
  if (runner.unresolved) lines.push('Its tasks list is computed at run time; the tasks below are only those that could be read.', '');
  if (runner.items.length === 0) lines.push('Registers no task.');
  for (const [k, name] of runner.taskClassNames.entries()) {
    const task = tasks.find((t) => t.key === runner.items[k]?.target);
    lines.push(
      task
        ? `- \`${task.className}\` — ${task.unresolved ? 'identifier computed at run time' : `${task.name} ${task.version}`}`
        : `- \`${name}\` (not a task found in the artifact)`,
    );
  }
  return lines.join('\n');
}
