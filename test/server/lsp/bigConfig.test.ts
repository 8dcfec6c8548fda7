// Huge configs (a generated include list, a pasted 1 MB file) must not stall the server: the
// validator's diagnostics go out before a long preview, and absurd pattern counts skip the live
// preview. Timing lives in bench/validate.bench.ts; these tests check the behaviour.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CompletionRequest, DocumentSymbolRequest } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_SEARCHED_PATTERNS } from '../../../server/src/config/fileChecks';
import { ProjectMemory } from '../../../server/src/artifact/preview/index';
import { checkConfig, MAX_PREVIEW_PATTERNS } from '../../../server/src/lsp/checkConfig';
import { EXAMPLE_PROJECT, startInProcess, tempWorkspace, uriOf } from './harness';

const cleanups: (() => void | Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

function workspace() {
  const ws = tempWorkspace(EXAMPLE_PROJECT);
  cleanups.push(ws.cleanup);
  const configPath = join(ws.dir, 'tilebox.workflow.toml');
  return { dir: ws.dir, configPath, text: readFileSync(configPath, 'utf8') };
}

const withIncludes = (text: string, n: number) =>
  text.replace(
    /include = \[[^\]]*\]/,
    `include = [\n  "pyproject.toml", "uv.lock", "scene_qa/**/*.py",\n${Array.from({ length: n }, (_, i) => `  "missing_${i}/**",`).join('\n')}\n]`,
  );

test(`more than ${MAX_PREVIEW_PATTERNS} patterns: diagnostics without a live preview, and why`, async () => {
  const { configPath, text } = workspace();
  const big = withIncludes(text, MAX_PREVIEW_PATTERNS);
  const result = await checkConfig(configPath, big, {}, { stillWanted: () => true });
  assert.ok(result);
  assert.equal(result.preview, undefined);
  assert.match(result.previewBlocked ?? '', new RegExp(`up to ${MAX_PREVIEW_PATTERNS} .*has ${MAX_PREVIEW_PATTERNS + 5}`));
  // The first include patterns match; only the first MAX_SEARCHED_PATTERNS are searched on disk.
  assert.equal(result.diagnostics.filter((d) => d.code === 'include-matches-nothing').length, MAX_SEARCHED_PATTERNS - 3);
});

test("a config over 100 KB publishes the validator's diagnostics before its preview", async () => {
  const { configPath, text } = workspace();
  const big = `${text.replace('include = [', 'include = ["nothing_here/**", ')}${'# padding\n'.repeat(12_000)}`;
  const early: Diagnostic[][] = [];
  const result = await checkConfig(configPath, big, {}, { stillWanted: () => true, validated: (ds) => early.push(ds) });
  assert.equal(early.length, 1);
  assert.deepEqual(
    early[0].map((d) => d.code),
    ['include-matches-nothing'],
  );
  assert.ok(result?.preview, 'the preview still runs');
  assert.ok(result.diagnostics.length >= early[0].length);
});

test("the validator's diagnostics go out before a preview that needs the files; a remembered artifact publishes once", async () => {
  const { configPath, text } = workspace();
  const memory = new ProjectMemory();
  const early: Diagnostic[][] = [];
  const stages = { stillWanted: () => true, validated: (ds: Diagnostic[]) => early.push(ds) };
  assert.ok((await checkConfig(configPath, text, {}, stages, memory))?.preview);
  assert.equal(early.length, 1, 'the first check walks the tree: the validator publishes first');
  const edited = `# a comment\n${text}`;
  assert.ok((await checkConfig(configPath, edited, {}, stages, memory))?.preview);
  assert.equal(early.length, 1, 'same selection rules, nothing changed on disk: one publish');
  const narrowed = edited.replace('include = [', 'include = ["nothing_here/**", ');
  await checkConfig(configPath, narrowed, {}, stages, memory);
  assert.equal(early.length, 2, 'new rules: the validator first, the artifact from the index after');
});

test('through the server, a 1 MB config gets diagnostics and the server keeps answering', { timeout: 120_000 }, async () => {
  const { dir, configPath, text } = workspace();
  const client = await startInProcess([dir]);
  cleanups.push(() => client.close());
  const big = `${withIncludes(text, 20_000)}${'# a comment line to pad the file\n'.repeat(20_000)}`;
  assert.ok(big.length > 1_000_000);
  const uri = uriOf(configPath);
  await client.open(uri, big);
  const found = await client.waitFor(
    'include-matches-nothing',
    () => {
      const ds = client.diagnostics.get(uri)?.filter((d) => d.code === 'include-matches-nothing');
      return ds?.length ? ds : undefined;
    },
    60_000,
  );
  assert.equal(found.length, MAX_SEARCHED_PATTERNS - 3);
  const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  assert.ok(Array.isArray(symbols) && symbols.length >= 3, JSON.stringify(symbols).slice(0, 300));
  const line = big.split('\n').findIndex((l) => l.includes('missing_500/'));
  const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: 3 } });
  assert.ok(Array.isArray(items) || items !== null);
});
