// Path helpers shared by the cross-field and file stages (globs as RegExps: globToRegExp.ts). Paths are POSIX.

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:([\\/]|$)/.test(p);
}

/** A glob is absolute like a path, except that a leading `\` before a glob character escapes it (`\[draft].py`). */
export function isAbsolutePattern(p: string): boolean {
  return isAbsolutePath(p) && !/^\\[*?[\]{}()!+@#]/.test(p);
}

/** True when following the path's `..` segments ever leaves the directory it starts in. */
export function climbsOut(p: string): boolean {
  let depth = 0;
  for (const segment of p.split(/[\\/]+/)) {
    if (segment === '..') depth--;
    else if (segment !== '.' && segment !== '') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/** Any `..` segment: the build refuses these even when they stay inside (see artifact/glob.ts). */
export function hasParentSegment(p: string): boolean {
  return p.split(/[\\/]/).includes('..');
}

/** `./src/` -> `src`, `` and `./` -> `.` */
export function normalizeRel(p: string): string {
  const parts = p.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(s);
  }
  return out.length ? out.join('/') : '.';
}

export function joinRel(root: string, p: string): string {
  return root === '.' ? p : `${root}/${p}`;
}
