// FileFacts on the real file system, for the validator's last stage (server and headless CLI).
// Synchronous on purpose: the validator asks a handful of yes/no questions per config.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rootRefusal } from '../config/rootRule';
import type { FileFacts } from '../config/types';
import { compileGlob, normalizePattern, unsafePathReason, type Glob } from './glob';

/** Folders never searched for include matches unless the pattern names them. */
const HEAVY_DIRS = ['.git', 'node_modules', '.venv'];

export function createFileFacts(configDir: string): FileFacts {
  const resolve = (rel: string) => path.resolve(configDir, rel);
  const statOf = (rel: string) => {
    try {
      return fs.statSync(resolve(rel));
    } catch {
      return undefined;
    }
  };
  let configReal: string | undefined;
  const facts: FileFacts = {
    realPath(rel) {
      try {
        configReal ??= fs.realpathSync(configDir);
        const relative = path.relative(configReal, fs.realpathSync(resolve(rel)));
        return (path.isAbsolute(relative) ? relative : relative.split(path.sep).join('/')) || '.';
      } catch {
        return undefined;
      }
    },
    isDirectory: (rel) => statOf(rel)?.isDirectory() ?? false,
    isFile: (rel) => statOf(rel)?.isFile() ?? false,
    includeMatches(root, pattern) {
      // The only walk here: never below a root the root rule refuses, whoever asks.
      if (rootRefusal(root, facts) || unsafePathReason(pattern)) return false;
      const glob = compileGlob(pattern);
      const named = normalizePattern(pattern).split('/');
      const skip = new Set(HEAVY_DIRS.filter((d) => d === '.git' || !named.includes(d)));
      try {
        return findFirst(resolve(root), '', glob, skip);
      } catch {
        return false;
      }
    },
  };
  return facts;
}

/** Depth-first search for one matching file; prunes folders the pattern cannot reach. */
function findFirst(absDir: string, relDir: string, glob: Glob, skip: Set<string>): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(absDir, { withFileTypes: true });
  } catch {
    return false;
  }
  const dirs: string[] = [];
  for (const entry of entries) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!skip.has(entry.name) && glob.couldMatchBelow(rel)) dirs.push(entry.name);
    } else if (glob.matches(rel)) {
      // A link only counts when it leads to a file, as in the selection.
      if (!entry.isSymbolicLink() || isFileTarget(path.join(absDir, entry.name))) return true;
    }
  }
  for (const name of dirs) {
    if (findFirst(path.join(absDir, name), relDir ? `${relDir}/${name}` : name, glob, skip)) return true;
  }
  return false;
}

function isFileTarget(abs: string): boolean {
  try {
    return fs.statSync(abs).isFile();
  } catch {
    return false;
  }
}
