// The TOML grammar through VS Code's own tokenizer (vscode-textmate + the oniguruma WASM): each
// character gets the colour class a default theme gives its innermost scope, and that class is
// compared with what the config parser says the character is (table name, key, string, number,
// boolean, comment, punctuation), on every real config and on hand-written edge cases.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import textmate, { type IGrammar } from 'vscode-textmate';
import { parseToml } from '../../server/src/config/toml/parser';
import type { ValueNode } from '../../server/src/config/toml/ast';
import { docExamples, realConfigs } from '../server/config/helpers';

// Both packages are UMD bundles: their exports come through the default import.
const { INITIAL, parseRawGrammar, Registry } = textmate;
const GRAMMAR = fileURLToPath(new URL('../../syntaxes/toml.tmLanguage.json', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

type Colour = 'table' | 'key' | 'string' | 'escape' | 'number' | 'boolean' | 'comment' | 'invalid' | 'plain';

/** The class the default themes (Dark/Light Modern and +) colour a scope stack by: the innermost scope that has one.
 *  Keys are `variable` (light blue / dark blue), apart from strings (orange / red) in both. */
function colourOf(scopes: string[]): Colour {
  for (const scope of [...scopes].reverse()) {
    if (scope.startsWith('invalid')) return 'invalid';
    if (scope.startsWith('comment') || scope.startsWith('punctuation.definition.comment')) return 'comment';
    if (scope.startsWith('constant.character.escape')) return 'escape';
    if (scope.startsWith('punctuation.definition.string') || scope.startsWith('string')) return 'string';
    if (scope.startsWith('constant.numeric')) return 'number';
    if (scope.startsWith('constant.language')) return 'boolean';
    if (scope.startsWith('entity.name.type')) return 'table';
    if (scope.startsWith('variable')) return 'key';
  }
  return 'plain';
}

let grammar: Promise<IGrammar> | undefined;
function loadGrammar(): Promise<IGrammar> {
  grammar ??= (async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (p) => new oniguruma.OnigScanner(p),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scope) => (scope === 'source.toml' ? parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
    });
    return (await registry.loadGrammar('source.toml'))!;
  })();
  return grammar;
}

/** One colour per character of the text (line breaks are 'plain'). */
async function colours(text: string): Promise<Colour[]> {
  const g = await loadGrammar();
  const out: Colour[] = [];
  let stack = INITIAL;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const result = g.tokenizeLine(line, stack);
    for (const t of result.tokens) for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) out.push(colourOf(t.scopes));
    out.push(...(raw.length > line.length ? (['plain', 'plain'] as const) : (['plain'] as const))); // \r, \n
    stack = result.ruleStack;
  }
  return out.slice(0, text.length);
}

/** What the parser says each character is; undefined for punctuation and whitespace. */
function expected(text: string): (Colour | undefined)[] {
  const out: (Colour | undefined)[] = new Array(text.length).fill(undefined);
  const mark = (start: number, end: number, c: Colour) => {
    for (let i = start; i < end; i++) out[i] = c;
  };
  const value = (v: ValueNode) => {
    if (v.kind === 'string') mark(v.start, v.end, 'string');
    else if (v.kind === 'number' || v.kind === 'datetime') mark(v.start, v.end, 'number');
    else if (v.kind === 'boolean') mark(v.start, v.end, 'boolean');
    else if (v.kind === 'array') v.items.forEach(value);
    else if (v.kind === 'table')
      for (const e of v.entries) {
        e.key.forEach((k) => mark(k.start, k.end, 'key'));
        if (e.value) value(e.value);
      }
  };
  const doc = parseToml(text);
  for (const section of doc.sections) {
    // The dots of a table name take its colour too (punctuation has none of its own).
    const key = section.header?.key;
    if (key?.length) mark(key[0].start, key[key.length - 1].end, 'table');
    for (const entry of section.entries) {
      entry.key.forEach((k) => mark(k.start, k.end, 'key'));
      if (entry.value) value(entry.value);
    }
  }
  for (const c of doc.comments) mark(c.start, c.end, 'comment');
  return out;
}

/** Every visible character coloured as the parser reads it; punctuation plain. */
async function assertColoured(name: string, text: string): Promise<void> {
  const got = await colours(text);
  const want = expected(text);
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue; // whitespace shows no colour
    const ok = want[i] === undefined ? got[i] === 'plain' : got[i] === want[i] || (want[i] === 'string' && got[i] === 'escape');
    if (!ok) {
      const line = text.slice(0, i).split('\n').length;
      assert.fail(
        `${name}:${line}: ${JSON.stringify(text[i])} in ${JSON.stringify(text.split('\n')[line - 1])} is ${got[i]}, expected ${want[i] ?? 'plain'}`,
      );
    }
  }
}

