// One integrated terminal per cluster running `tilebox runner start`. The command is an
// argument array (shellPath/shellArgs, run without a shell by ProcessPty) and the
// API key travels only in the process's environment.

export interface RunnerTerminalOptions {
  name: string;
  shellPath: string;
  shellArgs: string[];
  env: Record<string, string>;
  cwd?: string;
  /** What runs, for the line written when it ends ("The runner"). */
  what?: string;
  /** A program it starts by name, named in the exit line when it fails without it (the release runner: uv). */
  requires?: { program: string; advice: string };
  /**
   * Always set by `open`: VS Code's persistent sessions would otherwise save the terminal's launch config, env
   * (the API key) included, in workspace storage and revive the runner by itself after a restart.
   */
  isTransient?: boolean;
}

export interface TerminalLike {
  show(preserveFocus?: boolean): void;
  /** Set once the terminal's process has ended (vscode.Terminal.exitStatus); the terminal may stay open. */
  readonly exitStatus?: unknown;
  dispose?(): void;
}

/** The piece of `vscode.window` this module needs; tests pass a fake. */
export interface TerminalHost<T extends TerminalLike> {
  createTerminal(options: RunnerTerminalOptions): T;
  onDidCloseTerminal(listener: (terminal: T) => void): { dispose(): void };
  /** The terminal's process ended (its terminal stays open with the log). */
  onDidEndProcess?(listener: (terminal: T) => void): { dispose(): void };
}

/** Clusters with a runner started from this editor (services.localRunners). */
export interface LocalRunnerSet {
  add(slug: string): unknown;
  delete(slug: string): unknown;
}

export const runnerTerminalName = (cluster: string) => `Tilebox runner: ${cluster}`;

export class RunnerTerminals<T extends TerminalLike> {
  private readonly byKey = new Map<string, T>();
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly host: TerminalHost<T>,
    private readonly localRunners: LocalRunnerSet,
    /** The set of running runners changed (the Clusters view shows them). */
    private readonly onChange: () => void = () => {},
  ) {
    const forget = (gone: T, closed: boolean) => {
      for (const [key, terminal] of this.byKey) {
        if (terminal !== gone) continue;
        // An ended runner's terminal stays (its log): it is no runner any more, but still the one to replace.
        if (closed) this.byKey.delete(key);
        if (this.localRunners.delete(key) !== false) this.onChange();
      }
    };
    this.subscriptions = [
      host.onDidCloseTerminal((closed) => forget(closed, true)),
      ...(host.onDidEndProcess ? [host.onDidEndProcess((ended) => forget(ended, false))] : []),
    ];
  }

  /**
   * Opens the terminal for `key` (a cluster slug, or `direct:<n>`) or reveals the one already
   * running. Returns whether a new terminal was created.
   */
  open(key: string, options: RunnerTerminalOptions, trackAsRunner = true): { terminal: T; created: boolean } {
    this.forgetEnded(key);
    const existing = this.byKey.get(key);
    if (existing) {
      existing.show(false);
      return { terminal: existing, created: false };
    }
    const terminal = this.host.createTerminal({ ...options, isTransient: true });
    this.byKey.set(key, terminal);
    if (trackAsRunner) {
      this.localRunners.add(key);
      this.onChange();
    }
    terminal.show(false);
    return { terminal, created: true };
  }

  /** A terminal for `key` whose process still runs (a runner that stopped when idle does not count). */
  has(key: string): boolean {
    this.forgetEnded(key);
    return this.byKey.has(key);
  }

  /** A runner that exited (--stop-when-idling, Ctrl+C, a crash) leaves a dead terminal: replace it, do not reveal it. */
  private forgetEnded(key: string): void {
    const terminal = this.byKey.get(key);
    if (!terminal || terminal.exitStatus === undefined) return;
    this.byKey.delete(key);
    this.localRunners.delete(key);
    terminal.dispose?.();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
