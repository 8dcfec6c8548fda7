// The previews the client was last sent for each config, so the next answer can be a patch against one it still
// holds (protocol.ts, ArtifactPreviewPatch). A few are kept, as the client keeps a few: an include changed and
// changed back, or an undo, then costs a patch of nothing. Versions carry a per-process prefix: a client holding one
// from before a server restart never matches and gets the whole preview. A patch leaves out the tasks and the
// excluded list when they are the base's.
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { diffFiles, PREVIEWS_KEPT } from '../shared/previewPatch';
import type { ArtifactFile, ArtifactPreview, ArtifactPreviewPatch } from '../shared/protocol';

/** What of a file entry goes over the wire: the server's entries are the selection's objects, which hold more. */
const wire = ({ path, size }: ArtifactFile): ArtifactFile => ({ path, size });

interface Sent {
  /** The object the check produced (the same one while nothing in the preview changed). */
  from: ArtifactPreview;
  versioned: ArtifactPreview & { version: string };
}

export class SentPreviews {
  /** Per config, newest first. */
  private readonly sent = new Map<string, Sent[]>();
  private readonly prefix = randomBytes(4).toString('hex');
  private count = 0;

  /** What to answer a request for `configPath` whose current preview is `preview`, the client holding the versions `have`. */
  answer(configPath: string, preview: ArtifactPreview, have: readonly string[] = []): ArtifactPreview | ArtifactPreviewPatch {
    // A failed preview is never a base: the client keeps its last good one.
    if (preview.error) return preview;
    // From the wire: anything but a list of strings names nothing (a string's `includes` would match its substrings).
    if (!Array.isArray(have)) have = [];
    const list = this.sent.get(configPath) ?? [];
    let current = list.find((s) => s.from === preview);
    if (current) list.splice(list.indexOf(current), 1);
    else current = { from: preview, versioned: { ...preview, version: `${this.prefix}.${++this.count}` } };
    const bases = list.filter((s) => have.includes(s.versioned.version));
    this.sent.set(configPath, [current, ...list].slice(0, PREVIEWS_KEPT));
    const { versioned } = current;
    if (have.includes(versioned.version)) bases.unshift(current);
    if (bases.length === 0) return { ...versioned, files: versioned.files.map(wire) };
    // Against each base the client holds, the smallest difference goes out. A base is diffed only while it can still
    // win (the lengths alone differ by less than the best so far), and only as far as that.
    let best: { base: Sent; removed: string[]; upserted: ArtifactFile[] } | undefined;
    const gap = (base: Sent) => Math.abs(base.versioned.files.length - versioned.files.length);
    for (const base of bases.sort((a, b) => gap(a) - gap(b))) {
      const bound = best ? best.removed.length + best.upserted.length - 1 : Number.POSITIVE_INFINITY;
      if (gap(base) > bound) break;
      const diff = diffFiles(base.versioned.files, versioned.files, bound);
      if (diff) best = { base, ...diff };
    }
    const { files: _files, tasks, excluded, ...rest } = versioned;
    const held = best!.base.versioned;
    return {
      ...rest,
      ...(isDeepStrictEqual(tasks, held.tasks) ? {} : { tasks }),
      ...(isDeepStrictEqual(excluded, held.excluded) ? {} : { excluded }),
      base: held.version,
      removed: best!.removed,
      upserted: best!.upserted.map(wire),
    };
  }

  forget(configPath: string): void {
    this.sent.delete(configPath);
  }
}
