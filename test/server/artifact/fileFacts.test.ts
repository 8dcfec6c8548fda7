import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createFileFacts } from '../../../server/src/artifact/fileFacts';

const dir = mkdtempSync(join(tmpdir(), 'facts-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const put = (rel: string, text = 'x') => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
put('proj/pkg/sub/mod.py');
put('proj/pkg/.hidden.py');
put('proj/Readme.MD');
put('proj/.venv/lib/site.py');
put('proj/node_modules/x/index.js');
put('proj/.git/config');
symlinkSync('/nonexistent', join(dir, 'proj/dangling.py'));
const facts = createFileFacts(dir);

test('isDirectory and isFile are relative to the config folder', () => {
  assert.equal(facts.isDirectory('proj/pkg'), true);
  assert.equal(facts.isFile('proj/pkg'), false);
  assert.equal(facts.isFile('proj/Readme.MD'), true);
  assert.equal(facts.isFile('missing'), false);
});

test('includeMatches answers with the selection dialect', () => {
  assert.equal(facts.includeMatches('proj', 'pkg/**/*.py'), true);
  assert.equal(facts.includeMatches('proj', '**/mod.py'), true);
  assert.equal(facts.includeMatches('proj', 'pkg/*.py'), true, '* matches dotfiles, as in git');
  assert.equal(facts.includeMatches('proj', '*.md'), false, 'case-sensitive');
  assert.equal(facts.includeMatches('proj', 'pkg'), false, 'a folder name matches no file');
  assert.equal(facts.includeMatches('proj', 'dangling.py'), false, 'a dangling link is no file');
  assert.equal(facts.includeMatches('.', 'proj/pkg/sub/*.py'), true);
});

test('includeMatches skips .git always and .venv/node_modules unless named', () => {
  assert.equal(facts.includeMatches('proj', '**/site.py'), false);
  assert.equal(facts.includeMatches('proj', '.venv/**'), true);
  assert.equal(facts.includeMatches('proj', '**/index.js'), false);
  assert.equal(facts.includeMatches('proj', 'node_modules/**/index.js'), true);
  assert.equal(facts.includeMatches('proj', '.git/config'), false);
});

test('includeMatches refuses unsafe roots and patterns instead of searching', () => {
  assert.equal(facts.includeMatches('..', '**'), false);
  assert.equal(facts.includeMatches('proj', '../proj/**'), false);
  assert.equal(facts.includeMatches('proj', '/etc/*'), false);
});