/** `{ fragment: colour }`: each fragment (its first occurrence) is that colour throughout. */
async function assertFragments(text: string, fragments: [string, Colour][]): Promise<void> {
  const got = await colours(text);
  for (const [fragment, colour] of fragments) {
    const at = text.indexOf(fragment);
    assert.ok(at >= 0, fragment);
    assert.deepEqual([...new Set(got.slice(at, at + fragment.length))], [colour], `${JSON.stringify(fragment)} in ${JSON.stringify(text)}`);
  }
}

test('every real config and documentation example is coloured as the parser reads it', async () => {
  const all = [...realConfigs(), ...docExamples()];
  assert.ok(all.length >= 18);
  for (const { name, text } of all) await assertColoured(name, text);
});

test('strings: basic with escapes, literal, multi-line of both kinds with quotes before the closing ones', async () => {
  const text = [
    'a = "tab\\there \\u00e9 \\"q\\""',
    "b = 'C:\\Users\\no\\escapes'",
    'c = """',
    'first line',
    'with "quotes" and \\',
    '  a line-ending backslash""""',
    "d = '''",
    "raw ''text'' here'''''",
    'after_strings = 1',
  ].join('\n');
  await assertColoured('strings', text);
  await assertFragments(text, [
    ['\\t', 'escape'],
    ['\\u00e9', 'escape'],
    ['C:\\Users\\no\\escapes', 'string'],
    ['with "quotes" and', 'string'],
    ["raw ''text'' here", 'string'],
    ['after_strings', 'key'],
  ]);
  await assertFragments('a = "bad \\q escape"', [['\\q', 'invalid']]);
});

test('dotted and quoted keys, inline tables, arrays of tables, numbers, dates and booleans', async () => {
  const text = [
    '# a comment with = and [brackets]',
    'workflow.slug = "x"  # trailing comment',
    '"quoted key".\'lit\' = 1',
    'site = { name = "a", nested = { on = true }, list = [1, 2.5, -3e2, 0x_ff, 0xff, inf, -nan] }',
    '[[targets.dev.runs]]',
    '[ targets . "prod env" ]',
    'when = [1979-05-27T07:32:00Z, 1979-05-27 00:32:00.999-07:00, 1979-05-27, 07:32:00, 1979-05-27t07:32:00]',
    'clusters = [',
    '  "a", # first',
    '  "b",',
    ']',
    'flag = false',
  ]
    .join('\n')
    .replace('0x_ff, ', '');
  await assertColoured('edge cases', text);
  await assertFragments(text, [
    ['workflow', 'key'],
    ['slug', 'key'],
    ['"quoted key"', 'key'],
    ["'lit'", 'key'],
    ['targets.dev.runs', 'table'],
    ['"prod env"', 'table'],
    ['1979-05-27 00:32:00.999-07:00', 'number'],
    ['07:32:00', 'number'],
    ['0xff', 'number'],
    ['inf', 'number'],
    ['true', 'boolean'],
    ['# first', 'comment'],
    ['# trailing comment', 'comment'],
    ['= and [brackets]', 'comment'],
  ]);
});

test('a tilebox.workflow.toml opens in the TOML language mode with this grammar', () => {
  const { languages, grammars } = PACKAGE.contributes;
  const toml = languages.find((l: { id: string }) => l.id === 'toml');
  assert.deepEqual(toml.filenames, ['tilebox.workflow.toml'], 'only our file: .toml in general is left to TOML extensions');
  assert.equal(toml.aliases[0], 'TOML', 'the status bar shows the first alias');
  assert.deepEqual(grammars, [{ language: 'toml', scopeName: 'source.toml', path: './syntaxes/toml.tmLanguage.json' }]);
  assert.ok(PACKAGE.contributes.tomlValidation, 'the JSON schema for TOML extensions stays');
});

test('Tilebox diagnostics follow the file name, not the language id, so a second TOML extension changes nothing', () => {
  // Even Better TOML contributes the same `toml` id for every .toml; VS Code merges the two contributions. The
  // language client selects by pattern, so there is one client and one set of Tilebox diagnostics either way.
  const client = readFileSync(new URL('../../client/src/languageClient.ts', import.meta.url), 'utf8');
  const selector = /documentSelector: (\[[^\]]*\])/.exec(client)?.[1] ?? '';
  assert.ok(selector.includes("{ scheme: 'file', pattern: '**/tilebox.workflow.toml' }"), selector);
  assert.doesNotMatch(selector, /language: 'toml'/, 'selecting by language would depend on which extension owns .toml');
});
