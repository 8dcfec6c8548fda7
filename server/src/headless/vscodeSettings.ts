// The `tilebox.diagnostics.severity` setting as `check` reads it without an editor: from the nearest
// .vscode/settings.json above the config, a JSON-with-comments file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SeverityOverrides } from '../config/index';
import { LEVELS } from './checkArgs';

/** `tilebox.diagnostics.severity` from the nearest .vscode/settings.json (JSON with comments). */
export function severityFromVsCodeSettings(startDir: string): SeverityOverrides {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    const file = path.join(dir, '.vscode', 'settings.json');
    if (fs.existsSync(file)) {
      try {
        const settings = JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8'))) as Record<string, unknown>;
        const value = settings['tilebox.diagnostics.severity'];
        if (!value || typeof value !== 'object') return {};
        return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string' && LEVELS.has(v))) as SeverityOverrides;
      } catch {
        return {};
      }
    }
    if (path.dirname(dir) === dir) return {};
  }
}

/** Removes // and /* *\/ comments and trailing commas outside strings (VS Code settings are JSONC). */
function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
