// Workflows view: a release row (when, where deployed, how many tasks) and the task identifiers it registers.
import type { Release, TaskIdentifier, Workflow } from '../../cliAdapter/types';
import { age, plural, shortId } from './format';
import type { ItemModel } from './item';

const identifier = (t: TaskIdentifier) => `${t.name} ${t.version}`;

export function releaseItem(r: Release, w: Workflow, now: number): ItemModel {
  const deployed = r.clusters.length > 0;
  const latest = w.releases[0]?.id === r.id;
  const when = age(r.createdAt, now);
  const tasks = r.tasks.map(identifier);
  const description = [
    when,
    // Cluster slugs repeat on every release and crowd out the rest; the tooltip names them.
    deployed ? `on ${plural(r.clusters.length, 'cluster')}` : undefined,
    // Task names (long, namespaced) are the release's children; the row counts them.
    tasks.length ? plural(tasks.length, 'task') : undefined,
  ];
  const lines = [
    `**Release \`${r.id}\`**${latest ? ' (latest)' : ''}`,
    r.createdAt ? `Published ${r.createdAt}${when ? ` (${when})` : ''}` : undefined,
    deployed ? `Deployed on ${r.clusters.map((c) => `\`${c}\``).join(', ')}` : 'Not deployed',
    tasks.length ? `Tasks:\n${tasks.map((t) => `- \`${t}\``).join('\n')}` : 'No task identifiers reported',
    r.fingerprint ? `Fingerprint \`${r.fingerprint.slice(0, 16)}…\`` : undefined,
  ];
  return {
    id: `workflow:${w.slug}/release:${r.id}`,
    label: shortId(r.id),
    description: description.filter(Boolean).join(' · ') || undefined,
    tooltip: lines.filter(Boolean).join('\n\n'),
    icon: deployed ? { id: 'rocket', color: 'charts.green' } : { id: 'package' },
    contextValue: ['release', deployed ? 'deployed' : undefined, latest ? 'latest' : undefined].filter(Boolean).join(' '),
    collapsible: r.tasks.length ? 'collapsed' : 'none',
  };
}

export function taskIdentifierItem(t: TaskIdentifier, parentId: string): ItemModel {
  return {
    id: `${parentId}/task:${t.name}@${t.version}`,
    label: t.name,
    description: t.version,
    tooltip: `Task identifier \`${t.name}\` version \`${t.version}\`: runners of this release run tasks submitted as \`${t.name}\` with the same major version and a minor version up to this one.`,
    icon: { id: 'symbol-method' },
    contextValue: 'taskIdentifier',
    collapsible: 'none',
  };
}
