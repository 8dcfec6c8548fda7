// The headless checker as CI runs it: `node dist/cli.js check <file-or-dir> [--format json]`,
// spawned for real (npm test builds dist/ first). Output lines, exit codes, folder walking,
// the JSON shape, and the two ways to steer diagnostics (settings file, ignore comments).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FIXTURES, VALID } from '../config/helpers';

const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../fixtures/example-project', import.meta.url));
const temps: string[] = [];
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function check(...args: string[]) {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}

/** A temp folder holding `files` (relative path -> content). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tilebox-check-'));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** A valid project (all files the file-aware rules look for exist), with `toml` as its config. */
const project = (toml: string, extra: Record<string, string> = {}) =>
  tree({ 'tilebox.workflow.toml': toml, 'pyproject.toml': '', 'uv.lock': '', 'my_workflow/runner.py': 'runner = 1\n', ...extra });

const PLACEHOLDER = VALID.replace('"my-workflow"', '"replace-with-your-workflow-slug"');
const TWO_ERRORS = `${VALID.replace('\n\n[build]', '\nfoo = 1\n[build]')}use_gitignore = "yes"\n`;

test('an error prints path:line:col: severity: message [code] per diagnostic and exits 1', () => {
  const dir = project(TWO_ERRORS);
  const file = join(dir, 'tilebox.workflow.toml');
  const r = check(file);
  assert.equal(r.code, 1, r.err);
  assert.equal(r.lines.length, 2, r.out);
  // foo = 1 (line 4, col 1) is an unknown key; "yes" (line 7, col 17) is not a boolean.
  const parsed = r.lines.map((l) => /^(.+):(\d+):(\d+): (error|warning|information|hint): (.+) \[([a-z-]+)\]$/.exec(l));
  assert.ok(parsed.every(Boolean), r.out);
  assert.deepEqual(
    parsed.map((m) => [m![1], Number(m![2]), Number(m![3]), m![4], m![6]]).sort((a, b) => Number(a[1]) - Number(b[1])),
    [
      [file, 4, 1, 'error', 'unknown-key'],
      [file, 7, 17, 'error', 'wrong-type'],
    ],
  );
  assert.match(r.err, /1 file checked: 2 errors, 0 warnings/);
});

test('warnings alone exit 0 and are still printed', () => {
  const file = join(project(PLACEHOLDER), 'tilebox.workflow.toml');
  const r = check(file);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.lines.length, 1);
  assert.match(r.lines[0], new RegExp(`^${escape(file)}:2:8: warning: .*placeholder.* \\[slug-placeholder\\]$`));
});

test('a clean config prints nothing on stdout and exits 0', () => {
  const r = check(join(project(VALID), 'tilebox.workflow.toml'));
  assert.deepEqual([r.code, r.out], [0, '']);
});

