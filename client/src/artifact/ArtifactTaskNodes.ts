// Artifact view: the Tasks group and a row per task found statically, each opening its class.
import type { ArtifactPreview } from '@shared';
import type { TreeNode } from '../views/nodes/TreeNode';
import { MessageNode } from '../views/nodes/MessageNode';
import { ArtifactNode } from './ArtifactNode';
import type { ArtifactItem } from './model/artifactItems';
import { taskItem, tasksGroupItem } from './model/taskItems';

export class TasksGroupNode extends ArtifactNode {
  readonly model: ArtifactItem;
  constructor(
    private readonly preview: ArtifactPreview,
    parentId: string,
  ) {
    super(preview.root);
    this.model = tasksGroupItem(preview.tasks, preview.runners, parentId, preview.tasksPending);
  }

  override children(): TreeNode[] {
    if (this.preview.tasks.length === 0) {
      return [
        new MessageNode(
          'empty',
          'No Task subclasses found in the selected .py files',
          this.model.id,
          'Static discovery reads `class X(Task)` in the files the artifact ships. If your tasks live elsewhere, include them in `[build].include`.',
        ),
      ];
    }
    return this.adopt(this.preview.tasks.map((t) => new TaskNode(this.preview, t, this.model.id)));
  }
}

export class TaskNode extends ArtifactNode {
  readonly model: ArtifactItem;
  constructor(preview: ArtifactPreview, task: ArtifactPreview['tasks'][number], parentId: string) {
    super(preview.root);
    this.model = taskItem(task, preview.runners, parentId);
  }
}
