// What every command flow gets, and the one way a flow stops on a CLI failure: it throws a
// `CliFailure`, which the command wrapper turns into one message with one action.
import type { CliRunner } from '../services';
import type { CliResult } from '../cliAdapter/types';
import type { Ui } from './ui';

export type { CliRunner };

export interface FlowDeps {
  cli: CliRunner;
  ui: Ui;
  /** Aborted when the command is cancelled. */
  signal?: AbortSignal;
}

export type CliFailureResult = Exclude<CliResult<unknown>, { kind: 'ok' }>;

export class CliFailure extends Error {
  constructor(
    readonly result: CliFailureResult,
    readonly what: string,
  ) {
    super(`${what}: ${result.kind}`);
  }
}

/** The user closed a picker or pressed Cancel: the wrapper ends the command quietly. */
export class Dismissed extends Error {
  constructor() {
    super('dismissed');
  }
}

/** Unwraps an ok result or throws a CliFailure naming what was being done. */
export async function need<T>(result: Promise<CliResult<T>>, what: string): Promise<T> {
  const r = await result;
  if (r.kind === 'ok') return r.value;
  throw new CliFailure(r, what);
}

/**
 * Runs one CLI write under a cancellable progress notification (so a slow or hung CLI is visible and can be
 * stopped) and unwraps it; `what` names the action in the title and in a failure message.
 */
export function withProgress<T>(d: FlowDeps, what: string, run: (signal: AbortSignal) => Promise<CliResult<T>>): Promise<T> {
  return d.ui.progress(what, (signal) => need(run(d.signal ? either(signal, d.signal) : signal), what));
}

/** Aborted when either signal aborts (AbortSignal.any without relying on the host's Node version). */
function either(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (a.aborted) return a;
  if (b.aborted) return b;
  const both = new AbortController();
  const abort = () => both.abort();
  a.addEventListener('abort', abort, { once: true });
  b.addEventListener('abort', abort, { once: true });
  return both.signal;
}

/** Unwraps a user answer; undefined (Escape) ends the flow without a message. */
export function answered<T>(value: T | undefined): T {
  if (value === undefined) throw new Dismissed();
  return value;
}

/** A clear, expected reason the command cannot go on; shown as one error message. */
export class Problem extends Error {
  override name = 'Problem';
}
