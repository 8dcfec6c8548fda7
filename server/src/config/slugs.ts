// Slug rules shared by workflow.slug and cluster slugs: the API's `^[A-Za-z0-9-]*$`, 1..100.
// Never cap at 40: `tilebox workflow init` truncates only the name-derived part; real slugs
// with the API's random suffix are 42 and 49 characters long.

export const SLUG_MAX = 100;
const SLUG = /^[A-Za-z0-9-]+$/;

/** Template markers that can never be a real slug: `<...>`, `$VAR`, `${VAR}`, `{{var}}`. */
const TEMPLATE = /<[^>]*>|\$\{?[A-Za-z_]|\{\{/;
/** Placeholders made only of allowed characters, which the API would accept as a new slug. */
const WORDY_PLACEHOLDER = /^(replace-?with|your-|insert-|change-?me|todo-|placeholder|example-slug$|x{3,}$)/i;

export type SlugProblem =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | { kind: 'characters'; bad: string[]; template: boolean }
  | { kind: 'placeholder' };

export function slugProblem(slug: string): SlugProblem | undefined {
  if (slug.length === 0) return { kind: 'empty' };
  if (!SLUG.test(slug)) {
    const bad = [...new Set([...slug].filter((c) => !/[A-Za-z0-9-]/.test(c)))];
    return { kind: 'characters', bad, template: TEMPLATE.test(slug) };
  }
  if (slug.length > SLUG_MAX) return { kind: 'too-long', length: slug.length };
  if (WORDY_PLACEHOLDER.test(slug)) return { kind: 'placeholder' };
  return undefined;
}

export function describeBad(bad: string[]): string {
  return bad
    .slice(0, 6)
    .map((c) => (c === ' ' ? 'space' : `"${c}"`))
    .join(', ');
}
