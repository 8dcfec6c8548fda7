// CLI calls of submitted jobs (submitting is jobSubmit.ts): list, get, retry, cancel and the log pages.
import { flagSafe, positive, read, text, write } from './callBuilders';
import { parseIgnored, parseJob, parseJobPage, parseLogPage, parseRetry } from './parse';
import type { CliCall, Job, LogLine, Page, RetryResult } from './types';
import { assertSlug, assertUuid, InvalidArgumentError } from './validate';

export interface JobListOptions {
  state?: string;
  last?: string;
  after?: string;
  before?: string;
  name?: string;
  cluster?: string;
  limit?: number;
  cursor?: string;
}

/**
 * A name filter is free text and may start with "-" ("-draft"). Such a value goes as one `--name=<value>`
 * argument, which cobra/pflag read as the value whatever it looks like (like dirArg's `./-dir`).
 */
function nameFilter(name: string): string[] {
  return text(name, 'Name filter').startsWith('-') ? [`--name=${name}`] : ['--name', name];
}

export function jobList(o: JobListOptions = {}): CliCall<Page<Job>> {
  const args = ['job', 'list'];
  const flag = (name: string, v: string | undefined) => {
    if (v !== undefined && v !== '') args.push(`--${name}`, flagSafe(v, name));
  };
  if (o.state !== undefined && !/^[a-z_,]+$/i.test(o.state))
    throw new InvalidArgumentError(`Job state filter ${JSON.stringify(o.state)} is not a state name`);
  flag('state', o.state?.toLowerCase());
  flag('last', o.last);
  flag('after', o.after);
  flag('before', o.before);
  if (o.name !== undefined && o.name !== '') args.push(...nameFilter(o.name));
  if (o.cluster !== undefined) args.push('--cluster', assertSlug(o.cluster, 'Cluster'));
  if (o.limit !== undefined) args.push('--limit', positive(o.limit, 'Limit'));
  if (o.cursor) args.push('--cursor', flagSafe(o.cursor, 'Cursor'));
  return read([...args, '--json'], parseJobPage);
}

export const jobGet = (id: string): CliCall<Job> => read(['job', 'get', assertUuid(id, 'Job'), '--json'], parseJob);
export const jobRetry = (id: string): CliCall<RetryResult> => write(['job', 'retry', assertUuid(id, 'Job'), '--json'], parseRetry);
export const jobCancel = (id: string): CliCall<void> => write(['job', 'cancel', assertUuid(id, 'Job'), '--json'], parseIgnored);

export function jobLogs(id: string, o: { cursor?: string; limit?: number; sort?: 'asc' | 'desc' } = {}): CliCall<Page<LogLine>> {
  const args = ['job', 'logs', assertUuid(id, 'Job')];
  if (o.sort) args.push('--sort', o.sort);
  if (o.limit !== undefined) args.push('--limit', positive(o.limit, 'Limit'));
  if (o.cursor) args.push('--cursor', flagSafe(o.cursor, 'Cursor'));
  return read([...args, '--json'], parseLogPage);
}
