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
import { UnsafeConfigError, describe, isBuildTempName, sortByPath } from './paths';
import { gateRoot } from './rootGate';

export { UnsafeConfigError };

export interface SelectedFile {
  /** POSIX, relative to the root. */
  path: string;
  size: number;
  executable: boolean;
  absPath: string;
  /** For a symbolic link: the file it leads to, relative to the root (POSIX). */
  linkTarget?: string;
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

export interface SelectOptions {
  /**
   * Why the process cannot read this file (an errno error), or undefined when it can. Asked only
   * for files whose mode denies reading to others; tests replace it (they may run as root).
   */
  readError?: (absPath: string) => unknown;
}

export async function selectArtifactFiles(configDir: string, config: SelectionConfig, options: SelectOptions = {}): Promise<Selection> {
  for (const [kind, list] of [['include', config.include], ['exclude', config.exclude]] as const) {
    for (const pattern of list) {
      const reason = unsafePathReason(pattern);
      if (reason) throw new UnsafeConfigError(`${kind} pattern "${pattern}" ${reason}`);
    }
  }
  const gate = gateRoot(configDir, config.root);
  if (!gate.ok) throw new UnsafeConfigError(gate.reason);
  const { rootAbs, root: rootReal } = gate;
  const walk = new Walk(rootAbs, rootReal, config, options.readError ?? readError);
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
  /** Folders (root-relative) whose .gitignore is loaded: by the walk, or early for a link's target. */
  private readonly ignoreLoaded = new Set<string>();

  constructor(
    private readonly rootAbs: string,
    private readonly rootReal: string,
    private readonly config: SelectionConfig,
    private readonly readError: (absPath: string) => unknown,
  ) {
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
    if (this.config.useGitignore && entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) this.loadIgnoreFile(abs, rel);
    let nonUtf8: Map<string, Buffer[]> | undefined;
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = abs + path.sep + entry.name;
      // Node decodes names as UTF-8, so a name that is not UTF-8 comes back with U+FFFD in it
      // and cannot be opened by that name. Rare: only then are the raw names read.
      if (entry.name.includes('\uFFFD')) {
        const raw = (nonUtf8 ??= nonUtf8Names(abs)).get(entry.name)?.shift();
        if (raw) {
          this.nonUtf8Entry(entry, childRel, rel ? `${rel}/${escapeName(raw)}` : escapeName(raw));
          continue;
        }
      }
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

  /** A name that is not UTF-8 cannot be read or archived under its name: a problem when selected. */
  private nonUtf8Entry(entry: fs.Dirent, rel: string, shown: string): void {
    const isDir = entry.isDirectory();
    const candidate = isDir ? this.includes.some((g) => g.couldMatchBelow(rel)) : this.includes.some((g) => g.matches(rel));
    if (!candidate) return;
    const reason = isDir ? this.folderExcludedBecause(rel) : this.fileExcludedBecause(rel);
    if (reason) this.excluded.push({ path: isDir ? `${shown}/` : shown, reason });
    else this.problems.push({ path: shown, message: `${shown}: ${isDir ? 'folder' : 'file'} name is not UTF-8; rename it` });
  }

  private loadIgnoreFile(absDir: string, rel: string): void {
    if (this.ignoreLoaded.has(rel)) return;
    this.ignoreLoaded.add(rel);
    let text = '';
    try {
      text = fs.readFileSync(path.join(absDir, '.gitignore'), 'utf8');
    } catch {
      // An unreadable .gitignore ignores nothing, as in git (and a missing one is no file).
    }
    if (text) this.git.addFile(rel ? `${rel}/.gitignore` : '.gitignore', this.fromBase(rel), text);
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
    const reason = this.ruleExcludedBecause(rel);
    if (reason || !this.config.useGitignore) return reason;
    return this.rootIgnored ?? this.git.reasonIgnoredInIncludedFolder(this.fromBase(rel), false);
  }

  /** The always-excluded names and the exclude patterns (everything but git). */
  private ruleExcludedBecause(rel: string): string | undefined {
    if (rel === this.generated) return 'generated artifact';
    // A killed build leaves its temp file; the next build must not pack it.
    if (rel.endsWith('.tmp') && isBuildTempName(rel.slice(rel.lastIndexOf('/') + 1))) return 'temporary file of an unfinished build';
    const glob = this.excludes.find((g) => g.matches(rel));
    return glob ? `exclude pattern "${glob.pattern}"` : undefined;
  }

  private addFile(statPath: string, rel: string, absPath: string, linkTarget?: string): void {
    this.sizes.add(linkTarget === undefined ? { statPath, rel, absPath } : { statPath, rel, absPath, linkTarget });
  }

  private sized({ statPath, rel, absPath, linkTarget }: StatRequest, stat: StatAnswer): void {
    // Deleted since the folder was listed: it is simply not there any more.
    if (!stat) return;
    // Only a file others may not read costs a second call: whether this process can read it.
    const unreadable = stat.ok && stat.isFile && (stat.mode & 0o004) === 0 ? this.readError(statPath) : undefined;
    if (!stat.ok || unreadable) this.problems.push({ path: rel, message: `cannot read ${rel}: ${describe(stat.ok ? unreadable : stat.error)}` });
    else if (!stat.isFile) this.problems.push({ path: rel, message: `${rel} is not a regular file` });
    // git's rule: the owner's execute bit decides.
    else {
      const file: SelectedFile = { path: rel, size: stat.size, executable: (stat.mode & 0o100) !== 0, absPath };
      if (linkTarget !== undefined) file.linkTarget = linkTarget;
      this.files.push(file);
    }
  }

  /** Policy: a link to a file inside the root ships that file's content; folders are not followed. */
  private addLink(abs: string, rel: string, candidate: boolean): void {
    let target: string;
    let stat: fs.Stats | undefined;
    try {
      target = fs.realpathSync(abs);
      stat = fs.statSync(target, { throwIfNoEntry: false });
    } catch (error) {
      if (candidate) this.problems.push({ path: rel, message: brokenLink(rel, error) });
      return;
    }
    const inside = target === this.rootReal || target.startsWith(this.rootReal + path.sep);
    if (!stat) {
      if (candidate) this.problems.push({ path: rel, message: brokenLink(rel, undefined) });
    } else if (stat.isDirectory()) {
      this.excluded.push({ path: `${rel}/`, reason: 'symbolic link to a folder (not followed)' });
    } else if (!candidate) {
      return;
    } else if (!inside) {
      this.problems.push({ path: rel, message: `symbolic link ${rel} leads outside the workflow root (to ${target})` });
    } else {
      // A link must not ship what the rules keep out: `config.txt -> .env` with .env ignored.
      const targetRel = path.relative(this.rootReal, target).split(path.sep).join('/');
      const reason = this.targetExcludedBecause(targetRel);
      if (reason) this.excluded.push({ path: rel, reason: `links to ${targetRel}, ${reason}` });
      else this.addFile(target, rel, abs, targetRel);
    }
  }

  /** Why a link's target (root-relative) is left out, whether or not the walk reached its folder. */
  private targetExcludedBecause(targetRel: string): string | undefined {
    if (targetRel.split('/').includes('.git')) return 'inside .git, which is never included';
    const excluded = this.ruleExcludedBecause(targetRel);
    if (excluded) return `which is excluded (${excluded})`;
    if (!this.config.useGitignore) return undefined;
    // The walk may not have read the .gitignore files on the way to the target yet (or ever).
    const parts = targetRel.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const dirRel = parts.slice(0, depth).join('/');
      this.loadIgnoreFile(dirRel ? path.join(this.rootReal, ...parts.slice(0, depth)) : this.rootReal, dirRel);
    }
    const ignored = this.rootIgnored ?? this.git.reasonIgnored(this.fromBase(targetRel), false);
    return ignored ? `which git ignores (${ignored})` : undefined;
  }
}

function brokenLink(rel: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ELOOP') {
    return `symbolic link ${rel} is part of a loop of links (following it leads back to itself); fix or remove it`;
  }
  if (error && (error as NodeJS.ErrnoException).code !== 'ENOENT') return `cannot follow symbolic link ${rel}: ${describe(error)}`;
  return `symbolic link ${rel} is broken (its target does not exist)`;
}

