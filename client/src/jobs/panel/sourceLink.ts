// Where a file named in a traceback is in the workspace. A runner reports the path of its extracted copy of the
// release (`/…/releases/<id>/scene_qa/tasks.py`): the longest tail of that path that exists under a project folder
// (or workspace folder) is the file to open. Pure: the caller passes how to test a path.
import * as path from 'node:path';

/** The path's tails, longest first: `a/b/c.py` → `a/b/c.py`, `b/c.py`, `c.py`. */
export function pathTails(file: string): string[] {
  const parts = file.split(/[\\/]+/).filter((p) => p && p !== '.' && p !== '..');
  return parts.map((_, i) => parts.slice(i).join('/'));
}

/** The first existing candidate, each tail under each root in order; never a file outside the roots. */
export async function resolveSource(file: string, roots: readonly string[], exists: (p: string) => Promise<boolean>): Promise<string | undefined> {
  for (const tail of pathTails(file)) {
    for (const root of roots) {
      const candidate = path.join(root, tail);
      if (await exists(candidate)) return candidate;
    }
  }
  return undefined;
}