test('a folder means every tilebox.workflow.toml below it (not in node_modules, .git or .venv)', () => {
  const dir = tree({
    'a/tilebox.workflow.toml': TWO_ERRORS,
    'b/deeper/tilebox.workflow.toml': PLACEHOLDER,
    'c/other.toml': TWO_ERRORS,
    'node_modules/pkg/tilebox.workflow.toml': TWO_ERRORS,
    '.venv/lib/tilebox.workflow.toml': TWO_ERRORS,
  });
  const r = check(dir, '--format', 'json');
  assert.equal(r.code, 1);
  const json = JSON.parse(r.out) as {
    files: { path: string; diagnostics: { code: string; severity: number; range: unknown; source: string; message: string }[] }[];
  };
  assert.deepEqual(
    json.files.map((f) => f.path),
    [join(dir, 'a/tilebox.workflow.toml'), join(dir, 'b/deeper/tilebox.workflow.toml')],
  );
  assert.deepEqual(json.files[0].diagnostics.map((d) => d.code).sort(), ['unknown-key', 'wrong-type']);
  const [d] = json.files[0].diagnostics.filter((x) => x.code === 'unknown-key');
  assert.deepEqual(d.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
  assert.deepEqual([d.severity, d.source, typeof d.message], [1, 'tilebox', 'string']);
  assert.ok(json.files[1].diagnostics.some((x) => x.code === 'slug-placeholder' && x.severity === 2));
});

test('every real config and the example project check clean (exit 0) as one folder', () => {
  const dir = tree({});
  const reals = readdirSync(FIXTURES).filter((f) => f.endsWith('.toml'));
  for (const name of reals) {
    mkdirSync(join(dir, name));
    cpSync(join(FIXTURES, name), join(dir, name, 'tilebox.workflow.toml'));
  }
  cpSync(EXAMPLE, join(dir, 'example'), { recursive: true });
  const r = check(dir, '--format', 'json');
  assert.equal(r.code, 0, r.out);
  const json = JSON.parse(r.out) as { files: { diagnostics: { severity: number }[] }[] };
  assert.equal(json.files.length, reals.length + 1);
  assert.ok(json.files.every((f) => f.diagnostics.every((d) => d.severity !== 1)));
});

test('bad usage exits 2 with a message and the usage line', () => {
  for (const args of [
    [],
    ['--format'],
    ['x', '--format', 'xml'],
    ['--bogus', 'x'],
    ['a', 'b'],
    [join(tmpdir(), 'no-such-thing-here')],
    ['x', '--severity', 'slug-placeholder'],
  ]) {
    const r = check(...args);
    assert.equal(r.code, 2, `check ${args.join(' ')}: ${r.err}`);
    assert.match(r.err, /^check: .+\nusage: check <file-or-dir>/, args.join(' '));
    assert.equal(r.out, '');
  }
  const empty = tree({ 'x.toml': '' });
  const r = check(empty);
  assert.equal(r.code, 2);
  assert.match(r.err, /no tilebox\.workflow\.toml found/);
});

test('an unknown code in --severity is a usage error with a suggestion', () => {
  const r = check(join(project(VALID), 'tilebox.workflow.toml'), '--severity', 'slug-placeholdr=off');
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown diagnostic code "slug-placeholdr".*slug-placeholder/);
});

test('tilebox.diagnostics.severity in the nearest .vscode/settings.json re-grades and turns off codes', () => {
  const dir = project(TWO_ERRORS, {
    '.vscode/settings.json':
      '{\n  // JSON with comments, like VS Code writes it\n  "tilebox.diagnostics.severity": { "unknown-key": "warning", "wrong-type": "off", },\n}\n',
  });
  const r = check(join(dir, 'tilebox.workflow.toml'), '--format', 'json');
  assert.equal(r.code, 0, r.out);
  const [file] = (JSON.parse(r.out) as { files: { diagnostics: { code: string; severity: number }[] }[] }).files;
  assert.deepEqual(
    file.diagnostics.map((d) => [d.code, d.severity]),
    [['unknown-key', 2]],
  );
  // A settings file higher up applies to nested projects too.
  const outer = tree({
    '.vscode/settings.json': '{"tilebox.diagnostics.severity": {"slug-placeholder": "error"}}',
    'p/tilebox.workflow.toml': PLACEHOLDER,
  });
  assert.equal(check(outer).code, 1);
});

test('--severity flags win over the settings file', () => {
  const dir = project(PLACEHOLDER, { '.vscode/settings.json': '{"tilebox.diagnostics.severity": {"slug-placeholder": "off"}}' });
  const file = join(dir, 'tilebox.workflow.toml');
  assert.deepEqual([check(file).code, check(file).out], [0, '']);
  const r = check(file, '--severity', 'slug-placeholder=error');
  assert.equal(r.code, 1);
  assert.match(r.lines[0], /:2:8: error: .*\[slug-placeholder\]$/);
  assert.equal(check(file, '--severity=slug-placeholder=warning').code, 0);
});

