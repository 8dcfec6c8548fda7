// Cross-field rules for `[targets.*]`: a target deploys to at least one cluster, each a valid slug (template
// placeholders are errors, as for the workflow slug: see slugRules.ts), none listed twice.
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic, ERROR, WARNING } from './codes';
import type { ConfigModel } from './model';
import { describeBad, SLUG_MAX, slugProblem } from './slugs';

export function checkTargets(model: ConfigModel, push: (d: Diagnostic) => void): void {
  for (const target of model.config.targets) {
    const t = model.targets.get(target.name.value);
    if (target.clusters.length === 0) {
      push(
        diagnostic(
          'clusters-empty',
          WARNING,
          t?.clustersValue ? model.values.get(`targets.${target.name.value}.clusters`)!.valueRange : target.name.range,
          `Target "${target.name.value}" has no clusters, so deploying it does nothing. Add clusters = ["<cluster-slug>"] (see \`tilebox cluster list\`).`,
        ),
      );
    }
    const seen = new Set<string>();
    for (const cluster of target.clusters) {
      const problem = slugProblem(cluster.value);
      if (problem && problem.kind !== 'placeholder') {
        push(diagnostic('cluster-slug-invalid', ERROR, cluster.range, clusterMessage(cluster.value, problem)));
      } else if (seen.has(cluster.value)) {
        push(
          diagnostic('cluster-duplicate', WARNING, cluster.range, `Cluster "${cluster.value}" is listed twice in this target; remove one.`),
        );
      }
      seen.add(cluster.value);
    }
  }
}

function clusterMessage(value: string, problem: NonNullable<ReturnType<typeof slugProblem>>): string {
  if (problem.kind === 'empty') return 'Empty cluster slug: write a cluster slug from `tilebox cluster list`, or remove the item.';
  if (problem.kind === 'too-long') return `Cluster slug is ${problem.length} characters long; the API accepts at most ${SLUG_MAX}.`;
  if (problem.kind === 'characters' && problem.template) {
    return `"${value}" looks like a template placeholder, and ${describeBad(problem.bad)} cannot appear in a cluster slug. Replace it with a slug from \`tilebox cluster list\`.`;
  }
  return `Cluster slugs contain only letters, digits and "-"; ${problem.kind === 'characters' ? describeBad(problem.bad) : 'this'} is not allowed. Copy the slug from \`tilebox cluster list\`.`;
}
