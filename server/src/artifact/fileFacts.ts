// FileFacts on the real file system, for the validator's last stage (server and headless CLI).
// Synchronous on purpose: the validator asks a handful of yes/no questions per config.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rootRefusal } from '../config/rootRule';
import type { FileFacts } from '../config/types';
import { compileGlob, normalizePattern, unsafePathReason, type Glob } from './glob';
import { DISK, Kind, type TreeSource } from './listing';

/** Folders never searched for include matches unless the pattern names them. */
const HEAVY_DIRS = ['.git', 'node_modules', '.venv'];

/** `source`: where folders are listed (the language server's project index answers from memory; default the disk). */
export function createFileFacts(configDir: string, source: TreeSource = DISK): FileFacts {
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
        return findFirst(source, resolve(root), '', glob, skip);
      } catch {
        return false;
      }
    },
  };
  return facts;
}

/** Depth-first search for one matching file; prunes folders the pattern cannot reach. */
function findFirst(source: TreeSource, absDir: string, relDir: string, glob: Glob, skip: Set<string>): boolean {
  let names: string[];
  let kinds: Uint8Array;
  try {
    ({ names, kinds } = source.list(absDir));
  } catch {
    return false;
  }
  const dirs: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const rel = relDir ? `${relDir}/${names[i]}` : names[i];
    if (kinds[i] === Kind.Dir) {
      if (!skip.has(names[i]) && glob.couldMatchBelow(rel)) dirs.push(names[i]);
    } else if (glob.matches(rel)) {
      // A link only counts when it leads to a file, as in the selection.
      if (kinds[i] !== Kind.Link || isFileTarget(path.join(absDir, names[i]))) return true;
    }
  }
  for (const name of dirs) {
    if (findFirst(source, path.join(absDir, name), relDir ? `${relDir}/${name}` : name, glob, skip)) return true;
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
