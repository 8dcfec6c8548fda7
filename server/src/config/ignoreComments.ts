// `# tilebox: ignore <code>[, <code>...]` comments: which codes each silences on the next line (or, written after
// a statement, on its own line), and a warning for a code that does not exist.
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic, DIAGNOSTIC_CODES, WARNING } from './codes';
import { levenshtein } from './didYouMean';
import type { TomlDocument } from './toml/ast';
import { LineIndex } from './toml/lineIndex';
import { parseToml } from './toml/parser';

export const IGNORE_COMMENT = /^#\s*tilebox:\s*ignore\b[\s:]*(.*)$/i;

/** Line number -> codes ignored on that line. */
export function ignoredCodesByLine(
  text: string,
  lines = new LineIndex(text),
  doc: TomlDocument = parseToml(text),
): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  const { comments } = doc;
  for (const comment of comments) {
    const match = IGNORE_COMMENT.exec(comment.text);
    if (!match) continue;
    const codes = match[1].split(/[\s,]+/).filter((c) => /^[A-Za-z0-9-]+$/.test(c));
    const pos = lines.position(comment.start);
    const before = lines.lineText(pos.line).slice(0, pos.character);
    let line = pos.line;
    if (before.trim() === '') {
      // A comment on its own line applies to the next line that is not itself only a comment.
      line++;
      while (line < lines.lineCount && lines.lineText(line).trim().startsWith('#')) line++;
    }
    const set = result.get(line) ?? new Set<string>();
    for (const c of codes) set.add(c.toLowerCase());
    result.set(line, set);
  }
  return result;
}

/** A typo in an ignore comment silences nothing, silently: say so, with the closest code. */
export function unknownIgnoredCodes(doc: TomlDocument, lines: LineIndex, otherCodes: readonly string[]): Diagnostic[] {
  const known = [...DIAGNOSTIC_CODES.map((c) => c.code as string), ...otherCodes];
  const out: Diagnostic[] = [];
  for (const comment of doc.comments) {
    const match = IGNORE_COMMENT.exec(comment.text);
    if (!match) continue;
    const listStart = comment.start + comment.text.length - match[1].length;
    for (const m of match[1].matchAll(/[^\s,]+/g)) {
      const code = m[0];
      if (known.includes(code.toLowerCase())) continue;
      const near = known.map((k) => ({ k, d: levenshtein(code.toLowerCase(), k) })).sort((a, b) => a.d - b.d)[0];
      const replacement = near && near.d <= Math.max(2, Math.floor(code.length / 4)) ? near.k : undefined;
      const start = listStart + (m.index ?? 0);
      out.push(
        diagnostic(
          'ignore-unknown-code',
          WARNING,
          lines.range(start, start + code.length),
          `"${code}" is not a tilebox diagnostic code, so this comment silences nothing.${replacement ? ` Did you mean "${replacement}"?` : ' Hover a problem to see its code.'}`,
          replacement ? { replacement } : undefined,
        ),
      );
    }
  }
  return out;
}
