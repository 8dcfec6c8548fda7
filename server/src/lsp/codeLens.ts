// The lens above `[build]`: what the artifact holds right now, one click from the preview.
import type { CodeLens } from 'vscode-languageserver-types';
import { validateWorkflowConfig } from '../config/index';
import { formatBytes } from '../artifact/preview/index';
import type { CheckResult } from './checkConfig';

export const SHOW_PREVIEW_COMMAND = 'tilebox.artifact.showPreview';

export function lensTitle(result: CheckResult | undefined): string {
  if (!result) return 'Artifact: checking… · Preview';
  const preview = result.preview;
  if (!preview) return 'Artifact: fix the errors first · Preview';
  if (preview.error) {
    const reason = preview.error.length > 60 ? `${preview.error.slice(0, 59)}…` : preview.error;
    return `Artifact unavailable: ${reason} · Preview`;
  }
  const count = preview.files.length;
  return `${count} file${count === 1 ? '' : 's'} · ${formatBytes(preview.totalBytes)} · Preview`;
}

/** Lens over the `[build]` header of the current text (the last result may be a keystroke old). */
export function buildLenses(uri: string, text: string, result: CheckResult | undefined): CodeLens[] {
  // Reuse the last check when it saw this very text; parse again only while it is catching up.
  const config = result?.text === text ? result.config : validateWorkflowConfig(text).config;
  const header = config?.headers.build;
  if (!header) return [];
  return [{ range: header, command: { title: lensTitle(result), command: SHOW_PREVIEW_COMMAND, arguments: [uri] } }];
}
