// The job's task tree as a laid-out graph (dagre): a node per task, an edge from parent to subtask and, when the
// CLI reports `depends_on`, from a task to each task it waits for. The documented `job get` task summaries carry no
// `depends_on` (only id, display, state, parent_id and times), so today only parent edges are drawn and the panel says
// why; a CLI that adds the field gets its edges without a change here. Pure: coordinates only, the SVG is graphSvg.ts.
import dagre from '@dagrejs/dagre';
import type { TaskState, TaskSummary } from '../../cliAdapter/types';
import { between, shortId } from '../../views/model/format';

export interface GraphNode {
  id: string;
  label: string;
  state: TaskState;
  duration?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface GraphEdge {
  from: string;
  to: string;
  kind: 'parent' | 'depends';
  points: { x: number; y: number }[];
}
export interface TaskGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
  /** No task carried `depends_on`: only parent → subtask edges are drawn (the panel says so). */
  parentEdgesOnly: boolean;
}

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 40;

export const taskLabel = (t: TaskSummary): string => t.display || t.identifier?.name.split('/').pop() || shortId(t.id);

/** How long the task ran; a running task counts up to `now`. */
export function taskDuration(t: TaskSummary, now: number): string | undefined {
  return between(t.startedAt, t.stoppedAt ?? (t.state === 'running' ? new Date(now).toISOString() : undefined));
}

export function layoutTasks(tasks: readonly TaskSummary[], now: number): TaskGraph {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 28, marginx: 4, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(tasks.map((t) => t.id));
  for (const t of tasks) g.setNode(t.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const edges: Omit<GraphEdge, 'points'>[] = [];
  for (const t of tasks) {
    // A parent or dependency missing from the summaries draws no edge; the task still shows.
    if (t.parentId && ids.has(t.parentId) && t.parentId !== t.id) edges.push({ from: t.parentId, to: t.id, kind: 'parent' });
    for (const d of t.dependsOn ?? []) if (ids.has(d) && d !== t.id) edges.push({ from: d, to: t.id, kind: 'depends' });
  }
  edges.forEach((e, i) => g.setEdge(e.from, e.to, {}, String(i)));
  dagre.layout(g);
  const nodes = tasks.map((t): GraphNode => {
    const n = g.node(t.id);
    return {
      id: t.id,
      label: taskLabel(t),
      state: t.state,
      duration: taskDuration(t, now),
      x: n.x,
      y: n.y,
      width: n.width,
      height: n.height,
    };
  });
  const laid = edges.map((e, i): GraphEdge => ({ ...e, points: g.edge({ v: e.from, w: e.to, name: String(i) })?.points ?? [] }));
  const size = g.graph();
  return {
    nodes,
    edges: laid,
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
    parentEdgesOnly: !tasks.some((t) => t.dependsOn !== undefined),
  };
}
