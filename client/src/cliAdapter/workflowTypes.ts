// Workflows, their releases and the clusters they are deployed on, as read from `--json` output. Pure.
import type { TaskIdentifier } from '@shared';

export type { TaskIdentifier };

export interface Release {
  id: string;
  createdAt?: string;
  digest?: string;
  fingerprint?: string;
  tasks: TaskIdentifier[];
  /** Slugs of the clusters this release is deployed on. */
  clusters: string[];
  runnerObjectPath?: string;
}

export interface Workflow {
  slug: string;
  name: string;
  description?: string;
  /** Newest first. */
  releases: Release[];
}

export interface ClusterDeployment {
  workflowSlug: string;
  workflowName?: string;
  release: Release;
}

export interface Cluster {
  slug: string;
  displayName: string;
  deletable: boolean;
  /** The team's default cluster ([INFER] the API's protected cluster: `deletable: false`). */
  isDefault: boolean;
  deployments: ClusterDeployment[];
}
