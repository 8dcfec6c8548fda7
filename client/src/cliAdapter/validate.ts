// Checks for values that end up in a terminal command or a CLI argument list. Values come from the CLI's own
// output or a user's input; both are validated before use so a crafted slug cannot become a flag.
import { parseTaskVersion, shortId } from '@shared';

export { parseTaskVersion, shortId };

const SLUG = /^[A-Za-z0-9-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A workflow or cluster slug as the API validates it (1..100 of `[A-Za-z0-9-]`). Never starts a flag. */
export function isSlug(s: unknown): s is string {
  return typeof s === 'string' && SLUG.test(s) && !s.startsWith('-');
}

export function isUuid(s: unknown): s is string {
  return typeof s === 'string' && UUID.test(s) && !/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(s);
}

/** A task version `vMAJOR.MINOR`, e.g. `v1.0`. */
export function isTaskVersion(s: unknown): s is string {
  return typeof s === 'string' && parseTaskVersion(s) !== undefined;
}

export class InvalidArgumentError extends Error {
  override name = 'InvalidArgumentError';
}

export function assertSlug(s: string, what: string): string {
  if (!isSlug(s)) throw new InvalidArgumentError(`${what} ${JSON.stringify(s)} is not a valid slug (1-100 letters, digits or '-')`);
  return s;
}

export function assertUuid(s: string, what: string): string {
  if (!isUuid(s)) throw new InvalidArgumentError(`${what} ${JSON.stringify(s)} is not a UUID`);
  return s;
}

function assertCount(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError(`${what} must be a whole number from 1 to 1000, got ${n}`);
  return n;
}

/** `runner start` arguments (without the binary): `['runner','start','--cluster',slug,'-n','2','--stop-when-idling']`. */
export function runnerStartArgs(opts: { cluster?: string; count?: number; stopWhenIdle?: boolean } = {}): string[] {
  const args = ['runner', 'start'];
  if (opts.cluster !== undefined) args.push('--cluster', assertSlug(opts.cluster, 'Cluster'));
  if (opts.count !== undefined && opts.count !== 1) args.push('-n', String(assertCount(opts.count, 'Runner count')));
  if (opts.stopWhenIdle) args.push('--stop-when-idling');
  return args;
}

/** `parallel -n N -- command...` arguments (without the binary); the command stays an argument array. */
export function parallelArgs(n: number, command: string[]): string[] {
  if (command.length === 0 || command[0].trim() === '') throw new InvalidArgumentError('The direct runner command is empty');
  return ['parallel', '-n', String(assertCount(n, 'Process count')), '--', ...command];
}
