// Positions survive everything editors send: CRLF, BOM, tabs, dotted and quoted keys, inline
// tables, multi-line arrays with comments, non-ASCII text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateWorkflowConfig } from '../../../../server/src/config/index';
import { parseToml } from '../../../../server/src/config/toml/parser';
import { diagnose, textAt, VALID, where } from '../helpers';

test('CRLF line endings give the same positions as LF', () => {
  const crlf = `${VALID}[build.x]\n`.replace(/\n/g, '\r\n');
  assert.deepEqual(where(diagnose(crlf)), [['unknown-key', 6, 7, 8]]);
  const { config } = validateWorkflowConfig(VALID.replace(/\n/g, '\r\n'));
  assert.deepEqual(config!.slug!.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 20 } });
});

test('a BOM is accepted and counted as one character of the first line', () => {
  const { config, diagnostics } = validateWorkflowConfig(`\uFEFF${VALID}`);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(config!.headers.workflow, { start: { line: 0, character: 1 }, end: { line: 0, character: 11 } });
});

test('tabs and odd spacing', () => {
  const text = '[workflow]\n\tslug\t=\t"a"\n\trunner =   "a:b"\n[ build ]\n\tinclude\t= [ "x" ,\t"y" ]\n\tbogus = 1\n';
  assert.deepEqual(where(diagnose(text)), [['unknown-key', 5, 1, 6]]);
  const { config } = validateWorkflowConfig(text.replace('\tbogus = 1\n', ''));
  assert.equal(textAt(text, config!.include[1].range), '"y"');
});

test('quoted keys and dotted headers', () => {
  const text =
    '[workflow]\n"slug" = "a"\n\'runner\' = "a:b"\n[build]\ninclude = ["x"]\n[targets."my dev"]\nclusters = ["c"]\n[targets . prod]\nclusters = ["d"]\n';
  const { config, diagnostics } = validateWorkflowConfig(text);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    config!.targets.map((t) => [t.name.value, textAt(text, t.name.range)]),
    [
      ['my dev', '"my dev"'],
      ['prod', 'prod'],
    ],
  );
});

test('multi-line arrays with comments and trailing commas keep every item range', () => {
  const text =
    '[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\ninclude = [\n  # the project\n  "pyproject.toml", # deps\n\n  "src/**",\n]\n';
  const { config, diagnostics } = validateWorkflowConfig(text);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    config!.include.map((i) => [i.value, i.range.start.line, i.range.start.character]),
    [
      ['pyproject.toml', 6, 2],
      ['src/**', 8, 2],
    ],
  );
});

test('literal, multi-line and escaped strings', () => {
  const text = `[workflow]\nslug = 'lit-slug'\nrunner = """a:b"""\n[build]\ninclude = ["a\\u0062c", '''x''']\n`;
  const { config, diagnostics } = validateWorkflowConfig(text);
  assert.deepEqual(diagnostics, []);
  assert.equal(config!.slug!.value, 'lit-slug');
  assert.equal(config!.runner!.value, 'a:b');
  assert.deepEqual(
    config!.include.map((i) => i.value),
    ['abc', 'x'],
  );
});

test('characters outside the BMP count as two UTF-16 units', () => {
  const text = '[workflow]\nslug = "a😀b"\nrunner = "a:b"\n[build]\ninclude = ["x"]\n';
  const [d] = diagnose(text);
  assert.deepEqual(where([d]), [['slug-invalid-characters', 1, 7, 13]]);
});

test('binary garbage and a 1 MB document give diagnostics, not exceptions', () => {
  const garbage = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
  assert.ok(Array.isArray(diagnose(garbage)));
  const big = `${VALID}${'# filler line to make the document large\n'.repeat(26000)}`;
  assert.ok(big.length > 1_000_000);
  assert.deepEqual(diagnose(big), []);
  const deep = `x = ${'['.repeat(100000)}`;
  assert.equal(diagnose(deep)[0].code, 'toml-syntax');
});

test('an inline table spread over lines (TOML 1.1) is read whole, not cut at its first line break', () => {
  const text = 'workflow = {\n  slug = "a", # the slug\n  runner = "a:b",\n}\n[build]\ninclude = ["x"]\n';
  const { config, diagnostics } = validateWorkflowConfig(text);
  assert.deepEqual(diagnostics, []);
  assert.equal(textAt(text, config!.runner!.range), '"a:b"');
  assert.deepEqual(
    parseToml(text).comments.map((c) => c.text),
    ['# the slug'],
  );
});

test('an inline table whose `}` is missing still ends before the next statement', () => {
  const text = 'workflow = { slug = "a", # the slug\n  runner = "a:b"\n[build]\ninclude = ["x"]\n';
  const doc = parseToml(text);
  const [top, build] = doc.sections;
  assert.equal(top.entries.length, 2);
  assert.equal(top.entries[1].key[0].name, 'runner');
  assert.deepEqual(
    build.header!.key.map((k) => k.name),
    ['build'],
  );
  assert.deepEqual(
    build.entries.map((e) => e.key[0].name),
    ['include'],
  );
  assert.deepEqual(
    doc.comments.map((c) => c.text),
    ['# the slug'],
  );
});

// Its speed (linear in the lines, not quadratic) is printed by `npm run bench:validate`, not timed here.
test('thousands of unclosed `{` lines each end at their line: 20,000 entries, none swallowing the next', () => {
  const doc = parseToml('x = { a = 1\n'.repeat(20000));
  assert.equal(doc.sections[0].entries.length, 20000);
  assert.equal(doc.sections[0].entries[19999].key[0].name, 'x');
});
