// Read-only job documents (`tilebox-job:/<id>.md`): one JobSession per open document, re-rendered
// as logs arrive, stopped when the document closes.
import * as vscode from 'vscode';
import type { CliRunner } from '../services';
import { abortableSleep } from './jobWatcher';
import { JobSession } from './jobSession';

export const JOB_SCHEME = 'tilebox-job';

export const jobUri = (id: string) => vscode.Uri.from({ scheme: JOB_SCHEME, path: `/${id}.md` });
const idOf = (uri: vscode.Uri) => uri.path.replace(/^\//, '').replace(/\.md$/, '');

export class JobDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly sessions = new Map<string, JobSession>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly cli: CliRunner,
    private readonly options: {
      sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
      pageSize?: number;
      /** Clusters with a runner started here (the queued-job explanation). */
      localRunners?: () => Iterable<string>;
      /** The input a job was submitted with from this editor (`null`: none), if known. */
      inputOf?: (id: string) => string | null | undefined;
    } = {},
  ) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(JOB_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme !== JOB_SCHEME) return;
        this.sessions.get(idOf(doc.uri))?.dispose();
        this.sessions.delete(idOf(doc.uri));
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.session(idOf(uri)).text();
  }

  private session(id: string): JobSession {
    let s = this.sessions.get(id);
    if (!s) {
      const uri = jobUri(id);
      s = new JobSession(id, this.cli, () => this.changed.fire(uri), this.options.sleep ?? abortableSleep, this.options.pageSize, this.options.localRunners, this.options.inputOf);
      this.sessions.set(id, s);
      void s.start();
    }
    return s;
  }

  /**
   * Opens (or focuses) the job's document; with `logs`, scrolls to the Logs section. A document that stopped reading
   * (the job ended, or a read failed) reads the job again: after a retry it runs again, a failure may have passed.
   * The lines shown stay.
   */
  async show(id: string, logs = false): Promise<void> {
    void this.sessions.get(id)?.resume();
    const doc = await vscode.workspace.openTextDocument(jobUri(id));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    if (!logs) return;
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('## Logs'));
    if (line >= 0) {
      const pos = new vscode.Position(line, 0);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
    }
  }

  /** "Load more" for the job document in the active editor. */
  async loadMore(uri: vscode.Uri | undefined): Promise<boolean> {
    if (!uri || uri.scheme !== JOB_SCHEME) return false;
    await this.session(idOf(uri)).loadMore();
    return true;
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    this.changed.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
