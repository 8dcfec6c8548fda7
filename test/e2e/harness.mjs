// Real VS Code for the e2e scenarios: code-server 4.100.3 on a free loopback port, the packaged VSIX installed,
// a temp copy of the example workflow project as the workspace, Debian's chromium driven by playwright-core.
// Every session gets its own HOME, user-data folder, workspace and stand-in state, and is torn down completely
// (process group + any process carrying its session id), even when the test fails.
import { spawn, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { after } from 'node:test';
import { Workbench } from './workbench.mjs';
import { fixtureVsix } from './fixtureVsix.mjs';
import { runStandin } from './seed.mjs';
import { cache, codeServer, root, standinBin, vsix } from './harness-paths.mjs';
import { codeServerArgs, copyExampleProject, freePort } from './exampleWorkspace.mjs';

export { root, standinBin, vsix };

const { chromium } = createRequire(join(cache, 'package.json'))('playwright-core');

/**
 * One chromium per test process with one profile, and one code-server origin (a port kept for the process): loading
 * the workbench is mostly compiling its 11 MB of JavaScript, which chromium's code cache then skips for every later
 * session. Each session gets a new page, and everything a page can store for the origin (IndexedDB, where VS Code
 * for the web keeps its own and every extension's state, local storage, service workers, cookies) is cleared when the
 * session closes, so sessions share compiled code and nothing a test can see.
 */
let browser;
let profile;
let processPort;
function sharedBrowser() {
  profile ??= mkdtempSync(join(tmpdir(), 'tilebox-e2e-chromium-'));
  browser ??= chromium
    .launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      timeout: 30_000,
      viewport: { width: 1400, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    .then((context) => {
      context.on('close', () => {
        browser = undefined;
      });
      return context;
    });
  return browser;
}
after(async () => {
  await (await browser?.catch(() => undefined))?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The port this process's sessions serve code-server on (see sharedBrowser); another when it was taken meanwhile. */
async function sessionPort() {
  processPort = await freePort(processPort);
  return processPort;
}

const storageTypes = 'cookies,indexeddb,local_storage,service_workers,cache_storage,file_systems,websql,storage_buckets';
async function forgetOrigin(page, port) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: `http://127.0.0.1:${port}`, storageTypes });
  await cdp.detach();
}

/** Polls check() until it returns a truthy value or `ms` pass (then throws `what`). */
export async function waitUntil(what, check, ms = 20_000, every = 200) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/**
 * The VSIX, and the VSIXes of any `extras` (extension folders, see fixtureVsix.mjs), installed once per VSIX build
 * into a cached extensions folder; sessions copy it (fast, no races).
 */
function installedExtensions(extras = []) {
  if (!existsSync(codeServer)) throw new Error('code-server is not installed: run `bash test/e2e/setup.sh`');
  if (!existsSync(vsix)) throw new Error('dist/tilebox-workflows.vsix is missing: run `bash test/e2e/setup.sh`');
  const others = extras.map(fixtureVsix);
  // The extras' VSIX names carry their content hash, so the folder name says exactly what is installed in it.
  const extraKey = others.length ? `-${createHash('sha256').update(others.join('\0')).digest('hex').slice(0, 12)}` : '';
  const dir = join(cache, `extensions-${Math.floor(statSync(vsix).mtimeMs)}${extraKey}`);
  if (existsSync(dir)) return dir;
  for (const old of readdirSync(cache).filter((n) => /^extensions-(\d+(-[0-9a-f]+)?|installing-.*)$/.test(n))) {
    // from older VSIX builds; another test process may have renamed or removed it since the listing
    const path = join(cache, old);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
  const tmp = mkdtempSync(join(cache, 'extensions-installing-'));
  const installs = [vsix, ...others].flatMap((v) => ['--install-extension', v]);
  execFileSync('node', [codeServer, '--extensions-dir', tmp, '--user-data-dir', join(tmp, '.ud'), ...installs, '--force'], {
    stdio: 'pipe',
    timeout: 60_000,
    env: { ...process.env, HOME: tmp },
  });
  rmSync(join(tmp, '.ud'), { recursive: true, force: true });
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  } // another file won the race
  return dir;
}

const defaultSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.reduceMotion': 'on',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.startupPrompt': 'always',
  'window.dialogStyle': 'custom',
  'terminal.integrated.gpuAcceleration': 'off', // DOM renderer: the terminal's text is readable from the page
  'terminal.integrated.tabs.hideCondition': 'never',
  'terminal.integrated.enablePersistentSessions': false,
};

