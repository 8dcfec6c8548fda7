// Shared setup for adapter tests: a fresh stand-in state folder per test, a TileboxCli pointed at the
// stand-in, and readers for the stand-in's calls.log.
import { mkdtempSync, readFileSync, existsSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TileboxCli, type TileboxCliOptions } from '../../../client/src/cliAdapter/runCli';
import type { CliResult } from '../../../client/src/cliAdapter/types';

export const STANDIN_BIN = fileURLToPath(new URL('../../standin/bin/tilebox', import.meta.url));
export const EXAMPLE_PROJECT = fileURLToPath(new URL('../../fixtures/example-project', import.meta.url));
export const KEY = 'tbx-api-test-key-7f3a9c';

export interface Harness {
  state: string;
  cli: TileboxCli;
  logs: string[];
  calls(): { argv: string[]; cwd: string; api_key_env: boolean; api_key_flag: boolean }[];
  setMode(mode: string): void;
  tempDir(): string;
}

export function harness(
  options: Partial<Omit<TileboxCliOptions, 'apiUrl'>> & { key?: string | null; apiUrl?: string; extraEnv?: NodeJS.ProcessEnv } = {},
): Harness {
  const { key, apiUrl, extraEnv, ...opts } = options;
  const state = mkdtempSync(join(tmpdir(), 'tbx-standin-'));
  const logs: string[] = [];
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, TILEBOX_STANDIN_STATE: state, ...extraEnv };
  const cli = new TileboxCli({
    locate: async () => ({ path: STANDIN_BIN }),
    apiKey: async () => (key === null ? undefined : (key ?? KEY)),
    apiUrl: () => apiUrl,
    log: (l) => logs.push(l),
    env,
    killGraceMs: 300,
    ...opts,
  });
  return {
    state,
    cli,
    logs,
    calls: () => {
      const file = join(state, 'calls.log');
      return existsSync(file)
        ? readFileSync(file, 'utf8')
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l))
        : [];
    },
    setMode: (mode) => writeFileSync(join(state, 'mode'), mode),
    tempDir: () => mkdtempSync(join(tmpdir(), 'tbx-project-')),
  };
}

/** A temp copy of the example project (the stand-in seeds its workflow slug). */
export function exampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tbx-example-'));
  cpSync(EXAMPLE_PROJECT, dir, { recursive: true });
  return dir;
}

export function ok<T>(r: CliResult<T>): T {
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.value;
}
