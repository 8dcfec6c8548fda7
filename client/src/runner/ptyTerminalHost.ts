// The TerminalHost RunnerTerminals opens terminals through: each runs its process in a ProcessPty, so the output and
// an exit line stay after the process ends. Thin: the process handling is processPty.ts.
import * as vscode from 'vscode';
import { ProcessPty } from './processPty';
import type { RunnerTerminalOptions, TerminalHost, TerminalLike } from './terminals';

interface PtyTerminal extends TerminalLike {
  terminal: vscode.Terminal;
}

export function ptyTerminalHost(): TerminalHost<PtyTerminal> {
  const byTerminal = new WeakMap<vscode.Terminal, PtyTerminal>();
  const endListeners = new Set<(t: PtyTerminal) => void>();
  return {
    createTerminal(o: RunnerTerminalOptions): PtyTerminal {
      const pty = new ProcessPty({
        file: o.shellPath,
        args: o.shellArgs,
        env: o.env,
        cwd: o.cwd,
        what: o.what ?? 'The process',
        requires: o.requires,
      });
      // Transient: VS Code would otherwise save the terminal and revive it after a restart.
      const terminal = vscode.window.createTerminal({ name: o.name, pty, isTransient: o.isTransient });
      const t: PtyTerminal = {
        terminal,
        show: (preserveFocus) => terminal.show(preserveFocus),
        dispose: () => terminal.dispose(),
        get exitStatus() {
          return pty.ended;
        },
      };
      byTerminal.set(terminal, t);
      pty.onDidEnd(() => {
        for (const l of [...endListeners]) l(t);
      });
      return t;
    },
    onDidEndProcess: (listener) => {
      endListeners.add(listener);
      return { dispose: () => void endListeners.delete(listener) };
    },
    onDidCloseTerminal: (listener) =>
      vscode.window.onDidCloseTerminal((closed) => {
        const t = byTerminal.get(closed);
        if (t) listener(t);
      }),
  };
}
