// Which workspace files go into which config's release artifact, for the explorer badge.
// Several configs can ship the same file. Pure (node:path only).
import * as path from 'node:path';

export class ReleaseMembership {
  private readonly byConfig = new Map<string, { slug: string; files: Set<string> }>();
  private readonly byFile = new Map<string, Set<string>>();

  /** Replaces what one config ships; returns the absolute paths whose membership changed. */
  set(configKey: string, slug: string, root: string, relPaths: readonly string[]): string[] {
    const files = new Set(relPaths.map((p) => path.join(root, ...p.split('/'))));
    const before = this.byConfig.get(configKey);
    const changed = new Set<string>();
    for (const f of before?.files ?? []) if (!files.has(f) || before?.slug !== slug) changed.add(f);
    for (const f of files) if (!before?.files.has(f) || before.slug !== slug) changed.add(f);
    this.remove(configKey);
    this.byConfig.set(configKey, { slug, files });
    for (const f of files) {
      const set = this.byFile.get(f) ?? new Set<string>();
      set.add(configKey);
      this.byFile.set(f, set);
    }
    return [...changed];
  }

  /** Forgets one config; returns the paths that were marked for it. */
  remove(configKey: string): string[] {
    const known = this.byConfig.get(configKey);
    if (!known) return [];
    this.byConfig.delete(configKey);
    for (const f of known.files) {
      const set = this.byFile.get(f);
      set?.delete(configKey);
      if (set && set.size === 0) this.byFile.delete(f);
    }
    return [...known.files];
  }

  /** Slugs of the releases that ship this absolute path (sorted, deduplicated). */
  slugsFor(absPath: string): string[] {
    const configs = this.byFile.get(path.normalize(absPath));
    if (!configs) return [];
    return [...new Set([...configs].map((c) => this.byConfig.get(c)?.slug || 'this workflow'))].sort();
  }

  /** The explorer tooltip for a shipped file, or undefined when no release ships it. */
  tooltipFor(absPath: string): string | undefined {
    const slugs = this.slugsFor(absPath);
    return slugs.length ? `In the release artifact of ${slugs.join(', ')}` : undefined;
  }
}
