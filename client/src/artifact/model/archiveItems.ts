// Tree items of the Release Archive view and the read-only `tilebox-artifact:` URI layout.
// The archive's own path travels in the query, so an editor restored after a reload can
// still load its file. Pure.
import type { ArchiveIndex, IndexedNode } from '@shared';
import { formatBytes } from '@shared';
import type { ItemModel } from '../../views/model/item';
import { contentKind, contentNote } from './contentKind';

export const ARCHIVE_SCHEME = 'tilebox-artifact';

export interface ArchiveUriParts {
  scheme: string;
  path: string;
  query: string;
}

export function archiveUriParts(archivePath: string, innerPath: string): ArchiveUriParts {
  return { scheme: ARCHIVE_SCHEME, path: `/${innerPath.replace(/^\/+/, '')}`, query: `archive=${encodeURIComponent(archivePath)}` };
}

/** The archive file a `tilebox-artifact:` URI points into, from its query. */
export function archivePathOf(query: string): string | undefined {
  const value = new URLSearchParams(query).get('archive');
  return value ? value : undefined;
}

export interface ArchiveItem extends ItemModel {
  /** Path inside the archive ('' = its root). */
  innerPath: string;
  isFile: boolean;
}

export function archiveRootItem(archivePath: string, index: ArchiveIndex, compressedBytes: number, tarBytes: number): ArchiveItem {
  const name = archivePath.slice(Math.max(archivePath.lastIndexOf('/'), archivePath.lastIndexOf('\\')) + 1);
  return {
    id: `archive:${archivePath}`,
    label: name,
    description: `${index.fileCount} files · ${formatBytes(tarBytes)} (${formatBytes(compressedBytes)} compressed)`,
    tooltip: `\`${archivePath}\`\n\nRead-only: files open from memory, nothing is extracted to disk.`,
    icon: { id: 'file-zip' },
    contextValue: 'archiveRoot closable',
    collapsible: 'expanded',
    innerPath: '',
    isFile: false,
  };
}

export function archiveEntryItem(archivePath: string, node: IndexedNode): ArchiveItem {
  const isFile = node.type === 'file';
  const note = isFile ? contentNote(contentKind(node.entry?.data ?? new Uint8Array())) : {};
  const description = isFile
    ? [formatBytes(node.size), note.label].filter(Boolean).join(' · ')
    : node.type === 'symlink'
      ? `link → ${node.entry?.linkname ?? '?'}`
      : node.type === 'other'
        ? 'special entry'
        : undefined;
  return {
    id: `archive:${archivePath}/${node.path}`,
    label: node.name,
    description,
    tooltip:
      `\`${node.path}\`${isFile ? ` · ${formatBytes(node.size)} · mode ${(node.entry?.mode ?? 0).toString(8).padStart(4, '0')}` : ''}` +
      `${note.tooltip ? `\n\n${note.tooltip}` : ''}\n\nRead-only: opened from memory, nothing is extracted.`,
    contextValue: isFile ? 'archiveFile' : 'archiveFolder',
    collapsible: node.type === 'directory' ? 'collapsed' : 'none',
    innerPath: node.path,
    isFile,
  };
}
