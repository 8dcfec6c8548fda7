// What git would ignore, for `use_gitignore = true`: `.git/info/exclude`, the `.gitignore` of
// every folder from the repository root down. All rules live in one `ignore` instance, each
// rewritten to be relative to one base folder (the repository root, or the workflow root when
// there is no repository) and added in git's order of precedence (info/exclude first, deeper
// files later): with "last matching rule wins" that is exactly git's answer, including
// "a file below an ignored folder cannot be re-included".
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface RuleOrigin {
  /** Where the rule is written, relative to the workflow root (`.gitignore`, `sub/.gitignore`, `../.gitignore`). */
  file: string;
  line: number;
  pattern: string;
}

export class GitIgnoreRules {
  private readonly ig: Ignore = ignore({ ignorecase: false });
  private readonly origins: RuleOrigin[] = [];
  /** Every file added so far, label and text: equal signatures, equal rules. */
  signature = '';

  /**
   * Adds the lines of one ignore file. `dirFromBase` is the folder its patterns are relative to,
   * as a POSIX path from the base folder ('' for the base itself).
   */
  addFile(label: string, dirFromBase: string, text: string): void {
    this.signature += `${label}\0${dirFromBase}\0${text}\0`;
    const patterns: ignore.PatternParams[] = [];
    text.split('\n').forEach((raw, index) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const rebased = rebase(line, dirFromBase);
      if (rebased === undefined) return;
      patterns.push({ pattern: rebased, mark: String(this.origins.length) });
      this.origins.push({ file: label, line: index + 1, pattern: line.trim() });
    });
    if (patterns.length > 0) this.ig.add(patterns);
  }

  /** The reason git ignores this path (POSIX, relative to the base), or undefined. */
  reasonIgnored(pathFromBase: string, isDirectory: boolean): string | undefined {
    return this.reason(this.ig.test(isDirectory ? `${pathFromBase}/` : pathFromBase));
  }

  /**
   * Same answer as `reasonIgnored` for a path whose parent folders are known not to be ignored
   * (the walker prunes ignored folders, so this holds for everything it reaches). It skips
   * `ignore`'s parent walk and its per-path result cache, which cost more than the rule scan
   * itself on large trees. Falls back to `reasonIgnored` if the library's internals ever change.
   */
  reasonIgnoredInIncludedFolder(pathFromBase: string, isDirectory: boolean): string | undefined {
    const rules = (this.ig as unknown as { _rules?: { test?: (p: string, mode: string) => ignore.TestResult } })._rules;
    if (typeof rules?.test !== 'function') return this.reasonIgnored(pathFromBase, isDirectory);
    return this.reason(rules.test(isDirectory ? `${pathFromBase}/` : pathFromBase, 'regex'));
  }

  private reason(result: ignore.TestResult): string | undefined {
    if (!result.ignored) return undefined;
    const origin = result.rule?.mark === undefined ? undefined : this.origins[Number(result.rule.mark)];
    return origin ? `${origin.file}:${origin.line} "${origin.pattern}"` : 'ignored by git';
  }
}

/** Rewrites one ignore-file line written in `dir` so that it reads the same from the base folder. */
export function rebase(line: string, dir: string): string | undefined {
  if (line.trim() === '' || line.startsWith('#')) return undefined;
  if (dir === '') return line;
  const negation = line.startsWith('!') ? '!' : '';
  const body = negation ? line.slice(1) : line;
  const core = body.trimEnd().replace(/\/$/, '');
  const prefix = escapeGlob(dir);
  if (body.startsWith('/')) return `${negation}${prefix}${body}`;
  // git: a pattern with a slash (other than a trailing one) is anchored to its folder;
  // one without matches at any depth below it.
  return core.includes('/') ? `${negation}${prefix}/${body}` : `${negation}${prefix}/**/${body}`;
}

function escapeGlob(dir: string): string {
  return dir.replace(/[*?[\]\\]/g, '\\$&').replace(/^[!#]/, '\\$&');
}

export interface Repository {
  /** Absolute folder holding `.git`. */
  root: string;
  /** Absolute path of `info/exclude` in the repository's git folder. */
  excludeFile: string;
}

/** The nearest folder at or above `dir` holding `.git` (a folder, or a worktree/submodule file). */
export function findRepository(dir: string): Repository | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const dotGit = path.join(current, '.git');
    const stat = statOrUndefined(dotGit);
    if (stat?.isDirectory()) return { root: current, excludeFile: path.join(dotGit, 'info', 'exclude') };
    if (stat?.isFile()) {
      const gitDir = /^gitdir:\s*(.+)$/m.exec(readOrEmpty(dotGit))?.[1]?.trim();
      if (gitDir) {
        const abs = path.resolve(current, gitDir);
        const common = readOrEmpty(path.join(abs, 'commondir')).trim();
        const base = common ? path.resolve(abs, common) : abs;
        return { root: current, excludeFile: path.join(base, 'info', 'exclude') };
      }
    }
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * Rules that apply before the walk starts: info/exclude and the `.gitignore` files of the
 * folders from the repository root down to (not including) the workflow root.
 */
export function loadOuterRules(rules: GitIgnoreRules, repo: Repository, rootAbs: string): void {
  const label = (file: string) => path.relative(rootAbs, file).split(path.sep).join('/');
  const exclude = readOrEmpty(repo.excludeFile);
  if (exclude) rules.addFile(label(repo.excludeFile), '', exclude);
  const fromRepo = path.relative(repo.root, rootAbs);
  const parts = fromRepo === '' ? [] : fromRepo.split(path.sep);
  for (let depth = 0; depth < parts.length; depth++) {
    const dir = path.join(repo.root, ...parts.slice(0, depth));
    const file = path.join(dir, '.gitignore');
    const text = readOrEmpty(file);
    if (text) rules.addFile(label(file), parts.slice(0, depth).join('/'), text);
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function readOrEmpty(p: string): string {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}
