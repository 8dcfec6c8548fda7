// The documents a newcomer reads first must point at files that exist: a moved or renamed file may not leave a dead
// link or a stale path in README.md, ARCHITECTURE.md or CONTRIBUTING.md.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..');
const DOCS = ['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md'];
/** Top-level files and folders of the repository; a path in a document is checked when it starts with one. */
const TOP = new Set(readdirSync(ROOT).filter((n) => !['node_modules', 'dist', '.git', '.e2e-cache'].includes(n)));

/** Paths a document names: link targets, and words inside `code spans` that start at a top-level entry. */
export function namedPaths(markdown: string): string[] {
  const links = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^(https?:|mailto:|#|command:)/.test(t));
  const words = [...markdown.matchAll(/`([^`\n]+)`/g)].flatMap((m) => m[1].split(/[\s,()]+/));
  const inRepo = words
    .map((w) => w.replace(/[.:;]+$/, ''))
    .filter((w) => TOP.has(w.split('/')[0]) && w.includes('/') && !/[<>*…{}$]/.test(w));
  return [...new Set([...links.map((l) => l.replace(/#.*$/, '')), ...inRepo])];
}

for (const doc of DOCS) {
  test(`${doc} names only files and folders that exist`, () => {
    const named = namedPaths(readFileSync(join(ROOT, doc), 'utf8'));
    assert.ok(named.length > 3, `${doc}: only ${named.length} paths found`);
    assert.deepEqual(
      named.filter((p) => !existsSync(join(ROOT, p))),
      [],
    );
  });
}

test('a path that does not exist is reported, in a link and in a code span', () => {
  const named = namedPaths('See [the guide](docs/nowhere.md) and `client/src/gone.ts`, not `a <placeholder>/x.ts`.');
  assert.deepEqual(named, ['docs/nowhere.md', 'client/src/gone.ts']);
});
