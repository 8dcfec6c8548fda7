// The Tasks group of the Artifact view: the task classes static discovery found in the selected Python files, and
// whether a Runner in the artifact registers each one.
import type { DiscoveredRunner, DiscoveredTask } from '@shared';
import { type ArtifactItem, count } from './artifactItems';

/** `pending`: the files are listed and the tasks still being looked for (a large project's first read). */
export function tasksGroupItem(
  tasks: DiscoveredTask[],
  runners: DiscoveredRunner[] | undefined,
  parentId: string,
  pending = false,
): ArtifactItem {
  if (pending) {
    return {
      id: `${parentId}/tasks`,
      label: 'Tasks',
      description: 'reading the selected .py files…',
      tooltip: 'The files going into the artifact are listed; the task classes in them are still being looked for.',
      icon: { id: 'loading~spin' },
      contextValue: 'artifactTasks pending',
      collapsible: 'none',
    };
  }
  const where = (runners ?? []).map(
    (r) => `\`${r.variable}\` in \`${r.file}:${r.line}\` registers ${count(r.taskClassNames.length, 'task')}`,
  );
  return {
    id: `${parentId}/tasks`,
    label: 'Tasks',
    description: `${tasks.length} found statically`,
    tooltip: ['Task classes found by reading the selected `.py` files (no Python is run, so this is best effort).', ...where].join('\n\n'),
    icon: { id: 'symbol-class' },
    contextValue: 'artifactTasks',
    collapsible: 'expanded',
  };
}

export function taskItem(task: DiscoveredTask, runners: DiscoveredRunner[] | undefined, parentId: string): ArtifactItem {
  const className = task.className ?? '';
  const registeredBy = (runners ?? []).filter((r) => className && r.taskClassNames.includes(className));
  const notInRunner = runners !== undefined && runners.length > 0 && className !== '' && registeredBy.length === 0;
  const parts = [
    task.version,
    className && className !== task.name ? className : '',
    task.unresolved ? 'computed at runtime' : '',
    notInRunner ? 'not in a runner' : '',
  ];
  const tooltip = [
    `**${task.name}** \`${task.version}\``,
    `\`class ${className || '?'}\` in \`${task.file}:${task.line}\``,
    task.unresolved ? 'identifier() returns something only running Python can tell; shown as written.' : '',
    registeredBy.length ? `Registered by ${registeredBy.map((r) => `\`${r.variable}\` (\`${r.file}:${r.line}\`)`).join(', ')}.` : '',
    notInRunner ? 'No `Runner(tasks=[...])` in the artifact lists this class, so runners of this release will not execute it.' : '',
  ].filter(Boolean);
  return {
    id: `${parentId}/t:${task.file}:${task.line}:${className}`,
    label: task.name,
    description: parts.filter(Boolean).join(' · '),
    tooltip: tooltip.join('\n\n'),
    icon: notInRunner ? { id: 'symbol-class', color: 'list.warningForeground' } : { id: 'symbol-class' },
    contextValue: 'artifactTask',
    collapsible: 'none',
    resourcePath: task.file,
    line: task.line,
  };
}
