// `<module>:<object>` suggestions for `runner = "..."`, from the Python files under a config's
// root. Reading every .py file is the expensive part, so results are cached per root and
// dropped when a file event touches a .py file (or a folder) below that root.
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import fg from 'fast-glob';
import { findRunnerCandidates } from '../config/index';
import { gateRoot } from '../artifact/rootGate';
import { isInside } from './paths';

const IGNORE = ['**/.git/**', '**/node_modules/**', '**/.venv/**', '**/venv/**', '**/__pycache__/**', '**/site-packages/**'];
/** Bounds so a huge tree or a generated file cannot stall completion. */
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 512 * 1024;

async function scan(root: string): Promise<string[]> {
  const paths = (await fg('**/*.py', { cwd: root, ignore: IGNORE, followSymbolicLinks: false, suppressErrors: true, onlyFiles: true }))
    .sort()
    .slice(0, MAX_FILES);
  const files = await Promise.all(paths.map(async (rel) => {
    const absolute = path.join(root, rel);
    try {
      if ((await stat(absolute)).size > MAX_FILE_BYTES) return undefined;
      return { path: rel, text: await readFile(absolute, 'utf8') };
    } catch {
      return undefined;
    }
  }));
  return findRunnerCandidates(files.filter((f): f is { path: string; text: string } => f !== undefined));
}

export class RunnerCandidates {
  private readonly cache = new Map<string, Promise<string[]>>();

  /** Candidates under `[workflow].root` (as written) of the config in `configDir`; none, and no file read, when the gate refuses it. */
  get(configDir: string, rootValue: string): Promise<string[]> {
    const gate = gateRoot(configDir, rootValue);
    if (!gate.ok) return Promise.resolve([]);
    const root = gate.root;
    let entry = this.cache.get(root);
    if (!entry) {
      entry = scan(root).catch(() => []);
      this.cache.set(root, entry);
    }
    return entry;
  }

  /** A file changed: forget every root it could belong to. */
  changed(fsPath: string): void {
    const ext = path.extname(fsPath);
    if (ext !== '' && ext !== '.py') return;
    for (const root of this.cache.keys()) if (isInside(root, fsPath) || isInside(fsPath, root)) this.cache.delete(root);
  }
}
