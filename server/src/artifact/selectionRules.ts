// Why a path is in or out of the selection: the include and exclude patterns, the always-excluded names, and git's
// ignore rules (loaded folder by folder as the walk reaches them). select.ts walks; this answers per path.
import * as path from 'node:path';
import type { SelectionConfig } from '../config/types';
import { remembered } from './folderMemo';
import { GitIgnoreRules } from './gitignore';
import { compileGlob, type Glob } from './glob';
import type { TreeSource } from './listing';
import { isBuildTempName } from './paths';

export class SelectionRules {
  readonly git = new GitIgnoreRules();
  basePrefix = '';
  rootIgnored: string | undefined;
  readonly includes: Glob[];
  readonly excludes: Glob[];
  private readonly generated: string | undefined;
  /** Folders (root-relative) whose .gitignore is loaded: by the walk, or early for a link's target. */
  private readonly ignoreLoaded = new Set<string>();

  constructor(
    private readonly config: SelectionConfig,
    private readonly source: TreeSource,
  ) {
    this.includes = config.include.map(compileGlob);
    this.excludes = config.exclude.map(compileGlob);
    this.generated = config.slug ? `${config.slug}.tar.zst` : undefined;
  }

  /** Names the rules in force before the walk (outer ignore files, info/exclude, where the root sits): the start of every git token. */
  gitBase(rootAbs: string): string {
    if (!this.config.useGitignore) return 'off';
    return String(internRules(`${rootAbs}\0${this.basePrefix}\0${this.rootIgnored ?? ''}\0${this.git.signature}`));
  }

  /** A token that matches no other: for rules whose text cannot be named. */
  static unique(): string {
    return `?${internedRules++}`;
  }

  /** Some include could match below this folder (false: the walk skips it). */
  reachable(rel: string): boolean {
    return this.includes.some((g) => g.couldMatchBelow(rel));
  }

  /** `bits`: the folder memo's answers for each include pattern (FolderMemo.globBits), for entry `i`. */
  included(rel: string, bits: Uint8Array[] | undefined, i: number): boolean {
    const { includes } = this;
    for (let k = 0; k < includes.length; k++) if (bits ? remembered(bits[k], i, includes[k], rel) : includes[k].matches(rel)) return true;
    return false;
  }

  loadIgnoreFile(absDir: string, rel: string): void {
    if (this.ignoreLoaded.has(rel)) return;
    this.ignoreLoaded.add(rel);
    const text = this.source.ignoreText(absDir);
    if (text) this.git.addFile(rel ? `${rel}/.gitignore` : '.gitignore', this.fromBase(rel), text);
  }

  private fromBase(rel: string): string {
    return this.basePrefix && rel ? `${this.basePrefix}/${rel}` : this.basePrefix || rel;
  }

  folderExcludedBecause(rel: string): string | undefined {
    const glob = this.excludes.find((g) => g.coversAllBelow(rel));
    if (glob) return `exclude pattern "${glob.pattern}"`;
    if (!this.config.useGitignore) return undefined;
    return this.rootIgnored ?? this.git.reasonIgnoredInIncludedFolder(this.fromBase(rel), true);
  }

  fileExcludedBecause(rel: string): string | undefined {
    return this.ruleExcludedBecause(rel) ?? this.gitExcludedBecause(rel);
  }

  gitExcludedBecause(rel: string): string | undefined {
    if (!this.config.useGitignore) return undefined;
    return this.rootIgnored ?? this.git.reasonIgnoredInIncludedFolder(this.fromBase(rel), false);
  }

  /** The always-excluded names and the exclude patterns (everything but git); `bits` as for `included`. */
  ruleExcludedBecause(rel: string, bits?: Uint8Array[], i = 0): string | undefined {
    if (rel === this.generated) return 'generated artifact';
    // A killed build leaves its temp file; the next build must not pack it.
    if (rel.endsWith('.tmp') && isBuildTempName(rel.slice(rel.lastIndexOf('/') + 1))) return 'temporary file of an unfinished build';
    const { excludes } = this;
    for (let k = 0; k < excludes.length; k++)
      if (bits ? remembered(bits[k], i, excludes[k], rel) : excludes[k].matches(rel)) return `exclude pattern "${excludes[k].pattern}"`;
    return undefined;
  }

  /** Why a link's target (root-relative) is left out, whether or not the walk reached its folder. */
  targetExcludedBecause(targetRel: string, rootReal: string): string | undefined {
    if (targetRel.split('/').includes('.git')) return 'inside .git, which is never included';
    const excluded = this.ruleExcludedBecause(targetRel);
    if (excluded) return `which is excluded (${excluded})`;
    if (!this.config.useGitignore) return undefined;
    // The walk may not have read the .gitignore files on the way to the target yet (or ever).
    const parts = targetRel.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const dirRel = parts.slice(0, depth).join('/');
      this.loadIgnoreFile(dirRel ? path.join(rootReal, ...parts.slice(0, depth)) : rootReal, dirRel);
    }
    const ignored = this.rootIgnored ?? this.git.reasonIgnored(this.fromBase(targetRel), false);
    return ignored ? `which git ignores (${ignored})` : undefined;
  }
}

/** Each distinct set of outer rules gets a small number, so the per-folder git tokens stay short. */
const outerRules = new Map<string, number>();
let internedRules = 0;
function internRules(signature: string): number {
  let n = outerRules.get(signature);
  if (n === undefined) {
    if (outerRules.size >= 256) outerRules.clear();
    n = internedRules++;
    outerRules.set(signature, n);
  }
  return n;
}
