// The documented JSON of `preview --json`: the selection's files and exclusions, and the tasks and runners found
// statically in every selected Python file (no cap).
import { resolveDiscovery } from '../artifact/discovery/index';
import { ModuleCache } from '../artifact/preview/moduleCache';
import type { Selection } from '../artifact/select';

export interface TaskJson {
  /** Absent when `computed`: identifier() returns something only running Python could tell. */
  name?: string;
  version?: string;
  computed?: true;
  file: string;
  line: number;
  class: string;
  fields: { name: string; type: string; default?: string }[];
  subtasks: { class: string; file: string; line: number }[];
  runners: string[];
}

export type PreviewJson = Pick<Selection, 'root' | 'excluded' | 'totalBytes'> & {
  files: { path: string; size: number }[];
  tasks: TaskJson[];
  runners: { path: string; file: string; line: number; tasks: string[]; computed?: true }[];
};

export async function findTasks(selection: Selection): Promise<Pick<PreviewJson, 'tasks' | 'runners'>> {
  const discovery = resolveDiscovery((await new ModuleCache().facts(selection.files)).modules);
  return {
    tasks: discovery.tasks.map(
      (t): TaskJson => ({
        ...(t.unresolved ? { computed: true } : { name: t.name, version: t.version }),
        file: t.file,
        line: t.line,
        class: t.className,
        fields: t.fields,
        subtasks: t.subtasks.map((s) => ({ class: s.class, file: s.file, line: s.line })),
        runners: t.runners,
      }),
    ),
    runners: discovery.runners.map((r) => ({
      path: r.path,
      file: r.file,
      line: r.line,
      tasks: r.taskClassNames,
      ...(r.unresolved ? { computed: true as const } : {}),
    })),
  };
}
