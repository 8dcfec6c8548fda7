// `tilebox-artifact:/<path in archive>?archive=<archive file>`: files of a release archive,
// served from memory and read-only (registered with isReadonly, every write refused).
import * as vscode from 'vscode';
import { ARCHIVE_SCHEME, archivePathOf, archiveUriParts } from '../model/archiveItems';
import type { IndexedNode } from '@shared';
import type { ArchiveStore } from './ArchiveStore';

export function archiveUri(archivePath: string, innerPath: string): vscode.Uri {
  return vscode.Uri.from(archiveUriParts(archivePath, innerPath));
}

export class ArchiveFileSystem implements vscode.FileSystemProvider {
  private readonly never = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.never.event;

  constructor(private readonly store: ArchiveStore) {}

  static register(store: ArchiveStore): vscode.Disposable {
    return vscode.workspace.registerFileSystemProvider(ARCHIVE_SCHEME, new ArchiveFileSystem(store), {
      isReadonly: true,
      isCaseSensitive: true,
    });
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const node = await this.node(uri);
    return { type: fileType(node), ctime: node.mtime, mtime: node.mtime, size: node.size, permissions: vscode.FilePermission.Readonly };
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const node = await this.node(uri);
    if (node.type !== 'directory') throw vscode.FileSystemError.FileNotADirectory(uri);
    const archive = await this.archive(uri);
    return archive.index.list(node.path).map((child) => [child.name, fileType(child)]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const node = await this.node(uri);
    if (node.type === 'directory') throw vscode.FileSystemError.FileIsADirectory(uri);
    return node.entry?.data ?? new Uint8Array();
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(uri: vscode.Uri): void {
    throw readOnly(uri);
  }
  writeFile(uri: vscode.Uri): void {
    throw readOnly(uri);
  }
  delete(uri: vscode.Uri): void {
    throw readOnly(uri);
  }
  rename(uri: vscode.Uri): void {
    throw readOnly(uri);
  }

  private async archive(uri: vscode.Uri) {
    const archivePath = archivePathOf(uri.query);
    if (!archivePath) throw vscode.FileSystemError.FileNotFound(uri);
    try {
      return await this.store.get(archivePath);
    } catch (error) {
      throw vscode.FileSystemError.Unavailable(`${archivePath}: ${(error as Error).message}`);
    }
  }

  private async node(uri: vscode.Uri): Promise<IndexedNode> {
    const node = (await this.archive(uri)).index.get(uri.path);
    if (!node) throw vscode.FileSystemError.FileNotFound(uri);
    return node;
  }
}

function fileType(node: IndexedNode): vscode.FileType {
  if (node.type === 'directory') return vscode.FileType.Directory;
  if (node.type === 'file') return vscode.FileType.File;
  // A link is shown but not followed: the release stores link targets' content, not links.
  return node.type === 'symlink' ? vscode.FileType.File | vscode.FileType.SymbolicLink : vscode.FileType.Unknown;
}

function readOnly(uri: vscode.Uri): vscode.FileSystemError {
  return vscode.FileSystemError.NoPermissions(`${uri.path} is inside a release archive, which is read-only`);
}
