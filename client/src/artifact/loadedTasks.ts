// The tasks the artifact previews already hold, per project, for the commands of the trusted half (the palette's
// Submit Job and Debug Task ask a known task's fields). The previews start with the language server, the commands
// only in a trusted workspace, so one holder per extension host joins them (as `sharedClusterData` does).
import type { DiscoveredTask } from '@shared';

export interface TaskSource {
  /** The tasks of the config at this path, from its last good preview; undefined while none is loaded. */
  tasksOf(configPath: string): readonly DiscoveredTask[] | undefined;
  /** What its last good preview puts in the artifact; undefined while none is loaded. */
  sizeOf(configPath: string): ArtifactSize | undefined;
}

export interface ArtifactSize {
  files: number;
  bytes: number;
}

let source: TaskSource | undefined;

export const loadedTasks = {
  attach(s: TaskSource): void {
    source = s;
  },
  tasksOf(configPath: string): readonly DiscoveredTask[] | undefined {
    return source?.tasksOf(configPath);
  },
  sizeOf(configPath: string): ArtifactSize | undefined {
    return source?.sizeOf(configPath);
  },
};
