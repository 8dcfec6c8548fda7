// What the language server keeps between previews: the project index (tree, stats, ignore
// rules), the per-file task analysis, and the last artifact of each config. A config edit that
// leaves the selection rules alone reuses that artifact outright; one that changes them walks
// the index in memory; neither touches the disk unless a file event marked something.
import type { SelectionConfig } from '../../config/types';
import { resolveDiscovery, type Discovery, type ModuleFacts } from '../discovery/index';
import { ProjectIndex } from '../projectIndex';
import { selectArtifactFiles, type Selection } from '../select';
import { ModuleCache, sameItems, type PythonOverlay, type ReadModules } from './moduleCache';

export interface Analysed {
  selection: Selection;
  discovery: Discovery;
}

interface Remembered extends Analysed {
  config: string;
  overlayVersion: number;
  generation: number;
  read: ReadModules;
}

const RECENT_DISCOVERIES = 2;
/** Selections kept per config folder, one per selection config: an include edit and back copies from the first walk. */
const RECENT_SELECTIONS = 3;

export class ProjectMemory {
  readonly index = new ProjectIndex();
  private readonly modules: ModuleCache;
  private readonly last = new Map<string, Remembered>();
  private readonly discoveries: { modules: ModuleFacts[]; discovery: Discovery }[] = [];
  private readonly selections = new Map<string, { config: string; selection: Selection }[]>();

  /** `pause`: awaited between batches of Python files read (see ModuleCache). */
  constructor(pause?: () => Promise<void>) {
    this.modules = new ModuleCache(pause);
  }

  /**
   * The selection and tasks of one config, from memory where nothing they depend on changed. `filesKnown` gets the
   * selection first when many Python files are still to be read for the tasks.
   */
  async analyse(
    configDir: string,
    config: SelectionConfig,
    overlay?: PythonOverlay,
    filesKnown?: (selection: Selection) => void,
  ): Promise<Analysed> {
    const key = JSON.stringify(config);
    const overlayVersion = overlay?.version ?? 0;
    const generation = this.index.generation;
    const known = this.last.get(configDir);
    const sameFiles = known && known.config === key && known.generation === generation;
    if (sameFiles && known.overlayVersion === overlayVersion) return known;
    // Only open Python buffers changed (a keystroke in one): same selection, same files on disk, so only the
    // buffers' entries are replaced and the others' cached facts resolved again; nothing is selected, read or parsed.
    const patched = sameFiles ? this.modules.patch(known.read, overlay) : undefined;
    // The walk copies each subfolder untouched since the last selection under the same config: after an include edit
    // and back (`src/**` -> `src/pkg3/**` -> `src/**`) that is the one before last, not the last.
    const previous = this.selections.get(configDir)?.find((s) => s.config === key)?.selection;
    const selection = patched ? known!.selection : await selectArtifactFiles(configDir, config, { index: this.index, previous });
    if (!patched) this.remember(configDir, key, selection);
    const read = patched ?? (await this.modules.facts(selection.files, overlay, filesKnown && (() => filesKnown(selection))));
    // Same analysed files as last time (an unrelated file event, a keystroke that kept a syntax error): same tasks.
    const discovery = known && sameItems(known.read.modules, read.modules) ? known.discovery : this.discover(read.modules);
    this.last.set(configDir, { config: key, overlayVersion, generation, selection, discovery, read });
    return { selection, discovery };
  }

  private remember(configDir: string, config: string, selection: Selection): void {
    const others = (this.selections.get(configDir) ?? []).filter((s) => s.config !== config);
    this.selections.set(configDir, [{ config, selection }, ...others].slice(0, RECENT_SELECTIONS));
  }

  /** A recent module set (an include change that keeps the Python files, an undo, a file created and deleted again) is not resolved again. */
  private discover(modules: ModuleFacts[]): Discovery {
    const at = this.discoveries.findIndex((d) => sameItems(d.modules, modules));
    const found = at >= 0 ? this.discoveries.splice(at, 1)[0] : { modules, discovery: resolveDiscovery(modules) };
    this.discoveries.unshift(found);
    if (this.discoveries.length > RECENT_DISCOVERIES) this.discoveries.pop();
    return found.discovery;
  }

  /** True when `analyse` would answer from memory at once (nothing it depends on changed). */
  remembers(configDir: string, config: SelectionConfig, overlay?: PythonOverlay): boolean {
    const known = this.last.get(configDir);
    return (
      !!known &&
      known.config === JSON.stringify(config) &&
      known.overlayVersion === (overlay?.version ?? 0) &&
      known.generation === this.index.generation
    );
  }

  /** The refresh command: forget the tree below `root` so the next preview walks the disk again. */
  rewalk(root: string): void {
    this.index.forget(root);
  }

  forgetConfig(configDir: string): void {
    this.last.delete(configDir);
    this.selections.delete(configDir);
  }
}

/** Without a language server (tests, one-off callers): one walk of the disk, nothing kept. */
export async function analyseOnce(configDir: string, config: SelectionConfig, overlay?: PythonOverlay): Promise<Analysed> {
  const selection = await selectArtifactFiles(configDir, config);
  return { selection, discovery: resolveDiscovery((await new ModuleCache().facts(selection.files, overlay)).modules) };
}
