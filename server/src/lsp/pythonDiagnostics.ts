// Task diagnostics found in Python files by a config's preview. Several configs can select
// the same file, so each file shows the union of what every config reported, and a file whose
// diagnostics went away is cleared explicitly (otherwise Problems would keep stale entries).
import type { Diagnostic } from 'vscode-languageserver-types';
import { pathToUri } from './paths';

export type Publish = (uri: string, diagnostics: Diagnostic[]) => void;

export class PythonDiagnostics {
  private readonly byConfig = new Map<string, Map<string, Diagnostic[]>>();

  constructor(private readonly publish: Publish) {}

  /** Replaces what one config reported; `entries` use absolute paths. */
  set(configPath: string, entries: { path: string; diagnostics: Diagnostic[] }[]): void {
    const previous = this.byConfig.get(configPath) ?? new Map<string, Diagnostic[]>();
    const next = new Map<string, Diagnostic[]>();
    for (const entry of entries) {
      if (entry.diagnostics.length > 0) next.set(entry.path, [...(next.get(entry.path) ?? []), ...entry.diagnostics]);
    }
    if (next.size === 0) this.byConfig.delete(configPath);
    else this.byConfig.set(configPath, next);
    for (const file of new Set([...previous.keys(), ...next.keys()])) {
      const before = JSON.stringify(previous.get(file) ?? []);
      const after = JSON.stringify(next.get(file) ?? []);
      if (before !== after) this.publish(pathToUri(file), this.merged(file));
    }
  }

  private merged(file: string): Diagnostic[] {
    const seen = new Set<string>();
    const result: Diagnostic[] = [];
    for (const files of this.byConfig.values()) {
      for (const diagnostic of files.get(file) ?? []) {
        const key = JSON.stringify(diagnostic);
        if (!seen.has(key)) {
          seen.add(key);
          result.push(diagnostic);
        }
      }
    }
    return result;
  }
}
