// Parsers of what building, publishing and deploying a release report (`--json`; keys partly undocumented).
import { isObj, obj, optStr } from './json';
import { MissingField, parseOptional, parseWith } from './parseWith';
import { readTasks } from './readRelease';
import type { BuildResult, DeployResult, Parsed, PublishResult } from './types';

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
