// PUBLISH_BLOCKING_CODES (no "Ignore" fix for them) against the severity each code is reported
// with in the source: a code reported as an error is in the list, and only those.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { PUBLISH_BLOCKING_CODES } from '../../../server/src/config/codes';
import { ALL_DIAGNOSTIC_CODES } from '../../../server/src/lsp/diagnosticCodes';

const SRC = fileURLToPath(new URL('../../../server/src/', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [readFileSync(p, 'utf8')] : [];
  });

/** Each `diagnostic('code', ERROR, ...)`, `diagnostic('code', range, DiagnosticSeverity.Error, ...)`,
 *  `error('code', ...)` (the schema stage reports only errors) and `severity: 1, code: 'code'`. */
function reportedSeverities(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (code: string, level: string) =>
    out.set(code, (out.get(code) ?? new Set()).add(/error|^1$/i.test(level) ? 'error' : 'other'));
  for (const text of sources(SRC)) {
    for (const m of text.matchAll(
      /diagnostic\(\s*(?:\w+ \? )?'([a-z-]+)'(?: : '([a-z-]+)')?,\s*(?:[\w.]+\(\),\s*|anchors\.\w+\([^)]*\),\s*|[\w.]+\.range,\s*)?(ERROR|WARNING|HINT|INFORMATION|DiagnosticSeverity\.\w+)/g,
    )) {
      add(m[1], m[3]);
      if (m[2]) add(m[2], m[3]);
    }
    for (const m of text.matchAll(/\berror\(\s*'([a-z-]+)'/g)) add(m[1], 'ERROR');
    for (const m of text.matchAll(/severity: (\d),\s*code: '([a-z-]+)'/g)) add(m[2], m[1]);
    // fileChecks.ts reports the two lock-file codes from one loop: `diagnostic(code, WARNING, ...)`.
    const loop = /diagnostic\(\s*code,\s*(ERROR|WARNING)/.exec(text);
    if (loop) for (const m of text.matchAll(/'([a-z-]+-not-included)'/g)) add(m[1], loop[1]);
    // The root rule (config/rootRule.ts) names its code; crossField.ts reports it: `diagnostic(refusal.code, ERROR, ...)`.
    const refusal = /diagnostic\(\s*refusal\.code,\s*(ERROR|WARNING)/.exec(text);
    const rootCodes = /export type RootCode = ([^;]+);/.exec(readFileSync(join(SRC, 'config/rootRule.ts'), 'utf8'))![1];
    if (refusal) for (const m of rootCodes.matchAll(/'([a-z-]+)'/g)) add(m[1], refusal[1]);
  }
  return out;
}

test('the codes that block publishing are exactly those reported as errors', () => {
  const reported = reportedSeverities();
  const configCodes = ALL_DIAGNOSTIC_CODES.map((c) => c.code).filter((c) => !c.startsWith('task-'));
  for (const code of configCodes) assert.ok(reported.has(code), `no report of ${code} found in the source`);
  const errors = configCodes.filter((c) => reported.get(c)!.has('error')).sort();
  assert.deepEqual([...PUBLISH_BLOCKING_CODES].sort(), errors);
  for (const code of errors) assert.ok(!reported.get(code)!.has('other'), `${code} is reported both as an error and not`);
});
