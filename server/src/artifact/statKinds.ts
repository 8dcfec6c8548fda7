// What the stat helper thread (statWorker.ts) and fileSizes.ts say to each other: paths out, and per path one
// kind, size, mode and mtime back in a transferable Float64Array (copying objects back would cost more than the stats).

/** What `stat` found for one path. */
export const StatKind = {
  /** A regular file: size and mode are set. */
  File: 0,
  /** Something else (a folder, a socket, a link to one): mode is set, size is 0. */
  NotFile: 1,
  /** Gone since the walk listed it (ENOENT). */
  Gone: 2,
  /** Any other error: the main thread stats that path again to word the error. */
  Failed: 3,
} as const;
export type StatKind = (typeof StatKind)[keyof typeof StatKind];

/** Numbers per path in an answer: kind, size, mode, mtime (ms; the project index keys its per-file cache by it). */
export const STAT_SLOTS = 4;

export interface StatBatchRequest {
  id: number;
  paths: string[];
}
export interface StatBatchAnswer {
  id: number;
  out: Float64Array;
}
