// TEST DOUBLE: the stand-in state rendered as the CLI's documented snake_case JSON (contract §2, §4).
export function releaseJson(s, r) {
  return {
    id: r.id,
    artifact: { id: r.artifact_id, digest: r.digest },
    content: r.content,
    created_at: r.created_at,
    clusters: s.deployments.filter((d) => d.release_id === r.id).map((d) => d.cluster_slug),
  };
}

export function workflowJson(s, w, onlyRelease) {
  const releases = s.releases
    .filter((r) => r.workflow_slug === w.slug && (!onlyRelease || r.id === onlyRelease))
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
  return { slug: w.slug, name: w.name, description: w.description ?? '', releases: releases.map((r) => releaseJson(s, r)) };
}

export function clusterJson(s, c) {
  const deployed = s.deployments.filter((d) => d.cluster_slug === c.slug);
  return {
    slug: c.slug,
    display_name: c.display_name,
    description: c.description ?? '',
    deletable: c.deletable,
    deployed_releases: deployed.map((d) =>
      workflowJson(
        s,
        s.workflows.find((w) => w.slug === d.workflow_slug) ?? { slug: d.workflow_slug, name: d.workflow_slug },
        d.release_id,
      ),
    ),
  };
}

export function jobJson(job) {
  const tasks = job.tasks;
  const byState = {};
  for (const t of tasks) byState[t.state] = (byState[t.state] ?? 0) + 1;
  const started = tasks
    .map((t) => t.started_at)
    .filter(Boolean)
    .sort();
  const stopped = tasks
    .map((t) => t.stopped_at)
    .filter(Boolean)
    .sort();
  const compute = tasks.reduce((n, t) => n + (t.started_at && t.stopped_at ? Date.parse(t.stopped_at) - Date.parse(t.started_at) : 0), 0);
  return {
    id: job.id,
    name: job.name,
    state: job.state,
    submitted_at: job.submitted_at,
    cluster_slug: job.cluster_slug,
    task_summaries: tasks.map((t) => ({
      id: t.id,
      display: t.display,
      state: t.state,
      ...(t.parent_id ? { parent_id: t.parent_id } : {}),
      ...(t.started_at ? { started_at: t.started_at } : {}),
      ...(t.stopped_at ? { stopped_at: t.stopped_at } : {}),
      identifier: t.identifier,
    })),
    progress: [{ label: 'tasks', total: tasks.length, done: tasks.filter((t) => t.state === 'computed').length }],
    execution_stats: {
      ...(started[0] ? { first_task_started_at: started[0] } : {}),
      ...(stopped.length ? { last_task_stopped_at: stopped[stopped.length - 1] } : {}),
      compute_time: `${(compute / 1000).toFixed(3)}s`,
      elapsed_time:
        started[0] && stopped.length ? `${((Date.parse(stopped[stopped.length - 1]) - Date.parse(started[0])) / 1000).toFixed(3)}s` : '0s',
      parallelism: 1,
      total_tasks: tasks.length,
      tasks_by_state: byState,
    },
  };
}
