// Every CLI call the extension makes, as data: arguments (`--json` included), how to parse stdout, and whether
// it only reads (identical concurrent reads may share a process). Builders validate slugs and ids so a value
// from the CLI or the user can never be read as a flag; they throw InvalidArgumentError on bad input.
import {
  parseAccount,
  parseBuild,
  parseCluster,
  parseClusterList,
  parseDeploy,
  parseIgnored,
  parseInit,
  parseJob,
  parseJobPage,
  parseLogPage,
  parsePublish,
  parseRetry,
  parseSubmit,
  parseVersion,
  parseWorkflow,
  parseWorkflowCreated,
  parseWorkflowList,
} from './parse';
import type {
  Account,
  BuildResult,
  CliCall,
  Cluster,
  DeployResult,
  InitResult,
  Job,
  LogLine,
  Page,
  PublishResult,
  RetryResult,
  SubmitResult,
  VersionInfo,
  Workflow,
} from './types';
import { assertSlug, assertUuid, InvalidArgumentError, isTaskVersion } from './validate';

/** Building and publishing run `uv` and upload: allow much longer than a read. */
export const RELEASE_TIMEOUT_MS = 10 * 60_000;

/** A call's timeout: the user's setting, but never below a long call's own minimum (publish, build: 10 min). */
export function callTimeoutMs(callMinimum: number | undefined, setting: number): number {
  return Math.max(callMinimum ?? 0, setting);
}

const read = <T>(args: string[], parse: CliCall<T>['parse']): CliCall<T> => ({ args, parse, kind: 'read' });
const write = <T>(args: string[], parse: CliCall<T>['parse'], timeoutMs?: number): CliCall<T> => ({
  args,
  parse,
  kind: 'write',
  ...(timeoutMs ? { timeoutMs } : {}),
});

function text(value: string, what: string): string {
  if (value.trim() === '') throw new InvalidArgumentError(`${what} is empty`);
  if (/[\0\r\n]/.test(value)) throw new InvalidArgumentError(`${what} must be a single line`);
  return value;
}

/** A name that must not look like a flag (target names have no documented syntax). */
function flagSafe(value: string, what: string): string {
  if (text(value, what).startsWith('-')) throw new InvalidArgumentError(`${what} ${JSON.stringify(value)} must not start with '-'`);
  return value;
}

function positive(n: number, what: string): string {
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${what} must be a whole number ≥ 1, got ${n}`);
  return String(n);
}

export const version = (): CliCall<VersionInfo> => read(['--version'], parseVersion);
export const accountGet = (): CliCall<Account> => read(['account', 'get', '--json'], parseAccount);

export const workflowInit = (name: string): CliCall<InitResult> =>
  write(['workflow', 'init', '--name', flagSafe(name, 'Workflow name'), '--json'], parseInit, RELEASE_TIMEOUT_MS);

export const workflowCreate = (name: string, description?: string): CliCall<Workflow> =>
  write(
    ['workflow', 'create', flagSafe(name, 'Workflow name'), ...(description ? ['--description', description] : []), '--json'],
    parseWorkflowCreated,
  );

export const workflowList = (): CliCall<Workflow[]> => read(['workflow', 'list', '--json'], parseWorkflowList);

/** Without a slug the CLI reads `[workflow].slug` from the nearest toml above the call's `cwd`. */
export const workflowGet = (slug?: string): CliCall<Workflow> =>
  read(['workflow', 'get', ...(slug !== undefined ? [assertSlug(slug, 'Workflow')] : []), '--json'], parseWorkflow);

function dirArg(dir?: string): string[] {
  if (dir === undefined) return [];
  text(dir, 'Project directory');
  return [dir.startsWith('-') ? `./${dir}` : dir];
}

export const buildRelease = (dir?: string): CliCall<BuildResult> =>
  write(['workflow', 'build-release', ...dirArg(dir), '--json'], parseBuild, RELEASE_TIMEOUT_MS);

export const publishRelease = (dir?: string): CliCall<PublishResult> =>
  write(['workflow', 'publish-release', ...dirArg(dir), '--json'], parsePublish, RELEASE_TIMEOUT_MS);

export interface DeployOptions {
  workflow?: string;
  /** A release UUID, or 'latest'. Default: latest. */
  release?: string | 'latest';
  /** A `[targets.<name>]` of the local toml (needs the call's cwd in the project). */
  target?: string;
  clusters?: string[];
}

function deployArgs(verb: 'deploy-release' | 'undeploy-release', o: DeployOptions): string[] {
  if (o.target !== undefined && o.clusters?.length)
    throw new InvalidArgumentError('Choose either a target or clusters, not both (--target and --cluster cannot be combined)');
  const args = ['workflow', verb];
  if (o.workflow !== undefined) args.push('--workflow', assertSlug(o.workflow, 'Workflow'));
  args.push(...(o.release === undefined || o.release === 'latest' ? ['--latest'] : ['--release', assertUuid(o.release, 'Release')]));
  if (o.target !== undefined) args.push('--target', flagSafe(o.target, 'Target'));
  if (o.clusters?.length) args.push('--cluster', o.clusters.map((c) => assertSlug(c, 'Cluster')).join(','));
  return [...args, '--json'];
}

export const deployRelease = (o: DeployOptions = {}): CliCall<DeployResult> => write(deployArgs('deploy-release', o), parseDeploy);
export const undeployRelease = (o: DeployOptions = {}): CliCall<DeployResult> => write(deployArgs('undeploy-release', o), parseDeploy);

export const clusterList = (): CliCall<Cluster[]> => read(['cluster', 'list', '--json'], parseClusterList);
export const clusterGet = (slug: string): CliCall<Cluster> => read(['cluster', 'get', assertSlug(slug, 'Cluster'), '--json'], parseCluster);
export const clusterCreate = (name: string): CliCall<Cluster> =>
  write(['cluster', 'create', flagSafe(name, 'Cluster name'), '--json'], parseCluster);
export const clusterDelete = (slug: string): CliCall<void> =>
  write(['cluster', 'delete', assertSlug(slug, 'Cluster'), '--json'], parseIgnored);

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
