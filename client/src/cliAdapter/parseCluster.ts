// Parsers of `cluster list/get/create --json`: clusters with the releases deployed on them.
import { at, obj, optList, optStr, pick, reqList, reqStr, isObj } from './json';
import { parseWith, type Reader } from './parseWith';
import { readWorkflow } from './parseWorkflow';
import type { Cluster, ClusterDeployment, Parsed } from './types';

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

export const parseCluster = (s: string): Parsed<Cluster> =>
  parseWith(s, (j, r) => readCluster(isObj(j) && isObj(j.cluster) ? j.cluster : j, '', r));

export const parseClusterList = (s: string): Parsed<Cluster[]> =>
  parseWith(s, (j, r) => {
    const list = reqList(j, '', 'clusters');
    return list.items.map((c, i) => readCluster(c, at(list.path, i), r));
  });
