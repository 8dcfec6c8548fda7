// Jobs view nodes: job → task summaries (as the task tree), and the "load more" row.
import type { Diagnosis } from '../../cliAdapter/jobDiagnosis';
import type { Job, TaskSummary } from '../../cliAdapter/types';
import type { ItemModel } from '../model/item';
import { jobItem } from '../model/jobItems';
import { childTasks, taskItem } from '../model/taskItem';
import { TreeNode } from './TreeNode';

export class JobNode extends TreeNode {
  readonly model: ItemModel;
  readonly jobId: string;
  readonly clusterSlug?: string;

  constructor(
    readonly job: Job,
    private readonly now: number,
    diagnosis: Diagnosis[] = [],
    idPrefix = '',
  ) {
    super();
    this.jobId = job.id;
    this.clusterSlug = job.clusterSlug;
    this.model = jobItem(job, now, diagnosis, idPrefix);
  }

  override children(): TreeNode[] {
    return this.adopt(childTasks(this.job, undefined).map((t) => new TaskNode(t, this.job, this.now, this.model.id)));
  }
}

export class TaskNode extends TreeNode {
  readonly model: ItemModel;
  readonly jobId: string;

  constructor(
    readonly task: TaskSummary,
    readonly job: Job,
    private readonly now: number,
    parentId: string,
  ) {
    super();
    this.jobId = job.id;
    this.model = taskItem(task, job, parentId, now);
  }

  override children(): TreeNode[] {
    return this.adopt(childTasks(this.job, this.task.id).map((t) => new TaskNode(t, this.job, this.now, this.model.id)));
  }
}

export class LoadMoreNode extends TreeNode {
  readonly model: ItemModel;

  constructor(command: string, parentId: string) {
    super();
    this.model = {
      id: `${parentId}/load-more`,
      label: 'Load more…',
      icon: { id: 'ellipsis' },
      contextValue: 'loadMore',
      collapsible: 'none',
      command: { command, title: 'Load More Jobs' },
    };
  }
}
