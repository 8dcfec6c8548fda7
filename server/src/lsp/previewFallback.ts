// TEMPORARY stand-in for server/src/artifact/preview (being written by another helper): the
// same signature, selection only, no task discovery or artifact warnings.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { WorkflowConfig } from '../config/types';
import { selectArtifactFiles } from '../artifact/select';
import type { ArtifactPreview } from '../protocol';

export async function buildPreview(configDir: string, config: WorkflowConfig): Promise<{
  preview: ArtifactPreview; diagnostics: Diagnostic[]; pythonDiagnostics: { path: string; diagnostics: Diagnostic[] }[];
}> {
  const selection = await selectArtifactFiles(configDir, {
    slug: config.slug?.value ?? '',
    root: config.root?.value ?? '.',
    include: config.include.map((p) => p.value),
    exclude: config.exclude.map((p) => p.value),
    useGitignore: config.useGitignore,
  });
  return {
    preview: {
      root: selection.root,
      files: selection.files.map(({ path, size }) => ({ path, size })),
      excluded: selection.excluded,
      totalBytes: selection.totalBytes,
      tasks: [],
    },
    diagnostics: [],
    pythonDiagnostics: [],
  };
}
