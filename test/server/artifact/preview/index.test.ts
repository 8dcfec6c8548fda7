import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ARTIFACT_DIAGNOSTIC_CODES, buildPreview } from '../../../../server/src/artifact/preview/index';
import { assertShipsExample } from '../../exampleArtifact';
import { configFromToml } from './configFromToml';

const example = fileURLToPath(new URL('../../../fixtures/example-project/', import.meta.url));
const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** A temp copy of the example project with extra files (`size` makes a sparse file of that many bytes). */
function project(extra: Record<string, string | { size: number }> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tilebox-preview-'));
  temps.push(dir);
  cpSync(example, dir, { recursive: true });
  for (const [rel, content] of Object.entries(extra)) {
    const file = join(dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    if (typeof content === 'string') writeFileSync(file, content);
    else {
      writeFileSync(file, '');
      truncateSync(file, content.size);
    }
  }
  return dir;
}

const MB = 1024 * 1024;
const exampleToml = readFileSync(join(example, 'tilebox.workflow.toml'), 'utf8');
const withBuild = (build: string) => exampleToml.replace(/\[build\][\s\S]*?(?=\n\[)/, `[build]\n${build}\n`);

/** The config text a diagnostic is anchored on. */
const anchoredOn = (toml: string, d: Diagnostic) =>
  toml.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);

test('the example project previews with its files, tasks and runner and no warnings', async () => {
  const dir = project();
  const { preview, diagnostics, pythonDiagnostics } = await buildPreview(dir, configFromToml(exampleToml));
  assert.equal(preview.error, undefined);
  assertShipsExample(preview);
  // Exactly the project's three tasks, each at its `class` line (read from the source, so edits to it are followed).
  const tasksPy = readFileSync(join(dir, 'scene_qa/tasks.py'), 'utf8').split('\n');
  const classLine = (name: string) => tasksPy.findIndex((l) => l.startsWith(`class ${name}(`)) + 1;
  assert.deepEqual(
    preview.tasks.map((t) => `${t.name}@${t.version} ${t.file}:${t.line}`),
    [
      `tilebox.com/example/FetchScene@v1.0 scene_qa/tasks.py:${classLine('FetchScene')}`,
      `tilebox.com/example/CheckClouds@v1.2 scene_qa/tasks.py:${classLine('CheckClouds')}`,
      `Summarize@v0.0 scene_qa/tasks.py:${classLine('Summarize')}`,
    ],
  );
  assert.ok(
    preview.tasks.every((t) => t.line > 0 && !t.unresolved),
    'every task found, none left unresolved',
  );
  assert.deepEqual(
    preview.runners?.map((r) => r.variable),
    ['runner'],
  );
  assert.equal(preview.slug, 'scene-qa-F8yVcPRfw2AkoZ');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(pythonDiagnostics, []);
});

test('a selection with a .venv, caches, a secret and an 11 MB data file warns on the include that brings each in', async () => {
  const dir = project({
    '.venv/lib/python3.12/site-packages/numpy/__init__.py': '',
    '.venv/pyvenv.cfg': 'home = /usr/bin\n',
    '.env': 'TILEBOX_API_KEY=secret\n',
    'scene_qa/__pycache__/tasks.cpython-312.pyc': 'x',
    'data/scene.tif': { size: 11 * MB },
  });
  const toml = withBuild('include = ["scene_qa/**", "data/*", "**"]\nexclude = []');
  const { diagnostics } = await buildPreview(dir, configFromToml(toml));
  const found = diagnostics.map((d) => ({ code: d.code, severity: d.severity, on: anchoredOn(toml, d), message: String(d.message) }));
  const byCode = (code: string) => found.filter((d) => d.code === code);

  assert.deepEqual(
    byCode('selection-has-venv').map((d) => d.on),
    ['"**"'],
  );
  assert.match(byCode('selection-has-venv')[0].message, /virtual environment \.venv\/ \(2 files.*add "\.venv\/\*\*" to \[build\]\.exclude/);
  assert.deepEqual(
    byCode('selection-has-pycache').map((d) => d.on),
    ['"scene_qa/**"'],
  );
  assert.match(byCode('selection-has-pycache')[0].message, /"\*\*\/__pycache__\/\*\*"/);
  assert.deepEqual(
    byCode('selection-has-secret').map((d) => d.on),
    ['"**"'],
  );
  assert.match(byCode('selection-has-secret')[0].message, /^\.env looks like an environment file/);
  assert.deepEqual(
    byCode('selection-large-file').map((d) => d.on),
    ['"data/*"'],
  );
  assert.match(byCode('selection-large-file')[0].message, /^data\/scene\.tif is 11\.0 MB.*~\/\.cache\/tilebox\/scene-qa-F8yVcPRfw2AkoZ\//);
  assert.deepEqual(byCode('selection-too-large'), [], '11 MB in total is not over 50 MB');
  assert.ok(
    found.every((d) => d.severity === 2),
    'these are warnings: the build would still succeed',
  );
});

test('nothing to warn about when the .venv, caches and secrets are excluded', async () => {
  const dir = project({ '.venv/pyvenv.cfg': '', '.env': 'K=v', 'scene_qa/__pycache__/x.pyc': 'x' });
  const toml = withBuild('include = ["**"]\nexclude = [".venv/**", "**/__pycache__/**", ".env", "tilebox.workflow.toml"]');
  const { diagnostics, preview } = await buildPreview(dir, configFromToml(toml));
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    [],
  );
  assert.ok(preview.excluded.some((e) => e.path.startsWith('.venv') && e.reason.includes('.venv/**')));
});

test('over 50 MB in total names the three biggest files on [build] and suggests a runner-local cache', async () => {
  const dir = project({
    'assets/a.bin': { size: 30 * MB },
    'assets/b.bin': { size: 20 * MB },
    'assets/c.bin': { size: 5 * MB },
    'assets/d.bin': { size: 1 * MB },
  });
  const toml = withBuild('include = ["scene_qa/**/*.py", "assets/**"]');
  const { diagnostics } = await buildPreview(dir, configFromToml(toml));
  const [tooLarge] = diagnostics.filter((d) => d.code === 'selection-too-large');
  assert.equal(anchoredOn(toml, tooLarge), '[build]');
  assert.match(
    String(tooLarge.message),
    /Biggest files: assets\/a\.bin \(30\.0 MB\), assets\/b\.bin \(20\.0 MB\), assets\/c\.bin \(5\.0 MB\)\./,
  );
  assert.match(String(tooLarge.message), /~\/\.cache\/tilebox\//);
  assert.deepEqual(
    diagnostics.filter((d) => d.code === 'selection-large-file').map((d) => String(d.message).split(' ')[0]),
    ['assets/a.bin', 'assets/b.bin'],
  );
});

test('an excluded runner module is an error on the runner value, saying which rule keeps it out', async () => {
  const dir = project();
  const toml = withBuild('include = ["pyproject.toml", "scene_qa/**/*.py"]\nexclude = ["scene_qa/runner.py"]');
  const { diagnostics } = await buildPreview(dir, configFromToml(toml));
  const errors = diagnostics.filter((d) => d.severity === 1);
  assert.deepEqual(
    errors.map((d) => [d.code, anchoredOn(toml, d)]),
    [['runner-not-in-artifact', '"scene_qa.runner:runner"']],
  );
  assert.match(String(errors[0].message), /scene_qa\/runner\.py is excluded by exclude pattern "scene_qa\/runner\.py"/);

  const notIncluded = withBuild('include = ["pyproject.toml"]');
  const [d] = (await buildPreview(dir, configFromToml(notIncluded))).diagnostics;
  assert.equal(d.code, 'runner-not-in-artifact');
  assert.match(String(d.message), /Add it to \[build\]\.include, for example "scene_qa\/\*\*\/\*\.py"/);
});

test('task diagnostics come back per Python file with absolute paths', async () => {
  const dir = project({
    'scene_qa/more.py':
      'from tilebox.workflows import Task\n\nclass Bad(Task):\n    @staticmethod\n    def identifier():\n        return "x", "1.0"\n',
  });
  const { pythonDiagnostics, preview } = await buildPreview(dir, configFromToml(exampleToml));
  assert.deepEqual(
    pythonDiagnostics.map((p) => [p.path, p.diagnostics.map((d) => d.code)]),
    [[join(dir, 'scene_qa/more.py'), ['task-invalid-version']]],
  );
  assert.ok(preview.tasks.some((t) => t.className === 'Bad' && t.file === 'scene_qa/more.py' && t.line === 3));
});

test('a root outside the project gives a preview error instead of a crash', async () => {
  const dir = project();
  const toml = exampleToml.replace('root = "."', 'root = "../elsewhere"');
  const { preview, diagnostics } = await buildPreview(dir, configFromToml(toml));
  assert.match(preview.error ?? '', /root "\.\.\/elsewhere" leaves the folder of tilebox\.workflow\.toml/);
  assert.deepEqual(preview.files, []);
  assert.deepEqual(diagnostics, []);
});

test('a selection problem (a link leading out of the root) is an error on the include that selects it', async () => {
  const dir = project();
  const outside = mkdtempSync(join(tmpdir(), 'tilebox-outside-'));
  temps.push(outside);
  writeFileSync(join(outside, 'secret.py'), 'x = 1\n');
  symlinkSync(join(outside, 'secret.py'), join(dir, 'scene_qa', 'linked.py'));
  const { diagnostics } = await buildPreview(dir, configFromToml(exampleToml));
  const problems = diagnostics.filter((d) => d.code === 'selection-problem');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].severity, 1);
  assert.equal(anchoredOn(exampleToml, problems[0]), '"scene_qa/**/*.py"');
  assert.match(String(problems[0].message), /scene_qa\/linked\.py.*outside the workflow root.*The release build would refuse it\./);
});

test('every code the preview reports in the config is documented', async () => {
  const dir = project({ '.venv/pyvenv.cfg': '', '.env': 'K=v', 'x/__pycache__/a.pyc': 'x', 'big.bin': { size: 60 * MB } });
  const toml = withBuild('include = ["**"]\nexclude = ["scene_qa/runner.py"]');
  symlinkSync('/etc/hostname', join(dir, 'link.txt'));
  const { diagnostics } = await buildPreview(dir, configFromToml(toml));
  const produced = [...new Set(diagnostics.map((d) => String(d.code)))].sort();
  assert.deepEqual(produced, ARTIFACT_DIAGNOSTIC_CODES.map((c) => c.code).sort());
});
