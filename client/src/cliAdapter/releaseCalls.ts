// CLI calls of workflows and their releases: create, list, build, publish, deploy and undeploy.
import { flagSafe, read, text, write } from './callBuilders';
import { parseBuild, parseDeploy, parseInit, parsePublish, parseWorkflow, parseWorkflowCreated, parseWorkflowList } from './parse';
import type { BuildResult, CliCall, DeployResult, InitResult, PublishResult, Workflow } from './types';
import { assertSlug, assertUuid, InvalidArgumentError } from './validate';

/** Building and publishing run `uv` and upload: allow much longer than a read. */
export const RELEASE_TIMEOUT_MS = 10 * 60_000;

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
