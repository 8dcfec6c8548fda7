// Stage 4, the file-aware warnings, against in-memory FileFacts: each on the exact item.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createFileFacts } from '../../../server/src/artifact/fileFacts';
import { selectArtifactFiles } from '../../../server/src/artifact/select';
import { MAX_SEARCHED_PATTERNS } from '../../../server/src/config/fileChecks';
import { diagnose, memoryFacts, textAt, VALID } from './helpers';

const ALL = ['pyproject.toml', 'uv.lock', 'my_workflow/runner.py'];
const at = (text: string, files: string[], matches?: (root: string, pattern: string) => boolean) =>
  diagnose(text, { facts: memoryFacts(files, matches) }).map((d) => [d.code, d.severity, textAt(text, d.range)]);

test('a complete project gives no file warnings', () => {
  assert.deepEqual(at(VALID, ALL), []);
});

test('an include pattern that matches nothing warns on that pattern only', () => {
  assert.deepEqual(
    at(VALID, ALL, (_root, p) => p !== 'my_workflow/**'),
    [['include-matches-nothing', 2, '"my_workflow/**"']],
  );
});

test('the runner module is looked up as a file, a package, and under src/', () => {
  assert.deepEqual(at(VALID, ['pyproject.toml', 'uv.lock']), [['runner-module-not-found', 2, '"my_workflow.runner:runner"']]);
  assert.deepEqual(at(VALID, ['pyproject.toml', 'uv.lock', 'my_workflow/runner/__init__.py']), []);
  assert.deepEqual(at(VALID, ['pyproject.toml', 'uv.lock', 'src/my_workflow/runner.py']), []);
});

test('pyproject.toml and uv.lock that exist but are not included warn on the include key', () => {
  const text = VALID.replace('"pyproject.toml", "uv.lock", ', '');
  assert.deepEqual(at(text, ALL), [
    ['pyproject-not-included', 2, 'include'],
    ['uv-lock-not-included', 2, 'include'],
  ]);
  assert.deepEqual(
    at(text.replace('"my_workflow/**"', '"**"'), ALL).filter(([c]) => c !== 'include-sweeps-venv'),
    [],
  );
});

test('a pattern selects pyproject.toml only when it can reach the top of the root', () => {
  const text = (patterns: string) =>
    VALID.replace('"pyproject.toml", "uv.lock", "my_workflow/**"', `"uv.lock", "my_workflow/**", ${patterns}`);
  const codes = (patterns: string) => at(text(patterns), ALL).map(([code]) => code);
  for (const selects of ['"**/pyproject.toml"', '"./pyproject.toml"', '"*.toml"', '"{pyproject,x}.toml"'])
    assert.deepEqual(codes(selects), [], selects);
  for (const misses of ['"src/pyproject.toml"', '"my_workflow/**/*.toml"', '"a/**/pyproject.toml"'])
    assert.deepEqual(codes(misses), ['pyproject-not-included'], misses);
});

test('a root that is missing or a file is an error, and stops the other file checks', () => {
  const text = VALID.replace('[build]', 'root = "src"\n\n[build]').replace('\n\n[build]', '\n[build]');
  assert.deepEqual(at(text, ALL), [['root-not-found', 1, '"src"']]);
  assert.deepEqual(at(text, [...ALL, 'src']), [['root-not-directory', 1, '"src"']]);
});

test(`only the first ${MAX_SEARCHED_PATTERNS} include patterns are searched for, so a huge list stays fast`, () => {
  const patterns = Array.from({ length: MAX_SEARCHED_PATTERNS + 50 }, (_, i) => `"missing_${i}/**"`);
  const text = VALID.replace('"my_workflow/**"', `"my_workflow/**", ${patterns.join(', ')}`);
  let searched = 0;
  const ds = at(text, ALL, (_root, p) => {
    searched++;
    return p === 'my_workflow/**' || p === 'pyproject.toml' || p === 'uv.lock';
  });
  assert.equal(searched, MAX_SEARCHED_PATTERNS);
  assert.equal(ds.length, MAX_SEARCHED_PATTERNS - 3);
  assert.ok(ds.every(([code]) => code === 'include-matches-nothing'));
});

/** A real folder: `project/` holds the config, `outside/` is next to it. */
function onDisk(files: string[]): string {
  const base = mkdtempSync(join(tmpdir(), 'file-rules-'));
  after(() => rmSync(base, { recursive: true, force: true }));
  for (const rel of files) {
    mkdirSync(join(base, rel, '..'), { recursive: true });
    writeFileSync(join(base, rel), 'x');
  }
  return join(base, 'project');
}

test('an include pattern with surrounding spaces matches nothing, as in the selection, and the warning names the space', async () => {
  const dir = onDisk(['project/pyproject.toml', 'project/pkg/mod.py']);
  const text = '[workflow]\nslug = "a"\ncommand = ["python"]\n[build]\ninclude = [" pyproject.toml", "pkg/** ", "pkg/*.py"]\n';
  const ds = diagnose(text, { facts: createFileFacts(dir) }).filter((d) => d.code === 'include-matches-nothing');
  assert.deepEqual(
    ds.map((d) => [textAt(text, d.range), d.message]),
    [
      [
        '" pyproject.toml"',
        '" pyproject.toml" matches no file under the project folder; it has a leading space — did you mean "pyproject.toml"?',
      ],
      ['"pkg/** "', '"pkg/** " matches no file under the project folder; it has a trailing space — did you mean "pkg/**"?'],
    ],
  );
  const selected = await selectArtifactFiles(dir, {
    slug: 'a',
    root: '.',
    include: [' pyproject.toml', 'pkg/** '],
    exclude: [],
    useGitignore: false,
  });
  assert.deepEqual(selected.files, [], 'the selection matches patterns as written');
});

