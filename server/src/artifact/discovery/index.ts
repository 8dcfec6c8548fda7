// Static task discovery over a set of Python files: which classes are Tilebox tasks, their
// identifiers, fields and subtasks, and which Runner objects register them. Best effort, never throws.
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeModule } from './analyzeModule';
import { identifierDiagnostics, runnerDiagnostics, subtaskDiagnostics, fieldTypeDiagnostics } from './diagnostics';
import { staticString } from './evaluate';
import type { ModuleFacts } from './facts';
import { findRunners, runnerAtPath } from './runners';
import { ProjectSymbols } from './symbols';
import { TaskClasses, classKey, type ClassRef } from './taskClasses';
import type { Discovery, PythonSource, StaticSubtask, StaticTask } from './types';

export type { Discovery, PythonSource, StaticRunner, StaticTask, StaticSubtask, StaticField } from './types';
export type { ModuleFacts } from './facts';
export { analyzeModule, emptyFacts } from './analyzeModule';
export { TASK_DIAGNOSTIC_CODES } from './diagnostics';
export { retryDiagnostics } from './retryCheck';
export { ProjectSymbols } from './symbols';

export function discoverTasks(files: PythonSource[]): Discovery {
  return resolveDiscovery(files.flatMap(({ path, text }) => analyzeModule(path, text) ?? []));
}

/**
 * Cross-file step: which classes are tasks, their identifiers, fields and subtasks, and the Runners that
 * register them. `onlyFile` resolves just that file's tasks (with every Runner, so their `runners` are
 * right) and skips the project-wide checks: what the lenses of one edited file need, in milliseconds.
 */
export function resolveDiscovery(modules: readonly ModuleFacts[], onlyFile?: string): Discovery {
  const symbols = new ProjectSymbols(modules);
  const classes = new TaskClasses(symbols);
  const diagnostics: { file: string; diagnostic: Diagnostic }[] = [];

  const taskRefs: ClassRef[] = [];
  for (const module of symbols.fullModules) {
    if (onlyFile !== undefined && module.file !== onlyFile) continue;
    for (const cls of module.classes) if (classes.isTask({ module, cls })) taskRefs.push({ module, cls });
  }

  const tasks = taskRefs.map((ref): StaticTask => {
    const { module, cls } = ref;
    const owner = classes.identifierOwner(ref);
    let name = cls.name;
    let version = 'v0.0';
    let unresolved = false;
    if (owner) {
      const returned = owner.cls.identifier!.returned;
      const items = returned?.kind === 'tuple' ? returned.items : undefined;
      const values = (items ?? []).map((e) => staticString(e, owner.module, symbols));
      unresolved = items?.length !== 2 || values.some((v) => v === undefined) || owner.cls.identifier!.requiredParams > 0;
      name = values[0] ?? items?.[0]?.text ?? returned?.text ?? cls.name;
      version = values[1] ?? items?.[1]?.text ?? '?';
      if (owner.cls === cls) diagnostics.push(...identifierDiagnostics(module.file, cls, items, values));
    }
    diagnostics.push(...fieldTypeDiagnostics(module.file, cls));
    return {
      name,
      version,
      file: module.file,
      line: cls.nameSpan.line + 1,
      className: cls.name,
      ...(unresolved ? { unresolved: true } : {}),
      key: classKey(ref),
      nameSpan: cls.nameSpan,
      ...(owner ? { identifierAt: { file: owner.module.file, span: owner.cls.identifier!.nameSpan } } : {}),
      hasExecute: cls.hasExecute,
      fields: classes.fields(ref),
      subtasks: cls.subtasks.map((s): StaticSubtask => {
        const symbol = symbols.resolve(module, s.callee);
        const target =
          symbol?.kind === 'class' && classes.isTask({ module: symbol.module, cls: symbol.cls })
            ? { module: symbol.module, cls: symbol.cls }
            : undefined;
        return {
          class: target?.cls.name ?? s.callee.slice(s.callee.lastIndexOf('.') + 1),
          file: module.file,
          line: s.span.line + 1,
          span: s.span,
          ...(Object.keys(s.options).length ? { options: s.options } : {}),
          ...(target ? { target: classKey(target) } : {}),
        };
      }),
      runners: [],
    };
  });
  const byKey = new Map(tasks.map((t) => [t.key, t]));

  const runners = findRunners(symbols, classes);
  for (const { runner, listed } of runners) {
    for (const l of listed) {
      const task = l.target ? byKey.get(l.target) : undefined;
      if (task && !task.runners.includes(runner.path)) task.runners.push(runner.path);
    }
    if (onlyFile === undefined)
      diagnostics.push(...runnerDiagnostics(listed.map((l) => ({ ...l, task: l.target ? byKey.get(l.target) : undefined }))));
  }
  // Only when every Runner is known can a subtask be known to be in none of them.
  if (onlyFile === undefined && runners.length > 0 && runners.every((r) => !r.runner.unresolved))
    diagnostics.push(...subtaskDiagnostics(tasks, byKey, runners, symbols));

  return {
    static: true,
    tasks,
    runners: runners.map((r) => r.runner),
    diagnostics,
    runnerAt: (runnerPath) => runnerAtPath(runnerPath, runners, symbols)?.runner,
  };
}
