// Completion: table headers, keys per table (documented from keyDocs), values (booleans,
// runner candidates, cluster slugs already used in the file, common patterns) and the codes
// inside `# tilebox: ignore` comments.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES } from './codes';
import { cursorAt, type Cursor } from './cursor';
import { keyDoc, keyMarkdown, keysOf, TABLE_DOCS, tableMarkdown, type KeyDoc } from './keyDocs';
import { IGNORE_COMMENT } from './ignoreComments';
import type { Section, TomlDocument, ValueNode } from './toml/ast';
import { buildModel } from './model';
import { LineIndex } from './toml/lineIndex';
import { parseToml } from './toml/parser';

export interface CompletionContext {
  runnerCandidates: string[];
  /** The search for runner candidates was cut short: what it left out, shown as a last item. */
  runnerNotice?: string;
  /** Codes other modules emit (artifact warnings), offered in ignore comments too. */
  extraCodes?: readonly { code: string; description: string }[];
}

const PATTERNS: Record<string, string[]> = {
  include: ['pyproject.toml', 'uv.lock', 'tilebox.workflow.toml', '**/*.py', 'README.md'],
  exclude: ['.venv/**', '**/__pycache__/**', '**/*.pyc', '.pytest_cache/**', 'tests/**'],
};

/**
 * When completion at `offset` lists runner candidates (the only completion that reads files): the
 * `[workflow].root` the text names, as written ("." when absent), for the root gate. Else undefined.
 */
export function runnerCompletionRoot(text: string, offset: number): string | undefined {
  const doc = parseToml(text);
  const cursor = cursorAt(text, doc, offset);
  if (cursor.kind !== 'value' || cursor.array || cursor.path.length !== 2 || cursor.path.join('.') !== 'workflow.runner') return undefined;
  return buildModel(doc, new LineIndex(text), []).config.root?.value ?? '.';
}

export function complete(text: string, offset: number, ctx: CompletionContext): CompletionItem[] {
  const doc = parseToml(text);
  const lines = new LineIndex(text);
  const cursor = cursorAt(text, doc, offset);
  const range = (start: number, end: number) => lines.range(start, end);
  switch (cursor.kind) {
    case 'comment':
      return commentItems(text, cursor.comment.start, offset, ctx, range);
    case 'header':
      return headerItems(doc, range(cursor.wordStart, cursor.wordEnd), cursor.closed, false);
    case 'key':
      return keyItems(text, doc, cursor, range(cursor.wordStart, cursor.wordEnd));
    case 'value':
      return valueItems(text, doc, cursor, offset, ctx, range);
    default:
      return [];
  }
}

function commentItems(
  text: string,
  start: number,
  offset: number,
  ctx: CompletionContext,
  range: (s: number, e: number) => Range,
): CompletionItem[] {
  const before = text.slice(start, offset);
  if (IGNORE_COMMENT.test(before)) {
    const word = /[A-Za-z0-9-]*$/.exec(before)![0];
    const listed = new Set(IGNORE_COMMENT.exec(before)![1].split(/[\s,]+/));
    const codes = [...DIAGNOSTIC_CODES, ...(ctx.extraCodes ?? [])];
    return codes
      .filter((c) => !listed.has(c.code) || c.code === word)
      .filter((c, i, all) => all.findIndex((x) => x.code === c.code) === i)
      .map((c) => ({
        label: c.code,
        kind: CompletionItemKind.EnumMember,
        detail: 'tilebox diagnostic code',
        documentation: c.description,
        textEdit: { range: range(offset - word.length, offset), newText: c.code },
      }));
  }
  if ('# tilebox: ignore'.startsWith(before.replace(/\s+/g, ' ')) || /^#\s*$/.test(before)) {
    return [
      {
        label: 'tilebox: ignore',
        kind: CompletionItemKind.Keyword,
        detail: 'Silence a tilebox diagnostic on the next line',
        textEdit: { range: range(start, offset), newText: '# tilebox: ignore ' },
        command: { title: 'codes', command: 'editor.action.triggerSuggest' },
      },
    ];
  }
  return [];
}

function headerItems(doc: TomlDocument, range: Range, closed: boolean, withBrackets: boolean): CompletionItem[] {
  const defined = new Set<string>(doc.sections.flatMap((s) => (s.header?.key.length === 1 ? [s.header.key[0].name] : [])));
  return TABLE_DOCS.filter((t) => t.name === 'targets' || !defined.has(t.name)).map((t, i) => {
    const name = t.name === 'targets' ? 'targets.${1:dev}' : t.name;
    const body = withBrackets ? `[${name}]\n$0` : closed ? name : `${name}]`;
    return {
      label: withBrackets ? t.header : t.name === 'targets' ? 'targets.<name>' : t.name,
      kind: CompletionItemKind.Module,
      documentation: { kind: MarkupKind.Markdown, value: tableMarkdown(t) },
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `${withBrackets ? 'z' : 'a'}${i}`,
      textEdit: { range, newText: body },
    };
  });
}

