// Jobs and their logs as the adapter reads them from `job get/list/logs --json` (contract §2). Pure.
import type { TaskIdentifier } from './workflowTypes';

export type JobState = 'submitted' | 'running' | 'started' | 'completed' | 'failed' | 'canceled' | 'unknown';
export type TaskState = 'queued' | 'running' | 'computed' | 'failed' | 'skipped' | 'failed_optional' | 'unknown';

export interface TaskSummary {
  id: string;
  display: string;
  state: TaskState;
  parentId?: string;
  startedAt?: string;
  stoppedAt?: string;
  /** Identifier when the CLI reports it (not in every version's output). */
  identifier?: TaskIdentifier;
  /** Ids of tasks this one waits for; only when the CLI reports `depends_on` (the contract's summaries lack it). */
  dependsOn?: string[];
}

export interface ProgressIndicator {
  label: string;
  total: number;
  done: number;
}

export interface ExecutionStats {
  firstTaskStartedAt?: string;
  lastTaskStoppedAt?: string;
  computeTime?: string;
  elapsedTime?: string;
  parallelism?: number;
  totalTasks?: number;
  tasksByState: Record<string, number>;
}

export interface Job {
  id: string;
  name: string;
  state: JobState;
  submittedAt?: string;
  clusterSlug?: string;
  taskSummaries: TaskSummary[];
  progress: ProgressIndicator[];
  executionStats?: ExecutionStats;
}
export interface LogLine {
  time?: string;
  severity?: string;
  body: string;
}
