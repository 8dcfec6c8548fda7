// Which files go into the release artifact, and why each other candidate stays out.
// One walk of the workflow root: folders no include can reach, folders an exclude pattern or
// git ignores whole, and every `.git` are pruned, never read (an ignored 60,000-file `.venv`
// costs one directory entry).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SelectionConfig } from '../config/types';
import { GitIgnoreRules, findRepository, loadOuterRules } from './gitignore';
import { compileGlob, unsafePathReason, type Glob } from './glob';
import { UnsafeConfigError, byteOrder, describe, resolveRoot } from './paths';

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
    }
  }
  await walk.dir(rootAbs, '');
  const files = walk.files.sort((a, b) => byteOrder(a.path, b.path));
  return {
    root: rootAbs,
    files,
    excluded: walk.excluded.sort((a, b) => byteOrder(a.path, b.path)),
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
    problems: walk.problems.sort((a, b) => byteOrder(a.path, b.path)),
  };
}

class Walk {
  readonly git = new GitIgnoreRules();
  basePrefix = '';
  readonly files: SelectedFile[] = [];
  readonly excluded: ExcludedCandidate[] = [];
  readonly problems: SelectionProblem[] = [];
  private readonly includes: Glob[];
  private readonly excludes: Glob[];
  private readonly generated: string | undefined;

  constructor(private readonly rootAbs: string, private readonly rootReal: string, private readonly config: SelectionConfig) {
    this.includes = config.include.map(compileGlob);
    this.excludes = config.exclude.map(compileGlob);
    this.generated = config.slug ? `${config.slug}.tar.zst` : undefined;
  }

  async dir(abs: string, rel: string): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(abs, { withFileTypes: true });
    } catch (error) {
      const shown = rel ? `${rel}/` : '.';
      this.problems.push({ path: shown, message: `cannot list folder ${shown}: ${describe(error)}` });
      return;
    }
    if (this.config.useGitignore && entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
      const text = await fs.promises.readFile(path.join(abs, '.gitignore'), 'utf8').catch(() => '');
      this.git.addFile(rel ? `${rel}/.gitignore` : '.gitignore', this.fromBase(rel), text);
    }
    const subdirs: Promise<void>[] = [];
    const stats: Promise<void>[] = [];
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = path.join(abs, entry.name);
      if (entry.isDirectory()) {
        if (!this.includes.some((g) => g.couldMatchBelow(childRel))) continue;
        const reason = this.folderExcludedBecause(childRel);
        if (reason) this.excluded.push({ path: `${childRel}/`, reason });
        else subdirs.push(this.dir(childAbs, childRel));
        continue;
      }
      const isLink = entry.isSymbolicLink();
      const candidate = this.includes.some((g) => g.matches(childRel));
      if (!candidate && !(isLink && this.includes.some((g) => g.couldMatchBelow(childRel)))) continue;
      const reason = this.fileExcludedBecause(childRel);
      if (reason) this.excluded.push({ path: childRel, reason });
      else if (entry.isFile()) stats.push(this.addFile(childAbs, childRel, childAbs));
      else if (isLink) stats.push(this.addLink(childAbs, childRel, candidate));
      else this.problems.push({ path: childRel, message: `${childRel} is ${specialKind(entry)}, not a regular file; exclude it or remove it` });
    }
    await Promise.all(stats);
    await Promise.all(subdirs);
  }

  private fromBase(rel: string): string {
    return this.basePrefix && rel ? `${this.basePrefix}/${rel}` : this.basePrefix || rel;
  }

  private folderExcludedBecause(rel: string): string | undefined {
    const glob = this.excludes.find((g) => g.coversAllBelow(rel));
    if (glob) return `exclude pattern "${glob.pattern}"`;
    return this.config.useGitignore ? this.git.reasonIgnored(this.fromBase(rel), true) : undefined;
  }

  private fileExcludedBecause(rel: string): string | undefined {
    if (rel === this.generated) return 'generated artifact';
    const glob = this.excludes.find((g) => g.matches(rel));
    if (glob) return `exclude pattern "${glob.pattern}"`;
    return this.config.useGitignore ? this.git.reasonIgnored(this.fromBase(rel), false) : undefined;
  }

  private async addFile(readFrom: string, rel: string, absPath: string): Promise<void> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(readFrom);
    } catch (error) {
      // Deleted since the folder was listed: it is simply not there any more.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.problems.push({ path: rel, message: `cannot read ${rel}: ${describe(error)}` });
      return;
    }
    if (!stat.isFile()) {
      this.problems.push({ path: rel, message: `${rel} is not a regular file` });
      return;
    }
    // git's rule: the owner's execute bit decides.
    this.files.push({ path: rel, size: stat.size, executable: (stat.mode & 0o100) !== 0, absPath });
  }

  /** Policy: a link to a file inside the root ships that file's content; folders are not followed. */
  private async addLink(abs: string, rel: string, candidate: boolean): Promise<void> {
    let target: string;
    try {
      target = await fs.promises.realpath(abs);
    } catch {
      if (candidate) this.problems.push({ path: rel, message: `symbolic link ${rel} is broken (its target does not exist)` });
      return;
    }
    const inside = target === this.rootReal || target.startsWith(this.rootReal + path.sep);
    const stat = await fs.promises.stat(target).catch(() => undefined);
    if (!stat) {
      if (candidate) this.problems.push({ path: rel, message: `symbolic link ${rel} is broken (its target does not exist)` });
    } else if (stat.isDirectory()) {
      this.excluded.push({ path: `${rel}/`, reason: 'symbolic link to a folder (not followed)' });
    } else if (!candidate) {
      return;
    } else if (!inside) {
      this.problems.push({ path: rel, message: `symbolic link ${rel} leads outside the workflow root (to ${target})` });
    } else {
      await this.addFile(target, rel, abs);
    }
  }
}

function specialKind(entry: fs.Dirent): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return 'not a regular file';
}
