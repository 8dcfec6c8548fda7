// The arguments of `check`: one file or folder, `--format text|json` (or `--json`), and `--severity code=level`
// flags whose codes must exist (a typo in CI would silently do nothing). Bad usage exits 2.
import type { SeverityOverrides } from '../config/index';
import { levenshtein } from '../config/didYouMean';
import { ALL_DIAGNOSTIC_CODES } from '../lsp/diagnosticCodes';

export const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);
const USAGE = 'usage: check <file-or-dir> [--format text|json] [--severity <code>=<error|warning|information|hint|off>]...';

export interface CheckArgs {
  target: string;
  format: 'text' | 'json';
  severity: SeverityOverrides;
}

export function parseArgs(argv: string[]): CheckArgs | string {
  const args: CheckArgs = { target: '', format: 'text', severity: {} };
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

export function usage(problem: string): number {
  process.stderr.write(`check: ${problem}\n${USAGE}\n`);
  return 2;
}
