// Quick fixes for the config's diagnostics (the validator's and the artifact preview's): every
// code with a mechanical repair gets one (valueFixes.ts changes single values, addKey.ts and
// addWorkflowTable.ts place what is missing; here: which fix each code gets, misspelled names). "Ignore <code> here" only for
// codes publishing survives: hiding an error the CLI refuses would only defer the failure.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { PUBLISH_BLOCKING_CODES } from './codes';
import { closest } from './didYouMean';
import { addArrayItem, deleteStatement, eolOf, insertLineBefore } from './edits';
import { keysOf } from './keyDocs';
import { buildModel } from './model';
import { includeFromFiles, tomlArray } from './includeFromFiles';
import { folderSlug } from './repairs';
import { IGNORE_COMMENT } from './ignoreComments';
import type { KeyValue, TomlDocument } from './toml/ast';
import { LineIndex } from './toml/lineIndex';
import { parseToml } from './toml/parser';
import { valueFixes, type Fix } from './valueFixes';
import { addExclude, addKey } from './addKey';
import { addWorkflowTable } from './addWorkflowTable';

const STARTER_INCLUDE = ['pyproject.toml', 'uv.lock', '**/*.py'];
const STARTER_RUNNER = 'runner:runner';

/** What the server knows about the project beyond the text, for fixes that pick from it. */
export interface FixContext {
  /** `module:object` of each Runner found in the project's Python files. */
  runners?: readonly string[];
  /** POSIX paths relative to the workflow root: the top level, one folder down, and `src/<pkg>/`. */
  files?: readonly string[];
}

export function codeActions(text: string, uri: string, diagnostics: Diagnostic[], context: FixContext = {}): CodeAction[] {
  const lines = new LineIndex(text);
  const doc = parseToml(text);
  const model = buildModel(doc, lines, []);
  const runners = context.runners ?? [];
  const include = tomlArray((context.files && includeFromFiles(context.files)) ?? STARTER_INCLUDE);
  const actions: CodeAction[] = [];
  const fix = (title: string, diagnostic: Diagnostic, edits: TextEdit[], isPreferred = false) =>
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [uri]: edits } } });

  for (const d of diagnostics) {
    const code = typeof d.code === 'string' ? d.code : undefined;
    if (!code) continue;
    const offsetStart = lines.offset(d.range.start);
    const offsetEnd = lines.offset(d.range.end);
    const written = text.slice(offsetStart, offsetEnd);
    const add = (f: Fix) => fix(f.title, d, f.edits, f.preferred);
    valueFixes(code, d, { uri, doc, lines, model, runners }).forEach(add);
    switch (code) {
      case 'ignore-unknown-code': {
        const replacement = (d.data as { replacement?: unknown } | undefined)?.replacement;
        if (typeof replacement === 'string')
          fix(`Change "${written}" to "${replacement}"`, d, [{ range: d.range, newText: replacement }], true);
        continue; // "Ignore ignore-unknown-code here" would only add noise
      }
      case 'unknown-key':
      case 'unknown-table': {
        const data = d.data as { replacement?: unknown } | undefined;
        const replacement = typeof data?.replacement === 'string' ? data.replacement : suggestion(code, written, doc, offsetStart);
        if (replacement && /^[A-Za-z0-9_-]+$/.test(written))
          fix(`Change "${written}" to "${replacement}"`, d, [{ range: d.range, newText: replacement }], true);
        break;
      }
      case 'missing-slug':
      case 'missing-include': {
        const [table, key, value, title] =
          code === 'missing-slug'
            ? ['workflow', 'slug', `"${folderSlug(uri)}"`, `Add slug = "${folderSlug(uri)}"`]
            : ['build', 'include', include, `Add include = ${include}`];
        const edit = addKey(doc, lines, table, key, value);
        if (edit) fix(title, d, [edit], true);
        break;
      }
      case 'missing-runner':
        for (const runner of runners.length ? runners : [STARTER_RUNNER]) {
          const edit = addKey(doc, lines, 'workflow', 'runner', JSON.stringify(runner));
          if (edit) fix(`Add runner = "${runner}"`, d, [edit], runners.length <= 1);
        }
        break;
      case 'include-empty':
        if (written.trim().startsWith('[')) fix(`Use include = ${include}`, d, [{ range: d.range, newText: include }], true);
        break;
      case 'missing-build-table': {
        const eol = eolOf(text);
        const end = lines.position(text.length);
        const lead = text.length === 0 || /\n$/.test(text) ? '' : eol;
        fix(
          'Add a [build] table',
          d,
          [{ range: { start: end, end }, newText: `${lead}${eol}[build]${eol}include = ${include}${eol}` }],
          true,
        );
        break;
      }
      case 'missing-workflow-table': {
        const edit = addWorkflowTable(doc, lines, folderSlug(uri), runners[0] ?? STARTER_RUNNER);
        if (edit) fix('Add a [workflow] table', d, [edit], true);
        break;
      }
      case 'runner-and-command': {
        const kv = statementWithKeyAt(doc, offsetStart);
        if (kv) fix(`Remove ${written}`, d, [deleteStatement(lines, kv)], true);
        break;
      }
      case 'selection-has-venv':
      case 'include-sweeps-venv': {
        const edit = addExclude(model, doc, lines, '.venv/**');
        if (edit) fix('Add ".venv/**" to exclude', d, [edit], true);
        break;
      }
      case 'selection-has-pycache': {
        const edit = addExclude(model, doc, lines, '**/__pycache__/**');
        if (edit) fix('Add "**/__pycache__/**" to exclude', d, [edit], true);
        break;
      }
      case 'selection-has-secret':
      case 'selection-large-file': {
        const path = (d.data as { exclude?: unknown } | undefined)?.exclude;
        const edit = typeof path === 'string' ? addExclude(model, doc, lines, path) : undefined;
        if (edit) fix(`Add "${path}" to exclude`, d, [edit], true);
        break;
      }
      case 'pyproject-not-included':
      case 'uv-lock-not-included':
      case 'runner-not-in-artifact': {
        const file =
          code === 'uv-lock-not-included'
            ? 'uv.lock'
            : code === 'pyproject-not-included'
              ? 'pyproject.toml'
              : (d.data as { include?: unknown } | undefined)?.include;
        const array = model.values.get('build.include')?.value;
        if (array?.kind === 'array' && typeof file === 'string')
          fix(`Add "${file}" to include`, d, [addArrayItem(lines, array, file)], true);
        break;
      }
    }
    if (!PUBLISH_BLOCKING_CODES.has(code)) actions.push(ignoreAction(lines, uri, d, code));
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

function suggestion(code: string, written: string, doc: TomlDocument, offset: number): string | undefined {
  if (code === 'unknown-table') return closest(written, ['workflow', 'build', 'targets']);
  const section = [...doc.sections].reverse().find((s) => !s.header || s.header.start <= offset);
  const table = section?.header?.key[0]?.name;
  const kind = table === 'targets' ? 'target' : table === 'workflow' || table === 'build' ? table : undefined;
  return kind
    ? closest(
        written,
        keysOf(kind).map((k) => k.key),
      )
    : undefined;
}

function statementWithKeyAt(doc: TomlDocument, offset: number): KeyValue | undefined {
  for (const s of doc.sections) for (const e of s.entries) if (e.key.some((k) => k.start === offset)) return e;
  return undefined;
}