test('a root that is a symbolic link leading outside the project is an error on the root value, as the preview refuses it', () => {
  const dir = onDisk(['project/pyproject.toml', 'outside/pyproject.toml', 'project/inner/pyproject.toml']);
  symlinkSync(join(dir, '../outside'), join(dir, 'out'));
  symlinkSync(join(dir, 'inner'), join(dir, 'in'));
  const text = (root: string) => `[workflow]\nslug = "a"\ncommand = ["python"]\nroot = "${root}"\n[build]\ninclude = ["pyproject.toml"]\n`;
  const ds = diagnose(text('out'), { facts: createFileFacts(dir) });
  assert.deepEqual(
    ds.map((d) => [d.code, d.severity, textAt(text('out'), d.range)]),
    [['root-outside-project', 1, '"out"']],
  );
  assert.match(ds[0].message, /leads outside the project folder/);
  assert.deepEqual(diagnose(text('in'), { facts: createFileFacts(dir) }), [], 'a link that stays inside is fine');
});

test('the root check uses the facts, so in-memory links work too', () => {
  const text = VALID.replace('[build]', 'root = "src"\n[build]');
  const files = ['src/pyproject.toml', 'src/uv.lock', 'src/my_workflow/runner.py'];
  assert.deepEqual(at(text, files), []);
  assert.deepEqual(
    diagnose(text, { facts: memoryFacts(files, undefined, { src: '../elsewhere' }) }).map((d) => d.code),
    ['root-outside-project'],
  );
});

test('an include ending with "/" warns that it names a folder and says how to take the folder; the selection agrees it matches nothing', async () => {
  const dir = onDisk(['project/src/a.py', 'project/main.py']);
  const text = '[workflow]\nslug = "a"\ncommand = ["python"]\n[build]\ninclude = ["src/", "src/**/", "**/", "src//a.py", "main.py"]\n';
  const ds = diagnose(text, { facts: createFileFacts(dir) });
  assert.deepEqual(
    ds.map((d) => [d.code, d.severity, textAt(text, d.range), d.message]),
    [
      [
        'include-matches-nothing',
        2,
        '"src/"',
        '"src/" matches no file: it ends with "/", which names a folder, and only files are selected. Write "src/**" to take the folder and everything in it.',
      ],
      [
        'include-matches-nothing',
        2,
        '"src/**/"',
        '"src/**/" matches no file: it ends with "/", which names a folder, and only files are selected. Write "src/**" to take the folder and everything in it.',
      ],
      [
        'include-matches-nothing',
        2,
        '"**/"',
        '"**/" matches no file: it ends with "/", which names a folder, and only files are selected. Write "**" to take the folder and everything in it.',
      ],
    ],
  );
  const selected = await selectArtifactFiles(dir, {
    slug: 'a',
    root: '.',
    include: ['src/', 'src/**/', '**/', 'src//a.py', 'main.py'],
    exclude: [],
    useGitignore: false,
  });
  assert.deepEqual(
    selected.files.map((f) => f.path),
    ['main.py', 'src/a.py'],
    '"src//a.py" is "src/a.py"',
  );
});

test('an exclude ending with "/" (as in .gitignore) warns that it excludes nothing; the selection indeed keeps the folder', async () => {
  const dir = onDisk(['project/secrets/key.txt', 'project/main.py']);
  const text = '[workflow]\nslug = "a"\ncommand = ["python"]\n[build]\ninclude = ["**"]\nexclude = ["secrets/", "*.log", ".venv/**"]\n';
  const ds = diagnose(text, { facts: createFileFacts(dir) });
  assert.deepEqual(
    ds.map((d) => [d.code, d.severity, textAt(text, d.range), d.message]),
    [
      [
        'exclude-names-folder',
        2,
        '"secrets/"',
        '"secrets/" excludes nothing: it ends with "/", which names a folder, and patterns match files only, so the folder\'s files still go into the release. Write "secrets/**" to keep the folder out.',
      ],
    ],
  );
  const selected = await selectArtifactFiles(dir, { slug: 'a', root: '.', include: ['**'], exclude: ['secrets/'], useGitignore: false });
  assert.ok(
    selected.files.some((f) => f.path === 'secrets/key.txt'),
    'the warning tells the truth',
  );
});

test('a bug inside a check is one error at the top of the file, not a silent pass (and it is logged)', (t) => {
  const logged = t.mock.method(console, 'error', () => undefined);
  const facts = {
    ...memoryFacts(ALL),
    includeMatches: () => {
      throw new Error('boom');
    },
  };
  const ds = diagnose(VALID, { facts });
  assert.deepEqual(
    ds.map((d) => [d.severity, d.range.start.line, d.message]),
    [[1, 0, 'This file could not be checked: internal error (boom). Please report it with the file.']],
  );
  assert.equal(logged.mock.callCount(), 1);
  assert.match(String(logged.mock.calls[0].arguments[0]), /internal error: Error: boom/);
});
