// The glob dialect of `build.include` / `build.exclude`: fast-glob's (picomatch) with
// `dot: true` and case-sensitive matching, i.e. git's answers for dotfiles and case.
// Besides "does this file match", the walker needs two questions answered per folder so it
// can prune instead of walking: "could anything below match?" and "is everything below matched?".
import picomatch from 'picomatch';
import { isAbsolutePattern } from '../config/paths';
import { simpleMatcher } from './simpleGlob';

const OPTIONS: picomatch.PicomatchOptions = { dot: true, nocase: false };

/** Why a pattern or root is unsafe (absolute, or climbing out with `..`), or undefined when fine. */
export function unsafePathReason(pattern: string): string | undefined {
  // A leading `\` before a glob character escapes it (`\[draft\].py`); any drive prefix (`C:x`) counts here.
  if (isAbsolutePattern(pattern) || /^[A-Za-z]:/.test(pattern)) {
    return 'is absolute; paths must be relative to the workflow root';
  }
  if (pattern.split(/[\\/]/).includes('..')) return 'climbs out of the workflow root with ".."';
  return undefined;
}

/** `./src/**` and `src/**` are the same pattern (fast-glob strips the leading `./`), and so is
 *  `src//x.py` and `src/x.py`: no path has an empty segment. A trailing `/` stays: it asks for
 *  a folder, and only files are selected, so such a pattern matches nothing (the validator says why). */
export function normalizePattern(pattern: string): string {
  let p = pattern.replace(/\/{2,}/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

const NOTHING = () => false;
/**
 * picomatch's matcher for `pattern`, without the result object it makes per call (20,000 of them on a new include
 * pattern): the same test, the pattern itself or its regular expression. picomatch throws on an empty pattern (an
 * empty segment of `src/`) and on absurdly long ones; both match no path, and a compile must never throw: the
 * validator and preview would die.
 */
function picomatchOrNothing(pattern: string): (path: string) => boolean {
  if (pattern === '') return NOTHING;
  try {
    const re = picomatch.makeRe(pattern, OPTIONS);
    return (path) => path !== '' && (path === pattern || re.test(path));
  } catch {
    return NOTHING;
  }
}

export interface Glob {
  readonly pattern: string;
  /** The file at this root-relative POSIX path matches. */
  matches(path: string): boolean;
  /** Some path strictly below this folder could match (false lets the walker skip it). */
  couldMatchBelow(dir: string): boolean;
  /** Every path below this folder matches (`x/**`, `**`), so an exclude can prune it whole. */
  coversAllBelow(dir: string): boolean;
}

/** Compiled globs by pattern: the validator and the preview recompile the same few patterns
 *  on every keystroke, and picomatch compiles are most of that cost (and its GC jitter). */
const compiled = new Map<string, Glob>();
const MAX_CACHED = 2000;

/** Globs are stateless, so one compile per pattern string is shared. */
export function compileGlob(rawPattern: string): Glob {
  let glob = compiled.get(rawPattern);
  if (!glob) {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    glob = compileUncached(rawPattern);
    compiled.set(rawPattern, glob);
  }
  return glob;
}

function compileUncached(rawPattern: string): Glob {
  const pattern = normalizePattern(rawPattern);
  // `**` (the usual include) matches every path, and the usual shapes take a string test: no regular expression per file.
  const matches = pattern === '**' ? () => true : (simpleMatcher(pattern) ?? picomatchOrNothing(pattern));
  // Segment-wise prefix matching is only sound when no brace or extglob spans a `/`.
  const splittable = !/[{(][^})]*\//.test(pattern);
  const segments = pattern.split('/').map((s) => (s === '**' ? '**' : picomatchOrNothing(s)));
  let covers: ((dir: string) => boolean) | undefined;
  if (pattern === '**') covers = () => true;
  else if (pattern.endsWith('/**')) covers = picomatchOrNothing(pattern.slice(0, -3));

  return {
    pattern,
    matches: (path) => matches(path),
    couldMatchBelow(dir) {
      if (!splittable) return true;
      const parts = dir.split('/');
      for (let i = 0; i < parts.length; i++) {
        const seg = segments[i];
        if (seg === '**') return true;
        // The last pattern segment names a file, so a folder cannot consume it.
        if (seg === undefined || i >= segments.length - 1) return false;
        if (!seg(parts[i])) return false;
      }
      return true;
    },
    coversAllBelow: (dir) => (covers ? covers(dir) : false),
  };
}
