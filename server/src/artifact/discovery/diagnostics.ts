// Python-file diagnostics for what the SDK would refuse, worded as the SDK words them (so a search
// for the message finds both), plus the project-level checks: a subtask no Runner registers and a
// field type the SDK cannot serialise.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ClassFact, Expr, Span } from './facts';
import type { FoundRunner, ListedItem } from './runners';
import type { ProjectSymbols } from './symbols';
import type { StaticTask } from './types';
import { unsupportedFieldType } from './fieldTypes';
import { addToRunnerFix } from './addToRunner';

type Located = { file: string; diagnostic: Diagnostic };

const VERSION = /^v(\d+)\.(\d+)$/;
const MAX_NAME = 256;

export function identifierDiagnostics(file: string, cls: ClassFact, items: Expr[] | undefined, values: (string | undefined)[]): Located[] {
  const out: Diagnostic[] = [];
  const method = cls.identifier!;
  if (method.requiredParams > 0) {
    out.push(
      error(
        'task-identifier-not-static',
        method.nameSpan,
        `Failed to invoke ${cls.name}.identifier(). Is it a staticmethod or classmethod without parameters?`,
      ),
    );
  }
  const returned = method.returned;
  const literalNotString = (e: Expr) =>
    e.kind === 'number' || e.kind === 'none' || e.kind === 'bool' || e.kind === 'list' || e.kind === 'tuple';
  const isLiteral =
    returned &&
    (returned.kind === 'str' ||
      returned.kind === 'number' ||
      returned.kind === 'none' ||
      returned.kind === 'bool' ||
      returned.kind === 'list');
  if ((items && (items.length !== 2 || items.some(literalNotString))) || isLiteral) {
    out.push(error('task-identifier-not-pair', returned!.span, `Expected ${cls.name}.identifier() to return a tuple of two strings`));
  } else if (items) {
    const [name, version] = values;
    if (name !== undefined && name.length === 0) out.push(error('task-name-empty', items[0].span, 'A task name is required'));
    if (name !== undefined && [...name].length > MAX_NAME) {
      out.push(
        error('task-name-too-long', items[0].span, `The task name is too long (${[...name].length} characters, at most ${MAX_NAME}).`),
      );
    }
    if (version !== undefined && !VERSION.test(version)) {
      out.push(
        error(
          'task-invalid-version',
          items[1].span,
          `Invalid version string: ${version} (expected "v<major>.<minor>", for example "v1.0")`,
        ),
      );
    }
  }
  return out.map((diagnostic) => ({ file, diagnostic }));
}

export function runnerDiagnostics(items: (ListedItem & { task?: StaticTask })[]): Located[] {
  const out: Located[] = [];
  const seen = new Map<string, StaticTask>();
  for (const { file, span, task } of items) {
    if (!task || task.unresolved) continue;
    if (!task.hasExecute) {
      const repr = task.name !== task.className ? `${task.className} (${task.name})` : task.className;
      out.push({
        file,
        diagnostic: error(
          'task-not-executable',
          span,
          `Task ${repr} is not executable. It must have an execute method in order to register it with a task runner.`,
        ),
      });
      continue;
    }
    const key = `${task.name}\u0000${task.version}`;
    const earlier = seen.get(key);
    if (earlier) {
      const where = earlier.className === task.className ? '' : ` (${earlier.className} and ${task.className} share it)`;
      out.push({
        file,
        diagnostic: error(
          'task-duplicate-identifier',
          span,
          `Duplicate task identifier: A task '${task.name}' with version '${task.version}' is already registered.${where}`,
        ),
      });
    } else {
      seen.set(key, task);
    }
  }
  return out;
}

/** A registered task submits a task class no Runner of the project registers: the runner fails that subtask. */
export function subtaskDiagnostics(
  tasks: StaticTask[],
  byKey: Map<string, StaticTask>,
  runners: FoundRunner[],
  symbols: ProjectSymbols,
): Located[] {
  const registered = new Set(runners.flatMap((r) => r.listed.flatMap((l) => (l.target ? [l.target] : []))));
  const out: Located[] = [];
  for (const task of tasks) {
    if (!registered.has(task.key)) continue;
    for (const sub of task.subtasks) {
      if (!sub.target || registered.has(sub.target)) continue;
      const target = byKey.get(sub.target)!;
      const names = runners.map((r) => `\`${r.runner.path}\``).join(', ');
      const diagnostic = warning(
        'task-subtask-not-registered',
        sub.span,
        `${target.className} is submitted as a subtask but no Runner registers it (${names}), so the runner fails it at run time. Add it to a Runner's tasks.`,
      );
      const fixes = runners.flatMap((r) => addToRunnerFix(r, target, symbols) ?? []);
      if (fixes.length > 0) diagnostic.data = { fixes };
      out.push({ file: task.file, diagnostic });
    }
  }
  return out;
}

export function fieldTypeDiagnostics(file: string, cls: ClassFact): Located[] {
  return cls.fields.flatMap((f) => {
    const why = unsupportedFieldType(f.type);
    return why ? [{ file, diagnostic: error('task-field-type-unsupported', f.span, `${cls.name}.${f.name}: ${why}`) }] : [];
  });
}

function error(code: string, range: Span, message: string): Diagnostic {
  return make(code, range, message, DiagnosticSeverity.Error);
}
function warning(code: string, range: Span, message: string): Diagnostic {
  return make(code, range, message, DiagnosticSeverity.Warning);
}
function make(code: string, s: Span, message: string, severity: DiagnosticSeverity): Diagnostic {
  return {
    range: { start: { line: s.line, character: s.character }, end: { line: s.endLine, character: s.endCharacter } },
    message,
    code,
    severity,
    source: 'tilebox',
  };
}

/** Codes reported in Python files, for docs and severity settings. */
export const TASK_DIAGNOSTIC_CODES = [
  { code: 'task-invalid-version', description: 'identifier() returns a version that is not "v<major>.<minor>".' },
  { code: 'task-name-empty', description: 'identifier() returns an empty task name.' },
  { code: 'task-name-too-long', description: 'identifier() returns a task name over 256 characters.' },
  {
    code: 'task-identifier-not-static',
    description: 'identifier() takes parameters; it must be a staticmethod or classmethod without parameters.',
  },
  { code: 'task-identifier-not-pair', description: 'identifier() does not return a tuple of two strings.' },
  { code: 'task-duplicate-identifier', description: 'Two tasks with the same name and version are registered in one Runner.' },
  { code: 'task-not-executable', description: 'A task registered in a Runner has no execute method of its own.' },
  {
    code: 'task-subtask-not-registered',
    description: 'A registered task submits a subtask whose class no Runner of the project registers.',
  },
  {
    code: 'task-field-type-unsupported',
    description:
      'A task input field has a type the SDK cannot serialise (a callable, a type, an iterator, a file handle, a complex number).',
  },
  {
    code: 'task-retry-incompatible',
    description:
      "identifier() declares a version a deployed release's failed jobs could not be retried on (other major, or lower minor); only with deployment data.",
  },
] as const;
