// `check <file-or-dir> [--format text|json] [--severity code=level ...]`: the language
// server's validation for CI. Honours ignore comments and the `tilebox.diagnostics.severity`
// setting from the nearest `.vscode/settings.json`; `--severity` flags win over the setting.
// Exit codes: 0 no error, 1 at least one error, 2 bad usage.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createFileFacts } from '../artifact/fileFacts';
import { readConfigText } from '../artifact/project';
import { validateWorkflowConfig, type SeverityOverrides } from '../config/index';
import { levenshtein } from '../config/didYouMean';
import { ALL_DIAGNOSTIC_CODES, ARTIFACT_CODES } from '../lsp/diagnosticCodes';
import { CONFIG_FILE_NAME } from '../shared/configFileName';
import { stdoutFlushed } from './closedPipe';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.venv']);
const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);
const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];
const USAGE = 'usage: check <file-or-dir> [--format text|json] [--severity <code>=<error|warning|information|hint|off>]...';

interface Args {
  target: string;
  format: 'text' | 'json';
  severity: SeverityOverrides;
}

export async function runCheck(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') return usage(args);
  const files = findConfigs(args.target);
  if (typeof files === 'string') return usage(files);

  const results = files.map((file) => ({ path: file, diagnostics: checkFile(file, args.severity) }));
  const counts = [0, 0, 0, 0, 0];
  for (const r of results) for (const d of r.diagnostics) counts[d.severity ?? 1]++;
  if (args.format === 'json') {
    process.stdout.write(`${JSON.stringify({ files: results }, null, 2)}\n`);
  } else {
    for (const r of results) {
      for (const d of r.diagnostics) {
        const where = `${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
        process.stdout.write(`${where}: ${SEVERITY_NAMES[d.severity ?? 1]}: ${d.message} [${d.code}]\n`);
      }
    }
    // No summary after a reader that stopped early (`| head`): the process ends quietly instead.
    await stdoutFlushed();
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    process.stderr.write(`${plural(files.length, 'file')} checked: ${plural(counts[1], 'error')}, ${plural(counts[2], 'warning')}.\n`);
  }
  return counts[1] > 0 ? 1 : 0;
}

function checkFile(file: string, flags: SeverityOverrides): Diagnostic[] {
  let text: string;
  try {
    text = readConfigText(file);
  } catch (error) {
    const message = `Cannot read ${CONFIG_FILE_NAME}: ${error instanceof Error ? error.message : String(error)}`;
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        code: 'unreadable-file',
        source: 'tilebox',
        message,
      },
    ];
  }
  const dir = path.dirname(path.resolve(file));
  const severity = { ...severityFromVsCodeSettings(dir), ...flags };
  return validateWorkflowConfig(text, { facts: createFileFacts(dir), severity, otherCodes: ARTIFACT_CODES }).diagnostics;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { target: '', format: 'text', severity: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const next = () => inline ?? argv[++i];
    if (flag === '--format') {
      const f = next();
      if (f !== 'text' && f !== 'json') return `--format must be "text" or "json", not ${f === undefined ? 'nothing' : `"${f}"`}`;
      args.format = f;
    } else if (flag === '--json') {
      args.format = 'json';
    } else if (flag === '--severity') {
      const spec = next() ?? '';
      const m = /^([A-Za-z0-9-]+)=([a-z]+)$/.exec(spec);
      if (!m || !LEVELS.has(m[2])) return `--severity expects <code>=<error|warning|information|hint|off>, got "${spec}"`;
      const unknown = unknownCode(m[1]);
      if (unknown) return unknown;
      args.severity[m[1]] = m[2] as SeverityOverrides[string];
    } else if (a.startsWith('-') && a !== '-') {
      return `unknown option ${a}`;
    } else if (args.target) {
      return `only one file or folder can be checked at a time (got "${args.target}" and "${a}")`;
    } else {
      args.target = a;
    }
  }
  return args.target ? args : 'missing <file-or-dir>';
}

/** A typo in a CI flag would silently do nothing, so it is a usage error. */
function unknownCode(code: string): string | undefined {
  if (ALL_DIAGNOSTIC_CODES.some((c) => c.code === code)) return undefined;
  const near = ALL_DIAGNOSTIC_CODES.map((c) => ({ code: c.code, d: levenshtein(code, c.code) })).sort((a, b) => a.d - b.d)[0];
  const hint = near && near.d <= 3 ? ` Did you mean "${near.code}"?` : ' Known codes are listed in the README.';
  return `unknown diagnostic code "${code}".${hint}`;
}

function findConfigs(target: string): string[] | string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return `${target}: no such file or folder`;
  }
  if (!stat.isDirectory()) return [target];
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) walk(p);
      // Anything else by that name (a FIFO, a link) is reported as unreadable-file, never skipped.
      else if (e.name === CONFIG_FILE_NAME && !e.isDirectory()) found.push(p);
    }
  };
  walk(target);
  return found.length ? found : `${target}: no ${CONFIG_FILE_NAME} found in this folder or below`;
}

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

function usage(problem: string): number {
  process.stderr.write(`check: ${problem}\n${USAGE}\n`);
  return 2;
}
