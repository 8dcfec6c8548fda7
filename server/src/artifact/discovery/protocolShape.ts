// Discovery's results in the shape the client reads (`@shared` protocol): spans and keys stay on the server.
import type { DiscoveredRunner, DiscoveredTask } from '../../shared/protocol';
import type { StaticRunner, StaticTask } from './types';

export function toDiscoveredTask(t: StaticTask): DiscoveredTask {
  return {
    name: t.name,
    version: t.version,
    file: t.file,
    line: t.line,
    className: t.className,
    ...(t.unresolved ? { unresolved: true } : {}),
    fields: t.fields,
    subtasks: t.subtasks.map((s) => ({ class: s.class, file: s.file, line: s.line, ...(s.options ? { options: s.options } : {}) })),
    runners: t.runners,
  };
}

export function toDiscoveredRunner(r: StaticRunner): DiscoveredRunner {
  return {
    file: r.file,
    line: r.line,
    variable: r.variable,
    taskClassNames: r.taskClassNames,
    path: r.path,
    ...(r.unresolved ? { unresolved: true } : {}),
  };
}
