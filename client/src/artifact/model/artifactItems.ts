// Tree items of the Artifact view, from an ArtifactPreview. Pure: node classes add the
// `vscode` parts (resource URIs, open commands) from `resourcePath` and `line`.
import type { ArtifactPreview } from '@shared';
import { formatBytes } from '@shared';
import type { ItemModel } from '../../views/model/item';
import type { FileEntry, FolderNode } from './folderTree';

export interface ArtifactItem extends ItemModel {
  /** Root-relative POSIX path of the file or folder shown, for its resource URI. */
  resourcePath?: string;
  /** Greyed: a candidate that stays out of the artifact. */
  excluded?: boolean;
  /** 1-based line to open at (tasks). */
  line?: number;
}

/** Folders start expanded when the whole artifact is this small. */
export const EXPAND_ALL_BELOW = 40;

/** "1 file", "1,200 files". */
export const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** `stale`: the last good preview, shown below the error of a config that no longer checks. */
export function summaryItem(preview: ArtifactPreview, configLabel: string, parentId: string, stale = false): ArtifactItem {
  const excluded = preview.excluded.length;
  const runners = preview.runners ?? [];
  const lines = [
    `**Release artifact${preview.slug ? ` of \`${preview.slug}\`` : ''}**`,
    `Config: \`${configLabel}\`  \nRoot: \`${preview.root}\``,
    `${count(preview.files.length, 'file')}, ${formatBytes(preview.totalBytes)}; ${count(excluded, 'candidate')} excluded (hover one for the rule).`,
    preview.tasksPending
      ? 'Tasks and runners: still reading the selected `.py` files.'
      : `Found statically (best effort): ${count(preview.tasks.length, 'task')}, ${count(runners.length, 'runner')}.`,
  ];
  return {
    id: `${parentId}/summary`,
    label: `${count(preview.files.length, 'file')} · ${formatBytes(preview.totalBytes)}`,
    description: [stale ? 'last good preview' : '', excluded ? `${excluded} excluded` : '', preview.slug ?? ''].filter(Boolean).join(' · '),
    tooltip: (stale ? ['*Last good preview: the config has errors now.*', ...lines] : lines).join('\n\n'),
    icon: stale ? { id: 'history' } : { id: 'package' },
    contextValue: 'artifactSummary',
    collapsible: 'none',
  };
}

export function filesGroupItem(root: FolderNode, parentId: string): ArtifactItem {
  return {
    id: `${parentId}/files`,
    label: 'Files',
    description: `${count(root.fileCount, 'file')} · ${formatBytes(root.size)}${root.excludedCount ? ` · ${root.excludedCount} excluded` : ''}`,
    icon: { id: 'files' },
    contextValue: 'artifactFiles',
    collapsible: 'expanded',
  };
}

export function folderItem(folder: FolderNode, totalFiles: number, parentId: string): ArtifactItem {
  const onlyExcluded = folder.fileCount === 0;
  return {
    id: `${parentId}/d:${folder.path}`,
    label: folder.name,
    description: onlyExcluded
      ? `excluded · ${count(folder.excludedCount, 'candidate')}`
      : `${count(folder.fileCount, 'file')} · ${formatBytes(folder.size)}${folder.excludedCount ? ` · ${folder.excludedCount} excluded` : ''}`,
    tooltip: `\`${folder.path}/\`\n\n${count(folder.fileCount, 'file')} in the artifact (${formatBytes(folder.size)}), ${count(folder.excludedCount, 'candidate')} excluded.`,
    contextValue: 'artifactFolder',
    collapsible: totalFiles <= EXPAND_ALL_BELOW ? 'expanded' : 'collapsed',
    resourcePath: folder.path,
    excluded: onlyExcluded,
  };
}

export function fileItem(file: FileEntry, parentId: string): ArtifactItem {
  if (file.excludedBecause !== undefined) {
    return {
      id: `${parentId}/x:${file.path}`,
      label: file.name,
      description: file.prunedFolder ? 'excluded folder' : 'excluded',
      tooltip: `\`${file.path}${file.prunedFolder ? '/' : ''}\` stays out of the artifact.\n\nExcluded by ${file.excludedBecause}.`,
      contextValue: file.prunedFolder ? 'artifactFolder excluded' : 'artifactFile excluded',
      collapsible: 'none',
      resourcePath: file.path,
      excluded: true,
    };
  }
  return {
    id: `${parentId}/f:${file.path}`,
    label: file.name,
    description: formatBytes(file.size ?? 0),
    tooltip: `\`${file.path}\` · ${formatBytes(file.size ?? 0)}\n\nGoes into the release artifact.`,
    contextValue: 'artifactFile included',
    collapsible: 'none',
    resourcePath: file.path,
  };
}
