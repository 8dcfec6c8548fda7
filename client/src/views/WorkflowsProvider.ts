// Workflows view: the team's workflows (this workspace's projects first, grouped by project when there are
// several) → releases (newest first; deployed ones marked) → task identifiers.
import { Commands } from '../contributes';
import { workflowList } from '../cliAdapter/calls';
import type { Workflow } from '../cliAdapter/types';
import { CliListProvider } from './CliListProvider';
import type { ViewEnv } from './CliViewProvider';
import { groupWorkflows } from './model/grouping';
import { GroupNode } from './nodes/GroupNode';
import { MessageNode } from './nodes/MessageNode';
import type { TreeNode } from './nodes/TreeNode';
import { WorkflowNode } from './nodes/WorkflowNodes';

export class WorkflowsProvider extends CliListProvider<Workflow> {
  constructor(env: ViewEnv) {
    super(env, 'workflows', 'Listing workflows', workflowList, ['slug', 'name']);
  }

  protected override shows(): boolean {
    return this.env.projects.all().length > 0;
  }

  protected roots(workflows: Workflow[], now: number): TreeNode[] {
    const projects = this.env.projects.all();
    const local = new Set(projects.map((p) => p.slug).filter(Boolean));
    const dirOf = (w: Workflow) => projects.find((p) => p.slug === w.slug)?.dir;
    if (projects.length > 1) {
      return groupWorkflows(projects, workflows).map(
        (g) =>
          new GroupNode(g, 'workflows', (items) =>
            items.length
              ? items.map((w) => new WorkflowNode(w, g.project?.dir, now, `${g.project?.dir ?? 'other'}/`))
              : [emptyFor(g.project?.slug, g.project?.dir ?? 'other')],
          ),
      );
    }
    if (!workflows.length) {
      return [
        new MessageNode('empty', 'No workflows yet: publish a release to create one', 'workflows', undefined, {
          command: Commands.publishRelease,
          title: 'Publish Release',
        }),
      ];
    }
    // This workspace's workflow first, then the rest by name.
    return [...workflows]
      .sort((a, b) => Number(local.has(b.slug)) - Number(local.has(a.slug)) || a.name.localeCompare(b.name))
      .map((w) => new WorkflowNode(w, dirOf(w), now));
  }
}

function emptyFor(slug: string | undefined, parentId: string): MessageNode {
  return new MessageNode('empty', slug ? `Workflow ${slug} is not in \`workflow list\`` : 'No [workflow].slug in this project', parentId);
}
