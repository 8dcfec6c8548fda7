// Loads the e2e scenario files into one process, where node:test runs their tests one after another. `npm test`
// (test/run.mjs) runs two such groups side by side (half-1/half-2.e2e.mjs, TILEBOX_E2E_SESSIONS=2) next to the unit
// tests: the scenarios mostly wait on the UI, so they overlap well. Each scenario still runs on its own:
// `node --test test/e2e/<x>.test.mjs`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Seconds each scenario file took in a whole `npm test` run on the 2-core machine (next to the unit tests; one file
 * alone takes about half). They only balance the groups: both should end about together, since the suite lasts as
 * long as the longer one. A file not listed counts as DEFAULT_COST; refresh the figures from `npm test`'s output.
 */
const COST = {
  reload: 103,
  'debug-task': 99,
  'task-lenses': 92,
  'config-editor': 86,
  artifact: 74,
  'release-loop': 70,
  runners: 70,
  'config-diagnostics': 69,
  deploy: 62,
  sidebar: 62,
  jobs: 61,
  'restricted-mode': 41,
  'no-cli': 36,
  'multi-project': 32,
  walkthrough: 30,
  'first-command': 13,
  vsix: 4,
};
const DEFAULT_COST = 45;

/** The scenario files of group `part` of `parts`: the costliest first, each into the group with the least so far. */
export function scenarioGroup(files, part = 0, parts = 1) {
  const cost = (name) => COST[name.replace(/\.test\.mjs$/, '')] ?? DEFAULT_COST;
  const totals = Array(parts).fill(0);
  const groups = totals.map(() => []);
  for (const name of [...files].sort((a, b) => cost(b) - cost(a) || a.localeCompare(b))) {
    const lightest = totals.indexOf(Math.min(...totals));
    totals[lightest] += cost(name);
    groups[lightest].push(name);
  }
  return groups[part];
}

/** Imports the scenario files of group `part` of `parts` (see scenarioGroup); node:test runs them in that order. */
export async function importScenarios(part = 0, parts = 1) {
  await setupDone();
  const files = readdirSync(here).filter((n) => n.endsWith('.test.mjs'));
  for (const name of scenarioGroup(files, part, parts)) await import(pathToFileURL(join(here, name)).href);
}

/** Waits for the e2e set-up that `npm test` runs in the background (TILEBOX_E2E_SETUP_STATUS names its status file). */
async function setupDone() {
  const status = process.env.TILEBOX_E2E_SETUP_STATUS;
  if (!status) return;
  while (!existsSync(status)) await new Promise((r) => setTimeout(r, 500));
  const text = readFileSync(status, 'utf8');
  if (text !== 'ok') throw new Error(text);
}
