// The artifact previews the client knows, one per tilebox.workflow.toml, fetched from the
// language server; which config the Artifact view follows; and which files each release
// ships (for the explorer badge). Fetches are debounced per config and stale answers dropped.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PreviewState, ServerStatus } from './model/viewStatus';
import { owningConfig } from './model/owningConfig';
import { ReleaseMembership } from './model/releaseMembership';
import type { PreviewSource } from './previewSource';
import { CONFIG_FILE_NAME, type ArtifactPreview, type DiscoveredTask } from '@shared';

const LAST_CONFIG_KEY = 'tilebox.artifact.lastConfig';
/** The followed config's last good preview, `{ key, preview }`: what the view shows at once after a reload. */
const LAST_PREVIEW_KEY = 'tilebox.artifact.lastPreview';
const MAX_CONFIGS = 50;

export class ArtifactPreviews implements vscode.Disposable {
  readonly membership = new ReleaseMembership();
  private readonly states = new Map<string, PreviewState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly sequence = new Map<string, number>();
  private readonly rewalk = new Set<string>();
  private readonly changed = new vscode.EventEmitter<string>();
  private readonly membershipChanged = new vscode.EventEmitter<string[]>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Key of the config the Artifact view shows. */
  private currentKey: string | undefined;

  /** Fires with the config key whose state changed (or '' when the followed config or the server changed). */
  readonly onDidChange = this.changed.event;
  /** Fires with absolute paths whose release membership changed. */
  readonly onDidChangeMembership = this.membershipChanged.event;

