// The live artifact preview of one tilebox.workflow.toml: the selection, the tasks found in its
// Python files, and warnings for the config. An unsafe root or pattern becomes `preview.error`; only bugs throw.
import * as fs from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { WorkflowConfig } from '../../config/types';
import { toSelectionConfig } from '../project';
import { discoverTasks } from '../discovery/index';
import { UnsafeConfigError, selectArtifactFiles, type Selection } from '../select';
import type { ArtifactPreview } from '../../shared/protocol';
import { runnerModuleDiagnostics } from './runnerModule';
import { selectionWarnings } from './warnings';

export { formatBytes } from '../../shared/formatBytes';
export { ARTIFACT_DIAGNOSTIC_CODES } from './warnings';

/** Python files bigger than this are generated or data, not task definitions: not read. */
export const MAX_PYTHON_BYTES = 1024 * 1024;
const MAX_PYTHON_FILES = 5000;

export interface PreviewResult {
  preview: ArtifactPreview;
  /** For tilebox.workflow.toml. */
  diagnostics: Diagnostic[];
  /** Only files that have diagnostics; absolute paths. */
  pythonDiagnostics: { path: string; diagnostics: Diagnostic[] }[];
}

export async function buildPreview(configDir: string, config: WorkflowConfig): Promise<PreviewResult> {
  const selectionConfig = toSelectionConfig(config);
  let selection: Selection;
  try {
    selection = await selectArtifactFiles(configDir, selectionConfig);
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

  const python = await readPythonFiles(selection.files);
  const discovery = discoverTasks(python);
  const absByPath = new Map(selection.files.map((f) => [f.path, f.absPath]));
  const byFile = new Map<string, Diagnostic[]>();
  for (const { file, diagnostic } of discovery.diagnostics) {
    const abs = absByPath.get(file) ?? file;
    byFile.set(abs, [...(byFile.get(abs) ?? []), diagnostic]);
  }

  const selected = new Set(selection.files.map((f) => f.path));
  return {
    preview: {
      root: selection.root,
      files: selection.files.map(({ path, size }) => ({ path, size })),
      excluded: selection.excluded,
      totalBytes: selection.totalBytes,
      tasks: discovery.tasks.map(({ name, version, file, line, className, unresolved }) => ({ name, version, file, line, className, ...(unresolved ? { unresolved } : {}) })),
      runners: discovery.runners,
      slug: selectionConfig.slug,
    },
    diagnostics: [...selectionWarnings(config, selection), ...runnerModuleDiagnostics(config, selected, selection.excluded)],
    pythonDiagnostics: [...byFile].map(([path, diagnostics]) => ({ path, diagnostics })),
  };
}

async function readPythonFiles(files: Selection['files']): Promise<{ path: string; text: string }[]> {
  const wanted = files.filter((f) => f.path.endsWith('.py') && f.size <= MAX_PYTHON_BYTES).slice(0, MAX_PYTHON_FILES);
  const out: { path: string; text: string }[] = [];
  // A few reads at a time: the server shares the machine with the editor.
  for (let i = 0; i < wanted.length; i += 16) {
    const batch = await Promise.all(wanted.slice(i, i + 16).map(async (f) => {
      try {
        return { path: f.path, text: await fs.promises.readFile(f.absPath, 'utf8') };
      } catch {
        return undefined; // deleted or unreadable since the walk: the next refresh will tell
      }
    }));
    for (const item of batch) if (item) out.push(item);
  }
  return out;
}
