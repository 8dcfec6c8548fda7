// Stage 3 (cross-field): rules that look at values and at each other: runner XOR command,
// slug and cluster slug rules, runner grammar, and paths that leave the project.
//
// Decision on template slugs: the docs' `my-workflow-<...>` and the skill's `$WORKFLOW_SLUG`
// break the API's slug charset, so they are ERRORS (`slug-invalid-characters`, like
// `cluster-slug-invalid` for `workflow-dev-<...>`): publishing would fail. Their message says
// they look like a template placeholder. Only placeholders the API would accept
// (`replace-with-your-workflow-slug`) get the WARNING `slug-placeholder`.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { diagnostic, ERROR, HINT, WARNING } from './codes';
import type { ConfigModel } from './model';
import { climbsOut, hasParentSegment, isAbsolutePattern } from './paths';
import { parentSegmentMessage, rootTextRefusal } from './rootRule';
import { describeBad, SLUG_MAX, slugProblem } from './slugs';
import type { Located } from './types';
import { nearestSlug, runnerFromWritten } from './repairs';

export const RUNNER_FORMAT_MESSAGE =
  "Expected runner import path in the format '<module>:<object>', for example 'my_workflow.runner:runner'.";
// Python identifiers (PEP 3131): Unicode letters are allowed, so `módulo:runner` imports fine.
const IDENT = '[\\p{ID_Start}_][\\p{ID_Continue}]*';
export const RUNNER_PATTERN = new RegExp(`^${IDENT}(\\.${IDENT})*:${IDENT}(\\.${IDENT})*$`, 'u');

