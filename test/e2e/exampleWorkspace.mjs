// What the e2e sessions and `npm start` both set up to start code-server: a committed copy of the example project
// (as a user's project is: no "untracked" badges in the views and screenshots), a free loopback port and the
// code-server command line.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { codeServer, exampleProject } from './harness-paths.mjs';

/** Copies the example project to `dir` and commits it as `who`. */
export function copyExampleProject(dir, who) {
  cpSync(exampleProject, dir, { recursive: true });
  const git = (...args) =>
    execFileSync('git', ['-c', `user.name=${who}`, '-c', `user.email=${who}@example.invalid`, ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--no-gpg-sign', '-m', 'example project');
}

/** A port nothing listens on: `wanted` when it is free, else one the system picks. */
export const freePort = (wanted = 0) =>
  new Promise((ok, fail) => {
    const srv = createServer()
      .once('error', (e) => (wanted ? freePort().then(ok, fail) : fail(e)))
      .listen(wanted, '127.0.0.1', () => {
        const { port } = srv.address();
        srv.close(() => ok(port));
      });
  });

/** `node` arguments that serve `workspace` on loopback `port` without sign-in, telemetry or update checks. */
export function codeServerArgs({ port, userData, extensionsDir, workspace, extra = [] }) {
  return [
    codeServer,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--ignore-last-opened',
    ...extra,
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensionsDir,
    workspace,
  ];
}
