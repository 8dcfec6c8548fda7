// The quick fix for a missing [workflow] table: just the header above workflow keys written at the top of the
// file, or a whole table where it cannot capture top-level keys.
import type { TextEdit } from 'vscode-languageserver-types';
import { eolOf, lineStart } from './edits';
import { keysOf } from './keyDocs';
import type { KeyValue, TomlDocument } from './toml/ast';
import type { LineIndex } from './toml/lineIndex';

/**
 * Keys written at the top of the file with the [workflow] header forgotten get just the header
 * above them; a file without any gets a whole table, placed where it cannot capture top-level
 * keys. Undefined when workflow keys are mixed with other top-level keys.
 */
export function addWorkflowTable(doc: TomlDocument, lines: LineIndex, slug: string, runner: string): TextEdit | undefined {
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
  const table = `[workflow]${eol}slug = "${slug}"${eol}runner = ${JSON.stringify(runner)}${eol}`;
  const nextHeader = doc.sections[1]?.header;
  if (!topEntries.length || nextHeader) {
    const at = lineStart(lines, topEntries.length ? lines.position(nextHeader!.start).line : 0);
    return { range: { start: at, end: at }, newText: `${table}${eol}` };
  }
  const end = lines.position(lines.text.length);
  return { range: { start: end, end }, newText: `${/\n$/.test(lines.text) ? '' : eol}${eol}${table}` };
}
