// Python-file diagnostics for what the worker runtime would refuse, worded as the runtime words
// them (contract 1.3) so a search for the message finds both.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { ClassInfo, RunnerItem } from './pythonModule';
import type { StringPart } from './identifierReturn';
import type { StaticTask } from './types';
import type { Token } from './tokenize';

export interface ResolvedTask { task: StaticTask; hasExecute: boolean }

const VERSION = /^v(\d+)\.(\d+)$/;
const MAX_NAME = 256;

export function identifierDiagnostics(file: string, info: ClassInfo, [name, version]: (StringPart | undefined)[]): { file: string; diagnostic: Diagnostic }[] {
  const out: Diagnostic[] = [];
  const method = info.identifier!;
  if (method.requiredParams > 0) {
    out.push(error('task-identifier-not-static', span(method.nameToken, method.nameToken),
      `Failed to invoke ${info.name}.identifier(). Is it a staticmethod or classmethod without parameters?`));
  }
  const elements = method.returned?.elements;
  if (elements && (elements.length !== 2 || elements.some((e) => e.notString))) {
    out.push(error('task-identifier-not-pair', span(method.returned!.first, method.returned!.last),
      `Expected ${info.name}.identifier() to return a tuple of two strings`));
  } else {
    if (name?.value !== undefined && name.value.length === 0) {
      out.push(error('task-name-empty', span(name.first, name.last), 'A task name is required'));
    }
    if (name?.value !== undefined && [...name.value].length > MAX_NAME) {
      out.push(error('task-name-too-long', span(name.first, name.last),
        `The task name is too long (${[...name.value].length} characters, at most ${MAX_NAME}).`));
    }
    if (version?.value !== undefined && !VERSION.test(version.value)) {
      out.push(error('task-invalid-version', span(version.first, version.last),
        `Invalid version string: ${version.value} (expected "v<major>.<minor>", for example "v1.0")`));
    }
  }
  return out.map((diagnostic) => ({ file, diagnostic }));
}

export function runnerDiagnostics(file: string, items: RunnerItem[], tasks: (ResolvedTask | undefined)[]): { file: string; diagnostic: Diagnostic }[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, ResolvedTask>();
  items.forEach((item, k) => {
    const resolved = tasks[k];
    if (!resolved || resolved.task.unresolved) return;
    const { task } = resolved;
    if (!resolved.hasExecute) {
      const repr = task.name !== task.className ? `${task.className} (${task.name})` : task.className;
      out.push(error('task-not-executable', span(item.first, item.last),
        `Task ${repr} is not executable. It must have an execute method in order to register it with a task runner.`));
      return;
    }
    const key = `${task.name}\u0000${task.version}`;
    const earlier = seen.get(key);
    if (earlier) {
      const where = earlier.task.className === task.className ? '' : ` (${earlier.task.className} and ${task.className} share it)`;
      out.push(error('task-duplicate-identifier', span(item.first, item.last),
        `Duplicate task identifier: A task '${task.name}' with version '${task.version}' is already registered.${where}`));
    } else {
      seen.set(key, resolved);
    }
  });
  return out.map((diagnostic) => ({ file, diagnostic }));
}

function span(first: Token, last: Token): Range {
  return { start: { line: first.line, character: first.character }, end: { line: last.endLine, character: last.endCharacter } };
}

function error(code: string, range: Range, message: string): Diagnostic {
  return { range, message, code, severity: DiagnosticSeverity.Error, source: 'tilebox' };
}

/** Codes reported in Python files, for docs and severity settings. */
export const TASK_DIAGNOSTIC_CODES = [
  { code: 'task-invalid-version', description: 'identifier() returns a version that is not "v<major>.<minor>".' },
  { code: 'task-name-empty', description: 'identifier() returns an empty task name.' },
  { code: 'task-name-too-long', description: 'identifier() returns a task name over 256 characters.' },
  { code: 'task-identifier-not-static', description: 'identifier() takes parameters; it must be a staticmethod or classmethod without parameters.' },
  { code: 'task-identifier-not-pair', description: 'identifier() does not return a tuple of two strings.' },
  { code: 'task-duplicate-identifier', description: 'Two tasks with the same name and version are registered in one Runner.' },
  { code: 'task-not-executable', description: 'A task registered in a Runner has no execute method of its own.' },
] as const;
