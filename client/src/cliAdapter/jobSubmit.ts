// The job submit call: its input is checked as JSON here, since the CLI would send non-JSON as a plain string.
import { flagSafe, write } from './callBuilders';
import { parseSubmit } from './parse';
import type { CliCall, SubmitResult } from './types';
import { assertSlug, InvalidArgumentError, isTaskVersion } from './validate';

export interface SubmitOptions {
  name: string;
  task: string;
  version?: string;
  /** Inline JSON text (validated here: the CLI would turn non-JSON into a string silently). */
  input?: string;
  cluster?: string;
  maxRetries?: number;
}

export function jobSubmit(o: SubmitOptions): CliCall<SubmitResult> {
  const args = ['job', 'submit', '--name', flagSafe(o.name, 'Job name'), '--task', flagSafe(o.task, 'Task name')];
  if (o.version !== undefined) {
    if (!isTaskVersion(o.version)) throw new InvalidArgumentError(`Task version ${JSON.stringify(o.version)} must look like v1.0`);
    args.push('--version', o.version);
  }
  if (o.input !== undefined && o.input.trim() !== '') {
    try {
      JSON.parse(o.input);
    } catch (e) {
      throw new InvalidArgumentError(`Job input is not valid JSON: ${(e as Error).message}`);
    }
    args.push('--input', o.input);
  }
  if (o.cluster !== undefined) args.push('--cluster', assertSlug(o.cluster, 'Cluster'));
  if (o.maxRetries !== undefined) {
    if (!Number.isInteger(o.maxRetries) || o.maxRetries < 0)
      throw new InvalidArgumentError(`Max retries must be a whole number ≥ 0, got ${o.maxRetries}`);
    args.push('--max-retries', String(o.maxRetries));
  }
  return write([...args, '--json'], parseSubmit);
}
