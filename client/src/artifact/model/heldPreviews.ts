// The whole previews the client holds, per config, to apply the server's patches to (protocol.ts,
// ArtifactPreviewPatch). A few per config: the server patches against whichever differs least (an include changed
// and changed back costs nothing), and answers to overlapping requests may arrive in either order.
import { applyPreviewPatch, isPreviewPatch, PREVIEWS_KEPT, type ArtifactPreview, type ArtifactPreviewPatch } from '@shared';

export class HeldPreviews {
  private readonly held = new Map<string, ArtifactPreview[]>();

  /** The versions to name in the next request for `key`, newest first. */
  have(key: string): string[] {
    return (this.held.get(key) ?? []).flatMap((p) => (p.version === undefined ? [] : [p.version]));
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
      this.held.set(key, [preview, ...list].slice(0, PREVIEWS_KEPT));
    }
    return preview;
  }

  forget(key: string): void {
    this.held.delete(key);
  }
}
