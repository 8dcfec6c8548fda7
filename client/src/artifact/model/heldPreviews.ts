// The whole previews the client holds, per config, to apply the server's patches to (protocol.ts,
// ArtifactPreviewPatch). Two per config: answers to overlapping requests may arrive in either order, and a patch
// names the version it was made against.
import { applyPreviewPatch, isPreviewPatch, type ArtifactPreview, type ArtifactPreviewPatch } from '@shared';

const KEPT = 2;

export class HeldPreviews {
  private readonly held = new Map<string, ArtifactPreview[]>();

  /** The version to name in the next request for `key` (the newest held), if any. */
  have(key: string): string | undefined {
    return this.held.get(key)?.[0]?.version;
  }

  /** The whole preview an answer stands for; undefined when it is a patch against a version no longer held. */
  take(key: string, answer: ArtifactPreview | ArtifactPreviewPatch): ArtifactPreview | undefined {
    let preview: ArtifactPreview | undefined;
    if (isPreviewPatch(answer)) {
      const base = this.held.get(key)?.find((p) => p.version === answer.base);
      preview = base && applyPreviewPatch(base, answer);
      if (!preview) return undefined;
    } else preview = answer;
    if (preview.version !== undefined) {
      const list = (this.held.get(key) ?? []).filter((p) => p.version !== preview.version);
      this.held.set(key, [preview, ...list].slice(0, KEPT));
    }
    return preview;
  }

  forget(key: string): void {
    this.held.delete(key);
  }
}
