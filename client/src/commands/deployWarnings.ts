// Everything worth saying before a deploy, gathered so the user sees one dialog, not a chain.
import { shortId } from '../cliAdapter/validate';

/** Names like `prod`, `production`, `prod-eu-…`, `eu-live`: word-bounded, so `product` does not count. */
const PRODUCTION = /(^|[^a-z0-9])(prod|production|live)([^a-z0-9]|$)/i;

export function suggestsProduction(name: string): boolean {
  return PRODUCTION.test(name);
}

export interface DeployPlan {
  workflow: string;
  /** A release id, or 'latest'. */
  release: string;
  target?: string;
  /** The clusters the deploy reaches (the target's clusters, or the picked ones). */
  clusters: string[];
  /** Slugs `cluster list` knows; undefined when the list was not read. */
  knownClusters?: string[];
  /** What is deployed now, per cluster slug, for this workflow. */
  currentlyDeployed?: Record<string, string | undefined>;
}

export interface DeployWarnings {
  /** True when the dialog must be shown (production, or a cluster that does not exist). */
  risky: boolean;
  lines: string[];
}

export function deployWarnings(plan: DeployPlan): DeployWarnings {
  const lines: string[] = [];
  let risky = false;
  const prodNames = [plan.target, ...plan.clusters].filter((n): n is string => !!n && suggestsProduction(n));
  if (prodNames.length > 0) {
    risky = true;
    lines.push(`Production: ${unique(prodNames).join(', ')} looks like a production environment.`);
  }
  if (plan.knownClusters) {
    const missing = plan.clusters.filter((c) => !plan.knownClusters!.includes(c));
    if (missing.length > 0) {
      risky = true;
      lines.push(`Unknown cluster: ${missing.join(', ')} is not in \`cluster list\`; the deploy will likely fail.`);
    }
  }
  if (plan.release === 'latest') lines.push('Release: the latest published release is deployed, whatever it contains.');
  for (const cluster of plan.clusters) {
    const current = plan.currentlyDeployed?.[cluster];
    if (current && current !== plan.release) {
      lines.push(`Replaces: release ${shortId(current)} on ${cluster}; runners there switch to the new one.`);
    }
  }
  return { risky, lines };
}

const unique = (xs: string[]) => [...new Set(xs)];
