// Reading a release and its task identifiers out of CLI JSON, shared by the workflow and cluster parsers
// (a cluster lists the releases deployed on it). Tolerant, like every parser here.
import { at, isObj, obj, optStr, optTime, pick, reqStr } from './json';
import type { Reader } from './parseWith';
import type { Release, TaskIdentifier } from './types';

export function readIdentifier(v: unknown, path: string): TaskIdentifier {
  const o = obj(v, path);
  return { name: reqStr(o, path, 'name'), version: optStr(o, 'version') ?? 'v0.0' };
}

export function readTasks(v: unknown, path: string): TaskIdentifier[] {
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
