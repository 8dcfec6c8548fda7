// The live artifact preview of one tilebox.workflow.toml: the selection, the tasks found in its
// Python files, and warnings for the config. An unsafe root or pattern becomes `preview.error`; only bugs throw.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { WorkflowConfig } from '../../config/types';
import { toSelectionConfig } from '../project';
import type { Discovery } from '../discovery/index';
import { UnsafeConfigError, type Selection } from '../select';
import { byteOrder } from '../paths';
import { analyseOnce, type ProjectMemory } from './projectMemory';
import type { PythonOverlay } from './moduleCache';
import { toDiscoveredRunner, toDiscoveredTask } from '../discovery/protocolShape';
import type { ArtifactPreview } from '../../shared/protocol';
import { runnerModuleDiagnostics } from './runnerModule';
import { selectionWarnings } from './warnings';

export { formatBytes } from '../../shared/formatBytes';
export { ARTIFACT_DIAGNOSTIC_CODES } from './warnings';
export type { PythonOverlay } from './moduleCache';
export { ProjectMemory } from './projectMemory';

export interface PreviewResult {
  preview: ArtifactPreview;
  /** For tilebox.workflow.toml. */
  diagnostics: Diagnostic[];
  /** Only files that have diagnostics; absolute paths. */
  pythonDiagnostics: { path: string; diagnostics: Diagnostic[] }[];
  /** Everything discovery found, with source spans (navigation reads it); files relative to the root. */
  discovery?: Discovery;
}

/**
 * With `memory` (the language server), from the project index and caches; without, one walk of the disk.
 * `filesKnown` gets a preview without tasks first when many Python files are still to be read (see FILES_FIRST_ABOVE).
 */
export async function buildPreview(
  configDir: string,
  config: WorkflowConfig,
  memory?: ProjectMemory,
  overlay?: PythonOverlay,
  filesKnown?: (preview: ArtifactPreview) => void,
): Promise<PreviewResult> {
  const selectionConfig = toSelectionConfig(config);
  let selection: Selection;
  let discovery: Discovery;
  const early =
    filesKnown &&
    ((known: Selection) => filesKnown({ ...wholePreview(known), tasks: [], runners: [], slug: selectionConfig.slug, tasksPending: true }));
  try {
    ({ selection, discovery } = await (memory
      ? memory.analyse(configDir, selectionConfig, overlay, early)
      : analyseOnce(configDir, selectionConfig, overlay)));
  } catch (error) {
    // A root or pattern outside the project is the user's to fix; anything else is a bug the caller logs.
    if (!(error instanceof UnsafeConfigError)) throw error;
    const message = error.message;
    return {
      preview: { root: configDir, files: [], excluded: [], totalBytes: 0, tasks: [], slug: selectionConfig.slug, error: message },
      diagnostics: [],
      pythonDiagnostics: [],
    };
  }

  const artifact = artifactOf(selection, discovery);
  const { selected, pythonDiagnostics } = artifact;
  // The same object while nothing in it changed: the server tells the client only about previews that did.
  if (artifact.withSlug?.slug !== selectionConfig.slug) artifact.withSlug = { ...artifact.preview, slug: selectionConfig.slug };
  return {
    preview: artifact.withSlug,
    diagnostics: [...selectionWarnings(config, selection), ...runnerModuleDiagnostics(config, selected, selection.excluded)],
    pythonDiagnostics,
    discovery,
  };
}

interface Artifact {
  discovery: Discovery;
  preview: ArtifactPreview;
  withSlug?: ArtifactPreview;
  selected: { has(path: string): boolean };
  pythonDiagnostics: PreviewResult['pythonDiagnostics'];
}
/** The config-independent part, built once per selection and discovery (a keystroke that keeps both reuses it). */
const artifacts = new WeakMap<Selection, Artifact>();
/**
 * The preview's part a selection decides. Its files are the selection's own objects (which carry more than `path`
 * and `size`): a re-selection reuses the object of every file it kept, so diffing two previews is mostly identity
 * checks, and nothing is copied until an answer goes out (lsp/sentPreviews.ts keeps only path and size).
 */
function wholePreview(selection: Selection): Omit<ArtifactPreview, 'tasks'> {
  return { root: selection.root, files: selection.files, excluded: selection.excluded, totalBytes: selection.totalBytes };
}

/** Binary search: the files are in byte order (sortByPath), and a Set of every path costs more than the few lookups. */
function findSelected(files: Selection['files'], p: string): Selection['files'][number] | undefined {
  let lo = 0;
  let hi = files.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const order = byteOrder(files[mid].path, p);
    if (order === 0) return files[mid];
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * A discovery's tasks and runners as the protocol has them, made once per discovery: a file event or an include edit
 * that leaves the tasks alone then hands on the same lists, which the preview's patch sees as unchanged at a glance.
 */
const shapes = new WeakMap<Discovery, Pick<ArtifactPreview, 'tasks' | 'runners'>>();
function inProtocolShape(discovery: Discovery): Pick<ArtifactPreview, 'tasks' | 'runners'> {
  let shape = shapes.get(discovery);
  if (!shape) {
    shape = { tasks: discovery.tasks.map(toDiscoveredTask), runners: discovery.runners.map(toDiscoveredRunner) };
    shapes.set(discovery, shape);
  }
  return shape;
}

function artifactOf(selection: Selection, discovery: Discovery): Artifact {
  const known = artifacts.get(selection);
  if (known && known.discovery === discovery) return known;
  const byFile = new Map<string, Diagnostic[]>();
  for (const { file, diagnostic } of discovery.diagnostics) {
    const abs = findSelected(selection.files, file)?.absPath ?? file;
    byFile.set(abs, [...(byFile.get(abs) ?? []), diagnostic]);
  }
  const artifact: Artifact = {
    discovery,
    preview: { ...wholePreview(selection), ...inProtocolShape(discovery) },
    selected: known?.selected ?? { has: (p) => findSelected(selection.files, p) !== undefined },
    pythonDiagnostics: [...byFile].map(([path, diagnostics]) => ({ path, diagnostics })),
  };
  artifacts.set(selection, artifact);
  return artifact;
}
