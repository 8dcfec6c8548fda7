// A browsable view of archive entries: folders (also those only implied by file paths),
// listing and lookup by path. Backs the read-only file system and the archive tree (pure).
import type { ArchiveEntry } from './readArchive';

export interface IndexedNode {
  path: string;
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  mtime: number;
  entry?: ArchiveEntry;
}

export class ArchiveIndex {
  private readonly nodes = new Map<string, IndexedNode>();
  private readonly children = new Map<string, Set<string>>();

  constructor(entries: readonly ArchiveEntry[]) {
    this.nodes.set('', { path: '', name: '', type: 'directory', size: 0, mtime: 0 });
    for (const entry of entries) {
      this.addParents(entry.path);
      const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
      const existing = this.nodes.get(entry.path);
      // A later entry with the same path wins, as when tar extracts.
      if (existing?.type === 'directory' && entry.type === 'directory') continue;
      this.nodes.set(entry.path, { path: entry.path, name, type: entry.type, size: entry.size, mtime: entry.mtime, entry });
    }
  }

  /** `path` without leading/trailing slashes; '' is the archive root. */
  get(path: string): IndexedNode | undefined {
    return this.nodes.get(trim(path));
  }

  /** Children sorted folders first, then by name. */
  list(path: string): IndexedNode[] {
    const names = this.children.get(trim(path)) ?? new Set<string>();
    return [...names]
      .map((p) => this.nodes.get(p)!)
      .sort((a, b) => Number(b.type === 'directory') - Number(a.type === 'directory') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  get fileCount(): number {
    return [...this.nodes.values()].filter((n) => n.type === 'file').length;
  }

  private addParents(path: string): void {
    let child = path;
    while (child !== '') {
      const slash = child.lastIndexOf('/');
      const parent = slash < 0 ? '' : child.slice(0, slash);
      const set = this.children.get(parent) ?? new Set<string>();
      set.add(child);
      this.children.set(parent, set);
      if (!this.nodes.has(parent)) {
        this.nodes.set(parent, { path: parent, name: parent.slice(parent.lastIndexOf('/') + 1), type: 'directory', size: 0, mtime: 0 });
      }
      child = parent;
    }
  }
}

function trim(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
