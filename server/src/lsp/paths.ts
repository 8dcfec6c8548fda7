// URIs from the client and paths on disk. Everything inside the server is keyed by absolute
// file-system path: the client's URI spelling (`%40` vs `@`, `c%3A`) differs from Node's.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME } from '../shared/configFileName';

export { CONFIG_FILE_NAME };

/** Absolute path of a `file:` URI, or undefined for any other scheme or a malformed URI. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

export function isConfigPath(fsPath: string): boolean {
  return path.basename(fsPath) === CONFIG_FILE_NAME;
}

/** True when `child` is `parent` itself or lies somewhere below it. */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** POSIX form of a path relative to `from` (what the pure modules expect). */
export function relativePosix(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

/** Folders whose churn never changes a config's verdict and must not cost a re-check. */
const NOISY_SEGMENTS = new Set(['.git', 'node_modules', '.venv', '__pycache__', '.mypy_cache', '.pytest_cache', '.ruff_cache']);

/**
 * A file event below one of these folders is noise. The folder itself being created or deleted
 * is not (deleting `.venv` can change an include's verdict), so only inner paths are ignored.
 */
export function isNoisyPath(fsPath: string): boolean {
  const segments = fsPath.split(/[\\/]/);
  return segments.slice(0, -1).some((segment) => NOISY_SEGMENTS.has(segment));
}
