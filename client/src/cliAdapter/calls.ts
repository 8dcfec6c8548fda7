// Every CLI call the extension makes, as data: arguments (`--json` included), how to parse stdout, and whether
// it only reads (identical concurrent reads may share a process). Builders validate slugs and ids so a value
// from the CLI or the user can never be read as a flag; they throw InvalidArgumentError on bad input. Account,
// version and cluster calls are here; release and job calls in their own files, re-exported.
import { flagSafe, read, write } from './callBuilders';
import { parseAccount, parseCluster, parseClusterList, parseIgnored, parseVersion } from './parse';
import type { Account, CliCall, Cluster, VersionInfo } from './types';
import { assertSlug } from './validate';

export * from './jobCalls';
export * from './jobSubmit';
export * from './releaseCalls';

/** A call's timeout: the user's setting, but never below a long call's own minimum (publish, build: 10 min). */
export function callTimeoutMs(callMinimum: number | undefined, setting: number): number {
  return Math.max(callMinimum ?? 0, setting);
}

export const version = (): CliCall<VersionInfo> => read(['--version'], parseVersion);
export const accountGet = (): CliCall<Account> => read(['account', 'get', '--json'], parseAccount);

export const clusterList = (): CliCall<Cluster[]> => read(['cluster', 'list', '--json'], parseClusterList);
export const clusterGet = (slug: string): CliCall<Cluster> => read(['cluster', 'get', assertSlug(slug, 'Cluster'), '--json'], parseCluster);
export const clusterCreate = (name: string): CliCall<Cluster> =>
  write(['cluster', 'create', flagSafe(name, 'Cluster name'), '--json'], parseCluster);
export const clusterDelete = (slug: string): CliCall<void> =>
  write(['cluster', 'delete', assertSlug(slug, 'Cluster'), '--json'], parseIgnored);
