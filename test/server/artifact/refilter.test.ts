// refilter: a filter over a re-selection that looks only at what changed must give what filtering the whole list gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecentFilter, refilter } from '../../../server/src/artifact/refilter';

type Item = { path: string; size: number };
const keep = (item: Item) => item.path.endsWith('.py') && item.size < 80;

function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

test('after random creates, deletes and changes, refilter equals a fresh filter and keeps unchanged items as they were', () => {
  const next = random(7);
  let list: Item[] = Array.from({ length: 200 }, (_, i) => ({
    path: `f${String(i).padStart(4, '0')}.${i % 3 ? 'py' : 'txt'}`,
    size: i % 100,
  }));
  let kept = list.filter(keep);
  for (let step = 0; step < 300; step++) {
    const changed = list.slice();
    // Mostly a few changes (moved in place), now and then many (one merge pass).
    for (let n = step % 10 === 0 ? 60 : Math.floor(next() * 4); n >= 0; n--) {
      const at = Math.floor(next() * changed.length);
      const op = next();
      if (op < 0.3) changed.splice(at, 1);
      else if (op < 0.6) changed[at] = { ...changed[at], size: Math.floor(next() * 100) };
      else {
        const path = `f${String(Math.floor(next() * 9999)).padStart(4, '0')}x.${next() < 0.5 ? 'py' : 'txt'}`;
        if (!changed.some((item) => item.path === path)) changed.push({ path, size: Math.floor(next() * 100) });
      }
    }
    changed.sort((a, b) => (a.path < b.path ? -1 : 1));
    const result = refilter(list, kept, changed, keep);
    assert.deepEqual(result, changed.filter(keep), `step ${step}`);
    // An item that stayed is the same object: what is derived from it downstream is kept.
    for (const item of result) assert.ok(changed.includes(item));
    list = changed;
    kept = result;
  }
});

test('a re-selection that changed nothing the filter keeps returns the very same list', () => {
  const a = { path: 'a.py', size: 1 };
  const b = { path: 'b.txt', size: 1 };
  const kept = [a];
  assert.equal(refilter([a, b], kept, [a, { path: 'b.txt', size: 2 }], keep), kept);
  assert.notEqual(refilter([a, b], kept, [b], keep), kept);
  assert.deepEqual(refilter([a, b], kept, [b], keep), []);
});

test('an include changed and back: the list a few edits back is the starting point, and its answer comes back as it was', () => {
  const items = Array.from({ length: 2000 }, (_, i) => ({ path: `src/p${String(i).padStart(5, '0')}.${i % 2 ? 'py' : 'json'}`, size: 1 }));
  const narrow = items.slice(0, 300);
  const pythonOnly = items.filter((item) => item.path.endsWith('.py'));
  const recent = new RecentFilter(keep);
  const first = recent.of(items);
  assert.deepEqual(first, items.filter(keep));
  assert.deepEqual(recent.of(narrow), narrow.filter(keep));
  assert.deepEqual(recent.of(pythonOnly), pythonOnly.filter(keep));
  // The whole list again (a new array of the same objects): the first answer, not a new list.
  assert.equal(recent.of(items.slice()), first);
  // A list unlike any recent one is filtered whole, with the same answer.
  const other = [{ path: 'x.py', size: 1 }];
  assert.deepEqual(recent.of(other), other);
});
