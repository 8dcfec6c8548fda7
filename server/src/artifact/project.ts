// Finds and reads a workflow project for the headless commands: the nearest
// tilebox.workflow.toml at or above a folder (as the Tilebox CLI looks for it), validated
// with the same validator the editor uses, reduced to what the artifact engine needs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateWorkflowConfig } from '../config/index';
import type { SelectionConfig, WorkflowConfig } from '../config/types';
import { createFileFacts } from './fileFacts';
import { CONFIG_FILE_NAME } from '../shared/configFileName';

export interface WorkflowProject {
  configPath: string;
  configDir: string;
  config: WorkflowConfig;
  selectionConfig: SelectionConfig;
}

/** The project, or `{ error }`: one line, `path:line:col: message` when it points into the file. */
export function loadWorkflowProject(dirOrFile: string): WorkflowProject | { error: string } {
  const configPath = findConfig(path.resolve(dirOrFile));
  if (typeof configPath !== 'string') return configPath;
  let text: string;
  try {
    text = readConfigText(configPath);
  } catch (error) {
    return { error: `${configPath}: cannot read: ${(error as Error).message}` };
  }
  const configDir = path.dirname(configPath);
  const { config, diagnostics } = validateWorkflowConfig(text, { facts: createFileFacts(configDir) });
  const firstError = diagnostics.find((d) => d.severity === 1);
  if (firstError) {
    const { line, character } = firstError.range.start;
    const message = typeof firstError.message === 'string' ? firstError.message : firstError.message.value;
    return { error: `${configPath}:${line + 1}:${character + 1}: ${message.split('\n')[0]}` };
  }
  if (!config) return { error: `${configPath}: not a readable workflow config` };
  return { configPath, configDir, config, selectionConfig: toSelectionConfig(config) };
}

export function toSelectionConfig(config: WorkflowConfig): SelectionConfig {
  return {
    slug: config.slug?.value ?? '',
    root: config.root?.value ?? '.',
    include: config.include.map((i) => i.value),
    exclude: config.exclude.map((e) => e.value),
    useGitignore: config.useGitignore,
  };
}

/**
 * The file's text as an editor shows it: a regular file only (a FIFO would block the read forever), strict UTF-8 as
 * TOML requires (a Latin-1 or UTF-16 file would otherwise be checked as replacement characters), and without the
 * byte-order mark, which editors hide, so columns match.
 */
export function readConfigText(file: string): string {
  if (!fs.statSync(file).isFile()) throw new Error('not a regular file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
  } catch (error) {
    if (error instanceof TypeError) throw new Error('not UTF-8 text; TOML files must be saved as UTF-8');
    throw error;
  }
  return withoutBom(text);
}

/** Editors hide a leading byte-order mark; positions must not count it. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function findConfig(start: string): string | { error: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(start);
  } catch {
    return { error: `${start}: no such file or folder` };
  }
  if (stat.isFile()) return start;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return { error: `${start}: no ${CONFIG_FILE_NAME} in this folder or above` };
  }
}
