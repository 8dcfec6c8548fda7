// Loads a fixture project's Python files the way the preview passes them (POSIX paths relative to the root).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PythonSource } from '../../../../server/src/artifact/discovery/index';

export function fixtureSources(name: string): PythonSource[] {
  const root = fileURLToPath(new URL(`../../../fixtures/${name}/`, import.meta.url));
  const out: PythonSource[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.name.endsWith('.py')) out.push({ path: relative(root, abs).split(sep).join('/'), text: readFileSync(abs, 'utf8') });
    }
  };
  walk(root);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}