  constructor(
    private readonly source: PreviewSource,
    private readonly memento: vscode.Memento,
  ) {
    this.currentKey = memento.get<string>(LAST_CONFIG_KEY);
    const remembered = memento.get<{ key?: unknown; preview?: ArtifactPreview }>(LAST_PREVIEW_KEY);
    if (this.currentKey && remembered?.key === this.currentKey && Array.isArray(remembered.preview?.files)) {
      this.states.set(this.currentKey, { kind: 'loading', last: remembered.preview });
    }
    this.disposables.push(
      source.onDidChangeArtifact((uri) => void this.changedOnServer(uri)),
      source.onDidChangeStatus((status) => this.serverChanged(status)),
      // No fetch on typing: the server sends artifactChanged once its own debounce has run the check (a fetch while
      // its timer is pending would force a check mid-word).
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => {
        this.schedule(keyOf(uri), 300);
        if (!this.currentKey) this.follow(keyOf(uri)); // the first config of the workspace
      }),
      watcher.onDidDelete((uri) => this.forget(keyOf(uri))),
    );
  }

  /** Finds the workspace's configs and loads them all (for the badge), following a sensible one. */
  async start(): Promise<void> {
    const found = await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/{node_modules,.venv,.git}/**', MAX_CONFIGS);
    const keys = found.map(keyOf).sort();
    for (const key of keys) if (!this.states.has(key)) this.states.set(key, { kind: 'loading' });
    const active = vscode.window.activeTextEditor;
    if (active && isConfig(active.document.uri)) this.follow(keyOf(active.document.uri));
    else if (!this.currentKey || !keys.includes(this.currentKey)) this.follow(keys.length > 0 ? keys[keys.length - 1] : undefined);
    this.changed.fire('');
    // All at once: the server checks them in parallel, and the followed one is not queued behind the rest.
    await Promise.all(keys.map((key) => this.load(key)));
  }

  get server(): ServerStatus {
    return this.source.status;
  }

  get current(): string | undefined {
    return this.currentKey;
  }

  get configs(): string[] {
    return [...this.states.keys()].sort();
  }

  state(key: string): PreviewState | undefined {
    return this.states.get(key);
  }

  /** The tasks of a config's last good preview (a config mid-edit keeps its last ones); no fetch. Unknown while still looked for. */
  tasksOf(configPath: string): readonly DiscoveredTask[] | undefined {
    const preview = this.lastGood(configPath);
    return preview?.tasksPending ? undefined : preview?.tasks;
  }

  sizeOf(configPath: string): { files: number; bytes: number } | undefined {
    const preview = this.lastGood(configPath);
    return preview && { files: preview.files.length, bytes: preview.totalBytes };
  }

  /** A preview with an error is never `ready` nor kept as `last` (see load), so this one has none. */
  private lastGood(configPath: string): ArtifactPreview | undefined {
    const s = this.states.get(keyOf(vscode.Uri.file(configPath)));
    return s?.kind === 'ready' ? s.preview : s?.last;
  }

  /** Show this config in the Artifact view (and remember it for the next session). */
  follow(key: string | undefined): void {
    if (key === this.currentKey) return;
    this.currentKey = key;
    void this.memento.update(LAST_CONFIG_KEY, key);
    const state = key ? this.states.get(key) : undefined;
    if (state?.kind === 'ready') void this.memento.update(LAST_PREVIEW_KEY, { key, preview: state.preview });
    if (key && !this.states.has(key)) this.schedule(key, 0);
    this.changed.fire('');
  }

  /** The refresh command: fetch now, the server walking the disk again (file events may have been missed). */
  refresh(key: string): void {
    this.rewalk.add(key);
    this.schedule(key, 0);
  }

  /** Fetch again now or after `delayMs` of quiet. */
  schedule(key: string, delayMs: number): void {
    clearTimeout(this.timers.get(key));
    if (!this.states.has(key)) this.states.set(key, { kind: 'loading' });
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.load(key);
      }, delayMs),
    );
  }

  async load(key: string): Promise<void> {
    const seq = (this.sequence.get(key) ?? 0) + 1;
    this.sequence.set(key, seq);
    let next: PreviewState;
    try {
      const preview = await this.source.request(key, this.rewalk.delete(key));
      next = preview.error ? { kind: 'failed', message: preview.error } : { kind: 'ready', preview };
    } catch (error) {
      next = { kind: 'failed', message: `The language server did not answer: ${(error as Error).message}` };
    }
    if (this.sequence.get(key) !== seq || !this.states.has(key)) return; // a newer request or a deleted config
    // A config mid-edit is often briefly invalid: keep showing (greyed) the last good preview and its badges.
    const before = this.states.get(key);
    const last = before?.kind === 'ready' ? before.preview : before?.last;
    if (next.kind === 'failed' && last) next = { ...next, last };
    this.states.set(key, next);
    if (next.kind === 'ready') {
      if (key === this.currentKey) void this.memento.update(LAST_PREVIEW_KEY, { key, preview: next.preview });
      const changedPaths = this.membership.set(
        key,
        next.preview.slug ?? '',
        next.preview.root,
        next.preview.files.map((f) => f.path),
      );
      if (changedPaths.length) this.membershipChanged.fire(changedPaths);
    }
    this.changed.fire(key);
  }

  /** Back up: ask again where asking failed (a restarted server re-checks, and notifies, the rest itself). */
  private serverChanged(status: ServerStatus): void {
    if (status.kind === 'running') for (const [key, s] of this.states) if (s.kind === 'failed') this.schedule(key, 0);
    this.changed.fire('');
  }

  /** The server re-checked a config; a deleted one is forgotten rather than fetched again. */
  private async changedOnServer(uri: string): Promise<void> {
    const key = keyOf(uri);
    const exists = await vscode.workspace.fs.stat(vscode.Uri.parse(key)).then(
      () => true,
      () => false,
    );
    // Immediately: the server has already debounced (150 ms typing, 300 ms file events) and the answer is ready.
    if (exists) this.schedule(key, 0);
    else if (this.states.has(key)) this.forget(key);
  }

  private forget(key: string): void {
    clearTimeout(this.timers.get(key));
    this.states.delete(key);
    this.source.forget?.(key);
    const paths = this.membership.remove(key);
    if (paths.length) this.membershipChanged.fire(paths);
    if (this.currentKey === key) this.follow(this.configs[this.configs.length - 1]);
    this.changed.fire(key);
  }

  /** A config editor is followed; so is any file inside one config's root when there are several. */
  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.uri.scheme !== 'file') return;
    const uri = editor.document.uri;
    if (isConfig(uri)) {
      this.follow(keyOf(uri));
      return;
    }
    const roots = [...this.states].flatMap(([key, s]) => (s.kind === 'ready' ? [[key, s.preview.root] as const] : []));
    const owner = owningConfig(uri.fsPath, roots);
    if (owner) this.follow(owner);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
    this.membershipChanged.dispose();
  }
}

export function keyOf(uri: vscode.Uri | string): string {
  return (typeof uri === 'string' ? vscode.Uri.parse(uri) : uri).toString();
}

export function isConfig(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && path.basename(uri.fsPath) === CONFIG_FILE_NAME;
}
