// The config files `check` is given: the one file named, or every tilebox.workflow.toml below a folder (in name
// order, skipping dependency and VCS folders).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../shared/configFileName';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.venv']);

/** The files, or why there are none. */
export function findConfigs(target: string): string[] | string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return `${target}: no such file or folder`;
  }
  if (!stat.isDirectory()) return [target];
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) walk(p);
      // Anything else by that name (a FIFO, a link) is reported as unreadable-file, never skipped.
      else if (e.name === CONFIG_FILE_NAME && !e.isDirectory()) found.push(p);
    }
  };
  walk(target);
  return found.length ? found : `${target}: no ${CONFIG_FILE_NAME} found in this folder or below`;
}