/**
 * At most TILEBOX_E2E_SESSIONS (default 1) VS Code sessions at a time on this machine, across processes: a
 * workbench and the unit tests share 2 cores, and too many at once make timing-sensitive waits flaky. Each slot is a
 * lock folder holding the owner's pid; a slot whose owner died is taken over. Returns the release function.
 */
async function lockSessions() {
  const slots = Math.max(1, Number(process.env.TILEBOX_E2E_SESSIONS) || 1);
  for (;;) {
    for (let i = 0; i < slots; i++) {
      const release = takeSlot(join(cache, i ? `session.lock.${i}` : 'session.lock'));
      if (release) return release;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

function takeSlot(lock) {
  const owner = join(lock, 'pid');
  try {
    mkdirSync(lock);
    writeFileSync(owner, String(process.pid));
    return () => rmSync(lock, { recursive: true, force: true });
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
  }
  try {
    process.kill(Number(readFileSync(owner, 'utf8')), 0);
  } catch (e) {
    // ESRCH: the owner is gone. No pid file yet: stale only if the folder is old (its owner died in between).
    const old = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 60_000;
    if (e.code === 'ESRCH' || (e.code === 'ENOENT' && old)) rmSync(lock, { recursive: true, force: true });
  }
  return undefined;
}

/**
 * Starts one isolated VS Code session.
 * @param {object} o
 * @param {string} o.name            test name (artifact folder)
 * @param {'yes'|'no'} [o.trust]     'no': answer the workspace-trust dialog so; 'yes': start trusted (no dialog)
 * @param {boolean} [o.cliOnPath]    put the stand-in `tilebox` on PATH (default true)
 * @param {string|null} [o.apiKey]   TILEBOX_API_KEY for the extension host (null: none)
 * @param {object} [o.settings]      extra user settings
 * @param {(ws: string, env: object) => void} [o.prepare]  runs before VS Code starts (edit the workspace, seed state)
 * @param {string[]} [o.extraExtensions]  folders (from the repository root) of other extensions to install next to ours,
 *                                   packaged at test time (fixtureVsix.mjs)
 * @param {boolean} [o.waitReady]    wait for the extension's commands after trusting (default true; false when nothing
 *                                   activates it at startup)
 */
export async function startSession(o) {
  phase(o.name, 'waiting for a session slot');
  const unlock = await lockSessions();
  phase(o.name, 'slot taken');
  try {
    return await startLockedSession(o, unlock);
  } catch (e) {
    unlock();
    throw e;
  }
}

async function startLockedSession(o, unlock) {
  const id = `tilebox-e2e-${process.pid}-${Date.now().toString(36)}`;
  const base = mkdtempSync(join(tmpdir(), 'tilebox-e2e-'));
  const dirs = {
    home: join(base, 'home'),
    userData: join(base, 'user-data'),
    state: join(base, 'standin-state'),
    workspace: join(base, 'example-project'),
  };
  for (const d of [dirs.home, dirs.state, join(dirs.userData, 'User')]) mkdirSync(d, { recursive: true });
  copyExampleProject(dirs.workspace, 'e2e');
  // A trusted session starts trusted: answering the startup dialog took 3-4 s of every scenario (twice that under
  // load). The dialog itself is exercised by the one scenario that answers it (restricted-mode: "No").
  const trust = o.trust === 'yes' ? { 'security.workspace.trust.enabled': false } : {};
  writeFileSync(join(dirs.userData, 'User/settings.json'), JSON.stringify({ ...defaultSettings, ...trust, ...o.settings }, null, 2));
  const extensionsDir = join(base, 'extensions');
  cpSync(installedExtensions(o.extraExtensions), extensionsDir, { recursive: true });

  const systemPath = (process.env.PATH ?? '')
    .split(':')
    .filter((p) => p && !p.startsWith(standinBin))
    .join(':');
  const env = {
    ...process.env,
    HOME: dirs.home,
    PATH: o.cliOnPath === false ? systemPath : `${standinBin}:${systemPath}`,
    TILEBOX_STANDIN_STATE: dirs.state,
    TILEBOX_E2E_SESSION: id, // lets teardown find every process this session started, terminals included
  };
  // The server resolves the extension host's environment from a login shell (as VS Code does), which rebuilds PATH
  // from /etc/profile; so the stand-in goes on PATH the way a user's CLI install does it: in ~/.profile.
  if (o.cliOnPath !== false) writeFileSync(join(dirs.home, '.profile'), `export PATH="${standinBin}:$PATH"\n`);
  delete env.TILEBOX_API_KEY;
  if (o.apiKey !== null) env.TILEBOX_API_KEY = o.apiKey ?? 'tbx-e2e-test-key';
  phase(o.name, 'workspace and extensions copied');
  await o.prepare?.(dirs.workspace, env);
  phase(o.name, 'prepared');

  const port = await sessionPort();
  const server = spawn(
    'node',
    codeServerArgs({
      port,
      userData: dirs.userData,
      extensionsDir,
      workspace: dirs.workspace,
      extra: ['--disable-getting-started-override'],
    }),
    { env, cwd: dirs.workspace, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  server.stdout.on('data', (d) => {
    serverLog += d;
  });
  server.stderr.on('data', (d) => {
    serverLog += d;
  });

  const session = { id, dirs, env, port, server, serverLog: () => serverLog, page: undefined, wb: undefined };
  session.close = () => {
    phase(o.name, 'scenario done');
    return closeSession(session, base).finally(() => {
      unlock();
      phase(o.name, 'closed');
    });
  };
  try {
    await waitUntil(
      'code-server to listen',
      async () => {
        if (server.exitCode !== null) throw new Error(`code-server exited: ${serverLog}`);
        return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
      },
      30_000,
    );
    phase(o.name, 'code-server listening');
    session.page = await (await sharedBrowser()).newPage();
    session.page.setDefaultTimeout(15_000);
    session.wb = new Workbench(session.page, session);
    await session.page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`, { timeout: 30_000 });
    await session.page.waitForSelector('.monaco-workbench', { timeout: 30_000 });
    phase(o.name, 'workbench shown');
    if (o.trust === 'no') await session.wb.answerTrust(o.trust);
    phase(o.name, 'trust answered');
    // In a trusted workspace the commands register a moment after activation (they load lazily); a palette entry
    // run before that says "command not found". Scenarios start once the extension says it is ready.
    if (o.trust === 'yes' && o.waitReady !== false)
      await waitUntil('the Tilebox commands to be ready', async () => readyLine(session), 45_000);
    phase(o.name, 'extension ready');
  } catch (e) {
    session.startError = e;
  }
  return session;
}

/** Runs fn(session) and always tears down; on failure keeps a screenshot and the logs in test/e2e/artifacts/<name>/. */
export async function withSession(name, options, fn) {
  const session = await startSession({ name, ...options });
  try {
    if (session.startError) throw session.startError;
    await fn(session);
  } catch (e) {
    await saveArtifacts(name, session).catch((err) => console.error(`could not save artifacts: ${err.message}`));
    throw e;
  } finally {
    await session.close();
  }
}

/**
 * Runs several scenarios in one session, each as a subtest of `t`: a VS Code start costs ~15 s of the suite. The
 * steps run in order on the same workbench; a failed step fails the test and keeps the artifacts, and the steps after
 * it still run.
 */
export async function withSessionSteps(t, name, options, steps) {
  await withSession(name, options, async (session) => {
    let failure;
    for (const [title, step] of steps)
      await t.test(title, () =>
        step(session).catch((e) => {
          failure ??= e;
          throw e;
        }),
      );
    if (failure) throw failure;
  });
}

async function saveArtifacts(name, s) {
  const dir = join(root, 'test/e2e/artifacts', name.replace(/[^\w.-]+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (s.page) await s.page.screenshot({ path: join(dir, 'failure.png'), timeout: 10_000 }).catch(() => {});
  writeFileSync(join(dir, 'code-server.log'), s.serverLog());
  const logs = join(s.dirs.userData, 'logs');
  if (existsSync(logs)) cpSync(logs, join(dir, 'logs'), { recursive: true });
  if (existsSync(s.dirs.state)) cpSync(s.dirs.state, join(dir, 'standin-state'), { recursive: true });
  console.error(`e2e artifacts of "${name}": ${dir}`);
}

/** Pids of live processes whose environment carries this session's id (terminals escape the process group). */
function sessionPids(id) {
  const pids = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (readFileSync(`/proc/${p}/environ`, 'latin1').includes(`TILEBOX_E2E_SESSION=${id}`)) pids.push(Number(p));
    } catch {
      /* gone */
    }
  }
  return pids;
}

async function closeSession(s, base) {
  const timebox = (p, ms) => Promise.race([p, new Promise((r) => setTimeout(r, ms))]);
  if (s.page)
    await timebox(
      forgetOrigin(s.page, s.port)
        .catch(() => browser?.then((b) => b.close()).catch(() => {})) // cannot forget: start afresh
        .finally(() => s.page.close())
        .catch(() => {}),
      5_000,
    );
  try {
    process.kill(-s.server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  await waitUntil('code-server to exit', async () => s.server.exitCode !== null || s.server.signalCode !== null, 5_000).catch(() => {});
  for (const pid of [s.server.pid, ...sessionPids(s.id)]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  try {
    process.kill(-s.server.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
  rmSync(base, { recursive: true, force: true, maxRetries: 3 });
}

/** TILEBOX_E2E_TIMING=1: each session's phases on stderr, in seconds since the previous one (where the suite's time goes). */
const phaseTimes = new Map();
function phase(name, what) {
  if (!process.env.TILEBOX_E2E_TIMING) return;
  const now = performance.now();
  const last = phaseTimes.get(name) ?? now;
  phaseTimes.set(name, now);
  process.stderr.write(`[e2e timing] ${(now / 1000).toFixed(1)} s ${name}: ${what} +${((now - last) / 1000).toFixed(1)} s\n`);
}

/** Runs the stand-in CLI as a user would in a terminal (to seed its state), returning stdout. */
export function standin(session, args) {
  return runStandin(session.env, session.dirs.workspace, args);
}

/** The stand-in's call log (one line per CLI call), or '' when it recorded none. */
export function standinCalls(session) {
  const log = join(session.dirs.state, 'calls.log');
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}

/** Text of the extension's "Tilebox" output channel as VS Code logs it under the user-data folder. */
export function outputChannelLog(session, channel = 'Tilebox') {
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (new RegExp(`^(\\d+-)?${channel}\\.log$`).test(e.name)) found.push(p);
    }
  };
  const logs = join(session.dirs.userData, 'logs');
  if (existsSync(logs)) walk(logs);
  return found.map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** The line the extension logs once its trusted views and commands are registered (undefined until then). */
export function readyLine(session) {
  return /^.*\bCLI (?:not )?found; API key .*$/m.exec(outputChannelLog(session))?.[0];
}

/** The extension's own "activated in N ms" from its output channel (undefined until it has logged it). */
export function activationMs(session) {
  const m = /activated in (\d+(?:\.\d+)?)\s*ms/i.exec(outputChannelLog(session));
  return m ? Number(m[1]) : undefined;
}

/**
 * Milliseconds from the start of activate() until the trusted views and commands were registered, from the output
 * channel's own timestamps ("activated in N ms" is logged N ms after activate() began). Undefined until both are logged.
 */
export function readyMs(session) {
  const log = outputChannelLog(session);
  const stamp = (re) => {
    const m = new RegExp(`^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*${re.source}`, 'm').exec(log);
    return m ? Date.parse(m[1].replace(' ', 'T')) : undefined;
  };
  const activated = stamp(/activated in \d/);
  const ready = stamp(/\bCLI (?:not )?found; API key /);
  const ms = activationMs(session);
  return activated === undefined || ready === undefined || ms === undefined ? undefined : ready - (activated - ms);
}

/** Milliseconds from navigation to the workbench's own "didStartWorkbench" performance mark. */
export async function workbenchStartMs(page) {
  return page.evaluate(() => performance.getEntriesByName('code/didStartWorkbench')[0]?.startTime);
}
