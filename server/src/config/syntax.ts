// Stage 1: the TOML syntax verdict comes from smol-toml (a conforming TOML parser); we turn
// its error into one diagnostic at the exact spot, worded for someone who does not know TOML.
import { parse as parseStrict, TomlError } from 'smol-toml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic, ERROR } from './codes';
import { keySpanAt, offsetOf, unclosedStringBefore, wordAt } from './syntaxSpots';
import type { TomlDocument } from './toml/ast';
import type { LineIndex } from './toml/lineIndex';

const PLAIN_WORDS: [RegExp, (word: string) => string][] = [
  [
    /redefine an already defined/,
    (w) => `${w ? `"${w}"` : 'This key'} is already defined above; each key and table may appear only once. Remove or rename this one.`,
  ],
  [/unfinished string/, () => 'This string is not closed: add the closing quote before the end of the line.'],
  [
    /invalid value/,
    (w) =>
      /^[A-Za-z_.$<-]/.test(w) && !/^(true|false)$/.test(w)
        ? `Text values need quotes: write "${w}" instead of ${w}.`
        : 'Expected a value here: a "quoted string", true or false, a number, or an [array].',
  ],
  [/unfinished array/, () => 'This array is not closed: add "]" after its last item.'],
  [/unfinished table/, () => 'This table is not closed: add the closing bracket.'],
  [/expected comma or end of structure/, () => 'Expected "," between two items, or the closing bracket.'],
  [
    /followed by an end-of-line/,
    () => 'Put each "key = value" on its own line; there is more text after this value (start comments with #).',
  ],
  [/cannot find end of key|unexpected end of key/, () => 'Expected "key = value" here; the "=" is missing.'],
  [/illegal character in key/, () => 'Keys may only contain letters, digits, "_" and "-" (or be written in quotes).'],
  [/illegal empty bare key/, () => 'A key is missing here.'],
  [/end of table array declaration/, () => 'This [[table]] header is not closed: add "]]".'],
  [/control characters/, () => 'This line contains an invisible control character, which TOML does not allow; delete it.'],
];

/** Returns the syntax diagnostic, or undefined when the document is valid TOML. */
export function checkSyntax(text: string, doc: TomlDocument, lines: LineIndex): Diagnostic | undefined {
  try {
    parseStrict(text);
    return undefined;
  } catch (error) {
    let raw = error instanceof Error ? error.message.replace(/^Invalid TOML document: /, '').split('\n')[0] : String(error);
    const offset = error instanceof TomlError ? offsetOf(text, error.line, error.column) : 0;
    // A line break inside a one-line string is reported as a control character: it is an unclosed string.
    if (/control characters.*strings/.test(raw) && /^[\r\n]?$/.test(text[offset] ?? '')) raw = 'unfinished string';
    const key = keySpanAt(doc, offset);
    const unclosed = /unfinished string/.test(raw) ? unclosedStringBefore(doc, offset, lines) : undefined;
    const [start, end] = unclosed ?? key ?? wordAt(text, offset);
    const word = key ? key[2] : text.slice(start, end);
    const rule = PLAIN_WORDS.find(([re]) => re.test(raw));
    const message = rule ? rule[1](word) : `TOML syntax error: ${raw.replace(/\.+$/, '')}.`;
    return diagnostic('toml-syntax', ERROR, lines.range(start, end), message);
  }
}
