// How a command's error becomes what the user sees: a CLI failure goes to services.showFailure (one
// message, one action), a dismissed picker or a cancelled call says nothing, a known problem is one
// error message, anything else is a bug: logged with its stack and reported briefly.
import { InvalidArgumentError } from '../cliAdapter/validate';
import { CliFailure, Dismissed, Problem } from './flow';

export type ErrorReport =
  | { kind: 'silent' }
  | { kind: 'failure'; failure: CliFailure }
  | { kind: 'message'; text: string }
  | { kind: 'bug'; text: string; stack?: string };

export function classifyError(e: unknown, commandTitle: string): ErrorReport {
  if (e instanceof Dismissed) return { kind: 'silent' };
  if (e instanceof CliFailure) return e.result.kind === 'cancelled' ? { kind: 'silent' } : { kind: 'failure', failure: e };
  if (e instanceof Problem || e instanceof InvalidArgumentError) return { kind: 'message', text: e.message };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'bug', text: `${commandTitle} failed unexpectedly: ${err.message}`, stack: err.stack };
}
