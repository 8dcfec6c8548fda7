// Python files open in the editor: their facts from the unsaved text, so the outline, references and
// task checks follow edits. While a file does not parse cleanly the last clean facts stay, so a
// half-typed line does not make its tasks blink out.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeModule, type ModuleFacts } from '../artifact/discovery/index';
import type { PythonOverlay } from '../artifact/preview/index';
import { uriToPath } from './paths';

export class PythonBuffers implements PythonOverlay {
  private readonly byPath = new Map<string, ModuleFacts>();
  /** Bumped by every edit, open and close: the preview's memory keys on it. */
  version = 0;

  /** Tracks an opened or changed Python buffer; returns its path when it is one. */
  changed(document: TextDocument): string | undefined {
    const fsPath = uriToPath(document.uri);
    if (!fsPath || !fsPath.endsWith('.py')) return undefined;
    const next = analyzeModule(fsPath, document.getText());
    const previous = this.byPath.get(fsPath);
    if (next && (!next.syntaxErrors || !previous || previous.syntaxErrors)) this.byPath.set(fsPath, next);
    this.version++;
    return fsPath;
  }

  closed(uri: string): string | undefined {
    const fsPath = uriToPath(uri);
    if (!fsPath || !this.byPath.delete(fsPath)) return undefined;
    this.version++;
    return fsPath;
  }

  facts(fsPath: string): ModuleFacts | undefined {
    return this.byPath.get(fsPath);
  }

  paths(): Iterable<string> {
    return this.byPath.keys();
  }
}
