// Preview patches (protocol.ts): the server diffs the current file list against one it sent before that the client
// still holds, the client merges the difference into that preview. Both lists are in byte order, so each side is one
// linear merge.
import { byteOrder, mergeByKey } from './byteOrder';
import type { ArtifactFile, ArtifactPreview, ArtifactPreviewPatch } from './protocol';

/** Previews each side keeps per config to patch against: the newest and the two before (an include changed and back). */
export const PREVIEWS_KEPT = 3;

export function isPreviewPatch(answer: ArtifactPreview | ArtifactPreviewPatch): answer is ArtifactPreviewPatch {
  return typeof (answer as ArtifactPreviewPatch).base === 'string';
}

/** What turns `before` into `after` (both in byte order); undefined as soon as it takes more than `limit` entries. */
export function diffFiles(
  before: readonly ArtifactFile[],
  after: readonly ArtifactFile[],
  limit = Number.POSITIVE_INFINITY,
): Pick<ArtifactPreviewPatch, 'removed' | 'upserted'> | undefined {
  const removed: string[] = [];
  const upserted: ArtifactFile[] = [];
  const within = mergeByKey(before, after, filePath, (was, now) => {
    if (!now) removed.push(was!.path);
    else if (!was || was.size !== now.size) upserted.push(now);
    else return true;
    return removed.length + upserted.length <= limit;
  });
  return within ? { removed, upserted } : undefined;
}

const filePath = (file: ArtifactFile) => file.path;

/** `base` with the patch applied; undefined when the patch does not fit it (the caller then asks for the whole preview). */
export function applyPreviewPatch(base: ArtifactPreview, patch: ArtifactPreviewPatch): ArtifactPreview | undefined {
  if (base.version !== patch.base) return undefined;
  const { removed, upserted, base: _base, ...rest } = patch;
  const files: ArtifactFile[] = [];
  // Only where an upserted entry meets its neighbours can the order break (the base list is in order already).
  let checkNext = false;
  let ordered = true;
  const push = (file: ArtifactFile, upsert: boolean) => {
    if ((upsert || checkNext) && files.length > 0 && byteOrder(files[files.length - 1].path, file.path) >= 0) ordered = false;
    checkNext = upsert;
    files.push(file);
  };
  let r = 0;
  let u = 0;
  for (const file of base.files) {
    while (u < upserted.length && byteOrder(upserted[u].path, file.path) < 0) push(upserted[u++], true);
    if (r < removed.length && removed[r] === file.path) r++;
    else if (u < upserted.length && upserted[u].path === file.path) push(upserted[u++], true);
    else push(file, false);
  }
  while (u < upserted.length) push(upserted[u++], true);
  // Every removed path must have been there, and the result in order: otherwise the two sides disagree.
  if (r !== removed.length || !ordered) return undefined;
  return { ...rest, files, tasks: rest.tasks ?? base.tasks, excluded: rest.excluded ?? base.excluded };
}
