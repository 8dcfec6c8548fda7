// The quick fix for a subtask no Runner registers: the class appended to that Runner's tasks list
// (wherever the list literal is, also a `TASKS = [...]` in another module), with an import added
// when the list's module does not know the name yet.
import type { Span } from './facts';
import type { FoundRunner } from './runners';
import type { ProjectSymbols } from './symbols';
import type { StaticTask } from './types';

export interface FileEdit {
  file: string;
  range: Span;
  newText: string;
}
export interface TaskFix {
  title: string;
  edits: FileEdit[];
}

export function addToRunnerFix(runner: FoundRunner, task: StaticTask, symbols: ProjectSymbols): TaskFix | undefined {
  const list = runner.list;
  if (!list || (list.expr.kind !== 'list' && list.expr.kind !== 'tuple')) return undefined;
  const { expr, module } = list;
  const edits: FileEdit[] = [];
  const known = symbols.resolve(module, task.className);
  if (!(known?.kind === 'class' && `${known.module.file}#${known.cls.name}` === task.key)) {
    const target = symbols.moduleOfFile(task.file);
    if (!target) return undefined;
    const at = { line: module.importsEnd, character: 0, endLine: module.importsEnd, endCharacter: 0 };
    edits.push({ file: module.file, range: at, newText: `from ${symbols.nameOf(target)} import ${task.className}\n` });
  }
  const last = expr.items[expr.items.length - 1];
  const end = last
    ? { line: last.span.endLine, character: last.span.endCharacter }
    : { line: expr.span.endLine, character: expr.span.endCharacter - 1 };
  const single = expr.kind === 'tuple' && expr.items.length === 1 && !expr.text.replace(/\s/g, '').endsWith(',)');
  edits.push({
    file: module.file,
    range: { ...end, endLine: end.line, endCharacter: end.character },
    newText: last ? `, ${task.className}${single ? ',' : ''}` : task.className,
  });
  return { title: `Add ${task.className} to runner \`${runner.runner.path}\``, edits };
}
