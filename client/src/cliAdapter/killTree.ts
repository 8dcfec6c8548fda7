// Ends a process and its children: SIGTERM to the process group (the child was started detached, so it leads
// its own group), then SIGKILL after a grace period. On Windows `taskkill /T /F` ends the tree.
import { spawn } from 'node:child_process';

export function killTree(pid: number | undefined, graceMs: number): void {
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true, stdio: 'ignore' }).on('error', () => undefined);
    return;
  }
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  timer.unref();
}
