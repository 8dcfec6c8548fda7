// Fuzz: 20,000 seeded mutations of the real configs (deleted, duplicated, swapped characters and
// lines, BOM, CRLF, lone CR, tabs, binary bytes, truncation). The inner functions are called (not
// the exported wrappers, which would hide an exception) and every range they return must lie
// inside its document, counted the way LSP counts lines (\n, \r\n, lone \r).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/config/codeActions';
import { complete } from '../../../server/src/config/completion';
import { hover } from '../../../server/src/config/hover';
import { symbols } from '../../../server/src/config/symbols';
import { validate } from '../../../server/src/config/validate';
import { join } from 'node:path';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { startInProcess, uriOf } from '../lsp/harness';
import { projectWithSentinel } from '../lsp/sentinel';
import { docExamples, memoryFacts, realConfigs } from './helpers';
import { mutatedDocuments, prng } from './mutate';

const DOCUMENTS = 20_000;
const SEED = 20261123;
const URI = 'file:///ws/project/tilebox.workflow.toml';

/** Content length of every line, independent of the server's LineIndex. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function assertInside(range: Range, lengths: number[], what: string): void {
  const ok = (p: Range['start']) =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.line < lengths.length &&
    p.character >= 0 &&
    p.character <= lengths[p.line];
  const ordered =
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  if (!ok(range.start) || !ok(range.end) || !ordered) {
    throw new Error(`${what}: range ${JSON.stringify(range)} is not inside a document with line lengths [${lengths.join(', ')}]`);
  }
}

function editsOf(edit: WorkspaceEdit | undefined): TextEdit[] {
  return Object.values(edit?.changes ?? {}).flat();
}

/** The example config with each root a user can type or a repository can ship that leaves the project. */
function oddRootConfigs(extra: string[]): string[] {
  const example = realConfigs()
    .find((c) => c.text.startsWith('[workflow]\n') && /^runner = /m.test(c.text))!
    .text.replace(/^root = .*\n/m, '');
  return ['..', '/', '//', '../..', 'out', 'notes.txt', 'missing', 'C:x', '\\\\host\\share', ...extra].map((root) =>
    example.replace('[workflow]\n', `[workflow]\nroot = ${JSON.stringify(root)}\n`),
  );
}

const facts = memoryFacts(
  ['pyproject.toml', 'uv.lock', 'my_workflow/runner.py', 'scene_qa/runner.py', 'notes.txt'],
  (_root, pattern) => pattern.length % 2 === 0,
  { out: '../elsewhere' },
);