/** Names in this folder (as Node decodes them) whose bytes are not UTF-8, with their raw bytes. */
function nonUtf8Names(abs: string): Map<string, Buffer[]> {
  const out = new Map<string, Buffer[]>();
  let raws: Buffer[];
  try {
    raws = fs.readdirSync(abs, { encoding: 'buffer' });
  } catch {
    return out;
  }
  for (const raw of raws) {
    const name = raw.toString('utf8');
    if (!Buffer.from(name, 'utf8').equals(raw)) out.set(name, [...(out.get(name) ?? []), raw]);
  }
  return out;
}

/** `caf\xe9.py`: the UTF-8 parts as text, every other byte as `\xNN`. */
export function escapeName(raw: Buffer): string {
  let out = '';
  for (let i = 0; i < raw.length;) {
    const lead = raw[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    const piece = length > 0 ? raw.subarray(i, i + length) : undefined;
    const text = piece && piece.length === length ? piece.toString('utf8') : undefined;
    if (text !== undefined && Buffer.from(text, 'utf8').equals(piece!)) {
      out += text;
      i += length;
    } else {
      out += `\\x${lead.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

function readError(absPath: string): unknown {
  try {
    fs.accessSync(absPath, fs.constants.R_OK);
    return undefined;
  } catch (error) {
    return error;
  }
}

function specialKind(entry: fs.Dirent): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return 'not a regular file';
}
