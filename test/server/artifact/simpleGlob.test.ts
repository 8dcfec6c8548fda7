// The string tests for the usual pattern shapes must give picomatch's answer (dot: true), path by path: every shape
// they take, with literals and suffixes that look alike, against every path of up to three segments from a set
// chosen to trip them (dotfiles, a name that is also a suffix, a prefix of a folder name).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import picomatch from 'picomatch';
import { simpleMatcher } from '../../../server/src/artifact/simpleGlob';

const NAMES = ['src', 'srcx', 'a', 'x.py', '.py', 'a.py', 'xpy', '.venv', '__pycache__', 'f.tar.gz', 'b.c', '.b'];
const LITERALS = ['src', 'a', '__pycache__', '.venv', 'x.py'];
const SUFFIXES = ['.py', 'py', '.tar.gz', '.c'];

function patterns(): string[] {
  const out: string[] = [];
  for (const l of LITERALS) {
    out.push(`${l}/**`, `**/${l}/**`, `**/${l}`, `src/**/${l}`, `src/a/**`);
    for (const s of SUFFIXES) out.push(`${l}/**/*${s}`, `${l}/*${s}`);
  }
  for (const s of SUFFIXES) out.push(`**/*${s}`, `*${s}`, `src/a/*${s}`);
  return [...new Set(out)];
}

function paths(): string[] {
  const out: string[] = [];
  for (const a of NAMES) {
    out.push(a);
    for (const b of NAMES) {
      out.push(`${a}/${b}`);
      for (const c of NAMES) out.push(`${a}/${b}/${c}`);
    }
  }
  return out;
}

test('every simple shape answers as picomatch does, path by path', () => {
  const all = paths();
  let compared = 0;
  for (const pattern of patterns()) {
    const simple = simpleMatcher(pattern);
    assert.ok(simple, `${pattern} should take the string test`);
    const reference = picomatch(pattern, { dot: true, nocase: false });
    for (const p of all) {
      assert.equal(simple(p), reference(p), `${pattern} on ${p}`);
      compared++;
    }
  }
  assert.ok(compared > 100_000);
});

test('other shapes are left to picomatch', () => {
  for (const pattern of [
    'src/*/x.py',
    '**/*',
    '*',
    'src/{a,b}/**',
    'a?.py',
    'src/**/a/**',
    '[ab].py',
    '!x.py',
    'a/**/b/*.py',
    'src/x.py',
  ]) {
    assert.equal(simpleMatcher(pattern), undefined, pattern);
  }
});
