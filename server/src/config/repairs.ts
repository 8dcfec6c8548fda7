// The values quick fixes (and did-you-mean messages) propose: the nearest valid slug, a slug from
// the project's folder name, a runner path from a file path, a folder pattern (an include list:
// includeFromFiles.ts). Plain strings in, plain strings out.
import { isAbsolutePath, normalizeRel } from './paths';
import { SLUG_MAX, slugProblem } from './slugs';

const FALLBACK_SLUG = 'my-workflow';
const TEMPLATE_MARKERS = /<[^>]*>|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}/g;

/** `my workflow!` -> `my-workflow`; template markers are dropped. Undefined when nothing valid is left. */
export function nearestSlug(value: string): string | undefined {
  const slug = value
    .replace(TEMPLATE_MARKERS, '-')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+/, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return slug && !slugProblem(slug) ? slug : undefined;
}

/** The slug the config's folder suggests: `file:///home/me/Scene QA/tilebox.workflow.toml` -> `scene-qa`. */
export function folderSlug(configUri: string): string {
  const folder = configFolder(configUri).split('/').pop() ?? '';
  return nearestSlug(folder.toLowerCase()) ?? FALLBACK_SLUG;
}

/** The config's folder as a POSIX path (a `file:` URI decoded; `/` separators). */
export function configFolder(configUri: string): string {
  let decoded = configUri.replace(/^file:\/\//, '');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    /* keep the raw uri */
  }
  const parts = decoded.replace(/\\/g, '/').split('/');
  parts.pop();
  return parts.join('/');
}

/** An absolute path written where a relative one belongs, made relative to the config folder when
 *  it lies inside it; else, for a pattern, with its leading `/` (or drive) dropped, as in
 *  `.gitignore`, and for a root (`outside: '.'`) the config folder itself. */
export function relativeFromAbsolute(value: string, configUri: string, outside: 'strip' | '.' = 'strip'): string {
  const folder = configFolder(configUri).replace(/^\/?([A-Za-z]:)/, '$1');
  const written = value.replace(/\\/g, '/');
  for (const base of [folder, `/${folder}`]) {
    if (base && written.startsWith(`${base}/`)) return normalizeRel(written.slice(base.length + 1));
    if (base && written === base) return '.';
  }
  if (outside === '.') return '.';
  const stripped = written.replace(/^([A-Za-z]:)?\/+/, '');
  return isAbsolutePath(stripped) || stripped === '' ? '.' : stripped;
}

/** `pkg/runner.py:runner` -> `pkg.runner:runner`; `pkg.runner` -> `pkg.runner:runner`. Undefined when no path reads as one. */
export function runnerFromWritten(runner: string): string | undefined {
  const [mod, obj] = runner.split(':');
  const dotted = mod
    .replace(/\.py$/, '')
    .replace(/^\.?[\\/]+/, '')
    .replace(/[\\/]+/g, '.');
  if (!dotted) return undefined;
  return `${dotted}:${obj || 'runner'}`;
}

/** "src/" -> "src/**", "src/**\/" -> "src/**", "**\/" -> "**". */
export function wholeFolder(pattern: string): string {
  const folder = pattern.replace(/\/+$/, '');
  return folder === '' || folder.endsWith('**') ? folder || '**' : `${folder}/**`;
}