function keyItems(text: string, doc: TomlDocument, cursor: Cursor & { kind: 'key' }, range: Range): CompletionItem[] {
  const rest = text.slice(cursor.wordEnd, text.indexOf('\n', cursor.wordEnd) < 0 ? text.length : text.indexOf('\n', cursor.wordEnd));
  const hasValue = /^\s*=/.test(rest);
  const table = tableKind(cursor.table);
  const items: CompletionItem[] = [];
  if (table) {
    const present = presentKeys(cursor.section);
    for (const k of keysOf(table)) {
      if (present.has(k.key) && text.slice(cursor.wordStart, cursor.wordEnd) !== k.key) continue;
      if (table === 'workflow' && ((k.key === 'runner' && present.has('command')) || (k.key === 'command' && present.has('runner'))))
        continue;
      items.push(keyItem(k, range, hasValue));
    }
  }
  if (!hasValue) items.push(...headerItems(doc, range, false, true));
  return items;
}

function keyItem(k: KeyDoc, range: Range, hasValue: boolean): CompletionItem {
  return {
    label: k.key,
    kind: CompletionItemKind.Property,
    detail: k.required ? 'required' : 'optional',
    documentation: { kind: MarkupKind.Markdown, value: keyMarkdown(k) },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `${k.required ? 'a' : 'b'}${k.key}`,
    textEdit: { range, newText: hasValue ? k.key : k.snippet },
  };
}

function valueItems(
  text: string,
  doc: TomlDocument,
  cursor: Cursor & { kind: 'value' },
  offset: number,
  ctx: CompletionContext,
  range: (s: number, e: number) => Range,
): CompletionItem[] {
  const table = tableKind(cursor.path.slice(0, -1));
  const key = cursor.path[cursor.path.length - 1];
  if (!table || !keyDoc(table, key)) return [];
  const node = cursor.node;
  const inString = node?.kind === 'string' && offset > node.start;
  // Replace the string's content, or the whole token being typed.
  const replace = inString
    ? range(node.start + 1, node.closed ? node.end - 1 : Math.max(offset, node.end))
    : node && node.kind !== 'array'
      ? range(node.start, node.end)
      : range(offset, offset);
  const quoted = (v: string) => (inString ? v : JSON.stringify(v));
  const items = (values: string[], kind: CompletionItemKind, detail: string) =>
    [...new Set(values)].map((v, i) => ({
      label: v,
      kind,
      detail,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range: replace, newText: quoted(v) },
    }));

  if (key === 'use_gitignore' && !inString) {
    return ['true', 'false'].map((v) => ({ label: v, kind: CompletionItemKind.Value, textEdit: { range: replace, newText: v } }));
  }
  if (key === 'runner' && !cursor.array) {
    const found = items(ctx.runnerCandidates, CompletionItemKind.Reference, 'Runner object found in the project');
    if (!ctx.runnerNotice) return found;
    // Always listed last, whatever is typed, and accepting it leaves the text as it is.
    const typed = inString
      ? text.slice(node.start + 1, node.closed ? node.end - 1 : Math.max(offset, node.end))
      : node
        ? text.slice(node.start, node.end)
        : '';
    return [
      ...found,
      {
        label: 'More Runner objects may exist',
        kind: CompletionItemKind.Text,
        detail: `The search ${ctx.runnerNotice}; type the import path if yours is not listed.`,
        sortText: '~',
        filterText: typed,
        textEdit: { range: replace, newText: typed },
      },
    ];
  }
  if (key === 'root' && !cursor.array) return items(['.'], CompletionItemKind.Folder, 'The folder of tilebox.workflow.toml');
  if (!cursor.array || (node && node.kind !== 'string')) return [];
  const already = new Set(cursor.array.items.flatMap((i) => (i.kind === 'string' && i !== node ? [i.value] : [])));
  if (key === 'clusters') {
    return items(
      usedClusters(doc).filter((c) => !already.has(c)),
      CompletionItemKind.Value,
      'Cluster used in this file',
    );
  }
  if (key === 'include' || key === 'exclude') {
    return items(
      PATTERNS[key].filter((p) => !already.has(p)),
      CompletionItemKind.File,
      `Common ${key} pattern`,
    );
  }
  void text;
  return [];
}

function tableKind(path: string[]): KeyDoc['table'] | undefined {
  if (path.length === 1 && (path[0] === 'workflow' || path[0] === 'build')) return path[0];
  if (path.length === 2 && path[0] === 'targets') return 'target';
  return undefined;
}

function presentKeys(section: Section): Set<string> {
  return new Set(section.entries.map((e) => e.key[0]?.name).filter((n): n is string => !!n));
}

function usedClusters(doc: TomlDocument): string[] {
  const out: string[] = [];
  const collect = (v: ValueNode | undefined) => {
    if (v?.kind === 'array') for (const i of v.items) if (i.kind === 'string' && i.value) out.push(i.value);
  };
  for (const s of doc.sections) {
    for (const e of s.entries) {
      const names = [...(s.header?.key ?? []), ...e.key].map((k) => k.name);
      if (names[names.length - 1] === 'clusters') collect(e.value);
      if (e.value?.kind === 'table') for (const inner of e.value.entries) if (inner.key[0]?.name === 'clusters') collect(inner.value);
    }
  }
  return out;
}
