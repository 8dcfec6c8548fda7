// Loads the e2e scenario files into one process, where node:test runs their tests one after another. `npm test`
// (test/run.mjs) runs two such groups side by side (half-1/half-2.e2e.mjs, TILEBOX_E2E_SESSIONS=2) next to the unit
// tests: the scenarios mostly wait on the UI, so they overlap well. Each scenario still runs on its own:
// `node --test test/e2e/<x>.test.mjs`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Imports every `part`-th of `parts` scenario files (by name), so the groups get about the same number each. */
export async function importScenarios(part = 0, parts = 1) {
  await setupDone();
  const files = readdirSync(here)
    .filter((n) => n.endsWith('.test.mjs'))
    .sort();
  for (const [i, name] of files.entries()) if (i % parts === part) await import(pathToFileURL(join(here, name)).href);
}

/** Waits for the e2e set-up that `npm test` runs in the background (TILEBOX_E2E_SETUP_STATUS names its status file). */
async function setupDone() {
  const status = process.env.TILEBOX_E2E_SETUP_STATUS;
  if (!status) return;
  while (!existsSync(status)) await new Promise((r) => setTimeout(r, 500));
  const text = readFileSync(status, 'utf8');
  if (text !== 'ok') throw new Error(text);
}