test('a # tilebox: ignore comment silences the code on the next line', () => {
  const text = TWO_ERRORS.replace('foo = 1', '# tilebox: ignore unknown-key\nfoo = 1').replace(
    'use_gitignore',
    '# tilebox: ignore wrong-type\nuse_gitignore',
  );
  const r = check(join(project(text), 'tilebox.workflow.toml'));
  assert.deepEqual([r.code, r.out], [0, '']);
  const partly = TWO_ERRORS.replace('foo = 1', '# tilebox: ignore unknown-key\nfoo = 1');
  const p = check(join(project(partly), 'tilebox.workflow.toml'));
  assert.equal(p.code, 1);
  assert.deepEqual(
    p.lines.map((l) => /\[([a-z-]+)\]$/.exec(l)![1]),
    ['wrong-type'],
  );
});

test('a misspelled code in an ignore comment is reported (artifact codes are known too)', () => {
  const text = VALID.replace('[build]', '[build]\n# tilebox: ignore selection-has-venv, include-matches-nothng');
  const r = check(join(project(text), 'tilebox.workflow.toml'));
  assert.equal(r.code, 0);
  assert.equal(r.lines.length, 1, r.out);
  assert.match(
    r.lines[0],
    /:6:39: warning: "include-matches-nothng" is not a tilebox diagnostic code.*Did you mean "include-matches-nothing"\? \[ignore-unknown-code\]$/,
  );
});

test('file-aware warnings run against the files next to the config', () => {
  const dir = tree({ 'tilebox.workflow.toml': VALID });
  const r = check(join(dir, 'tilebox.workflow.toml'), '--format', 'json');
  assert.equal(r.code, 0);
  const codes = (JSON.parse(r.out) as { files: { diagnostics: { code: string }[] }[] }).files[0].diagnostics.map((d) => d.code);
  assert.ok(codes.includes('include-matches-nothing') && codes.includes('runner-module-not-found'), codes.join(', '));
});

test('binary garbage is reported, not crashed on', () => {
  const dir = tree({});
  writeFileSync(join(dir, 'tilebox.workflow.toml'), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x5b, 0x0a, 0xc3]));
  const r = check(dir);
  assert.equal(r.code, 1, r.err);
  assert.match(r.lines[0], /:1:1: error: .+not UTF-8 text.+ \[unreadable-file\]$/, 'bytes that are not UTF-8 are named as such');
  writeFileSync(join(dir, 'tilebox.workflow.toml'), Buffer.from([0x00, 0x01, 0x5b, 0x0a, 0x7f]));
  const utf8 = check(dir);
  assert.equal(utf8.code, 1, utf8.err);
  assert.match(utf8.lines[0], /:\d+:\d+: error: .+ \[toml-syntax\]$/, 'UTF-8 that is not TOML is a syntax error');
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('files an editor would show differently: a BOM does not shift columns, non-UTF-8 and non-files are named, nothing hangs', () => {
  const bom = project(`\uFEFF${VALID.replace('[workflow]', '[workflw]')}`);
  const r = check(join(bom, 'tilebox.workflow.toml'));
  assert.match(r.out, /tilebox\.workflow\.toml:1:2: error: Unknown table "workflw"/, 'column 2 is the "w" after "[", as in the editor');

  const latin1 = project('');
  writeFileSync(
    join(latin1, 'tilebox.workflow.toml'),
    Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${VALID}`)]),
  );
  const bad = check(join(latin1, 'tilebox.workflow.toml'));
  assert.equal(bad.code, 1);
  assert.match(
    bad.out,
    /:1:1: error: Cannot read tilebox\.workflow\.toml: not UTF-8 text; TOML files must be saved as UTF-8 \[unreadable-file\]/,
  );

  const fifoDir = tree({});
  const fifo = join(fifoDir, 'tilebox.workflow.toml');
  if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here: the rest of the test still ran
  const blocked = check(fifo);
  assert.equal(blocked.code, 1, 'a FIFO is refused, not read (reading one blocks until a writer comes)');
  assert.match(blocked.out, /not a regular file \[unreadable-file\]/);
});
