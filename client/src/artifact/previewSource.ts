// Where previews come from: the language server, seen through a small interface so the
// Artifact view can be registered before the server is up, say when it failed or stopped, and
// be tested with a fake. Browsing release archives never needs the server.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { artifactChangedNotification, artifactPreviewRequest, type ArtifactPreview } from '@shared';
import { HeldPreviews } from './model/heldPreviews';
import type { ServerStatus } from './model/viewStatus';

export interface PreviewSource extends vscode.Disposable {
  readonly status: ServerStatus;
  readonly onDidChangeStatus: vscode.Event<ServerStatus>;
  /** Fires with a config's URI string when the server re-checked it (config edited or files changed). */
  readonly onDidChangeArtifact: vscode.Event<string>;
  /** `rewalk`: the server walks the disk again instead of trusting its index (the refresh command). */
  request(configUri: string, rewalk?: boolean): Promise<ArtifactPreview>;
  /** The config is gone: drop what is kept to apply the server's patches to. */
  forget?(configUri: string): void;
}

export class LanguageClientSource implements PreviewSource {
  private current: ServerStatus = { kind: 'starting' };
  private readonly statusChanged = new vscode.EventEmitter<ServerStatus>();
  private readonly artifactChanged = new vscode.EventEmitter<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly held = new HeldPreviews();
  readonly onDidChangeStatus = this.statusChanged.event;
  readonly onDidChangeArtifact = this.artifactChanged.event;

  constructor(private readonly client: Promise<LanguageClient>) {
    client.then(
      (c) => {
        this.disposables.push(
          c.onNotification(artifactChangedNotification, ({ uri }) => this.artifactChanged.fire(uri)),
          c.onDidChangeState(({ newState }) => this.set(statusOf(newState))),
        );
        this.set(c.isRunning() ? { kind: 'running' } : statusOf(c.state));
      },
      (error: unknown) => {
        this.set({ kind: 'stopped', message: `The language server did not start: ${(error as Error)?.message ?? error}` });
      },
    );
  }

  get status(): ServerStatus {
    return this.current;
  }

  async request(configUri: string, rewalk?: boolean): Promise<ArtifactPreview> {
    const client = await this.client;
    const have = this.held.have(configUri);
    const answer = await client.sendRequest(artifactPreviewRequest, {
      uri: configUri,
      ...(rewalk ? { rewalk } : {}),
      ...(have.length ? { have } : {}),
    });
    // A patch against a version no longer held (answers crossed): ask for the whole preview.
    return (
      this.held.take(configUri, answer) ??
      this.held.take(configUri, await client.sendRequest(artifactPreviewRequest, { uri: configUri })) ??
      failed('the language server answered with a patch to a preview it never sent')
    );
  }

  forget(configUri: string): void {
    this.held.forget(configUri);
  }

  private set(next: ServerStatus): void {
    if (next.kind === this.current.kind) return;
    this.current = next;
    this.statusChanged.fire(next);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.statusChanged.dispose();
    this.artifactChanged.dispose();
  }
}

function failed(why: string): never {
  throw new Error(why);
}

function statusOf(state: State): ServerStatus {
  if (state === State.Running) return { kind: 'running' };
  if (state === State.Starting) return { kind: 'starting' };
  return { kind: 'stopped', message: 'The language server stopped (it may have crashed; the Tilebox output says why).' };
}
