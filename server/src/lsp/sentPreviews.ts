// The preview the client was last sent for each config, so the next answer can be a patch against it (protocol.ts,
// ArtifactPreviewPatch). Versions carry a per-process prefix: a client holding one from before a server restart
// never matches and gets the whole preview.
import { randomBytes } from 'node:crypto';
import { diffFiles } from '../shared/previewPatch';
import type { ArtifactFile, ArtifactPreview, ArtifactPreviewPatch } from '../shared/protocol';

/** What of a file entry goes over the wire: the server's entries are the selection's objects, which hold more. */
const wire = ({ path, size }: ArtifactFile): ArtifactFile => ({ path, size });

interface Sent {
  /** The object the check produced (the same one while nothing in the preview changed). */
  from: ArtifactPreview;
  versioned: ArtifactPreview & { version: string };
}

export class SentPreviews {
  private readonly sent = new Map<string, Sent>();
  private readonly prefix = randomBytes(4).toString('hex');
  private count = 0;

  /** What to answer a request for `configPath` whose current preview is `preview`, the client holding `have`. */
  answer(configPath: string, preview: ArtifactPreview, have?: string): ArtifactPreview | ArtifactPreviewPatch {
    // A failed preview is never a base: the client keeps its last good one.
    if (preview.error) return preview;
    const last = this.sent.get(configPath);
    let current = last?.versioned;
    if (!last || last.from !== preview) {
      current = { ...preview, version: `${this.prefix}.${++this.count}` };
      this.sent.set(configPath, { from: preview, versioned: current });
    }
    if (!last || have !== last.versioned.version) return { ...current!, files: current!.files.map(wire) };
    const { files: _files, ...rest } = current!;
    const { removed, upserted } = diffFiles(last.versioned.files, current!.files);
    return { ...rest, base: have, removed, upserted: upserted.map(wire) };
  }

  forget(configPath: string): void {
    this.sent.delete(configPath);
  }
}
