// Parsers of `workflow list/get/create --json`: workflows with their releases, newest first.
import { at, isObj, obj, optList, optStr, reqList, reqStr } from './json';
import { parseWith, type Reader } from './parseWith';
import { readRelease, sortReleases } from './readRelease';
import type { Parsed, Workflow } from './types';

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

/** `workflow create`: the created workflow (only `slug` is documented). */
export const parseWorkflowCreated = (s: string): Parsed<Workflow> =>
  parseWith(s, (j, r) => readWorkflow(isObj(j) && isObj(j.workflow) ? j.workflow : j, '', r));

export const parseWorkflow = parseWorkflowCreated;

export const parseWorkflowList = (s: string): Parsed<Workflow[]> =>
  parseWith(s, (j, r) => {
    const list = reqList(j, '', 'workflows');
    return list.items.map((w, i) => readWorkflow(w, at(list.path, i), r));
  });
