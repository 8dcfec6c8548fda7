// Finds the `tilebox` binary: the user-only (application-scoped) setting `tilebox.cli.path` (a workspace cannot point it at its
// own binary), else the first match on PATH, else the installer's default `~/.local/bin/tilebox`.
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import type { LocateResult } from './types';

export interface LocateInput {
  configuredPath?: string;
  pathEnv?: string;
  home?: string;
  platform: NodeJS.Platform;
  /** Injected by tests; defaults to "is a file and executable". */
  isExecutable?: (file: string) => boolean;
}

export function locateCli(input: LocateInput): LocateResult {
  const isExecutable = input.isExecutable ?? defaultIsExecutable(input.platform);
  const win = input.platform === 'win32';
  const paths = win ? path.win32 : path.posix;
  const configured = input.configuredPath?.trim();
  if (configured) {
    // An explicit setting is the user's choice: report it as missing instead of silently using another binary.
    const file = expandHome(configured, input.home, paths);
    return isExecutable(file) ? { path: file } : { searched: [file] };
  }
  const candidates = pathCandidates(win ? ['tilebox.exe', 'tilebox.cmd', 'tilebox.bat', 'tilebox'] : ['tilebox'], input.pathEnv, win);
  if (input.home) candidates.push(paths.join(input.home, '.local', 'bin', win ? 'tilebox.exe' : 'tilebox'));
  const searched: string[] = [];
  for (const file of candidates) {
    if (searched.includes(file)) continue;
    if (isExecutable(file)) return { path: file };
    searched.push(file);
  }
  return { searched };
}

/** Every `dir/name` a PATH lookup tries, in order. */
function pathCandidates(names: string[], pathEnv: string | undefined, win: boolean): string[] {
  const paths = win ? path.win32 : path.posix;
  const dirs = (pathEnv ?? '')
    .split(win ? ';' : ':')
    .map((d) => d.trim().replace(/^"(.*)"$/, '$1'))
    .filter(Boolean);
  return dirs.flatMap((dir) => names.map((name) => paths.join(dir, name)));
}

/** Whether a program a child process runs by name (`uv`) is found on that PATH. */
export function isOnPath(
  program: string,
  pathEnv: string | undefined,
  platform: NodeJS.Platform,
  isExecutable = defaultIsExecutable(platform),
): boolean {
  const win = platform === 'win32';
  return pathCandidates(win ? [`${program}.exe`, `${program}.cmd`, program] : [program], pathEnv, win).some(isExecutable);
}

function expandHome(file: string, home: string | undefined, paths: path.PlatformPath): string {
  if (home && (file === '~' || file.startsWith('~/') || file.startsWith('~\\'))) return paths.join(home, file.slice(1));
  return file;
}

function defaultIsExecutable(platform: NodeJS.Platform): (file: string) => boolean {
  return (file) => {
    try {
      if (!statSync(file).isFile()) return false;
      if (platform !== 'win32') accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
}
