// Release archives opened for browsing, read into memory once and shared by the read-only
// file system and the Release Archive view. An editor restored after a reload asks for an
// archive that is not open yet: it is loaded on demand from the path in its URI. A shown
// archive that is rebuilt or deleted on disk (the CLI rewrites its local artifact on every
// build) is read again, so the view never shows a stale release.
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { ArchiveIndex } from '@shared';
import { readArchiveFile } from '@shared';

export interface LoadedArchive {
  path: string;
  index: ArchiveIndex;
  compressedBytes: number;
  tarBytes: number;
}

export class ArchiveStore implements vscode.Disposable {
  private readonly loads = new Map<string, Promise<LoadedArchive>>();
  /** Archives shown in the view, in the order they were opened. */
  private readonly shown: string[] = [];
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** Loads (again, if it changed on disk since) and shows an archive; rejects with a readable message. */
  async open(path: string): Promise<LoadedArchive> {
    this.loads.delete(path);
    const archive = await this.get(path);
    if (!this.shown.includes(path)) {
      this.shown.push(path);
      this.watch(path);
    }
    this.changed.fire();
    return archive;
  }

  get(path: string): Promise<LoadedArchive> {
    let load = this.loads.get(path);
    if (!load) {
      load = readArchiveFile(path).then(({ entries, compressedBytes, tarBytes }) => ({
        path,
        index: new ArchiveIndex(entries),
        compressedBytes,
        tarBytes,
      }));
      // A failed load is not cached: the next attempt reads the file again.
      load.catch(() => this.loads.delete(path));
      this.loads.set(path, load);
    }
    return load;
  }

  close(path: string): void {
    const at = this.shown.indexOf(path);
    if (at >= 0) this.shown.splice(at, 1);
    this.loads.delete(path);
    this.watchers.get(path)?.dispose();
    this.watchers.delete(path);
    this.changed.fire();
  }

  get shownArchives(): readonly string[] {
    return this.shown;
  }

  private watch(path: string): void {
    const pattern = new vscode.RelativePattern(vscode.Uri.file(nodePath.dirname(path)), nodePath.basename(path));
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const reload = () => {
      this.loads.delete(path);
      this.changed.fire();
    };
    const subscriptions = [watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload)];
    this.watchers.set(path, { dispose: () => [...subscriptions, watcher].forEach((d) => d.dispose()) });
  }

  dispose(): void {
    this.watchers.forEach((w) => w.dispose());
    this.changed.dispose();
  }
}
