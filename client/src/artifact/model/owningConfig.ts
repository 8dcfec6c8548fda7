// Which config the Artifact view should follow for a file opened in the editor: the one whose
// artifact root holds it, the deepest when roots nest (a monorepo with one config per package). Pure.
import * as path from 'node:path';

export function owningConfig(file: string, roots: Iterable<readonly [key: string, root: string]>): string | undefined {
  let best: { key: string; length: number } | undefined;
  for (const [key, root] of roots) {
    const inside = file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
    if (inside && (!best || root.length > best.length)) best = { key, length: root.length };
  }
  return best?.key;
}
