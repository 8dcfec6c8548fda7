// Parsers from the CLI's documented snake_case `--json` output (contract §2) to the adapter's types.
// Tolerant: unknown fields are ignored, camelCase aliases accepted, lists may be bare or wrapped.
import { at, isObj, obj, optList, optNum, optStr, optTime, pick, reqList, reqStr } from './json';
import { MissingField, parseOptional, parseWith, Reader } from './parseWith';
import type {
  Account,
  BuildResult,
  Cluster,
  ClusterDeployment,
  DeployResult,
  InitResult,
  Parsed,
  PublishResult,
  Release,
  RetryResult,
  SubmitResult,
  TaskIdentifier,
  VersionInfo,
  Workflow,
} from './types';

export { parseJob, parseJobPage, parseLogPage, readJob } from './parseJob';

export function readIdentifier(v: unknown, path: string): TaskIdentifier {
  const o = obj(v, path);
  return { name: reqStr(o, path, 'name'), version: optStr(o, 'version') ?? 'v0.0' };
}

function readTasks(v: unknown, path: string): TaskIdentifier[] {
  if (!Array.isArray(v)) return [];
  return v.map((t, i) => readIdentifier(t, at(path, i)));
}

export function readRelease(v: unknown, path: string, r: Reader): Release {
  const o = obj(v, path);
  const content = isObj(o.content) ? o.content : o;
  const contentPath = isObj(o.content) ? at(path, 'content') : path;
  const artifact = isObj(o.artifact) ? o.artifact : {};
  const tasks = pick(content, 'tasks');
  if (!Array.isArray(tasks)) r.warn(`${at(contentPath, 'tasks')} missing`);
  const clusters = pick(o, 'clusters', 'cluster_slugs');
  return {
    id: reqStr(o, path, 'id', 'release_id'),
    createdAt: optTime(o, 'created_at', 'createdAt'),
    digest: optStr(artifact, 'digest') ?? optStr(o, 'digest'),
    fingerprint: optStr(content, 'fingerprint'),
    tasks: readTasks(tasks, at(contentPath, 'tasks')),
    clusters: Array.isArray(clusters) ? clusters.map((c) => (isObj(c) ? String(c.slug ?? '') : String(c))).filter(Boolean) : [],
    runnerObjectPath: optStr(content, 'runner_object_path', 'runnerObjectPath'),
  };
}

/** Newest first: by `created_at`, then by id (release ids are time-ordered UUIDv7). */
export function sortReleases(releases: Release[]): Release[] {
  return [...releases].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id.localeCompare(a.id));
}

export function readWorkflow(v: unknown, path: string, r: Reader): Workflow {
  const o = obj(v, path);
  const slug = reqStr(o, path, 'slug');
  const name = optStr(o, 'name', 'display_name');
  if (name === undefined) r.warn(`${at(path, 'name')} missing`);
  const list = optList(o.releases, at(path, 'releases'));
  return {
    slug,
    name: name ?? slug,
    description: optStr(o, 'description') || undefined,
    releases: sortReleases((list?.items ?? []).map((rel, i) => readRelease(rel, at(at(path, 'releases'), i), r))),
  };
}

export function readCluster(v: unknown, path: string, r: Reader): Cluster {
  const o = obj(v, path);
  const slug = reqStr(o, path, 'slug');
  const displayName = optStr(o, 'display_name', 'displayName', 'name');
  if (displayName === undefined) r.warn(`${at(path, 'display_name')} missing`);
  const deletable = pick(o, 'deletable');
  if (typeof deletable !== 'boolean') r.warn(`${at(path, 'deletable')} missing`);
  const key =
    o.deployed_releases !== undefined
      ? 'deployed_releases'
      : o.deployed_workflows !== undefined
        ? 'deployed_workflows'
        : 'deployedReleases';
  const deployments: ClusterDeployment[] = [];
  (optList(o[key], at(path, key))?.items ?? []).forEach((w, i) => {
    const wf = readWorkflow(w, at(at(path, key), i), r);
    for (const release of wf.releases) {
      if (!release.clusters.includes(slug)) release.clusters.push(slug);
      deployments.push({ workflowSlug: wf.slug, workflowName: wf.name, release });
    }
  });
  return { slug, displayName: displayName ?? slug, deletable: deletable !== false, isDefault: deletable === false, deployments };
}

