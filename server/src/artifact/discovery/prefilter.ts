// The cheap first look at a Python file. Most files of a big project declare no task, no Runner and
// no class with a base, yet their module-level names still matter across files (a constant an
// identifier f-string reads, a `TASKS = [...]` list, a re-export), so they are not skipped: only
// their top-level imports and assignments are kept (other lines blanked, positions unchanged) and
// parsed, which is a fraction of the full parse.

/** Anything that can declare a task, a Runner or a subtask needs the whole file parsed. */
const NEEDS_FULL_PARSE = /\bclass\s+\w+\s*\(\s*[\w.*]|Runner|\.register\s*\(|submit_subtask|submit_batch/;

export function needsFullParse(text: string): boolean {
  return NEEDS_FULL_PARSE.test(text);
}

const TOP_LEVEL_BINDING = /^(?:from\s|import\s|[A-Za-z_]\w*\s*(?::[^=]*)?=(?!=))/;
const STRINGS = /("""|''')[\s\S]*?\1|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#.*/g;

/** The file with every line blanked except top-level imports and assignments (and their continuation lines). */
export function moduleBindingsOnly(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = new Array(lines.length).fill('');
  let inTriple: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inTriple) {
      if (line.includes(inTriple)) inTriple = countOdd(line, inTriple) ? undefined : inTriple;
      continue;
    }
    if (!TOP_LEVEL_BINDING.test(line)) {
      inTriple = openTriple(line);
      continue;
    }
    // Keep the statement with its continuation lines (open brackets, backslashes, triple-quoted strings).
    let depth = 0;
    for (let j = i; j < lines.length; j++) {
      kept[j] = lines[j];
      const code = lines[j].replace(STRINGS, '""');
      for (const ch of code) depth += '([{'.includes(ch) ? 1 : ')]}'.includes(ch) ? -1 : 0;
      const triple = openTriple(lines[j]);
      if (triple) {
        // A triple-quoted string runs on: keep lines up to its end.
        let k = j + 1;
        while (k < lines.length && !lines[k].includes(triple)) kept[k] = lines[k++];
        if (k < lines.length) kept[k] = lines[k];
        j = k;
        i = k;
        if (depth <= 0) break;
        continue;
      }
      i = j;
      if (depth <= 0 && !lines[j].endsWith('\\')) break;
    }
  }
  return kept.join('\n');
}

/** The triple quote a line leaves open, if any. */
function openTriple(line: string): string | undefined {
  for (const q of ['"""', "'''"]) if (line.includes(q) && countOdd(line, q)) return q;
  return undefined;
}

function countOdd(line: string, q: string): boolean {
  return line.split(q).length % 2 === 0;
}