export function checkCrossField(model: ConfigModel, diagnostics: Diagnostic[]): void {
  const { config } = model;
  const push = (d: Diagnostic) => diagnostics.push(d);

  if (config.runner && config.command) {
    const second = compare(config.runner.range, config.command.range) > 0 ? config.runner : config.command;
    const secondName = second === config.runner ? 'runner' : 'command';
    const firstName = secondName === 'runner' ? 'command' : 'runner';
    push(
      diagnostic(
        'runner-and-command',
        ERROR,
        second.keyRange ?? second.range,
        `Set either runner or command, not both: remove this ${secondName} (keep ${firstName}, or remove ${firstName} instead).`,
      ),
    );
  }

  if (config.slug) checkSlug(config.slug, push);

  if (config.runner) {
    const runner = config.runner.value;
    if (!RUNNER_PATTERN.test(runner))
      push(diagnostic('runner-invalid', ERROR, config.runner.range, `${RUNNER_FORMAT_MESSAGE} ${runnerHint(runner)}`));
  }

  if (config.command) {
    const value = model.values.get('workflow.command')?.value;
    if (config.command.value.length === 0) {
      push(
        diagnostic(
          'command-empty',
          ERROR,
          config.command.range,
          'command must list the program and its arguments, for example ["uv", "run", "python", "-m", "my_workflow.worker"].',
        ),
      );
    } else if (value?.kind === 'array') {
      for (const item of value.items) {
        if (item.kind === 'string' && item.value.trim() === '') {
          push(
            diagnostic(
              'command-empty-argument',
              ERROR,
              model.lines.range(item.start, item.end),
              'An empty argument in command: remove it or write the argument.',
            ),
          );
        }
      }
    }
  }

  if (config.root) {
    const refusal = rootTextRefusal(config.root.value);
    if (refusal) push(diagnostic(refusal.code, ERROR, config.root.range, refusal.message));
  }

  if (config.include.length === 0 && model.values.has('build.include')) {
    push(
      diagnostic(
        'include-empty',
        ERROR,
        model.values.get('build.include')!.value.kind === 'array' ? rangeOfValue(model, 'build.include') : config.headers.build!,
        'include is empty: add at least one pattern, for example ["pyproject.toml", "uv.lock", "my_workflow/**"].',
      ),
    );
  }
  for (const [key, items] of [
    ['include', config.include],
    ['exclude', config.exclude],
  ] as const) {
    for (const item of items) checkPattern(key, item, push);
  }
  const venvExcluded = config.exclude.some((e) => /(^|\/)\.venv(\/|$)/.test(e.value.replace(/^\.\//, '')));
  if (!venvExcluded) {
    for (const item of config.include) {
      if (/^(\.\/)?(\*\*|\*)(\/\*\*?)*$/.test(item.value) && item.value !== '*') {
        push(
          diagnostic(
            'include-sweeps-venv',
            HINT,
            item.range,
            `"${item.value}" also selects a local .venv (thousands of files) unless .gitignore leaves it out; add ".venv/**" to exclude.`,
          ),
        );
      }
    }
  }

  for (const target of config.targets) {
    const t = model.targets.get(target.name.value);
    if (target.clusters.length === 0) {
      push(
        diagnostic(
          'clusters-empty',
          WARNING,
          t?.clustersValue ? rangeOfValue(model, `targets.${target.name.value}.clusters`) : target.name.range,
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

function checkSlug(slug: Located<string>, push: (d: Diagnostic) => void): void {
  const problem = slugProblem(slug.value);
  if (!problem) return;
  switch (problem.kind) {
    case 'empty':
      push(
        diagnostic(
          'slug-empty',
          ERROR,
          slug.range,
          'slug is empty: write your workflow\'s slug, for example slug = "my-workflow" (`tilebox workflow init` writes it).',
        ),
      );
      break;
    case 'too-long':
      push(
        diagnostic('slug-too-long', ERROR, slug.range, `slug is ${problem.length} characters long; the API accepts at most ${SLUG_MAX}.`),
      );
      break;
    case 'placeholder':
      push(
        diagnostic(
          'slug-placeholder',
          WARNING,
          slug.range,
          `"${slug.value}" looks like a placeholder from a template: replace it with your workflow's slug (run \`tilebox workflow init\` or copy it from \`tilebox workflow list\`).`,
        ),
      );
      break;
    case 'characters':
      push(
        diagnostic(
          'slug-invalid-characters',
          ERROR,
          slug.range,
          problem.template
            ? `"${slug.value}" looks like a template placeholder, and ${describeBad(problem.bad)} cannot appear in a slug. Replace it with your workflow's slug: letters, digits and "-" only (run \`tilebox workflow init\` to create one).`
            : `slug may contain only letters, digits and "-"; ${describeBad(problem.bad)} is not allowed. For example write "${nearestSlug(slug.value) ?? 'my-workflow'}".`,
        ),
      );
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

function checkPattern(key: 'include' | 'exclude', item: Located<string>, push: (d: Diagnostic) => void): void {
  const p = item.value;
  if (p.trim() === '') {
    push(
      diagnostic(
        'pattern-empty',
        WARNING,
        item.range,
        `An empty pattern in ${key} selects nothing; remove it or write a pattern such as "my_workflow/**".`,
      ),
    );
  } else if (isAbsolutePattern(p)) {
    push(
      diagnostic(
        'pattern-absolute',
        ERROR,
        item.range,
        `${key} patterns are relative to the workflow root; "${p}" is absolute. Write it relative, for example "${p.replace(/^([A-Za-z]:)?[\\/]+/, '')}".`,
      ),
    );
  } else if (climbsOut(p)) {
    push(
      diagnostic(
        'pattern-outside-root',
        ERROR,
        item.range,
        `"${p}" climbs out of the workflow root with "..", but build paths must stay inside it. Move the files under the root or change root.`,
      ),
    );
  } else if (hasParentSegment(p)) {
    push(diagnostic('pattern-outside-root', ERROR, item.range, parentSegmentMessage(key, p)));
  }
}

function runnerHint(runner: string): string {
  if (/[\\/]|\.py(:|$)/.test(runner)) {
    return `Use a dotted module name, not a file path: "${runnerFromWritten(runner)}".`;
  }
  if (!runner.includes(':')) return runner ? `Add the object after a colon, for example "${runner}:runner".` : '';
  return 'Module and object must be Python names, such as my_workflow.runner and runner.';
}

function compare(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function rangeOfValue(model: ConfigModel, key: string): Range {
  return model.values.get(key)!.valueRange;
}
