// Fuzz: 20,000 seeded mutations of the real configs (deleted, duplicated, swapped characters and
// lines, BOM, CRLF, lone CR, tabs, binary bytes, truncation). The inner functions are called (not
// the exported wrappers, which would hide an exception) and every range they return must lie
// inside its document, counted the way LSP counts lines (\n, \r\n, lone \r).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { codeActions } from '../../server/src/config/codeActions';
import { complete } from '../../server/src/config/completion';
import { hover } from '../../server/src/config/hover';
import { symbols } from '../../server/src/config/symbols';
import { validate } from '../../server/src/config/validate';
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
  const ok = (p: Range['start']) => Number.isInteger(p.line) && Number.isInteger(p.character)
    && p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  if (!ok(range.start) || !ok(range.end) || !ordered) {
    throw new Error(`${what}: range ${JSON.stringify(range)} is not inside a document with line lengths [${lengths.join(', ')}]`);
  }
}

function editsOf(edit: WorkspaceEdit | undefined): TextEdit[] {
  return Object.values(edit?.changes ?? {}).flat();
}

const facts = memoryFacts(['pyproject.toml', 'uv.lock', 'my_workflow/runner.py', 'scene_qa/runner.py'], (_root, pattern) => pattern.length % 2 === 0);

test(`the validator and editor features survive ${DOCUMENTS} mutated configs with every range inside the document`, () => {
  // One base with ignore comments (one code misspelled), so those paths get mutated too.
  const withComments = `[workflow]\n# tilebox: ignore slug-placeholder\nslug = "replace-with-x" # tilebox: ignore slug-placeholdr, unknown-key\nrunner = "a.b:c"\n[build]\n  # tilebox:ignore include-matches-nothing,pattern-empty\n  include = ["x", ""]\n`;
  const bases = [...realConfigs(), ...docExamples()].map((c) => c.text).concat(withComments);
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
  for (const code of ['ignore-unknown-code', 'toml-syntax', 'unknown-key', 'unknown-table', 'missing-build-table', 'missing-runner', 'slug-invalid-characters', 'runner-invalid']) {
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
