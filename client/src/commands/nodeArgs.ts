// Commands run from a tree node, a next-step button (an id string or a small object) or the palette
// (nothing). These read what a command needs from any of them; undefined means "ask".
import type { Release } from '../cliAdapter/types';
import { isSlug, isUuid } from '../cliAdapter/validate';

type Bag = Record<string, unknown>;
const bag = (x: unknown): Bag | undefined => (x && typeof x === 'object' ? (x as Bag) : undefined);

export function jobIdFrom(arg: unknown): string | undefined {
  if (isUuid(arg)) return arg;
  const b = bag(arg);
  const candidates = [bag(b?.job)?.id, b?.jobId, b?.id];
  return candidates.find(isUuid);
}

/** The task of a Jobs-view task row (`{ jobId, taskId }` or the TaskNode itself): the panel shows its logs. */
export function taskIdFrom(arg: unknown): string | undefined {
  const b = bag(arg);
  return [b?.taskId, bag(b?.task)?.id].find(isUuid);
}

export interface ReleaseRef {
  id: string;
  workflowSlug?: string;
  release?: Release;
}

export function releaseFrom(arg: unknown): ReleaseRef | undefined {
  if (isUuid(arg)) return { id: arg };
  const b = bag(arg);
  const release = bag(b?.release) as (Release & Bag) | undefined;
  const id = [release?.id, b?.releaseId].find(isUuid);
  if (!id) return undefined;
  const slug = [b?.workflowSlug, bag(b?.workflow)?.slug, release?.workflowSlug].find(isSlug);
  return { id, workflowSlug: slug, release: release && Array.isArray(release.tasks) ? release : undefined };
}

export function clusterFrom(arg: unknown): string | undefined {
  if (isSlug(arg)) return arg;
  const b = bag(arg);
  return [bag(b?.cluster)?.slug, b?.cluster, b?.clusterSlug].find(isSlug);
}

export function workflowFrom(arg: unknown): string | undefined {
  const b = bag(arg);
  return [b?.workflowSlug, bag(b?.workflow)?.slug].find(isSlug);
}

/** A project directory carried by a next step (publish → Deploy…). */
export function projectDirFrom(arg: unknown): string | undefined {
  const b = bag(arg);
  const dir = b?.projectDir ?? bag(b?.project)?.dir;
  return typeof dir === 'string' ? dir : undefined;
}
