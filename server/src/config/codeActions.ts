// Quick fixes for the validator's diagnostics (and `selection-has-venv` from the artifact
// engine): rename a misspelled key, add a missing key or table, remove the second of
// runner/command, add ".venv/**" to exclude or a lock file to include, and "Ignore <code> here".
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { closest } from './didYouMean';
import { addArrayItem, deleteStatement, eolOf, insertLineAfter, insertLineBefore, lineStart } from './edits';
import { keysOf } from './keyDocs';
import { buildModel, type ConfigModel } from './model';
import { IGNORE_COMMENT } from './settings';
import type { KeyValue, TomlDocument } from './toml/ast';
import { LineIndex } from './toml/lineIndex';
import { parseToml } from './toml/parser';

const STARTER_INCLUDE = '["pyproject.toml", "uv.lock", "**/*.py"]';
const STARTER_RUNNER = 'runner:runner';

export function codeActions(text: string, uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const lines = new LineIndex(text);
  const doc = parseToml(text);
  const model = buildModel(doc, lines, []);
  const actions: CodeAction[] = [];
  const fix = (title: string, diagnostic: Diagnostic, edits: TextEdit[], isPreferred = false) =>
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [uri]: edits } } });

  for (const d of diagnostics) {
    const code = typeof d.code === 'string' ? d.code : undefined;
    if (!code) continue;
    const offsetStart = lines.offset(d.range.start);
    const offsetEnd = lines.offset(d.range.end);
    const written = text.slice(offsetStart, offsetEnd);
    switch (code) {
      case 'ignore-unknown-code': {
        const replacement = (d.data as { replacement?: unknown } | undefined)?.replacement;
        if (typeof replacement === 'string') fix(`Change "${written}" to "${replacement}"`, d, [{ range: d.range, newText: replacement }], true);
        continue; // "Ignore ignore-unknown-code here" would only add noise
      }
      case 'unknown-key': case 'unknown-table': {
        const data = d.data as { replacement?: unknown } | undefined;
        const replacement = typeof data?.replacement === 'string' ? data.replacement : suggestion(code, written, doc, offsetStart);
        if (replacement && /^[A-Za-z0-9_-]+$/.test(written)) fix(`Change "${written}" to "${replacement}"`, d, [{ range: d.range, newText: replacement }], true);
        break;
      }
      case 'missing-slug': case 'missing-runner': case 'missing-include': {
        const [table, key, value, title] = code === 'missing-slug' ? ['workflow', 'slug', `"${slugFromUri(uri)}"`, `Add slug = "${slugFromUri(uri)}"`]
          : code === 'missing-runner' ? ['workflow', 'runner', `"${STARTER_RUNNER}"`, `Add runner = "${STARTER_RUNNER}"`]
            : ['build', 'include', STARTER_INCLUDE, 'Add include = [...]'];
        const edit = addKey(doc, lines, table, key, value);
        if (edit) fix(title, d, [edit], true);
        break;
      }
      case 'include-empty':
        if (written.trim().startsWith('[')) fix(`Use include = ${STARTER_INCLUDE}`, d, [{ range: d.range, newText: STARTER_INCLUDE }], true);
        break;
      case 'missing-build-table': {
        const eol = eolOf(text);
        const end = lines.position(text.length);
        const lead = text.length === 0 || /\n$/.test(text) ? '' : eol;
        fix('Add a [build] table', d, [{ range: { start: end, end }, newText: `${lead}${eol}[build]${eol}include = ${STARTER_INCLUDE}${eol}` }], true);
        break;
      }
      case 'missing-workflow-table': {
        const edit = addWorkflowTable(doc, lines, slugFromUri(uri));
        if (edit) fix('Add a [workflow] table', d, [edit], true);
        break;
      }
      case 'runner-and-command': {
        const kv = statementWithKeyAt(doc, offsetStart);
        if (kv) fix(`Remove ${written}`, d, [deleteStatement(lines, kv)], true);
        break;
      }
      case 'wrong-type':
        if ((d.data as { wrapInArray?: boolean } | undefined)?.wrapInArray && /^["']/.test(written)) {
          fix('Wrap the value in [ ]', d, [{ range: d.range, newText: `[${written}]` }], true);
        }
        break;
      case 'selection-has-venv': case 'include-sweeps-venv': {
        const edit = addExclude(model, doc, lines, '.venv/**');
        if (edit) fix('Add ".venv/**" to exclude', d, [edit], true);
        break;
      }
      case 'pyproject-not-included': case 'uv-lock-not-included': {
        const file = code === 'uv-lock-not-included' ? 'uv.lock' : 'pyproject.toml';
        const include = model.values.get('build.include')?.value;
        if (include?.kind === 'array') fix(`Add "${file}" to include`, d, [addArrayItem(lines, include, file)], true);
        break;
      }
    }
    actions.push(ignoreAction(lines, uri, d, code));
  }
  const seen = new Set<string>();
  return actions.filter((a) => !seen.has(a.title) && !!seen.add(a.title));
}

function ignoreAction(lines: LineIndex, uri: string, d: Diagnostic, code: string): CodeAction {
  const line = d.range.start.line;
  const above = line > 0 ? lines.lineText(line - 1) : '';
  const trimmed = above.trim();
  let edit: TextEdit;
  if (IGNORE_COMMENT.test(trimmed)) {
    const end = { line: line - 1, character: above.length };
    edit = { range: { start: end, end }, newText: /ignore[\s:]*$/i.test(trimmed) ? ` ${code}` : `, ${code}` };
  } else {
    edit = insertLineBefore(lines, line, `# tilebox: ignore ${code}`);
  }
  return { title: `Ignore ${code} here`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: [edit] } } };
}

