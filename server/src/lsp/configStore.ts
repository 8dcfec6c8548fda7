// Which `tilebox.workflow.toml` files exist and what their text is right now: the editor's
// buffer when the file is open, the disk otherwise (so closed configs still reach Problems).
import { readFileSync } from 'node:fs';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { configFilesBelow } from '../artifact/configFiles';
import { Kind, type TreeSource } from '../artifact/listing';
import { withoutBom } from '../artifact/project';
import { isConfigPath, pathToUri, uriToPath } from './paths';

export class ConfigStore {
  private readonly open = new Map<string, TextDocument>();

  /** Tracks an opened or changed editor buffer; returns its path when it is a config. */
  opened(document: TextDocument): string | undefined {
    const fsPath = uriToPath(document.uri);
    if (!fsPath || !isConfigPath(fsPath)) return undefined;
    this.open.set(fsPath, document);
    return fsPath;
  }

  closed(uri: string): string | undefined {
    const fsPath = uriToPath(uri);
    if (!fsPath || !this.open.delete(fsPath)) return undefined;
    return fsPath;
  }

  document(fsPath: string): TextDocument | undefined {
    return this.open.get(fsPath);
  }

  isOpen(fsPath: string): boolean {
    return this.open.has(fsPath);
  }

  /** The URI to publish under: the client's own spelling when it sent one. */
  uriFor(fsPath: string): string {
    return this.open.get(fsPath)?.uri ?? pathToUri(fsPath);
  }

  /** Current text, or undefined when the file is neither open nor readable (deleted). */
  text(fsPath: string): string | undefined {
    const document = this.open.get(fsPath);
    if (document) return document.getText();
    try {
      return withoutBom(readFileSync(fsPath, 'utf8'));
    } catch {
      return undefined;
    }
  }
}

/**
 * Every config below the given folders, so closed files are validated too (monorepos hold many). Listed through the
 * project index: the first previews then find those folders in memory. Only regular files: reading a named pipe
 * would block the server.
 */
export async function findConfigs(folders: string[], index: TreeSource): Promise<string[]> {
  const found = await Promise.all(folders.map((folder) => configFilesBelow(folder, index)));
  return [...new Set(found.flat().flatMap((f) => (f.kind === Kind.File ? [path.resolve(f.path)] : [])))].sort();
}
