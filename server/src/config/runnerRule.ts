// The `[workflow].runner` grammar: `<module>:<object>` with Python names (PEP 3131: Unicode letters allowed, so
// `módulo:runner` imports fine), and a hint that says how to fix what was written instead.
import { runnerFromWritten } from './repairs';

export const RUNNER_FORMAT_MESSAGE =
  "Expected runner import path in the format '<module>:<object>', for example 'my_workflow.runner:runner'.";
const IDENT = '[\\p{ID_Start}_][\\p{ID_Continue}]*';
export const RUNNER_PATTERN = new RegExp(`^${IDENT}(\\.${IDENT})*:${IDENT}(\\.${IDENT})*$`, 'u');

export function runnerHint(runner: string): string {
  if (/[\\/]|\.py(:|$)/.test(runner)) {
    return `Use a dotted module name, not a file path: "${runnerFromWritten(runner)}".`;
  }
  if (!runner.includes(':')) return runner ? `Add the object after a colon, for example "${runner}:runner".` : '';
  return 'Module and object must be Python names, such as my_workflow.runner and runner.';
}
