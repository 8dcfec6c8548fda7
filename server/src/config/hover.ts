// Hover: the key table's documentation on keys and table headers, and a code's description
// on the codes of a `# tilebox: ignore` comment.
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES } from './codes';
import { keyAt } from './keyAt';
import { keyDoc, keyMarkdown, TABLE_DOCS, tableMarkdown } from './keyDocs';
import { IGNORE_COMMENT } from './ignoreComments';
import { LineIndex } from './toml/lineIndex';
import { parseToml } from './toml/parser';

/** `extraCodes`: codes other modules report in the config (artifact warnings), described on hover too. */
export function hover(text: string, offset: number, extraCodes: readonly { code: string; description: string }[] = []): Hover | undefined {
  const doc = parseToml(text);
  const lines = new LineIndex(text);
  const comment = doc.comments.find((c) => c.start <= offset && offset <= c.end);
  if (comment) {
    if (!IGNORE_COMMENT.test(comment.text)) return undefined;
    const re = /[A-Za-z0-9-]+/g;
    for (let m = re.exec(comment.text); m; m = re.exec(comment.text)) {
      const start = comment.start + m.index;
      const code = [...DIAGNOSTIC_CODES, ...extraCodes].find((c) => c.code === m![0]);
      if (code && start <= offset && offset <= start + m[0].length) {
        return {
          contents: { kind: MarkupKind.Markdown, value: `**${code.code}**\n\n${code.description}` },
          range: lines.range(start, start + m[0].length),
        };
      }
    }
    return undefined;
  }
  const hit = keyAt(doc, offset);
  if (!hit) return undefined;
  const range = lines.range(hit.part.start, hit.part.end);
  const [top, second, third] = hit.path;
  let value: string | undefined;
  if (hit.path.length === 1) {
    const t = TABLE_DOCS.find((d) => d.name === top);
    value = t && tableMarkdown(t);
  } else if (top === 'targets' && hit.path.length === 2) {
    value = `**\`[targets.${second}]\`**\n\nTarget "${second}": deploy to its clusters with \`tilebox workflow deploy --target ${second}\`.`;
  } else if (top === 'targets' && hit.path.length === 3) {
    const k = keyDoc('target', third);
    value = k && keyMarkdown(k);
  } else if ((top === 'workflow' || top === 'build') && hit.path.length === 2) {
    const k = keyDoc(top, second);
    value = k && keyMarkdown(k);
  }
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range } : undefined;
}
