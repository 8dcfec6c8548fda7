// Which files go into the release artifact, and why each other candidate stays out.
// One walk of the workflow root: folders no include can reach, folders an exclude pattern or
// git ignores whole, and every `.git` are pruned, never read (an ignored 60,000-file `.venv`
// costs one directory entry).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SelectionConfig } from '../config/types';
import { FileSizes, type StatAnswer, type StatRequest } from './fileSizes';
import { GitIgnoreRules, findRepository, loadOuterRules } from './gitignore';
import { compileGlob, unsafePathReason, type Glob } from './glob';
import { UnsafeConfigError, describe, resolveRoot, sortByPath } from './paths';

export { UnsafeConfigError };

export interface SelectedFile {
  /** POSIX, relative to the root. */
  path: string;
  size: number;
  executable: boolean;
  absPath: string;
}
export interface ExcludedCandidate {
  /** POSIX, relative to the root; a pruned folder ends with `/`. */
  path: string;
  reason: string;
}
export interface SelectionProblem {
  path: string;
  message: string;
}
export interface Selection {
  root: string;
  files: SelectedFile[];
  excluded: ExcludedCandidate[];
  totalBytes: number;
  problems: SelectionProblem[];
}

export async function selectArtifactFiles(configDir: string, config: SelectionConfig): Promise<Selection> {
  for (const [kind, list] of [['include', config.include], ['exclude', config.exclude]] as const) {
    for (const pattern of list) {
      const reason = unsafePathReason(pattern);
      if (reason) throw new UnsafeConfigError(`${kind} pattern "${pattern}" ${reason}`);
    }
  }
  const { rootAbs, rootReal } = resolveRoot(configDir, config.root);
  const walk = new Walk(rootAbs, rootReal, config);
  if (config.useGitignore) {
    const repo = findRepository(rootAbs);
    if (repo) {
      loadOuterRules(walk.git, repo, rootAbs);
      walk.basePrefix = path.relative(repo.root, rootAbs).split(path.sep).filter(Boolean).join('/');
      // A root inside a folder git ignores: everything in it is ignored for that reason.
      if (walk.basePrefix) walk.rootIgnored = walk.git.reasonIgnored(walk.basePrefix, true);
    }
  }
  await walk.run();
  const files = sortByPath(walk.files);
  return {
    root: rootAbs,
    files,
    excluded: sortByPath(walk.excluded),
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
    problems: sortByPath(walk.problems),
  };
}

class Walk {
  readonly git = new GitIgnoreRules();
  basePrefix = '';
  rootIgnored: string | undefined;
  readonly files: SelectedFile[] = [];
  readonly excluded: ExcludedCandidate[] = [];
  readonly problems: SelectionProblem[] = [];
  private readonly includes: Glob[];
  private readonly excludes: Glob[];
  private readonly generated: string | undefined;
  private readonly sizes = new FileSizes((request, stat) => this.sized(request, stat));

  constructor(private readonly rootAbs: string, private readonly rootReal: string, private readonly config: SelectionConfig) {
    this.includes = config.include.map(compileGlob);
    this.excludes = config.exclude.map(compileGlob);
    this.generated = config.slug ? `${config.slug}.tar.zst` : undefined;
  }

