#!/usr/bin/env node
// TEST DOUBLE — a stand-in for the `tilebox` CLI, for the extension's tests and demos only. It talks to no API:
// state lives in JSON files in $TILEBOX_STANDIN_STATE. It implements the documented commands, flags and `--json`
// field names (see /work/shared/research/tilebox-contract.md §2) and can be told to misbehave with
// TILEBOX_STANDIN_MODE or a file `<state>/mode`: slow | hang | fail | garbage | unauthenticated | no-uv.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, fail } from './lib/cli.mjs';
import { clusterCommand } from './lib/clusters.mjs';
import { jobCommand } from './lib/jobs.mjs';
import { parallelCommand, runnerCommand } from './lib/runner.mjs';
import { stateDir } from './lib/store.mjs';
import { workflowCommand } from './lib/workflow.mjs';

const VERSION = '0.5.0-standin';
const HELP = `tilebox ${VERSION} — TEST DOUBLE (stand-in for the Tilebox CLI; tests and demos only, talks to no API)

Usage: tilebox [--api-url <url>] [--api-key <key>] <command> [flags] [--json]

Commands:
  account get
  workflow init --name <name> | create <name> [--description <text>] | list | get [<slug>]
  workflow build-release [<dir>] | publish-release [<dir>]
  workflow deploy-release|undeploy-release [--workflow <slug>] (--release <uuid> | --latest) [--target <name> | --cluster a,b]
  cluster list | get <slug> | create <name> | delete <slug>
  job submit --name <n> --task <t> [--version v1.0] [--input <json>] [--cluster <slug>] [--max-retries N]
  job list [--state s] [--name n] [--cluster c] [--last 7d] [--after d] [--before d] [--limit N] [--cursor c]
  job get|retry|cancel <id>   job logs <id> [--cursor c] [--limit N] [--sort asc|desc]
  runner start [--cluster <slug>] [-n N] [--stop-when-idling]
  parallel -n N -- <command> [args...]

Stand-in environment:
  TILEBOX_API_KEY            required (or --api-key); the value is never logged
  TILEBOX_STANDIN_STATE      state folder (JSON files, seeded on first use; calls.log records every call)
  TILEBOX_STANDIN_MODE       slow | hang | hold | fail | garbage | unauthenticated | no-uv (or write it to <state>/mode)
                             hold: each call waits until <state>/mode no longer says hold, then runs as usual
  TILEBOX_STANDIN_SLOW_MS    delay for "slow" (default 3000)
`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Global flags before the subcommand; `--api-key` is accepted anywhere (it "overrides the env var"). */
function splitGlobals(argv) {
  const g = { apiUrl: undefined, apiKey: undefined, help: false, version: false };
  const rest = [];
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (flag === '--api-url') g.apiUrl = inline ?? argv[++i];
    else if (flag === '--api-key') g.apiKey = inline ?? argv[++i];
    else if (flag === '--help' || flag === '-h') g.help = true;
    else if (flag === '--version' || flag === '-v') g.version = true;
    else if (flag === '--json') continue;
    else break;
  }
  for (; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (argv[i] === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (flag === '--api-key') g.apiKey = inline ?? argv[++i];
    else if (flag === '--api-url') fail('--api-url is a global flag: put it before the command', 2);
    else if (flag === '--help') g.help = true;
    else rest.push(argv[i]);
  }
  return { g, rest };
}

function redacted(argv) {
  return argv.map((a, i) => (argv[i - 1] === '--api-key' ? '***' : a.startsWith('--api-key=') ? '--api-key=***' : a));
}

function mode(dir) {
  const file = join(dir, 'mode');
  return (process.env.TILEBOX_STANDIN_MODE || (existsSync(file) ? readFileSync(file, 'utf8') : '')).trim();
}

async function main(argv) {
  const dir = stateDir();
  const m = mode(dir);
  appendFileSync(
    join(dir, 'calls.log'),
    `${JSON.stringify({
      time: new Date().toISOString(),
      argv: redacted(argv),
      cwd: process.cwd(),
      mode: m || undefined,
      api_key_env: !!process.env.TILEBOX_API_KEY,
      api_key_flag: argv.some((a) => a === '--api-key' || a.startsWith('--api-key=')),
    })}\n`,
  );
  const { g, rest } = splitGlobals(argv);
  if (g.help || (rest.length === 0 && !g.version)) return process.stdout.write(HELP);
  if (m === 'slow') await sleep(Number(process.env.TILEBOX_STANDIN_SLOW_MS ?? 3000));
  if (m === 'hold') while (mode(dir) === 'hold') await sleep(50);
  if (m === 'hang') await new Promise(() => setInterval(() => undefined, 1 << 30));
  if (m === 'fail') fail('internal server error');
  if (m === 'garbage') return process.stdout.write('<html>502 Bad Gateway</html>\nnot json at all\n');
  if (g.version) return process.stdout.write(`tilebox version ${VERSION}\n`);
  const [family, ...args] = rest;
  const ctx = { json: args.includes('--json'), apiUrl: g.apiUrl, mode: m };
  if (family === 'parallel') return parallelCommand(ctx, args);
  if (!g.apiKey && !process.env.TILEBOX_API_KEY) fail('no API key: set TILEBOX_API_KEY or pass --api-key');
  if (m === 'unauthenticated') fail('unauthenticated: the API key was rejected (401)');
  switch (family) {
    case 'account':
      if (args[0] !== 'get') fail(`unknown command "account ${args[0] ?? ''}"`, 2);
      return process.stdout.write(
        `${JSON.stringify({
          user_name: 'Stand-in User',
          email: 'standin@example.com',
          organization_name: 'Stand-in Org',
          organization_slug: 'standin-org',
          active_authentication_method: { type: 'api_key', api_key: { description: 'stand-in key', public_identifier: 'tbx-standin' } },
        })}\n`,
      );
    case 'workflow':
      return workflowCommand(ctx, args);
    case 'cluster':
      return clusterCommand(ctx, args);
    case 'job':
      return jobCommand(ctx, args);
    case 'runner':
      return runnerCommand(ctx, args);
    default:
      return fail(`unknown command "${family}" for "tilebox"`, 2);
  }
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof CliError)) throw e;
  process.stderr.write(`Error: ${e.message}\n`);
  process.exitCode = e.code;
}
