// The artifact preview's flat file lists as a folder tree with sizes: included files and the
// excluded candidates (greyed in the view) side by side in their folders. Pure.
import type { ArtifactPreview } from '@shared';

export interface FileEntry {
  /** POSIX path relative to the artifact root (no trailing `/`). */
  path: string;
  name: string;
  /** Undefined for excluded candidates (the selection does not stat them). */
  size?: number;
  /** Why it stays out; undefined when it goes into the artifact. */
  excludedBecause?: string;
  /** An excluded folder the selection pruned whole (not walked). */
  prunedFolder?: boolean;
}

export interface FolderNode {
  path: string;
  name: string;
  folders: FolderNode[];
  files: FileEntry[];
  /** Included bytes and files below this folder (excluded candidates not counted). */
  size: number;
  fileCount: number;
  excludedCount: number;
}

export function buildFolderTree(preview: Pick<ArtifactPreview, 'files' | 'excluded'>): FolderNode {
  const root: FolderNode = { path: '', name: '', folders: [], files: [], size: 0, fileCount: 0, excludedCount: 0 };
  const folders = new Map<string, FolderNode>([['', root]]);

  const folderFor = (dir: string): FolderNode => {
    const known = folders.get(dir);
    if (known) return known;
    const slash = dir.lastIndexOf('/');
    const parent = folderFor(slash < 0 ? '' : dir.slice(0, slash));
    const node: FolderNode = { path: dir, name: dir.slice(slash + 1), folders: [], files: [], size: 0, fileCount: 0, excludedCount: 0 };
    parent.folders.push(node);
    folders.set(dir, node);
    return node;
  };
  const ancestors = (dir: string): FolderNode[] => {
    const chain: FolderNode[] = [];
    for (
      let d: string | undefined = dir;
      d !== undefined;
      d = d === '' ? undefined : d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : ''
    ) {
      chain.push(folderFor(d));
    }
    return chain;
  };
  const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

  for (const f of preview.files) {
    folderFor(dirOf(f.path)).files.push({ path: f.path, name: f.path.slice(f.path.lastIndexOf('/') + 1), size: f.size });
    for (const folder of ancestors(dirOf(f.path))) {
      folder.size += f.size;
      folder.fileCount++;
    }
  }
  for (const e of preview.excluded) {
    const prunedFolder = e.path.endsWith('/');
    const path = prunedFolder ? e.path.slice(0, -1) : e.path;
    folderFor(dirOf(path)).files.push({
      path,
      name: path.slice(path.lastIndexOf('/') + 1),
      excludedBecause: e.reason,
      ...(prunedFolder ? { prunedFolder } : {}),
    });
    for (const folder of ancestors(dirOf(path))) folder.excludedCount++;
  }
  sortTree(root);
  return root;
}

/** Folders first (pruned folders count as folders), then by name, in byte order like the archive. */
function sortTree(folder: FolderNode): void {
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  folder.folders.sort(byName);
  folder.files.sort((a, b) => Number(!!b.prunedFolder) - Number(!!a.prunedFolder) || byName(a, b));
  folder.folders.forEach(sortTree);
}
