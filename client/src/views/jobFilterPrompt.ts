// "Filter…" on the Jobs view: pick the facet to change, then its value. One facet per run keeps each step
// a plain quick pick; the view's description shows the whole filter.
import * as vscode from 'vscode';
import type { JobState } from '../cliAdapter/types';
import { type JobFilter, TIME_RANGES, withFilter } from './model/jobFilter';

const STATES: Exclude<JobState, 'unknown'>[] = ['submitted', 'running', 'started', 'completed', 'failed', 'canceled'];
const ANY = '(any)';

export async function promptJobFilter(current: JobFilter, clusterSlugs: () => Promise<string[]>): Promise<JobFilter | undefined> {
  const facets = [
    { label: '$(circle-large-filled) State', description: current.state ?? ANY, key: 'state' as const },
    { label: '$(calendar) Time range', description: current.last ? `last ${current.last}` : ANY, key: 'last' as const },
    { label: '$(server) Cluster', description: current.cluster ?? ANY, key: 'cluster' as const },
    { label: '$(search) Name contains', description: current.name ?? ANY, key: 'name' as const },
    { label: '$(clear-all) Clear all filters', key: 'clear' as const },
  ];
  const facet = await vscode.window.showQuickPick(facets, { placeHolder: 'Filter jobs by…', title: 'Filter Jobs' });
  if (!facet) return undefined;
  switch (facet.key) {
    case 'clear':
      return {};
    case 'state': {
      const picked = await vscode.window.showQuickPick([ANY, ...STATES], { placeHolder: 'Job state', title: 'Filter Jobs: State' });
      return picked === undefined ? undefined : withFilter(current, 'state', picked === ANY ? undefined : (picked as JobFilter['state']));
    }
    case 'last': {
      const items = [
        { label: ANY, value: undefined as string | undefined },
        ...TIME_RANGES.map((t) => ({ label: t.label, value: t.value as string })),
      ];
      const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Submitted within', title: 'Filter Jobs: Time Range' });
      return picked === undefined ? undefined : withFilter(current, 'last', picked.value);
    }
    case 'cluster': {
      const slugs = await clusterSlugs();
      const picked = await vscode.window.showQuickPick([ANY, ...slugs], { placeHolder: 'Cluster', title: 'Filter Jobs: Cluster' });
      return picked === undefined ? undefined : withFilter(current, 'cluster', picked === ANY ? undefined : picked);
    }
    case 'name': {
      const name = await vscode.window.showInputBox({
        title: 'Filter Jobs: Name',
        prompt: 'Part of the job name (empty: any)',
        value: current.name ?? '',
        validateInput: (v) => (/[\r\n]/.test(v) ? 'One line only' : undefined),
      });
      return name === undefined ? undefined : withFilter(current, 'name', name.trim() || undefined);
    }
  }
}
