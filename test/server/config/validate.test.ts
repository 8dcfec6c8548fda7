// One test per validation rule, each with the exact position the user sees underlined.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DIAGNOSTIC_CODES } from '../../../server/src/config/index';
import { diagnose, VALID, where } from './helpers';

const wf = (lines: string) => `[workflow]\n${lines}\n\n[build]\ninclude = ["pyproject.toml"]\n`;

test('a valid config gives no diagnostics', () => {
  assert.deepEqual(diagnose(VALID), []);
});

test('TOML syntax: unterminated string is reported where the string starts, in plain words', () => {
  const [d] = diagnose('[workflow]\nslug = "abc\nrunner = "a:b"\n');
  assert.deepEqual(where([d]), [['toml-syntax', 1, 7, 11]]);
  assert.match(d.message, /not closed/);
});

test('TOML syntax: a duplicate key underlines the second key', () => {
  const ds = diagnose('[workflow]\nslug = "a"\nslug = "b"\n');
  assert.deepEqual(where(ds), [['toml-syntax', 2, 0, 4]]);
  assert.match(ds[0].message, /"slug" is already defined/);
});

test('TOML syntax: an unquoted value says to add quotes', () => {
  const ds = diagnose('[workflow]\nslug = my-workflow\n');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].range.start.line, 1);
  assert.match(ds[0].message, /write "my-workflow"/);
});

test('syntax errors stop validation: no schema errors on top', () => {
  const ds = diagnose('[workflw]\nslug = "a\n');
  assert.deepEqual(
    ds.map((d) => d.code),
    ['toml-syntax'],
  );
});

test('unknown table with did-you-mean', () => {
  const ds = diagnose(`${VALID}\n[workflows]\nx = 1\n`);
  assert.deepEqual(where(ds), [['unknown-table', 7, 1, 10]]);
  assert.match(ds[0].message, /Did you mean "workflow"\?/);
});

test('unknown key: includes -> include, on the key only', () => {
  const ds = diagnose('[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\nincludes = ["x"]\n');
  assert.deepEqual(where(ds), [['unknown-key', 4, 0, 8]]);
  assert.match(ds[0].message, /Did you mean "include"\?/);
});

test('unknown key that belongs to another table says where it belongs', () => {
  const ds = diagnose(wf('slug = "a"\nrunner = "a:b"\nexclude = ["x"]'));
  assert.deepEqual(where(ds), [['unknown-key', 3, 0, 7]]);
  assert.match(ds[0].message, /belongs in \[build\]/);
});

test('unknown key in a target', () => {
  const ds = diagnose(`${VALID}[targets.dev]\ncluster = ["a"]\n`);
  assert.deepEqual(where(ds), [['unknown-key', 7, 0, 7]]);
  assert.match(ds[0].message, /"clusters"/);
});

test('dotted keys at the top level are the same keys', () => {
  assert.deepEqual(diagnose('workflow.slug = "a"\nworkflow.runner = "a:b"\nbuild.include = ["x"]\ntargets.dev.clusters = ["c"]\n'), []);
  const ds = diagnose('workflow.slug = "a"\nworkflow.runer = "a:b"\nbuild.include = ["x"]\n');
  assert.deepEqual(where(ds), [['unknown-key', 1, 9, 14]]);
});

test('inline tables are the same keys', () => {
  assert.deepEqual(
    diagnose('workflow = { slug = "a", runner = "a:b" }\nbuild = { include = ["x"] }\ntargets = { dev = { clusters = ["c"] } }\n'),
    [],
  );
});

test('[[double brackets]] are rejected', () => {
  const ds = diagnose(`${VALID}[[targets.dev]]\nclusters = ["a"]\n`);
  assert.deepEqual(where(ds), [['table-array-not-allowed', 6, 0, 15]]);
});

test('wrong types: number slug, string include, quoted boolean, non-string item', () => {
  assert.deepEqual(where(diagnose(wf('slug = 12\nrunner = "a:b"'))), [['wrong-type', 1, 7, 9]]);
  const inc = diagnose('[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\ninclude = "src/**"\n');
  assert.deepEqual(where(inc), [['wrong-type', 4, 10, 18]]);
  assert.match(inc[0].message, /include = \["src\/\*\*"\]/);
  const bool = diagnose(`${VALID}use_gitignore = "true"\n`);
  assert.deepEqual(where(bool), [['wrong-type', 6, 16, 22]]);
  assert.match(bool[0].message, /without quotes/);
  assert.deepEqual(where(diagnose('[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\ninclude = ["a", 3]\n')), [['wrong-type', 4, 16, 17]]);
});

