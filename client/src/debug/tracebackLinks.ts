// Python traceback lines (`File "/path/x.py", line 12, in execute`) and the workspace file each one means: a release
// runner prints paths inside its release cache (an undocumented folder), so a path outside the workspace is mapped by
// the longest trailing part of it that exists under a project's workflow root. Pure: `exists` is passed in.
import * as path from 'node:path';

export interface TracebackLocation {
  /** Offset and length of `File "...", line N` in the text. */
  start: number;
  length: number;
  path: string;
  line: number;
}

const FRAME = /File "([^"\n]+)", line (\d+)/g;

export function tracebackLocations(text: string): TracebackLocation[] {
  return [...text.matchAll(FRAME)].map((m) => ({
    start: m.index ?? 0,
    length: m[0].length,
    path: m[1],
    line: Number(m[2]),
  }));
}

/** Installed or standard-library code: never mapped onto a project file of the same name. */
const LIBRARY = /[\\/](site-packages|dist-packages)[\\/]|[\\/]lib[\\/]python\d+(\.\d+)?[\\/]|^<.*>$/;

/**
 * The workspace file a printed path stands for: itself when it is inside a root, else `root/<tail>` for the longest
 * tail of its segments that exists (release cache `…/<release>/scene_qa/tasks.py` → `<root>/scene_qa/tasks.py`).
 */
export function workspaceFileFor(printed: string, roots: readonly string[], exists: (p: string) => boolean): string | undefined {
  if (LIBRARY.test(printed)) return undefined;
  const inside = roots.some((r) => printed === r || printed.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  if (inside) return exists(printed) ? printed : undefined;
  const segments = printed.split(/[\\/]+/).filter(Boolean);
  for (let k = segments.length - 1; k >= 1; k--) {
    const tail = segments.slice(segments.length - k);
    for (const root of roots) {
      const candidate = path.join(root, ...tail);
      if (exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * The frame a Debug Console output event links to: the innermost one in a workspace file (where the exception was
 * raised in the user's code). The runner's output arrives in chunks of any size, so a chunk may hold a whole traceback.
 */
export function innermostWorkspaceFrame(
  text: string,
  roots: readonly string[],
  exists: (p: string) => boolean,
): { file: string; line: number } | undefined {
  for (const frame of tracebackLocations(text).reverse()) {
    const file = workspaceFileFor(frame.path, roots, exists);
    if (file) return { file, line: frame.line };
  }
  return undefined;
}
