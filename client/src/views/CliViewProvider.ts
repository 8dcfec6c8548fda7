// What the three CLI-backed views share: a load state (never loaded / loaded / failed), gating on the
// welcome-view conditions (the view is empty so the welcome shows), error rows instead of blank views, and
// one load at a time (the RefreshScheduler calls `load`). After a window reload a view shows its last
// loaded rows at once (kept in workspace state), under a "Refreshing…" row, until fresh data replaces them.
import type { Memento } from 'vscode';
import * as vscode from 'vscode';
import type { CliRunner, ProjectRegistry, ViewName } from '../services';
import type { CliFailure, CliResult } from '../cliAdapter/types';
import type { JobCache } from '../jobs/jobCache';
import { MessageNode } from './nodes/MessageNode';
import { NodeTreeProvider } from './nodes/NodeTreeProvider';
import type { TreeNode } from './nodes/TreeNode';

/** What the views need from the extension. */
export interface ViewEnv {
  cli: CliRunner;
  projects: ProjectRegistry;
  log: vscode.LogOutputChannel;
  /** False while a welcome view should show instead (untrusted, CLI missing, no API key). */
  ready(): boolean;
  /** A failed call: the extension updates the welcome context keys (CLI missing, key missing). */
  reportFailure(result: CliFailure, view: ViewName): void;
  /** Cluster slugs with a runner started from this editor. */
  localRunners: ReadonlySet<string>;
  /** The shared job cache: a job read elsewhere (a retry, a panel) replaces its row at once. */
  jobs?: Pick<JobCache, 'onDidChange'>;
  /** Asks the view's scheduler for a reload (shared with one already running). */
  requestLoad(view: ViewName): void;
  /** Looks again for the CLI and the key (after an install, a settings change…); re-renders when that changed. */
  recheck(): Promise<void>;
  /** Workspace state: each view's last loaded data, shown at once after a reload. */
  memento?: Pick<Memento, 'get' | 'update'>;
}

/** `remembered`: from the last session, shown until the first load of this one ends. */
type LoadState<D> = { kind: 'idle' } | { kind: 'loaded'; data: D; at: number; remembered?: true } | { kind: 'failed'; result: CliFailure };

/** Bumped when a view's data shape changes, so an old window's state is not rendered with new code. */
const MEMORY_VERSION = 1;
interface Memory {
  version: number;
  at: number;
  data: unknown;
}
const memoryKey = (view: ViewName) => `tilebox.views.last.${view}`;

export abstract class CliViewProvider<D> extends NodeTreeProvider {
  protected state: LoadState<D> = { kind: 'idle' };
  private recalled = false;

  constructor(
    protected readonly env: ViewEnv,
    readonly name: ViewName,
    private readonly what: string,
  ) {
    super();
  }

  /** Runs the CLI calls for the view's data. */
  protected abstract fetch(): Promise<CliResult<D>>;
  protected abstract roots(data: D, now: number): TreeNode[] | Promise<TreeNode[]>;
  /** Whether the data is still changing by itself (the scheduler polls faster). */
  protected isRunning(_data: D): boolean {
    return false;
  }
  /** The view's data read back from workspace state, or undefined when it does not have the expected shape. */
  protected recall(_saved: unknown): D | undefined {
    return undefined;
  }
  /** Extra gate for this view (the workflows view shows its welcome when there is no project). */
  protected shows(): boolean {
    return true;
  }

  async load(): Promise<{ running: boolean }> {
    if (!this.env.ready()) return { running: false };
    let result: CliResult<D>;
    try {
      result = await this.fetch();
    } catch (e) {
      // A builder rejected a value (e.g. a slug from a half-edited toml): show it, never throw into the scheduler.
      result = { kind: 'exited', exitCode: -1, stderr: `Error: ${(e as Error).message}` };
    }
    if (result.kind === 'ok') {
      this.state = { kind: 'loaded', data: result.value, at: Date.now() };
      const memory: Memory = { version: MEMORY_VERSION, at: this.state.at, data: result.value };
      void this.env.memento?.update(memoryKey(this.name), memory);
      for (const w of result.warnings) this.env.log.debug(`${this.what}: ${w}`);
    } else if (result.kind !== 'cancelled') {
      this.state = { kind: 'failed', result };
      this.env.log.warn(`${this.what} failed: ${result.kind}`);
      this.env.reportFailure(result, this.name);
    }
    this.rerender();
    return { running: this.state.kind === 'loaded' && this.isRunning(this.state.data) };
  }

  protected topLevel(): TreeNode[] | Promise<TreeNode[]> {
    if (!this.env.ready() || !this.shows()) return [];
    switch (this.state.kind) {
      case 'idle': {
        this.env.requestLoad(this.name);
        const remembered = this.remembered();
        if (!remembered) return [new MessageNode('loading', 'Loading…', this.name)];
        this.state = remembered;
        return this.topLevel();
      }
      case 'failed':
        return [MessageNode.failure(this.state.result, this.what, this.name)];
      case 'loaded': {
        const rows = this.roots(this.state.data, Date.now());
        if (!this.state.remembered) return rows;
        const note = new MessageNode(
          'loading',
          'Refreshing…',
          this.name,
          `Showing what this view listed at ${new Date(this.state.at).toLocaleString()}, until the CLI answers.`,
        );
        return Array.isArray(rows) ? [note, ...rows] : rows.then((r) => [note, ...r]);
      }
    }
  }

  /** The last session's data, once per session (a later idle state, after a filter change, loads afresh). */
  private remembered(): LoadState<D> | undefined {
    if (this.recalled) return undefined;
    this.recalled = true;
    const memory = this.env.memento?.get<Memory>(memoryKey(this.name));
    if (memory?.version !== MEMORY_VERSION || typeof memory.at !== 'number') return undefined;
    const data = this.recall(memory.data);
    return data === undefined ? undefined : { kind: 'loaded', data, at: memory.at, remembered: true };
  }
}
