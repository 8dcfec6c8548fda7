// The Jobs view's filter: a small value object turned into `job list` options and a one-line summary.
import type { JobListOptions } from '../../cliAdapter/calls';
import type { JobState } from '../../cliAdapter/types';

export interface JobFilter {
  state?: Exclude<JobState, 'unknown'>;
  /** A `--last` window: `1h`, `24h`, `7d`, `30d`. */
  last?: string;
  cluster?: string;
  /** Fuzzy job name (`--name`). */
  name?: string;
}

export const PAGE_SIZE = 25;

export const TIME_RANGES = [
  { value: '1h', label: 'Last hour' },
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
] as const;

export function isFiltered(f: JobFilter): boolean {
  return !!(f.state || f.last || f.cluster || f.name);
}

export function toListOptions(f: JobFilter, cursor?: string, limit = PAGE_SIZE): JobListOptions {
  return {
    ...(f.state ? { state: f.state } : {}),
    ...(f.last ? { last: f.last } : {}),
    ...(f.cluster ? { cluster: f.cluster } : {}),
    ...(f.name ? { name: f.name } : {}),
    limit,
    ...(cursor ? { cursor } : {}),
  };
}

/** "failed · last 7d · on dev-cluster · name ~ scene", or undefined when nothing is filtered. */
export function describeFilter(f: JobFilter): string | undefined {
  const parts = [
    f.state,
    f.last ? `last ${f.last}` : undefined,
    f.cluster ? `on ${f.cluster}` : undefined,
    f.name ? `name ~ ${f.name}` : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

/** Changes one part of the filter; `undefined` clears it. */
export function withFilter<K extends keyof JobFilter>(f: JobFilter, key: K, value: JobFilter[K] | undefined): JobFilter {
  const next = { ...f };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}

/** The Jobs view's description: the project it is limited to (if so), then the filter. */
export function describeJobsView(f: JobFilter, onlyProject: { label: string } | 'none' | undefined): string | undefined {
  const scope = onlyProject === 'none' ? 'no current project' : onlyProject ? onlyProject.label : undefined;
  return [scope, describeFilter(f)].filter(Boolean).join(' · ') || undefined;
}
