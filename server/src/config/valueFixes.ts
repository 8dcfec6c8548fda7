// Quick fixes that change one written value into one that passes: a slug, a runner path, a root,
// a pattern, a cluster, an array item too many, a value of the wrong type. Each returns the
// repairs for one diagnostic; codeActions.ts turns them into code actions.
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { RUNNER_PATTERN } from './runnerRule';
import { addArrayItem, removeArrayItem } from './edits';
import type { ConfigModel } from './model';
import { hasParentSegment, normalizeRel, climbsOut } from './paths';
import { folderSlug, nearestSlug, relativeFromAbsolute, runnerFromWritten, wholeFolder } from './repairs';
import type { TomlDocument, ValueNode } from './toml/ast';
import type { LineIndex } from './toml/lineIndex';

export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

export interface FixEnv {
  uri: string;
  doc: TomlDocument;
  lines: LineIndex;
  model: ConfigModel;
  /** `module:object` of each Runner found in the project. */
  runners: readonly string[];
}

type ArrayNode = ValueNode & { kind: 'array' };

export function valueFixes(code: string, d: Diagnostic, env: FixEnv): Fix[] {
  const { lines, model, uri } = env;
  const start = lines.offset(d.range.start);
  const written = lines.text.slice(start, lines.offset(d.range.end));
  const value = unquote(written);
  const set = (title: string, newText: string, preferred = true): Fix => ({ title, edits: [{ range: d.range, newText }], preferred });
  const item = itemAt(model, start);
  const removeItem = (title: string): Fix[] =>
    item ? [{ title, edits: [removeArrayItem(lines, item.array, item.index)], preferred: true }] : [];
  switch (code) {
    case 'slug-invalid-characters':
    case 'slug-too-long':
    case 'slug-empty':
    case 'slug-placeholder': {
      const fromFolder = folderSlug(uri);
      const nearest = code === 'slug-placeholder' || code === 'slug-empty' ? undefined : nearestSlug(value);
      const slugs = [...new Set([nearest, fromFolder].filter((s): s is string => !!s && s !== value))];
      return slugs.map((s, i) =>
        set(`Change slug to "${s}"${s === fromFolder && s !== nearest ? ' (the folder name)' : ''}`, JSON.stringify(s), i === 0),
      );
    }
    case 'runner-invalid':
    case 'runner-module-not-found': {
      const mechanical = code === 'runner-invalid' ? runnerFromWritten(value) : undefined;
      const options = [...new Set([...env.runners, ...(mechanical && RUNNER_PATTERN.test(mechanical) ? [mechanical] : [])])].filter(
        (r) => r !== value,
      );
      return options.map((r) => set(`Change runner to "${r}"`, JSON.stringify(r), options.length === 1));
    }
    case 'command-empty': {
      // `command = []` becomes `runner = "..."` in place, however the key is written (dotted, inline).
      const command = model.values.get('workflow.command');
      if (!command) return [];
      return env.runners.map((r) => ({
        title: `Use runner = "${r}" instead`,
        edits: [
          { range: command.keyRange, newText: 'runner' },
          { range: command.valueRange, newText: JSON.stringify(r) },
        ],
        preferred: env.runners.length === 1,
      }));
    }
    case 'command-empty-argument':
    case 'pattern-empty':
    case 'cluster-duplicate':
      return removeItem(code === 'cluster-duplicate' ? `Remove the second "${value}"` : 'Remove the empty item');
    case 'cluster-slug-invalid': {
      const nearest = nearestSlug(value);
      return nearest && !/[<>$]|\{\{/.test(value)
        ? [set(`Change to "${nearest}"`, JSON.stringify(nearest))]
        : removeItem(`Remove "${value}"`);
    }
    case 'clusters-empty': {
      const clusters = model.targets.get(targetNameAt(model, d))?.clustersValue;
      const used = [...new Set(model.config.targets.flatMap((t) => t.clusters.map((c) => c.value)))].filter(
        (c) => c && !nearestSlugDiffers(c),
      );
      return clusters?.kind === 'array'
        ? used.map((c) => ({ title: `Add cluster "${c}"`, edits: [addArrayItem(lines, clusters, c)], preferred: used.length === 1 }))
        : [];
    }
    case 'root-absolute':
    case 'root-outside-project':
    case 'root-not-found':
    case 'root-not-directory': {
      const to =
        code === 'root-absolute'
          ? relativeFromAbsolute(value, uri, '.')
          : code === 'root-outside-project' && hasParentSegment(value) && !climbsOut(value)
            ? normalizeRel(value)
            : '.';
      return [set(`Change root to "${to}"`, JSON.stringify(to))];
    }
    case 'pattern-absolute': {
      const to = relativeFromAbsolute(value, uri);
      return to === '.' ? removeItem(`Remove "${value}"`) : [set(`Change to "${to}"`, JSON.stringify(to))];
    }
    case 'pattern-outside-root':
      return climbsOut(value)
        ? removeItem(`Remove "${value}"`)
        : [set(`Change to "${normalizeRel(value)}"`, JSON.stringify(normalizeRel(value)))];
    case 'exclude-names-folder':
    case 'include-matches-nothing': {
      const trimmed = value.trim();
      const to = trimmed.endsWith('/') ? wholeFolder(trimmed) : trimmed !== value ? trimmed : undefined;
      return to ? [set(`Change to "${to}"`, JSON.stringify(to))] : [];
    }
    case 'table-array-not-allowed': {
      const name = written.replace(/^\[\[\s*|\s*\]\]$/g, '');
      const twice =
        env.doc.sections.filter((s) => s.header && s.header.key.map((k) => k.name).join('.') === name.replace(/\s/g, '')).length > 1;
      return twice ? [] : [set(`Change to [${name}]`, `[${name}]`)];
    }
    case 'wrong-type': {
      const data = d.data as { wrapInArray?: boolean; replacement?: unknown } | undefined;
      if (data?.wrapInArray && /^["']/.test(written)) return [set('Wrap the value in [ ]', `[${written}]`)];
      return typeof data?.replacement === 'string' ? [set(`Change to ${data.replacement}`, data.replacement)] : [];
    }
  }
  return [];
}

function unquote(written: string): string {
  if (/^"""|^'''/.test(written)) return written.slice(3, -3);
  if (/^"/.test(written)) {
    try {
      return JSON.parse(written) as string;
    } catch {
      return written.slice(1, -1);
    }
  }
  return /^'/.test(written) ? written.slice(1, -1) : written;
}

/** The array (include, exclude, command, clusters) holding an item that starts at `offset`. */
function itemAt(model: ConfigModel, offset: number): { array: ArrayNode; index: number } | undefined {
  for (const { value } of model.values.values()) {
    if (value.kind !== 'array') continue;
    const index = value.items.findIndex((i) => i.start === offset);
    if (index >= 0) return { array: value, index };
  }
  return undefined;
}

function targetNameAt(model: ConfigModel, d: Diagnostic): string {
  for (const t of model.config.targets) {
    const clusters = model.values.get(`targets.${t.name.value}.clusters`);
    const r = clusters?.valueRange ?? t.name.range;
    if (r.start.line === d.range.start.line && r.start.character === d.range.start.character) return t.name.value;
  }
  return '';
}

function nearestSlugDiffers(cluster: string): boolean {
  return nearestSlug(cluster) !== cluster;
}
