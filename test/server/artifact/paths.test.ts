// The selection's order is git's (UTF-8 byte order), whichever comparison sortByPath picks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortByPath } from '../../../server/src/artifact/paths';

const utf8Order = (paths: string[]) => [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
const sorted = (paths: string[]) => sortByPath(paths.map((path) => ({ path }))).map((item) => item.path);

test('plain names sort in byte order: "/" after "." and before "0", upper case first', () => {
  const paths = ['a0', 'a/b.py', 'a.txt', 'B.md', 'a/B', 'é.py', 'z', 'a-b'];
  assert.deepEqual(sorted(paths), utf8Order(paths));
  assert.deepEqual(sorted(paths).slice(0, 2), ['B.md', 'a-b']);
});

test('names beyond U+FFFF sort after U+E000..U+FFFF, as in UTF-8 (not UTF-16) order', () => {
  const paths = ['\u{1F600}.txt', '\uE000.txt', '\uFFFD.txt', 'a.txt', '\u4E2D.txt'];
  assert.deepEqual(sorted(paths), utf8Order(paths));
  assert.equal(sorted(paths).at(-1), '\u{1F600}.txt');
});
