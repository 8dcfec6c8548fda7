// Validation speed: p50/p95 of validating typical configs (the example project's, with its
// file-aware checks against the real folder, and a few real configs) next to a bare smol-toml
// parse of the same text measured in the same run. Goal: validation p95 <= 5 ms.
// Also: a 1 MB tilebox.workflow.toml answers (diagnostics, symbols, completion, hover, quick
// fixes) within a second, in-process and through `node dist/cli.js check` (needs `npm run build`).
//   npm run bench:validate
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { createFileFacts } from '../server/src/artifact/fileFacts';
import { codeActionsFor, completeAt, documentSymbols, hoverAt, validateWorkflowConfig } from '../server/src/config/index';
import { CompletionRequest, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { startSpawned, tempWorkspace, uriOf } from '../test/server/lsp/harness';
import { parseToml } from '../server/src/config/toml/parser';

const ITERATIONS = 2000;
const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
const EXAMPLE_DIR = here('../test/fixtures/example-project');
const REAL_DIR = here('../test/fixtures/real-configs');
const CLI = here('../dist/cli.js');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** p50/p95 in ms of `fn`, after a warm-up, interleaving nothing else. */
function measure(fn: () => void): { p50: number; p95: number } {
  for (let i = 0; i < 200; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const ms = (n: number) => `${n.toFixed(3)} ms`;
const reals = readdirSync(REAL_DIR)
  .filter((f) => f.endsWith('.toml'))
  .sort();
const cases: { name: string; text: string; facts?: ReturnType<typeof createFileFacts> }[] = [
  { name: 'example project', text: readFileSync(join(EXAMPLE_DIR, 'tilebox.workflow.toml'), 'utf8') },
  {
    name: 'example project + file checks on the real folder',
    text: readFileSync(join(EXAMPLE_DIR, 'tilebox.workflow.toml'), 'utf8'),
    facts: createFileFacts(EXAMPLE_DIR),
  },
  ...[reals[0], reals.find((f) => f.includes('c31bff1'))!, reals.find((f) => f.includes('signal-verification'))!].map((f) => ({
    name: f.replace(/__tilebox\.workflow/, ' ').replace(/\.toml$/, ''),
    text: readFileSync(join(REAL_DIR, f), 'utf8'),
  })),
];

console.log(`validate vs bare smol-toml parse, ${ITERATIONS} runs each (goal: validate p95 <= 5 ms)`);
let worstP95 = 0;
for (const c of cases) {
  const base = measure(() => parse(c.text));
  const full = measure(() => validateWorkflowConfig(c.text, { facts: c.facts }));
  worstP95 = Math.max(worstP95, full.p95);
  console.log(
    `  ${c.name.padEnd(62)} validate p50 ${ms(full.p50)} p95 ${ms(full.p95)} | parse p50 ${ms(base.p50)} p95 ${ms(base.p95)} | ratio p50 ${(full.p50 / base.p50).toFixed(1)}x p95 ${(full.p95 / base.p95).toFixed(1)}x`,
  );
}
console.log(`  worst validate p95: ${ms(worstP95)} -> goal ${worstP95 <= 5 ? 'met' : 'NOT met'}`);

// A 1 MB config: a real config, a long include list and many comment lines, as a generated or pasted file might be.
const include = Array.from({ length: 20_000 }, (_, i) => `  "pkg${i % 50}/module_${i}/**/*.py",`).join('\n');
const big = `${readFileSync(join(EXAMPLE_DIR, 'tilebox.workflow.toml'), 'utf8').replace(/include = \[[^\]]*\]/, `include = [\n${include}\n]`)}\n${'# a comment line to pad the file\n'.repeat(14_000)}`;
const bytes = Buffer.byteLength(big);
const offset = big.indexOf('module_10000');
const steps: [string, () => unknown][] = [
  ['parse (smol-toml, reference)', () => parse(big)],
  ['validate', () => validateWorkflowConfig(big)],
  ['validate + file checks', () => validateWorkflowConfig(big, { facts: createFileFacts(EXAMPLE_DIR) })],
  ['document symbols', () => documentSymbols(big)],
  ['completion', () => completeAt(big, offset, { runnerCandidates: [] })],
  ['hover', () => hoverAt(big, offset)],
  ['quick fixes', () => codeActionsFor(big, 'file:///big/tilebox.workflow.toml', validateWorkflowConfig(big).diagnostics)],
];
console.log(`\n${(bytes / 1024 / 1024).toFixed(2)} MB config (goal: each answer < 1000 ms), best of 3:`);
let worstBig = 0;
for (const [name, fn] of steps) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  if (!name.includes('reference')) worstBig = Math.max(worstBig, best);
  console.log(`  ${name.padEnd(30)} ${best.toFixed(1)} ms`);
}
// Unclosed inline tables on every line (a paste gone wrong): each must end at its line, in time linear in the lines.
const unclosed = (lines: number) => 'x = { a = 1\n'.repeat(lines);
const bestOf3 = (fn: () => unknown) =>
  Math.min(
    ...[0, 1, 2].map(() => {
      const t = performance.now();
      fn();
      return performance.now() - t;
    }),
  );
const small = bestOf3(() => parseToml(unclosed(2_000)));
const large = bestOf3(() => parseToml(unclosed(20_000)));
console.log(
  `\nunclosed \`{\` on every line: 2,000 lines ${small.toFixed(1)} ms, 20,000 lines ${large.toFixed(1)} ms: ${(large / small).toFixed(1)}x for 10x the lines (linear: about 10x; quadratic: 100x)`,
);

if (existsSync(CLI)) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-validate-'));
  try {
    writeFileSync(join(dir, 'tilebox.workflow.toml'), big);
    const noop = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    const nodeStart = performance.now() - noop;
    const t = performance.now();
    const run = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const cli = performance.now() - t;
    console.log(
      `  ${'node dist/cli.js check'.padEnd(30)} ${cli.toFixed(1)} ms (exit ${run.status}; a bare \`node -e 0\` takes ${nodeStart.toFixed(1)} ms)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  console.log('  (dist/cli.js missing: run `npm run build` to time the headless check too)');
}
console.log(`  slowest in-process answer: ${worstBig.toFixed(1)} ms -> goal ${worstBig < 1000 ? 'met' : 'NOT met'}`);

// The same file through the bundled language server (`node dist/server.js --stdio`, as VS Code
// runs it), in a copy of the example project: open -> first diagnostics (typing debounce +
// validation; the artifact preview's warnings follow later), then requests.
if (existsSync(join(CLI, '..', 'server.js'))) {
  const ws = tempWorkspace(EXAMPLE_DIR);
  const client = await startSpawned([ws.dir]);
  try {
    const uri = uriOf(join(ws.dir, 'tilebox.workflow.toml'));
    const position = { line: big.slice(0, offset).split('\n').length - 1, character: 10 };
    let t = performance.now();
    await client.open(uri, big);
    await client.waitFor('diagnostics', () => client.diagnostics.has(uri), 60_000);
    const lsp: [string, number][] = [['open -> diagnostics published', performance.now() - t]];
    for (const [name, send] of [
      ['completion', () => client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })],
      ['hover', () => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })],
      ['document symbols', () => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })],
    ] as const) {
      t = performance.now();
      await send();
      lsp.push([name, performance.now() - t]);
    }
    console.log('\nthe same file through the language server (node dist/server.js --stdio):');
    for (const [name, took] of lsp) console.log(`  ${name.padEnd(30)} ${took.toFixed(1)} ms -> ${took < 1000 ? 'met' : 'NOT met'}`);
  } finally {
    await client.close();
    ws.cleanup();
  }
}
