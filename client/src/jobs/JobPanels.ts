// One webview panel per job (Show Job, a Jobs-view row, a notification): a JobSession reads and follows the job,
// panelModel/renderPanel decide and draw, the webview script only reports clicks. Thin: no deciding here.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { Commands } from '../contributes';
import type { CliRunner } from '../services';
import { shortId } from '../cliAdapter/validate';
import type { JobCache } from './jobCache';
import { abortableSleep } from './jobWatcher';
import { JobSession } from './jobSession';
import { readMessage, type FromPanel, type ToPanel } from './panel/messages';
import { panelModel } from './panel/panelModel';
import { panelBody, panelPage } from './panel/renderPanel';
import { workspaceFileFor } from '../debug/tracebackLinks';

export const JOB_PANEL_VIEW_TYPE = 'tilebox.job';

interface Open {
  panel: vscode.WebviewPanel;
  session: JobSession;
  taskFilter?: string;
}

export interface JobPanelOptions {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  pageSize?: number;
  /** Clusters with a runner started here (the queued-job explanation, the Start Runner button). */
  localRunners: ReadonlySet<string>;
  /** The input a job was submitted with from this editor (`null`: none), if known. */
  inputOf?: (id: string) => string | null | undefined;
  /** Folders a traceback's file may be under (project folders, then workspace folders). */
  sourceRoots(): string[];
}

export class JobPanels implements vscode.Disposable {
  private readonly open = new Map<string, Open>();
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly cli: CliRunner,
    private readonly cache: JobCache,
    private readonly options: JobPanelOptions,
  ) {
    this.subscription = cache.onDidChange((job) => this.open.get(job.id)?.session.adopt(job));
  }

  /** Opens (or reveals) the job's panel; a panel that stopped reading reads the job again (a retry may run it). */
  show(id: string, opts: { logs?: boolean; taskId?: string } = {}): void {
    let o = this.open.get(id);
    if (o) {
      o.panel.reveal();
      void o.session.resume();
    } else {
      o = this.create(id);
    }
    if (opts.taskId) o.taskFilter = opts.taskId;
    this.render(id);
    if (opts.logs) this.post(o, { type: 'reveal', section: 'logs' });
  }

  /** Every panel again (a runner started or stopped here changes what Start Runner can do). */
  renderAll(): void {
    for (const id of this.open.keys()) this.render(id);
  }

  /** "Load More Logs" for the active job panel; false when no job panel is active. */
  async loadMore(): Promise<boolean> {
    const o = [...this.open.values()].find((x) => x.panel.active);
    if (!o) return false;
    await o.session.loadMore();
    return true;
  }

  private create(id: string): Open {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const codicons = vscode.Uri.joinPath(this.extensionUri, 'dist', 'codicons');
    const panel = vscode.window.createWebviewPanel(JOB_PANEL_VIEW_TYPE, `Job ${shortId(id)}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media, codicons],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'tilebox.svg');
    const session = new JobSession(
      id,
      this.cli,
      () => this.render(id),
      this.options.sleep ?? abortableSleep,
      this.options.pageSize,
      () => this.options.localRunners,
      this.cache,
    );
    const o: Open = { panel, session };
    this.open.set(id, o);
    const asset = (u: vscode.Uri) => panel.webview.asWebviewUri(u).toString();
    panel.webview.html = panelPage(`Job ${id}`, this.body(o), {
      nonce: nonce(),
      cspSource: panel.webview.cspSource,
      script: asset(vscode.Uri.joinPath(media, 'jobPanel.js')),
      style: asset(vscode.Uri.joinPath(media, 'jobPanel.css')),
      codicons: asset(vscode.Uri.joinPath(codicons, 'codicon.css')),
    });
    panel.webview.onDidReceiveMessage((m) => {
      const msg = readMessage(m);
      if (msg) void this.handle(id, msg);
    });
    panel.onDidDispose(() => {
      session.dispose();
      this.open.delete(id);
    });
    void session.start();
    return o;
  }

  private body(o: Open): string {
    return panelBody(
      panelModel(
        { ...o.session.view(), input: this.inputOf(o.session.jobId), taskFilter: o.taskFilter, localRunner: this.hasRunner(o) },
        Date.now(),
      ),
    );
  }

  /** What the panel shows as input: what Submit Job remembered; `null` (submitted without input) is "(none)". */
  private inputOf(id: string): string | undefined {
    const known = this.options.inputOf?.(id);
    return known === null ? '(none)' : known;
  }

  private hasRunner(o: Open): boolean {
    const cluster = o.session.job?.clusterSlug;
    return !!cluster && this.options.localRunners.has(cluster);
  }

  private render(id: string): void {
    const o = this.open.get(id);
    if (!o) return;
    const job = o.session.job;
    if (job) o.panel.title = `Job ${job.name || shortId(id)}`;
    this.post(o, { type: 'render', html: this.body(o) });
  }

  private post(o: Open, msg: ToPanel): void {
    void o.panel.webview.postMessage(msg);
  }

  private async handle(id: string, msg: FromPanel): Promise<void> {
    const o = this.open.get(id);
    if (!o) return;
    if (msg.type === 'ready') return this.render(id);
    if (msg.type === 'filter') {
      o.taskFilter = msg.task;
      return this.render(id);
    }
    if (msg.type === 'open') return this.openSource(msg.file, msg.line);
    switch (msg.action) {
      case 'retry':
        return void vscode.commands.executeCommand(Commands.retryJob, id);
      case 'cancel':
        return void vscode.commands.executeCommand(Commands.cancelJob, id);
      case 'copyId':
        return void vscode.commands.executeCommand(Commands.copyJobId, id);
      case 'startRunner':
        return void vscode.commands.executeCommand(Commands.startRunner, o.session.job?.clusterSlug);
      case 'loadMore':
        return void (await o.session.loadMore());
      case 'followLogs':
        this.post(o, { type: 'reveal', section: 'logs' });
        return void (await o.session.resume());
    }
  }

  private async openSource(file: string, line: number): Promise<void> {
    // The runner reports its release cache's copy: the same mapping as traceback links in terminals.
    const found = workspaceFileFor(file, this.options.sourceRoots(), existsSync);
    if (!found)
      return void vscode.window.showWarningMessage(
        `${file} is not in this workspace: open the project the job's release was published from.`,
      );
    const at = new vscode.Position(Math.max(0, line - 1), 0);
    await vscode.window.showTextDocument(vscode.Uri.file(found), { selection: new vscode.Range(at, at), preview: false });
  }

  dispose(): void {
    this.subscription.dispose();
    for (const o of this.open.values()) o.panel.dispose();
    this.open.clear();
  }
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}
