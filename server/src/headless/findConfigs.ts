// The config files `check` is given: the one file named, or every tilebox.workflow.toml below a folder (in name
// order, skipping dependency, VCS and cache folders).
import * as fs from 'node:fs';
import { walkConfigFiles } from '../artifact/configFiles';
import { CONFIG_FILE_NAME } from '../shared/configFileName';

/** The files, or why there are none. */
export function findConfigs(target: string): string[] | string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return `${target}: no such file or folder`;
  }
  if (!stat.isDirectory()) return [target];
  // Anything by that name that is not a folder (a FIFO, a link) is reported as unreadable-file, never skipped.
  const walk = walkConfigFiles(target);
  let step = walk.next();
  while (!step.done) step = walk.next();
  const found = step.value.map((f) => f.path);
  return found.length ? found : `${target}: no ${CONFIG_FILE_NAME} found in this folder or below`;
}
