// Debounced, per-config checking. Every change bumps the config's generation; a run only
// publishes when the generation it started from is still current, so a slow preview never
// overwrites newer results. At most one run per config is in flight, and few overall.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SeverityOverrides } from '../config/index';
import { checkConfig, type CheckResult } from './checkConfig';
import type { ConfigStore } from './configStore';
import type { PythonOverlay } from '../artifact/preview/index';

export interface ConfigState {
  readonly path: string;
  generation: number;
  timer?: ReturnType<typeof setTimeout>;
  running?: Promise<void>;
  again: boolean;
  result?: CheckResult & { generation: number };
  /** This run's files-first result (its preview lists the files, the tasks are still being looked for). */
  filesFirst?: CheckResult & { generation: number };
  /** Settles when the running check has a files-first result (or never, when it has none). */
  filesFirstKnown?: Promise<void>;
}

export interface SchedulerHooks {
  severity(uri: string): Promise<SeverityOverrides>;
  publish(uri: string, diagnostics: Diagnostic[], version?: number): void;
  /** A run finished and its result is current. */
  checked(state: ConfigState, result: CheckResult): void;
  /** A run knows the files and is still looking for the tasks; its files-first result is current. */
  filesKnown?(state: ConfigState, result: CheckResult): void;
  /** The config is gone (deleted and not open): drop everything derived from it. */
  forgotten(configPath: string, uri: string): void;
  log(message: string): void;
  /** Python files open in the editor (their unsaved text wins over the disk). */
  pythonOverlay?: PythonOverlay;
}

/** Previews walk the file tree: a monorepo opening 30 configs must not start 30 walks at once. */
const MAX_PARALLEL = 2;

export class ValidationScheduler {
  private readonly states = new Map<string, ConfigState>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly store: ConfigStore,
    private readonly hooks: SchedulerHooks,
    private readonly check: typeof checkConfig = checkConfig,
  ) {}

  configs(): ConfigState[] {
    return [...this.states.values()];
  }

  get(configPath: string): ConfigState | undefined {
    return this.states.get(configPath);
  }

  /** Something that affects this config changed: check it again after `delayMs` of quiet. */
  touch(configPath: string, delayMs: number): void {
    let state = this.states.get(configPath);
    if (!state) {
      state = { path: configPath, generation: 0, again: false };
      this.states.set(configPath, state);
    }
    state.generation += 1;
    if (state.timer) clearTimeout(state.timer);
    const target = state;
    state.timer = setTimeout(() => this.kick(target), delayMs);
  }

  /**
   * The current result, computing it now when something changed since the last run. `filesFirst`: a files-first
   * result will do (the preview request: the file list shows while the tasks are still being looked for).
   */
  async fresh(configPath: string, filesFirst = false): Promise<CheckResult | undefined> {
    if (!this.states.has(configPath)) this.touch(configPath, 0);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const state = this.states.get(configPath);
      if (!state) return undefined;
      if (state.result && state.result.generation === state.generation) return state.result;
      if (filesFirst && state.filesFirst?.generation === state.generation) return state.filesFirst;
      if (state.timer || !state.running) this.kick(state);
      await (filesFirst && state.filesFirstKnown ? Promise.race([state.running, state.filesFirstKnown]) : state.running);
    }
    return this.states.get(configPath)?.result;
  }

  /**
   * Settles when no check is due or running (new ones started meanwhile included). A check still waiting out its
   * debounce is run now rather than waited for: the caller (start-up) wants the open configs checked first.
   */
  async settled(): Promise<void> {
    for (let busy = this.busy(); busy.length > 0; busy = this.busy()) await Promise.all(busy);
  }

  private busy(): Promise<void>[] {
    return this.configs().flatMap((s) => (s.running ? [s.running] : s.timer ? [this.fresh(s.path).then(() => undefined)] : []));
  }

  dispose(): void {
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
    this.states.clear();
  }

  private kick(state: ConfigState): void {
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = undefined;
    }
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = this.runOnce(state)
      .catch((error: unknown) => this.hooks.log(`tilebox: checking ${state.path} failed: ${String(error)}`))
      .finally(() => {
        state.running = undefined;
        if (state.again && this.states.get(state.path) === state) {
          state.again = false;
          this.kick(state);
        }
      });
  }

  private async runOnce(state: ConfigState): Promise<void> {
    const generation = state.generation;
    const current = () => state.generation === generation && this.states.get(state.path) === state;
    let filesFirstKnown!: () => void;
    state.filesFirstKnown = new Promise((resolve) => {
      filesFirstKnown = resolve;
    });
    const uri = this.store.uriFor(state.path);
    const severity = await this.hooks.severity(uri);
    if (!current()) return;
    const version = this.store.document(state.path)?.version;
    const text = this.store.text(state.path);
    if (text === undefined) {
      this.forget(state.path);
      return;
    }
    await this.slot();
    try {
      if (!current()) return;
      const validated = (diagnostics: Diagnostic[]) => {
        if (current()) this.hooks.publish(uri, diagnostics, version);
      };
      const result = await this.check(state.path, text, severity, {
        stillWanted: current,
        validated,
        pythonOverlay: this.hooks.pythonOverlay,
        filesKnown: (early) => {
          if (!current()) return;
          state.filesFirst = { ...early, generation };
          this.hooks.filesKnown?.(state, early);
          filesFirstKnown();
        },
      });
      if (!result || !current()) return;
      state.result = { ...result, generation };
      if (result.failure) this.hooks.log(`tilebox: preview of ${state.path} failed: ${result.failure}`);
      this.hooks.publish(uri, result.diagnostics, version);
      this.hooks.checked(state, result);
    } finally {
      this.release();
    }
  }

  /** The config no longer exists: clear its problems and stop tracking it. */
  forget(configPath: string): void {
    const state = this.states.get(configPath);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    state.generation += 1;
    this.states.delete(configPath);
    const uri = this.store.uriFor(configPath);
    this.hooks.publish(uri, []);
    this.hooks.forgotten(configPath, uri);
  }

  private slot(): Promise<void> {
    if (this.active < MAX_PARALLEL) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.active += 1;
        resolve();
      }),
    );
  }

  private release(): void {
    this.active -= 1;
    this.waiting.shift()?.();
  }
}
