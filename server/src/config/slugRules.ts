// Cross-field rules for `[workflow].slug`.
//
// Decision on template slugs: the docs' `my-workflow-<...>` and the skill's `$WORKFLOW_SLUG`
// break the API's slug charset, so they are ERRORS (`slug-invalid-characters`, like
// `cluster-slug-invalid` for `workflow-dev-<...>`): publishing would fail. Their message says
// they look like a template placeholder. Only placeholders the API would accept
// (`replace-with-your-workflow-slug`) get the WARNING `slug-placeholder`.
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic, ERROR, WARNING } from './codes';
import { nearestSlug } from './repairs';
import { describeBad, SLUG_MAX, slugProblem } from './slugs';
import type { Located } from './types';

export function checkSlug(slug: Located<string>, push: (d: Diagnostic) => void): void {
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
