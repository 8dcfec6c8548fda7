// Diagnostics users can steer: severity overrides and `# tilebox: ignore` comments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyDiagnosticSettings, codeActionsFor } from '../../../server/src/config/index';
import { applyEdits, diagnose, memoryFacts, textAt } from './helpers';

const PLACEHOLDER = '[workflow]\nslug = "replace-with-your-workflow-slug"\nrunner = "a:b"\n[build]\ninclude = ["x", "y"]\n';

test('severity override re-grades a code', () => {
  const [d] = diagnose(PLACEHOLDER, { severity: { 'slug-placeholder': 'error' } });
  assert.equal(d.severity, 1);
  assert.equal(diagnose(PLACEHOLDER, { severity: { 'slug-placeholder': 'hint' } })[0].severity, 4);
});

test('severity "off" removes a code, others stay', () => {
  const facts = memoryFacts(['a.py'], (_root, pattern) => pattern === 'x');
  const ds = diagnose(PLACEHOLDER, { facts, severity: { 'slug-placeholder': 'off' } });
  assert.deepEqual(
    ds.map((d) => d.code),
    ['include-matches-nothing'],
  );
});

test('an error turned into a warning no longer stops the later stages', () => {
  const text = '[workflow]\nslug = "a"\nrunner = "a:b"\nextra = 1\n[build]\ninclude = ["/abs"]\n';
  assert.deepEqual(
    diagnose(text).map((d) => d.code),
    ['unknown-key'],
  );
  assert.deepEqual(
    diagnose(text, { severity: { 'unknown-key': 'warning' } }).map((d) => d.code),
    ['unknown-key', 'pattern-absolute'],
  );
});

test('an ignore comment silences the code on the next line only', () => {
  const text =
    '[workflow]\n# tilebox: ignore slug-placeholder\nslug = "replace-with-your-workflow-slug"\nrunner = "a:b"\n[build]\ninclude = ["x"]\n';
  assert.deepEqual(diagnose(text), []);
  const other = text.replace('slug-placeholder', 'unknown-key');
  assert.deepEqual(
    diagnose(other).map((d) => d.code),
    ['slug-placeholder'],
  );
  const tooFar = text.replace('# tilebox: ignore slug-placeholder\n', '# tilebox: ignore slug-placeholder\n\n');
  assert.deepEqual(
    diagnose(tooFar).map((d) => d.code),
    ['slug-placeholder'],
  );
});

test('the ignore comment is case-insensitive, as its hover and completion are', () => {
  const text =
    '[workflow]\n# Tilebox: IGNORE slug-placeholder\nslug = "replace-with-your-workflow-slug"\nrunner = "a:b"\n[build]\ninclude = ["x"]\n';
  assert.deepEqual(diagnose(text), []);
});

test('an ignore comment takes several codes, and stacked comments all apply', () => {
  const facts = memoryFacts(['a.py'], () => false);
  const text =
    '[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\n# tilebox: ignore include-matches-nothing, pattern-empty\n# tilebox: ignore include-sweeps-venv\ninclude = ["**", ""]\n';
  assert.deepEqual(diagnose(text, { facts }), []);
});

test('a trailing ignore comment silences its own line', () => {
  const text = '[workflow]\nslug = "replace-with-x" # tilebox: ignore slug-placeholder\nrunner = "a:b"\n[build]\ninclude = ["x"]\n';
  assert.deepEqual(diagnose(text), []);
});

test('applyDiagnosticSettings works on diagnostics other modules computed', () => {
  const text = 'a = 1\n# tilebox: ignore selection-has-venv\nb = 2\n';
  const make = (line: number, code: string): Diagnostic => ({
    range: { start: { line, character: 0 }, end: { line, character: 1 } },
    code,
    message: 'm',
    severity: 2,
    source: 'tilebox',
  });
  const out = applyDiagnosticSettings(text, [make(2, 'selection-has-venv'), make(0, 'selection-has-venv'), make(0, 'big-file')], {
    'big-file': 'information',
  });
  assert.deepEqual(
    out.map((d) => [d.range.start.line, d.code, d.severity]),
    [
      [0, 'selection-has-venv', 2],
      [0, 'big-file', 3],
    ],
  );
});

test('an ignore comment naming an unknown code gets a warning on that code, with a fix to the closest one', () => {
  const text =
    '[workflow]\n# tilebox: ignore slug-placeholdr, selection-has-venv,made-up\nslug = "replace-with-x"\nrunner = "a:b"\n[build]\ninclude = ["x"]\n';
  const ds = diagnose(text, { otherCodes: ['selection-has-venv'] });
  assert.deepEqual(
    ds.map((d) => [d.code, d.severity, textAt(text, d.range)]),
    [
      ['ignore-unknown-code', 2, 'slug-placeholdr'],
      ['ignore-unknown-code', 2, 'made-up'],
      ['slug-placeholder', 2, '"replace-with-x"'],
    ],
  );
  assert.match(ds[0].message, /Did you mean "slug-placeholder"\?/);
  const fixes = codeActionsFor(text, 'file:///p/tilebox.workflow.toml', [ds[0]]);
  assert.deepEqual(
    fixes.map((f) => f.title),
    ['Change "slug-placeholdr" to "slug-placeholder"'],
  );
  const fixed = applyEdits(text, fixes[0].edit!.changes!['file:///p/tilebox.workflow.toml']);
  assert.deepEqual(
    diagnose(fixed, { otherCodes: ['selection-has-venv'] }).map((d) => [d.code, textAt(fixed, d.range)]),
    [['ignore-unknown-code', 'made-up']],
  );
  // Callers that do not say which other codes exist (pure use) get no such warning.
  assert.deepEqual(
    diagnose(text).map((d) => d.code),
    ['slug-placeholder'],
  );
});