test(`the validator and editor features survive ${DOCUMENTS} mutated configs with every range inside the document`, () => {
  // One base with ignore comments (one code misspelled), so those paths get mutated too.
  const withComments = `[workflow]\n# tilebox: ignore slug-placeholder\nslug = "replace-with-x" # tilebox: ignore slug-placeholdr, unknown-key\nrunner = "a.b:c"\n[build]\n  # tilebox:ignore include-matches-nothing,pattern-empty\n  include = ["x", ""]\n`;
  const bases = [...realConfigs(), ...docExamples()].map((c) => c.text).concat(withComments, ...oddRootConfigs(['/abs/elsewhere']));
  const rnd = prng(SEED ^ 0x5eed);
  const codes = new Set<string>();
  let documents = 0;
  for (const { text, recipe } of mutatedDocuments(bases, DOCUMENTS, SEED)) {
    documents++;
    try {
      const lengths = lineLengths(text);
      const { diagnostics } = validate(text, { facts, severity: { 'slug-placeholder': 'error' }, otherCodes: ['selection-has-venv'] });
      for (const d of diagnostics) {
        assertInside(d.range, lengths, `diagnostic ${d.code}`);
        assert.equal(typeof d.message, 'string');
        assert.ok(typeof d.code === 'string' && /^[a-z]+(-[a-z]+)*$/.test(d.code), `code ${String(d.code)}`);
        codes.add(d.code as string);
      }
      for (const action of codeActions(text, URI, diagnostics)) {
        for (const e of editsOf(action.edit)) assertInside(e.range, lengths, `quick fix "${action.title}"`);
      }
      const walk = (syms: ReturnType<typeof symbols>) => {
        for (const s of syms) {
          assertInside(s.range, lengths, `symbol ${s.name}`);
          assertInside(s.selectionRange, lengths, `symbol ${s.name} selection`);
          walk(s.children ?? []);
        }
      };
      walk(symbols(text));
      const offset = Math.floor(rnd() * (text.length + 1));
      for (const item of complete(text, offset, { runnerCandidates: ['my_workflow.runner:runner'] })) {
        const edit = item.textEdit;
        if (edit && 'range' in edit) assertInside(edit.range, lengths, `completion ${item.label}`);
      }
      const h = hover(text, offset);
      if (h?.range) assertInside(h.range, lengths, 'hover');
    } catch (error) {
      throw new Error(`${recipe}\n${JSON.stringify(text)}\n${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  assert.equal(documents, DOCUMENTS);
  // The corpus is worth something only if it reaches well past the syntax stage.
  for (const code of [
    'ignore-unknown-code',
    'toml-syntax',
    'unknown-key',
    'unknown-table',
    'missing-build-table',
    'missing-runner',
    'slug-invalid-characters',
    'runner-invalid',
  ]) {
    assert.ok(codes.has(code), `no mutated document produced ${code}; produced: ${[...codes].join(', ')}`);
  }
});

test('huge, binary and degenerate documents give diagnostics or nothing, never an exception', () => {
  const big = `${realConfigs()[0].text}\n${'# filler comment line\n'.repeat(50_000)}`;
  const wide = `[workflow]\nslug = "${'a'.repeat(1_000_000)}"\n`;
  const deep = `[build]\ninclude = ${'['.repeat(10_000)}`;
  const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 131) % 256));
  for (const text of ['', '\ufeff', '\r', '\r\n', '\n\n\n', '[', '"', '=', '\u0000', big, wide, deep, binary]) {
    const lengths = lineLengths(text);
    const { diagnostics } = validate(text, { facts });
    for (const d of diagnostics) assertInside(d.range, lengths, `diagnostic ${d.code}`);
    for (const s of symbols(text)) assertInside(s.range, lengths, 'symbol');
  }
});

const LSP_STEPS = 400;

test(`through the server: ${LSP_STEPS} edits (odd roots among them), each followed by hover and completion at random positions, answer inside the document and never list files outside the project`, {
  timeout: 300_000,
}, async (t) => {
  const cleanups: (() => void | Promise<void>)[] = [];
  t.after(async () => {
    for (const c of cleanups.reverse()) await c();
  });
  const { parent, dir } = projectWithSentinel(cleanups);
  const client = await startInProcess([dir]);
  cleanups.push(() => client.close());
  const uri = uriOf(join(dir, 'tilebox.workflow.toml'));
  const bases = [...realConfigs().map((c) => c.text), ...oddRootConfigs([parent, dir])]
    // Half of them ask for runner completion, the only request that reads files.
    .flatMap((text) => [text, text.replace(/runner = ".*"/, 'runner = "')]);
  const rnd = prng(SEED ^ 0x15b);
  await client.open(uri, bases[0]);
  let version = 1;
  for (const { text, recipe } of mutatedDocuments(bases, LSP_STEPS, SEED ^ 0x15b)) {
    await client.change(uri, ++version, text);
    const lengths = lineLengths(text);
    for (let k = 0; k < 3; k++) {
      // Positions anywhere, the end of a line included; a third of them on a runner value.
      const runnerLine = text.split(/\r\n|\r|\n/).findIndex((l) => l.startsWith('runner'));
      const line = k === 0 && runnerLine >= 0 ? runnerLine : Math.floor(rnd() * lengths.length);
      const character = Math.floor(rnd() * (lengths[line] + 1));
      const position = { line, character };
      const where = `${recipe} at ${JSON.stringify(position)}\n${JSON.stringify(text)}`;
      const answer = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      for (const item of Array.isArray(answer) ? answer : (answer?.items ?? [])) {
        assert.doesNotMatch(item.label, /sentinel/, where);
        const edit = item.textEdit;
        if (edit && 'range' in edit) assertInside(edit.range, lengths, `completion ${item.label}: ${where}`);
      }
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      if (hover?.range) assertInside(hover.range, lengths, `hover: ${where}`);
    }
  }
});