/** `tilebox --version`: plain text such as `tilebox version 0.5.0`. */
export function parseVersion(stdout: string): Parsed<VersionInfo> {
  const raw = stdout.trim();
  const m = /(\d+\.\d+\.\d+[\w.+-]*)/.exec(raw);
  return m
    ? { ok: true, value: { version: m[1], raw }, warnings: [] }
    : { ok: false, detail: `no version number in ${JSON.stringify(raw.slice(0, 80))}` };
}

export const parseAccount = (s: string): Parsed<Account> =>
  parseWith(s, (j) => {
    const o = obj(j, '');
    return {
      userName: optStr(o, 'user_name', 'userName'),
      email: optStr(o, 'email'),
      organizationName: optStr(o, 'organization_name', 'organizationName'),
    };
  });

export const parseInit = (s: string): Parsed<InitResult> =>
  parseWith(s, (j) => ({ workflowSlug: reqStr(obj(j, ''), '', 'workflow_slug', 'slug') }));

/** `workflow create`: the created workflow (only `slug` is documented). */
export const parseWorkflowCreated = (s: string): Parsed<Workflow> =>
  parseWith(s, (j, r) => readWorkflow(isObj(j) && isObj(j.workflow) ? j.workflow : j, '', r));

export const parseWorkflow = parseWorkflowCreated;

export const parseWorkflowList = (s: string): Parsed<Workflow[]> =>
  parseWith(s, (j, r) => {
    const list = reqList(j, '', 'workflows');
    return list.items.map((w, i) => readWorkflow(w, at(list.path, i), r));
  });

export const parseCluster = (s: string): Parsed<Cluster> =>
  parseWith(s, (j, r) => readCluster(isObj(j) && isObj(j.cluster) ? j.cluster : j, '', r));

export const parseClusterList = (s: string): Parsed<Cluster[]> =>
  parseWith(s, (j, r) => {
    const list = reqList(j, '', 'clusters');
    return list.items.map((c, i) => readCluster(c, at(list.path, i), r));
  });

export const parsePublish = (s: string): Parsed<PublishResult> =>
  parseWith(s, (j, r) => {
    const o = obj(j, '');
    const release = isObj(o.release) ? o.release : {};
    const id = optStr(o, 'id', 'release_id') ?? optStr(release, 'id');
    if (id === undefined) throw new MissingField('id missing');
    if (!Array.isArray(o.tasks)) r.warn('tasks missing');
    return { releaseId: id, message: optStr(o, 'message'), fingerprint: optStr(o, 'fingerprint'), tasks: readTasks(o.tasks, 'tasks') };
  });

export const parseBuild = (s: string): Parsed<BuildResult> =>
  parseWith(s, (j, r) => {
    const o = obj(j, '');
    if (!Array.isArray(o.tasks)) r.warn('tasks missing');
    return {
      fingerprint: optStr(o, 'fingerprint'),
      digest: optStr(o, 'digest'),
      artifactPath: optStr(o, 'artifact_path', 'artifactPath'),
      tasks: readTasks(o.tasks, 'tasks'),
      files: flattenFiles(o.files, ''),
    };
  });

function flattenFiles(v: unknown, prefix: string): string[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((f) => {
    if (typeof f === 'string') return [prefix + f];
    if (!isObj(f) || typeof f.path !== 'string') return [];
    const own = prefix + f.path;
    return f.directory ? [`${own}/`, ...flattenFiles(f.children, `${own}/`)] : [own];
  });
}

export const parseDeploy = (s: string): Parsed<DeployResult> =>
  parseOptional(s, (j) => {
    const o = isObj(j) ? j : {};
    const release = isObj(o.release) ? o.release : {};
    const clusters = Array.isArray(o.clusters) ? o.clusters : Array.isArray(o.cluster_slugs) ? o.cluster_slugs : [];
    return {
      releaseId: optStr(release, 'id') ?? optStr(o, 'release_id'),
      clusters: clusters.map((c) => (isObj(c) ? String(c.slug ?? '') : String(c))).filter(Boolean),
    };
  });

export const parseSubmit = (s: string): Parsed<SubmitResult> =>
  parseWith(s, (j) => {
    const o = obj(j, '');
    return { jobId: reqStr(isObj(o.job) ? o.job : o, isObj(o.job) ? 'job' : '', 'id') };
  });

export const parseRetry = (s: string): Parsed<RetryResult> =>
  parseOptional(s, (j) => ({ numTasksRescheduled: isObj(j) ? optNum(j, 'num_tasks_rescheduled', 'numTasksRescheduled') : undefined }));

/** Commands whose output does not matter (cancel, delete): any JSON or nothing. */
export const parseIgnored = (s: string): Parsed<void> => parseOptional(s, () => undefined);
