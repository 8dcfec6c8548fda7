// Runs a reader over a CLI's `--json` stdout: finds the JSON (also after a notice line), collects the reader's
// warnings, and turns a missing required field into `{ ok: false, detail }` instead of a throw.
import type { Parsed } from './types';

export class MissingField extends Error {}

export class Reader {
  readonly warnings: string[] = [];
  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }
}

/** Runs a parser over stdout: JSON errors and missing required fields become `{ ok: false, detail }`. */
export function parseWith<T>(stdout: string, read: (json: unknown, r: Reader) => T): Parsed<T> {
  const text = stdout.trim();
  const decoded = decode(text);
  if (!decoded) {
    return { ok: false, detail: text === '' ? 'the CLI printed nothing (expected JSON)' : `output is not JSON: ${excerpt(text)}` };
  }
  const r = new Reader();
  if (decoded.skipped) r.warn(`skipped ${decoded.skipped} line(s) before the JSON: ${excerpt(text.split('\n')[0])}`);
  try {
    return { ok: true, value: read(decoded.json, r), warnings: r.warnings };
  } catch (e) {
    if (e instanceof MissingField) return { ok: false, detail: e.message };
    throw e;
  }
}

const excerpt = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * The JSON in stdout, also after leading lines that are not JSON (a CLI's "A new version is available" notice
 * printed before the `--json` output): from the first line starting with `{` or `[`. Undefined when none parses.
 */
function decode(text: string): { json: unknown; skipped: number } | undefined {
  try {
    return { json: JSON.parse(text), skipped: 0 };
  } catch {
    /* maybe a notice comes first */
  }
  const lines = text.split('\n');
  // A notice may itself start with "[" ("[notice] …"): try each of the first few lines that could open the JSON.
  for (let i = 1, tries = 0; i < lines.length && tries < 5; i++) {
    if (!/^\s*[[{]/.test(lines[i])) continue;
    tries++;
    try {
      return { json: JSON.parse(lines.slice(i).join('\n')), skipped: i };
    } catch {
      /* not from here */
    }
  }
  return undefined;
}

/** Like parseWith, but empty output is fine (commands whose `--json` output is undocumented). */
export function parseOptional<T>(stdout: string, read: (json: unknown, r: Reader) => T): Parsed<T> {
  return stdout.trim() === '' ? { ok: true, value: read({}, new Reader()), warnings: [] } : parseWith(stdout, read);
}