test('a key written as a table is a type error', () => {
  assert.deepEqual(where(diagnose(`${VALID}[workflow.root]\n`)), [['wrong-type', 6, 1, 14]]);
});

test('missing [workflow] and [build] tables', () => {
  assert.deepEqual(where(diagnose('# hello\n[targets.dev]\nclusters = ["a"]\n')), [
    ['missing-workflow-table', 1, 0, 13],
    ['missing-build-table', 1, 0, 13],
  ]);
});

test('missing slug and missing runner are reported on the [workflow] header', () => {
  const ds = diagnose('[workflow]\nroot = "."\n[build]\ninclude = ["x"]\n');
  assert.deepEqual(where(ds), [
    ['missing-slug', 0, 0, 10],
    ['missing-runner', 0, 0, 10],
  ]);
});

test('missing include is reported on the [build] header', () => {
  assert.deepEqual(where(diagnose('[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\nexclude = []\n')), [['missing-include', 3, 0, 7]]);
});

test('empty include is an error on the array', () => {
  assert.deepEqual(where(diagnose('[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\ninclude = []\n')), [['include-empty', 4, 10, 12]]);
});

test('runner and command: error on the second one', () => {
  const ds = diagnose(wf('slug = "a"\ncommand = ["uv"]\nrunner = "a:b"'));
  assert.deepEqual(where(ds), [['runner-and-command', 3, 0, 6]]);
});

test('command must be non-empty with non-empty arguments', () => {
  assert.deepEqual(where(diagnose(wf('slug = "a"\ncommand = []'))), [['command-empty', 2, 10, 12]]);
  assert.deepEqual(where(diagnose(wf('slug = "a"\ncommand = ["uv", ""]'))), [['command-empty-argument', 2, 17, 19]]);
});

test('slug: charset, length 100 allowed, 101 not, 49 fine (no 40 cap)', () => {
  assert.deepEqual(diagnose(wf(`slug = "puerto-vallarta-seasonal-timelapse-9vg2kcSsfFfov9"\nrunner = "a:b"`)), []);
  assert.deepEqual(diagnose(wf(`slug = "${'a'.repeat(100)}"\nrunner = "a:b"`)), []);
  assert.deepEqual(where(diagnose(wf(`slug = "${'a'.repeat(101)}"\nrunner = "a:b"`))), [['slug-too-long', 1, 7, 110]]);
  const ds = diagnose(wf('slug = "my_workflow"\nrunner = "a:b"'));
  assert.deepEqual(where(ds), [['slug-invalid-characters', 1, 7, 20]]);
  assert.match(ds[0].message, /"_" is not allowed.*"my-workflow"/);
  assert.deepEqual(where(diagnose(wf('slug = ""\nrunner = "a:b"'))), [['slug-empty', 1, 7, 9]]);
});

test('placeholder slugs: a warning when the API would accept them, an error naming the placeholder when not', () => {
  const warn = diagnose(wf('slug = "replace-with-your-workflow-slug"\nrunner = "a:b"'));
  assert.deepEqual(where(warn), [['slug-placeholder', 1, 7, 40]]);
  assert.equal(warn[0].severity, 2);
  for (const slug of ['my-workflow-<...>', '$WORKFLOW_SLUG', '${SLUG}']) {
    const [d] = diagnose(wf(`slug = "${slug}"\nrunner = "a:b"`));
    assert.equal(d.code, 'slug-invalid-characters');
    assert.equal(d.severity, 1);
    assert.match(d.message, /placeholder/);
  }
});

test('runner grammar uses the runtime wording and points at the value', () => {
  for (const bad of ['runner', 'a:', ':b', 'my_workflow/runner.py:runner', 'a-b:c', 'a:b:c', '1a:b', 'a b:c']) {
    const ds = diagnose(wf(`slug = "a"\nrunner = "${bad}"`));
    assert.deepEqual(where(ds), [['runner-invalid', 2, 9, 11 + bad.length]], bad);
    assert.ok(
      ds[0].message.startsWith("Expected runner import path in the format '<module>:<object>', for example 'my_workflow.runner:runner'."),
    );
  }
  assert.match(diagnose(wf('slug = "a"\nrunner = "my_workflow/runner.py:runner"'))[0].message, /"my_workflow\.runner:runner"/);
  // Python identifiers may hold Unicode letters (PEP 3131); a digit still cannot start one.
  for (const good of ['runner:runner', 'datacenters.__main__:runner', 'a.b:c.d', '_x:_y', 'módulo:runner', 'données.run:runner2']) {
    assert.deepEqual(diagnose(wf(`slug = "a"\nrunner = "${good}"`)), [], good);
  }
});

