// Test helper: a located WorkflowConfig for a small, well-formed tilebox.workflow.toml, built
// independently of the validator so the preview tests do not depend on it. Each value's range
// is found by searching the text after its key.
import { parse } from 'smol-toml';
import type { Range } from 'vscode-languageserver-types';
import type { Located, WorkflowConfig } from '../../../../server/src/config/types';

export function configFromToml(text: string): WorkflowConfig {
  const doc = parse(text) as { workflow?: Record<string, unknown>; build?: Record<string, unknown> };
  const rangeOf = (needle: string, from = 0): Range => {
    const at = text.indexOf(needle, from);
    if (at < 0) throw new Error(`not in the test config: ${needle}`);
    return { start: position(text, at), end: position(text, at + needle.length) };
  };
  const located = (key: string, value: string): Located<string> => ({
    value,
    range: rangeOf(JSON.stringify(value), text.indexOf(`${key} =`)),
  });
  const list = (key: string, values: unknown) => {
    const from = text.indexOf(`${key} =`);
    return ((values as string[] | undefined) ?? []).map((value) => ({ value, range: rangeOf(JSON.stringify(value), from) }));
  };
  const w = doc.workflow ?? {};
  const b = doc.build ?? {};
  return {
    slug: typeof w.slug === 'string' ? located('slug', w.slug) : undefined,
    root: typeof w.root === 'string' ? located('root', w.root) : undefined,
    runner: typeof w.runner === 'string' ? located('runner', w.runner) : undefined,
    include: list('include', b.include),
    exclude: list('exclude', b.exclude),
    useGitignore: b.use_gitignore !== false,
    targets: [],
    headers: {
      workflow: text.includes('[workflow]') ? rangeOf('[workflow]') : undefined,
      build: text.includes('[build]') ? rangeOf('[build]') : undefined,
    },
  };
}

function position(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
