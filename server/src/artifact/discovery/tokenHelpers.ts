// Small helpers over a logical line's tokens: dotted names, bracket matching, comma splitting.
import type { Token } from './tokenize';


export function dottedAt(tokens: Token[], at: number): { dotted: string; end: number } | undefined {
  if (tokens[at]?.kind !== 'name') return undefined;
  let dotted = tokens[at].text;
  let k = at + 1;
  while (tokens[k]?.text === '.' && tokens[k + 1]?.kind === 'name') {
    dotted += '.' + tokens[k + 1].text;
    k += 2;
  }
  return { dotted, end: k };
}

export function matchingClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if ('([{'.includes(tokens[k].text)) depth++;
    else if (')]}'.includes(tokens[k].text) && --depth === 0) return k;
  }
  return tokens.length;
}

export function depthBefore(tokens: Token[], at: number): number {
  let depth = 0;
  for (let k = 0; k < at; k++) {
    if (tokens[k].kind !== 'op') continue;
    if ('([{'.includes(tokens[k].text)) depth++;
    else if (')]}'.includes(tokens[k].text)) depth--;
  }
  return depth;
}

/** Split on commas at bracket depth 0; a trailing comma yields no empty part. */
export function splitTopLevel(tokens: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'op' && '([{'.includes(t.text)) depth++;
    else if (t.kind === 'op' && ')]}'.includes(t.text)) depth--;
    if (t.kind === 'op' && t.text === ',' && depth === 0) parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  if (parts[parts.length - 1].length === 0) parts.pop();
  return parts;
}

/** True when the tokens hold a comma at bracket depth 0 (what makes a Python tuple). */
export function hasTopLevelComma(tokens: Token[]): boolean {
  return tokens.some((t, k) => t.kind === 'op' && t.text === ',' && depthBefore(tokens, k) === 0);
}
