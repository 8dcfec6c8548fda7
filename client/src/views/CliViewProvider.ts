// What the three CLI-backed views share: a load state (never loaded / loaded / failed), gating on the
// welcome-view conditions (the view is empty so the welcome shows), error rows instead of blank views, and
// one load at a time (the RefreshScheduler calls `load`).
import * as vscode from 'vscode';
import type { CliRunner, ProjectRegistry, ViewName } from '../services';
import type { CliFailure, CliResult } from '../cliAdapter/types';
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
  /** Asks the view's scheduler for a reload (shared with one already running). */
  requestLoad(view: ViewName): void;
  /** Looks again for the CLI and the key (after an install, a settings change…); re-renders when that changed. */
  recheck(): Promise<void>;
}

type LoadState<D> = { kind: 'idle' } | { kind: 'loaded'; data: D; at: number } | { kind: 'failed'; result: CliFailure };

export abstract class CliViewProvider<D> extends NodeTreeProvider {
  protected state: LoadState<D> = { kind: 'idle' };

  constructor(protected readonly env: ViewEnv, readonly name: ViewName, private readonly what: string) {
    super();
  }

  /** Runs the CLI calls for the view's data. */
  protected abstract fetch(): Promise<CliResult<D>>;
  protected abstract roots(data: D, now: number): TreeNode[] | Promise<TreeNode[]>;
  /** Whether the data is still changing by itself (the scheduler polls faster). */
  protected isRunning(_data: D): boolean {
    return false;
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
      case 'idle':
        this.env.requestLoad(this.name);
        return [new MessageNode('loading', 'Loading…', this.name)];
      case 'failed':
        return [MessageNode.failure(this.state.result, this.what, this.name)];
      case 'loaded':
        return this.roots(this.state.data, Date.now());
    }
  }
}