function addExclude(model: ConfigModel, doc: TomlDocument, lines: LineIndex, item: string): TextEdit | undefined {
  if (model.config.exclude.some((e) => /(^|\/)\.venv(\/|$)/.test(e.value.replace(/^\.\//, '')))) return undefined;
  const exclude = model.values.get('build.exclude')?.value;
  if (exclude?.kind === 'array') return addArrayItem(lines, exclude, item);
  if (model.present.has('build.exclude')) return undefined;
  const build = doc.sections.find((s) => s.header?.key.length === 1 && s.header.key[0].name === 'build' && !s.header.arrayOfTables);
  if (!build) return undefined;
  const include = build.entries.find((e) => e.key.length === 1 && e.key[0].name === 'include');
  const anchor = include ?? build.entries[build.entries.length - 1];
  const line = lines.position(anchor ? anchor.end : build.header!.end).line;
  return insertLineAfter(lines, line, `exclude = [${JSON.stringify(item)}]`, anchor ? lines.position(anchor.start).line : line);
}

function suggestion(code: string, written: string, doc: TomlDocument, offset: number): string | undefined {
  if (code === 'unknown-table') return closest(written, ['workflow', 'build', 'targets']);
  const section = [...doc.sections].reverse().find((s) => !s.header || s.header.start <= offset);
  const table = section?.header?.key[0]?.name;
  const kind = table === 'targets' ? 'target' : table === 'workflow' || table === 'build' ? table : undefined;
  return kind ? closest(written, keysOf(kind).map((k) => k.key)) : undefined;
}

function statementWithKeyAt(doc: TomlDocument, offset: number): KeyValue | undefined {
  for (const s of doc.sections) for (const e of s.entries) if (e.key.some((k) => k.start === offset)) return e;
  return undefined;
}

/**
 * Adds `key = value` to the table wherever the file defines it: below a [table] header
 * (indented like its first key), as `table.key = value` next to top-level dotted keys, or into
 * a one-level inline table. Undefined when there is no safe place (e.g. an unclosed `{`).
 */
function addKey(doc: TomlDocument, lines: LineIndex, table: string, key: string, value: string): TextEdit | undefined {
  const section = doc.sections.find((s) => s.header && !s.header.arrayOfTables && s.header.key.length === 1 && s.header.key[0].name === table);
  if (section) {
    const headerLine = lines.position(section.header!.end).line;
    const first = section.entries[0];
    return insertLineAfter(lines, headerLine, `${key} = ${value}`, first ? lines.position(first.start).line : headerLine);
  }
  const top = doc.sections[0].entries.find((e) => e.key[0]?.name === table);
  if (!top) return undefined;
  if (top.key.length > 1) return insertLineBefore(lines, lines.position(top.start).line, `${table}.${key} = ${value}`);
  const inline = top.value;
  if (inline?.kind !== 'table' || !inline.closed) return undefined;
  const first = inline.entries[0];
  const at = lines.position(first ? first.start : inline.start + 1);
  return { range: { start: at, end: at }, newText: first ? `${key} = ${value}, ` : ` ${key} = ${value} ` };
}

/**
 * Keys written at the top of the file with the [workflow] header forgotten get just the header
 * above them; a file without any gets a whole table, placed where it cannot capture top-level
 * keys. Undefined when workflow keys are mixed with other top-level keys.
 */
function addWorkflowTable(doc: TomlDocument, lines: LineIndex, slug: string): TextEdit | undefined {
  const eol = eolOf(lines.text);
  const topEntries = doc.sections[0].entries;
  // `workflow = "x"` or a `[[workflow]]` header already defines the name: a new [workflow] would be a duplicate key.
  const namesWorkflow = (key: KeyValue['key'] | undefined) => key?.[0]?.name === 'workflow';
  if (topEntries.some((e) => namesWorkflow(e.key)) || doc.sections.some((s) => namesWorkflow(s.header?.key))) return undefined;
  const workflowKeys = new Set(keysOf('workflow').map((k) => k.key));
  const isWorkflowKey = (e: KeyValue) => e.key.length === 1 && workflowKeys.has(e.key[0].name);
  const firstKey = topEntries.findIndex(isWorkflowKey);
  if (firstKey >= 0) {
    if (!topEntries.slice(firstKey).every(isWorkflowKey)) return undefined;
    const at = lineStart(lines, lines.position(topEntries[firstKey].start).line);
    return { range: { start: at, end: at }, newText: `[workflow]${eol}` };
  }
  const table = `[workflow]${eol}slug = "${slug}"${eol}runner = "${STARTER_RUNNER}"${eol}`;
  const nextHeader = doc.sections[1]?.header;
  if (!topEntries.length || nextHeader) {
    const at = lineStart(lines, topEntries.length ? lines.position(nextHeader!.start).line : 0);
    return { range: { start: at, end: at }, newText: `${table}${eol}` };
  }
  const end = lines.position(lines.text.length);
  return { range: { start: end, end }, newText: `${/\n$/.test(lines.text) ? '' : eol}${eol}${table}` };
}

function slugFromUri(uri: string): string {
  let decoded = uri;
  try { decoded = decodeURIComponent(uri); } catch { /* keep the raw uri */ }
  const parts = decoded.split(/[\\/]/).filter(Boolean);
  const dir = parts.length >= 2 ? parts[parts.length - 2] : '';
  const slug = dir.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 100);
  return slug || 'my-workflow';
}
