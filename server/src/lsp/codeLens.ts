// The lens above `[build]`: what the artifact holds right now, one click from the preview.
import type { CodeLens } from 'vscode-languageserver-types';
import { validateWorkflowConfig } from '../config/index';
import type { CheckResult } from './checkConfig';

export const SHOW_PREVIEW_COMMAND = 'tilebox.artifact.showPreview';

/** Human size with binary units, as file managers show it ("412 KB", "1.5 MB"). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

export function lensTitle(result: CheckResult | undefined): string {
  if (!result) return 'Artifact: checking… · Preview';
  const preview = result.preview;
  if (!preview) return 'Artifact: fix the errors first · Preview';
  if (preview.error) return 'Artifact: preview failed · Preview';
  const count = preview.files.length;
  return `${count} file${count === 1 ? '' : 's'} · ${formatBytes(preview.totalBytes)} · Preview`;
}

/** Lens over the `[build]` header of the current text (the last result may be a keystroke old). */
export function buildLenses(uri: string, text: string, result: CheckResult | undefined): CodeLens[] {
  const header = validateWorkflowConfig(text).config?.headers.build;
  if (!header) return [];
  return [{ range: header, command: { title: lensTitle(result), command: SHOW_PREVIEW_COMMAND, arguments: [uri] } }];
}
