// What the language server keeps between previews: the project index (tree, stats, ignore
// rules), the per-file task analysis, and the last artifact of each config. A config edit that
// leaves the selection rules alone reuses that artifact outright; one that changes them walks
// the index in memory; neither touches the disk unless a file event marked something.
import type { SelectionConfig } from '../../config/types';
import { resolveDiscovery, type Discovery, type ModuleFacts } from '../discovery/index';
import { ProjectIndex } from '../projectIndex';
import { selectArtifactFiles, type Selection } from '../select';
import { ModuleCache, type PythonOverlay } from './moduleCache';

export interface Analysed {
  selection: Selection;
  discovery: Discovery;
}

interface Remembered extends Analysed {
  key: string;
  generation: number;
  modules: ModuleFacts[];
}

export class ProjectMemory {
  readonly index = new ProjectIndex();
  private readonly modules = new ModuleCache();
  private readonly last = new Map<string, Remembered>();

  /** The selection and tasks of one config, from memory where nothing they depend on changed. */
  async analyse(configDir: string, config: SelectionConfig, overlay?: PythonOverlay): Promise<Analysed> {
    const key = keyOf(config, overlay);
    const generation = this.index.generation;
    const known = this.last.get(configDir);
    if (known && known.key === key && known.generation === generation) return known;
    const selection = await selectArtifactFiles(configDir, config, { index: this.index });
    const modules = await this.modules.facts(selection.files, overlay);
    // Same analysed files as last time (the usual keystroke or an unrelated file event): same tasks.
    const discovery = known && sameItems(known.modules, modules) ? known.discovery : resolveDiscovery(modules);
    this.last.set(configDir, { key, generation, selection, discovery, modules });
    return { selection, discovery };
  }

  /** True when `analyse` would answer from memory at once (nothing it depends on changed). */
  remembers(configDir: string, config: SelectionConfig, overlay?: PythonOverlay): boolean {
    const known = this.last.get(configDir);
    return !!known && known.key === keyOf(config, overlay) && known.generation === this.index.generation;
  }

  /** The refresh command: forget the tree below `root` so the next preview walks the disk again. */
  rewalk(root: string): void {
    this.index.forget(root);
  }

  forgetConfig(configDir: string): void {
    this.last.delete(configDir);
  }
}

/** An edit in an open Python buffer changes the analysis as a file event would. */
function keyOf(config: SelectionConfig, overlay: PythonOverlay | undefined): string {
  return `${JSON.stringify(config)}#${overlay?.version ?? 0}`;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Without a language server (tests, one-off callers): one walk of the disk, nothing kept. */
export async function analyseOnce(configDir: string, config: SelectionConfig, overlay?: PythonOverlay): Promise<Analysed> {
  const selection = await selectArtifactFiles(configDir, config);
  return { selection, discovery: resolveDiscovery(await new ModuleCache().facts(selection.files, overlay)) };
}
