// A project with a trap next to it: `<parent>/proj` is the example project, and the folder above
// holds Runner modules no feature of proj may ever list, plus the odd roots that point at them.
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_PROJECT, tempWorkspace } from './harness';

/** `<parent>/proj` is the example project; `<parent>/sentinel_mod.py` defines a Runner. */
export function projectWithSentinel(cleanups: (() => void)[]): { parent: string; dir: string } {
  const ws = tempWorkspace();
  cleanups.push(ws.cleanup);
  const dir = join(ws.dir, 'proj');
  mkdirSync(dir);
  cpSync(EXAMPLE_PROJECT, dir, { recursive: true });
  writeFileSync(join(ws.dir, 'sentinel_mod.py'), 'from tilebox.workflows import Runner\nsentinel = Runner()\n');
  mkdirSync(join(ws.dir, 'sentinel_pkg'));
  writeFileSync(join(ws.dir, 'sentinel_pkg', '__init__.py'), 'from tilebox.workflows import Runner\nsentinel = Runner()\n');
  symlinkSync(ws.dir, join(dir, 'out'));
  writeFileSync(join(dir, 'notes.txt'), 'a file, not a folder');
  return { parent: ws.dir, dir };
}

export const oddRoots = (parent: string, dir: string): [string, string][] => [
  ['..', 'root-outside-project'],
  ['/', 'root-absolute'],
  ['//', 'root-absolute'],
  [dir, 'root-absolute'],
  [parent, 'root-absolute'],
  ['out', 'root-outside-project'],
  ['notes.txt', 'root-not-directory'],
  ['missing', 'root-not-found'],
];
