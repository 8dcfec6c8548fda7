// Every e2e scenario in one process, one after another: `npm test` (test/run.mjs) runs this file in one of its two
// slots from the start, so the real-VS-Code scenarios (mostly waiting on the UI) overlap the unit tests in the other
// slot instead of queueing behind them. Each scenario still runs on its own: `node --test test/e2e/<x>.test.mjs`.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
for (const name of readdirSync(here).filter((n) => n.endsWith('.test.mjs')).sort()) {
  await import(pathToFileURL(`${here}/${name}`).href);
}
