// `npm start`: the one-command try-out. Builds, packages, installs the VSIX into the local code-server (set up by
// test/e2e/setup.sh), opens a temp copy of the example workflow project and prints the URL to open.
// The real `tilebox` CLI is used when it is on PATH and TILEBOX_API_KEY is set; otherwise the stand-in test double,
// with a seeded account so the sidebar has something to show. Which one is printed here, and TILEBOX_STANDIN=1 in the
// extension host's environment lets the extension say so in its status bar.
// It lives next to the e2e harness because it is the same machinery (code-server, VSIX, example project).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { cache, codeServer, root, standinBin, vsix } from './harness-paths.mjs';
import { codeServerArgs, copyExampleProject, freePort } from './exampleWorkspace.mjs';
import { seedAccount } from './seed.mjs';

const step = (what, cmd, args) => {
  console.log(`\n▶ ${what}`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
};

/** The first `tilebox` on PATH that is not the stand-in, if any. */
function realCli() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || dir.startsWith(standinBin)) continue;
    try {
      execFileSync(join(dir, 'tilebox'), ['--version'], { stdio: 'ignore', timeout: 10_000 });
      return join(dir, 'tilebox');
    } catch {
      /* not here */
    }
  }
  return undefined;
}

step('Building the extension', 'node', ['esbuild.config.mjs']);
step('Setting up the local VS Code (code-server) and packaging the VSIX', 'bash', ['test/e2e/setup.sh']);

const base = mkdtempSync(join(tmpdir(), 'tilebox-tryout-'));
const dirs = { workspace: join(base, 'example-project'), userData: join(base, 'user-data'), state: join(base, 'standin-state') };
copyExampleProject(dirs.workspace, 'tryout');
mkdirSync(join(dirs.userData, 'User'), { recursive: true });
writeFileSync(
  join(dirs.userData, 'User/settings.json'),
  JSON.stringify(
    {
      // No Welcome page of VS Code's own for a folder; the Tilebox walkthrough opens by itself, as on a first install.
      'workbench.startupEditor': 'welcomePageInEmptyWorkbench',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
    },
    null,
    2,
  ),
);
const extensionsDir = join(cache, 'tryout-extensions');
rmSync(extensionsDir, { recursive: true, force: true });
step('Installing the VSIX', 'node', [
  codeServer,
  '--extensions-dir',
  extensionsDir,
  '--user-data-dir',
  dirs.userData,
  '--install-extension',
  vsix,
  '--force',
]);

const env = { ...process.env };
const real = realCli();
if (real && process.env.TILEBOX_API_KEY) {
  console.log(`\n✔ Using the REAL tilebox CLI: ${real} (TILEBOX_API_KEY is set). Actions change your Tilebox account.`);
  delete env.TILEBOX_STANDIN;
} else {
  console.log(
    `\n✔ Using the STAND-IN tilebox CLI (a test double, no network): ${real ? 'TILEBOX_API_KEY is not set' : 'no tilebox on PATH'}.`,
  );
  console.log(`  Its state (JSON files, calls.log) is in ${dirs.state}`);
  // The server rebuilds the extension host's PATH from a login shell, so the stand-in goes into the ~/.profile of a
  // HOME of its own (which also keeps a real ~/.local/bin/tilebox out of the way).
  const home = join(base, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, '.profile'), `export PATH="${standinBin}:$PATH"\n`);
  Object.assign(env, {
    HOME: home,
    PATH: `${standinBin}${delimiter}${process.env.PATH}`,
    TILEBOX_STANDIN: '1',
    TILEBOX_STANDIN_STATE: dirs.state,
    TILEBOX_API_KEY: 'tbx-standin-tryout-key',
  });
  mkdirSync(dirs.state, { recursive: true });
  const seeded = seedAccount(env, dirs.workspace);
  console.log(`  Seeded: release ${seeded.release} deployed on dev, one completed and one failed job.`);
  console.log('  The status bar says "Tilebox: stand-in CLI" while it is in use.');
}

const port = await freePort(Number(process.env.PORT) || 8080);
const server = spawn('node', codeServerArgs({ port, userData: dirs.userData, extensionsDir, workspace: dirs.workspace }), {
  env,
  cwd: dirs.workspace,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`;
console.log(
  `\n▶ VS Code with Tilebox Workflows is starting. Open:\n\n    ${url}\n\n  (remote machine? forward the port: ssh -L ${port}:127.0.0.1:${port} <host>)  Ctrl+C stops it.`,
);

const stop = () => {
  server.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
server.on('exit', (code) => {
  rmSync(base, { recursive: true, force: true });
  process.exit(code ?? 0);
});