test('root must be relative and stay inside the project', () => {
  assert.deepEqual(where(diagnose(wf('slug = "a"\nrunner = "a:b"\nroot = "/abs"'))), [['root-absolute', 3, 7, 13]]);
  assert.deepEqual(where(diagnose(wf('slug = "a"\nrunner = "a:b"\nroot = "C:\\\\x"'))), [['root-absolute', 3, 7, 14]]);
  assert.deepEqual(where(diagnose(wf('slug = "a"\nrunner = "a:b"\nroot = "src/../.."'))), [['root-outside-project', 3, 7, 18]]);
  // Inside, but the build refuses every ".." segment (like the JSON schema), so it is an error too.
  const [inside] = diagnose(wf('slug = "a"\nrunner = "a:b"\nroot = "src/../src"'));
  assert.deepEqual(where([inside]), [['root-outside-project', 3, 7, 19]]);
  assert.match(inside.message, /Write "src" instead/);
});

test('include/exclude patterns: absolute and climbing out are errors on the single item', () => {
  const base = '[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\n';
  assert.deepEqual(where(diagnose(`${base}include = ["ok", "/etc/x"]\n`)), [['pattern-absolute', 4, 17, 25]]);
  // A leading backslash before a glob character escapes it (a file literally named "[draft].py"); before a name it is a Windows root.
  assert.deepEqual(where(diagnose(`${base}include = ["ok", '\\[draft\\].py']\n`)), []);
  assert.deepEqual(where(diagnose(`${base}include = ["ok", '\\src\\x']\n`)), [['pattern-absolute', 4, 17, 25]]);
  assert.deepEqual(where(diagnose(`${base}include = ["ok"]\nexclude = ["../x"]\n`)), [['pattern-outside-root', 5, 11, 17]]);
  assert.deepEqual(where(diagnose(`${base}include = ["src/../lib/**"]\n`)), [['pattern-outside-root', 4, 11, 26]]);
  const empty = diagnose(`${base}include = ["ok", ""]\n`);
  assert.deepEqual(where(empty), [['pattern-empty', 4, 17, 19]]);
  assert.equal(empty[0].severity, 2);
});

test('"**" without a .venv exclude gets a hint; excluding .venv silences it', () => {
  const base = '[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\n';
  const ds = diagnose(`${base}include = ["**"]\n`);
  assert.deepEqual(where(ds), [['include-sweeps-venv', 4, 11, 15]]);
  assert.equal(ds[0].severity, 4);
  assert.deepEqual(diagnose(`${base}include = ["**"]\nexclude = [".venv/**"]\n`), []);
});

test('targets: empty clusters and duplicates warn; bad cluster slugs are errors', () => {
  const empty = diagnose(`${VALID}[targets.dev]\nclusters = []\n`);
  assert.deepEqual(where(empty), [['clusters-empty', 7, 11, 13]]);
  assert.equal(empty[0].severity, 2);
  assert.deepEqual(where(diagnose(`${VALID}[targets.dev]\n`)), [['clusters-empty', 6, 9, 12]]);
  const dup = diagnose(`${VALID}[targets.dev]\nclusters = ["a", "a"]\n`);
  assert.deepEqual(where(dup), [['cluster-duplicate', 7, 17, 20]]);
  assert.deepEqual(where(diagnose(`${VALID}[targets.dev]\nclusters = ["dev_cluster", ""]\n`)), [
    ['cluster-slug-invalid', 7, 12, 25],
    ['cluster-slug-invalid', 7, 27, 29],
  ]);
});

test('schema errors stop validation before cross-field rules', () => {
  const ds = diagnose('[workflow]\nslug = "bad slug"\nrunner = "nope"\nfoo = 1\n[build]\ninclude = ["x"]\n');
  assert.deepEqual(
    ds.map((d) => d.code),
    ['unknown-key'],
  );
});

test('every diagnostic has source tilebox and a listed kebab-case code', () => {
  const codes = new Set(DIAGNOSTIC_CODES.map((c) => c.code));
  const docs = ['[workflow]\nslug = 1\n', 'x = [', '[build]\ninclude = []\n', wf('slug = "a b"\nrunner = "x"\nroot = "/a"')];
  for (const doc of docs) {
    for (const d of diagnose(doc)) {
      assert.equal(d.source, 'tilebox');
      assert.ok(codes.has(String(d.code)), String(d.code));
      assert.match(String(d.code), /^[a-z]+(-[a-z]+)*$/);
    }
  }
});