  /**
   * Depth-first over an explicit stack with synchronous calls: per-call promise overhead
   * was 10x the work itself on big trees. Yields to the event loop now and then so a
   * language server stays responsive while a large tree is walked.
   */
  async run(): Promise<void> {
    const stack: [string, string][] = [[this.rootAbs, '']];
    let sinceYield = 0;
    try {
      for (let next = stack.pop(); next; next = stack.pop()) {
        sinceYield += this.dir(next[0], next[1], stack);
        if (sinceYield > 2000) {
          sinceYield = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } catch (error) {
      this.sizes.dispose();
      throw error;
    }
    await this.sizes.finish();
  }

  /** Lists one folder, pushes the subfolders to walk; returns how many entries it looked at. */
  private dir(abs: string, rel: string, stack: [string, string][]): number {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch (error) {
      const shown = rel ? `${rel}/` : '.';
      this.problems.push({ path: shown, message: `cannot list folder ${shown}: ${describe(error)}` });
      return 1;
    }
    if (this.config.useGitignore && entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
      let text = '';
      try {
        text = fs.readFileSync(path.join(abs, '.gitignore'), 'utf8');
      } catch {
        // An unreadable .gitignore ignores nothing, as in git.
      }
      this.git.addFile(rel ? `${rel}/.gitignore` : '.gitignore', this.fromBase(rel), text);
    }
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = abs + path.sep + entry.name;
      if (entry.isDirectory()) {
        if (!this.includes.some((g) => g.couldMatchBelow(childRel))) continue;
        const reason = this.folderExcludedBecause(childRel);
        if (reason) this.excluded.push({ path: `${childRel}/`, reason });
        else stack.push([childAbs, childRel]);
        continue;
      }
      const isLink = entry.isSymbolicLink();
      const candidate = this.includes.some((g) => g.matches(childRel));
      if (!candidate && !(isLink && this.includes.some((g) => g.couldMatchBelow(childRel)))) continue;
      const reason = this.fileExcludedBecause(childRel);
      if (reason) this.excluded.push({ path: childRel, reason });
      else if (entry.isFile()) this.addFile(childAbs, childRel, childAbs);
      else if (isLink) this.addLink(childAbs, childRel, candidate);
      else this.problems.push({ path: childRel, message: `${childRel} is ${specialKind(entry)}, not a regular file; exclude it or remove it` });
    }
    return entries.length;
  }

  private fromBase(rel: string): string {
    return this.basePrefix && rel ? `${this.basePrefix}/${rel}` : this.basePrefix || rel;
  }

  private folderExcludedBecause(rel: string): string | undefined {
    const glob = this.excludes.find((g) => g.coversAllBelow(rel));
    if (glob) return `exclude pattern "${glob.pattern}"`;
    if (!this.config.useGitignore) return undefined;
    return this.rootIgnored ?? this.git.reasonIgnoredInIncludedFolder(this.fromBase(rel), true);
  }

  private fileExcludedBecause(rel: string): string | undefined {
    if (rel === this.generated) return 'generated artifact';
    const glob = this.excludes.find((g) => g.matches(rel));
    if (glob) return `exclude pattern "${glob.pattern}"`;
    if (!this.config.useGitignore) return undefined;
    return this.rootIgnored ?? this.git.reasonIgnoredInIncludedFolder(this.fromBase(rel), false);
  }

  private addFile(statPath: string, rel: string, absPath: string): void {
    this.sizes.add({ statPath, rel, absPath });
  }

  private sized({ rel, absPath }: StatRequest, stat: StatAnswer): void {
    // Deleted since the folder was listed: it is simply not there any more.
    if (!stat) return;
    if (!stat.ok) this.problems.push({ path: rel, message: `cannot read ${rel}: ${describe(stat.error)}` });
    else if (!stat.isFile) this.problems.push({ path: rel, message: `${rel} is not a regular file` });
    // git's rule: the owner's execute bit decides.
    else this.files.push({ path: rel, size: stat.size, executable: (stat.mode & 0o100) !== 0, absPath });
  }

  /** Policy: a link to a file inside the root ships that file's content; folders are not followed. */
  private addLink(abs: string, rel: string, candidate: boolean): void {
    let target: string;
    try {
      target = fs.realpathSync(abs);
    } catch {
      if (candidate) this.problems.push({ path: rel, message: `symbolic link ${rel} is broken (its target does not exist)` });
      return;
    }
    const inside = target === this.rootReal || target.startsWith(this.rootReal + path.sep);
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat) {
      if (candidate) this.problems.push({ path: rel, message: `symbolic link ${rel} is broken (its target does not exist)` });
    } else if (stat.isDirectory()) {
      this.excluded.push({ path: `${rel}/`, reason: 'symbolic link to a folder (not followed)' });
    } else if (!candidate) {
      return;
    } else if (!inside) {
      this.problems.push({ path: rel, message: `symbolic link ${rel} leads outside the workflow root (to ${target})` });
    } else {
      this.addFile(target, rel, abs);
    }
  }
}

function specialKind(entry: fs.Dirent): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return 'not a regular file';
}
