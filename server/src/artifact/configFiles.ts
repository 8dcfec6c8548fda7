// Every tilebox.workflow.toml below a folder: for the headless `check` and for the language server's start-up scan.
// The server lists folders through its project index, so the walk that finds the configs also fills the listings
// their first previews then read from memory (one readdir per folder, not two walks competing for the CPU).
import * as path from 'node:path';
import { byteOrder } from '../shared/byteOrder';
import { CONFIG_FILE_NAME } from '../shared/configFileName';
import { DISK, Kind, type TreeSource } from './listing';

/** Folders never searched: they hold other people's files or generated ones. */
const SKIPPED = new Set(['node_modules', '.git', '.venv', 'venv', '__pycache__']);
/** Folders listed between the pauses of `configFilesBelow` (the server answers requests meanwhile). */
const FOLDERS_PER_TURN = 100;

export interface FoundConfig {
  path: string;
  /** A `Kind`: callers decide what a link or a named pipe by that name is to them. */
  kind: number;
}

/**
 * Every entry named tilebox.workflow.toml below `dir` that is not a folder, in byte order of their paths; folders
 * that cannot be listed are skipped. Yields every FOLDERS_PER_TURN folders so an asynchronous
 * caller can let other work run.
 */
export function* walkConfigFiles(dir: string, source: TreeSource = DISK): Generator<void, FoundConfig[]> {
  const found: FoundConfig[] = [];
  const stack = [dir];
  for (let listed = 1, next = stack.pop(); next !== undefined; listed++, next = stack.pop()) {
    if (listed % FOLDERS_PER_TURN === 0) yield;
    let names: string[];
    let kinds: Uint8Array;
    try {
      ({ names, kinds } = source.list(next));
    } catch {
      continue;
    }
    for (let i = 0; i < names.length; i++) {
      if (kinds[i] === Kind.Dir) {
        if (!SKIPPED.has(names[i])) stack.push(path.join(next, names[i]));
      } else if (names[i] === CONFIG_FILE_NAME) found.push({ path: path.join(next, names[i]), kind: kinds[i] });
    }
  }
  return found.sort((a, b) => byteOrder(a.path, b.path));
}

/** `walkConfigFiles` to the end, letting the event loop run at each of its pauses. */
export async function configFilesBelow(dir: string, source?: TreeSource): Promise<FoundConfig[]> {
  const walk = walkConfigFiles(dir, source);
  for (let step = walk.next(); ; step = walk.next()) {
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
