// Generated project trees in a temp folder, and git's own answers about them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import type { SelectionConfig } from '../../../server/src/config/types';

export interface Tree {
  dir: string;
  put(rel: string, text?: string): void;
  read(rel: string): string;
  remove(): void;
}

export function makeTree(files: Record<string, string> = {}): Tree {
  const dir = mkdtempSync(join(tmpdir(), 'artifact-'));
  const put = (rel: string, text = `content of ${rel}\n`) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  for (const [rel, text] of Object.entries(files)) put(rel, text);
  const read = (rel: string) => readFileSync(join(dir, rel), 'utf8');
  return { dir, put, read, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A config's file selection settings with `over` applied: everything below the root, .gitignore honoured. */
export function selectionConfig(over: Partial<SelectionConfig> = {}): SelectionConfig {
  return { slug: 'demo', root: '.', include: ['**'], exclude: [], useGitignore: true, ...over };
}

/** `makeTree` whose trees are removed after the test file's tests. */
export function treesRemovedAfter(): (files: Record<string, string>) => Tree {
  const trees: Tree[] = [];
  after(() => trees.forEach((t) => t.remove()));
  return (files) => {
    const t = makeTree(files);
    trees.push(t);
    return t;
  };
}

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
}

/** `git ls-files -z <args>` run in `cwd`, as a list (paths relative to `cwd`). */
export function gitList(cwd: string, ...args: string[]): string[] {
  return git(cwd, '-c', 'core.quotepath=off', 'ls-files', '-z', ...args)
    .split('\0')
    .filter(Boolean);
}

/** Every file below `dir` (relative, POSIX), skipping `.git`; for expanding pruned folders. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.name === '.git') continue;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}
