// The building blocks of a CLI call: a read or a write of some arguments with its parser, and the checks that keep
// a value from the CLI or the user from being read as a flag or splitting a line (InvalidArgumentError).
import type { CliCall } from './types';
import { InvalidArgumentError } from './validate';

export const read = <T>(args: string[], parse: CliCall<T>['parse']): CliCall<T> => ({ args, parse, kind: 'read' });
export const write = <T>(args: string[], parse: CliCall<T>['parse'], timeoutMs?: number): CliCall<T> => ({
  args,
  parse,
  kind: 'write',
  ...(timeoutMs ? { timeoutMs } : {}),
});

export function text(value: string, what: string): string {
  if (value.trim() === '') throw new InvalidArgumentError(`${what} is empty`);
  if (/[\0\r\n]/.test(value)) throw new InvalidArgumentError(`${what} must be a single line`);
  return value;
}

/** A name that must not look like a flag (target names have no documented syntax). */
export function flagSafe(value: string, what: string): string {
  if (text(value, what).startsWith('-')) throw new InvalidArgumentError(`${what} ${JSON.stringify(value)} must not start with '-'`);
  return value;
}

export function positive(n: number, what: string): string {
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${what} must be a whole number ≥ 1, got ${n}`);
  return String(n);
}
