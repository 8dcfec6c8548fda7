// A terminal whose process the extension runs (a vscode Pseudoterminal by shape, no `vscode` import): the output
// stays on screen after the process ends, followed by one line saying how it ended; Ctrl+C interrupts it as a
// shell would (the runner stops gracefully on the first, fast on the second); a start that fails says why.
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { killTree } from '../cliAdapter/killTree';
import { isOnPath } from '../cliAdapter/locate';

export interface ProcessSpec {
  file: string;
  args: string[];
  /** Added to the editor's environment (the API key travels only here). */
  env: Record<string, string>;
  cwd?: string;
  /** What runs, for the exit line: "The runner", "The installer". */
  what: string;
  /**
   * A program it starts by name (the release runner: `uv`). When it fails and that program is not on its PATH, the
   * exit line says so, whatever the exit code (the CLI's codes are undocumented), with `advice`.
   */
  requires?: { program: string; advice: string };
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  interrupted: boolean;
  spawnError?: NodeJS.ErrnoException;
}

/** How the process ended, in one line; `error` when it did not end as asked. */
export function exitLine(
  e: ExitInfo,
  spec: Pick<ProcessSpec, 'what' | 'file' | 'requires'>,
  /** Whether `spec.requires.program` is on the process's PATH (asked only when it failed). */
  found: (program: string) => boolean = () => true,
): { text: string; error: boolean } {
  const { what } = spec;
  if (e.spawnError) {
    const why =
      e.spawnError.code === 'ENOENT'
        ? `${spec.file} was not found`
        : e.spawnError.code === 'EACCES'
          ? `${spec.file} is not executable`
          : e.spawnError.message;
    return { text: `${what} could not start: ${why}. Check the tilebox.cli.path setting.`, error: true };
  }
  const how = e.signal ? `signal ${e.signal}` : `exit ${e.code}`;
  // Ctrl+C (or closing the terminal) is how a runner is stopped: whatever it exits with then is not a failure.
  if (e.interrupted) return { text: `${what} stopped (${how}).`, error: false };
  if (e.code === 0) return { text: `${what} finished (exit 0).`, error: false };
  const needed = spec.requires;
  if (needed && !found(needed.program))
    return {
      text: `${what} ended with ${how}: ${needed.program} is not on the PATH VS Code was started with. ${needed.advice}`,
      error: true,
    };
  if (e.code === 127) {
    return {
      text: `${what} could not start a program it needs (exit 127: command not found). Check that the program it runs is installed and on the PATH VS Code was started with (the output above names it).`,
      error: true,
    };
  }
  return { text: `${what} ended with ${how}: the output above says why.`, error: true };
}

type Listener<T> = (value: T) => void;
/** A minimal vscode.Event: subscribe with a listener, get a disposable. */
function emitter<T>() {
  const listeners = new Set<Listener<T>>();
  const event = (l: Listener<T>) => {
    listeners.add(l);
    return { dispose: () => void listeners.delete(l) };
  };
  return {
    event,
    fire: (v: T) => {
      for (const l of [...listeners]) l(v);
    },
  };
}

const RED = '\x1b[31m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
/** Terminals need \r\n; a process writing \n alone would staircase. */
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

export class ProcessPty {
  private readonly writes = emitter<string>();
  readonly onDidWrite = this.writes.event;
  private readonly ends = emitter<ExitInfo>();
  /** The process ended (the terminal stays, with its log). */
  readonly onDidEnd = this.ends.event;
  private child?: ChildProcess;
  private interrupts = 0;
  /** Set once the process has ended (or failed to start): the terminal shows its log and the exit line. */
  ended?: ExitInfo;

  /** The process's environment: the editor's, plus the spec's; its PATH is where a required program is looked up. */
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly spec: ProcessSpec,
    private readonly spawn: typeof nodeSpawn = nodeSpawn,
  ) {
    this.env = { ...process.env, ...spec.env };
  }

  open(): void {
    const { file, args, cwd } = this.spec;
    // Its own process group, so Ctrl+C and closing reach the runner's workers too.
    const child = this.spawn(file, args, {
      env: this.env,
      cwd,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.setEncoding('utf8').on('data', (d: string) => this.writes.fire(crlf(d)));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => this.writes.fire(crlf(d)));
    child.on('error', (err: NodeJS.ErrnoException) => this.end({ code: null, signal: null, interrupted: false, spawnError: err }));
    child.on('close', (code, signal) => this.end({ code, signal, interrupted: this.interrupts > 0 }));
  }

  /** Ctrl+C: SIGINT to the group (the runner's graceful stop, then its fast exit); a third press kills it. */
  handleInput(data: string): void {
    if (!data.includes('\x03') || !this.child || this.ended) return;
    this.interrupts++;
    this.writes.fire('^C\r\n');
    const pid = this.child.pid;
    if (this.interrupts >= 3) killTree(pid, 0);
    if (this.interrupts >= 3 || pid === undefined) return;
    try {
      process.kill(process.platform === 'win32' ? pid : -pid, 'SIGINT');
    } catch {
      /* already gone */
    }
  }

  /** The terminal was closed: the process goes with it. */
  close(): void {
    if (this.child && !this.ended) {
      this.interrupts++;
      killTree(this.child.pid, 3000);
    }
  }

  private end(info: ExitInfo): void {
    if (this.ended) return;
    this.ended = info;
    const line = exitLine(info, this.spec, (program) => isOnPath(program, this.env.PATH, process.platform));
    this.writes.fire(`\r\n${line.error ? RED : DIM}${line.text}${RESET}\r\n`);
    this.ends.fire(info);
  }
}
