// Quick fixes for the validator's diagnostics (and `selection-has-venv` from the artifact
// engine): rename a misspelled key, add a missing key or table, remove the second of
// runner/command, add ".venv/**" to exclude or a lock file to include, and "Ignore <code> here".
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { closest } from './didYouMean';
import { addArrayItem, deleteStatement, eolOf, insertLineAfter, insertLineBefore } from './edits';
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
      case 'missing-slug':
        fix(`Add slug = "${slugFromUri(uri)}"`, d, [insertLineAfter(lines, d.range.start.line, `slug = "${slugFromUri(uri)}"`, firstEntryLine(doc, lines, 'workflow', d.range.start.line))], true);
        break;
      case 'missing-runner':
        fix(`Add runner = "${STARTER_RUNNER}"`, d, [insertLineAfter(lines, d.range.start.line, `runner = "${STARTER_RUNNER}"`, firstEntryLine(doc, lines, 'workflow', d.range.start.line))], true);
        break;
      case 'missing-include':
        fix('Add include = [...]', d, [insertLineAfter(lines, d.range.start.line, `include = ${STARTER_INCLUDE}`, firstEntryLine(doc, lines, 'build', d.range.start.line))], true);
        break;
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
        const eol = eolOf(text);
        const at = { line: 0, character: 0 };
        fix('Add a [workflow] table', d, [{ range: { start: at, end: at }, newText: `[workflow]${eol}slug = "${slugFromUri(uri)}"${eol}runner = "${STARTER_RUNNER}"${eol}${eol}` }], true);
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

/** Indent new keys like the table's existing first key. */
function firstEntryLine(doc: TomlDocument, lines: LineIndex, table: string, fallback: number): number {
  const section = doc.sections.find((s) => s.header?.key.length === 1 && s.header.key[0].name === table);
  const first = section?.entries[0];
  return first ? lines.position(first.start).line : fallback;
}

function slugFromUri(uri: string): string {
  let decoded = uri;
  try { decoded = decodeURIComponent(uri); } catch { /* keep the raw uri */ }
  const parts = decoded.split(/[\\/]/).filter(Boolean);
  const dir = parts.length >= 2 ? parts[parts.length - 2] : '';
  const slug = dir.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 100);
  return slug || 'my-workflow';
}
