// What the e2e sessions and `npm start` both set up before code-server starts: a committed copy of the example
// project (as a user's project is: no "untracked" badges in the views and screenshots) and a free loopback port.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { exampleProject } from './harness-paths.mjs';

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
