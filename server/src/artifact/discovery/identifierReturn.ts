// Reads the expression after `return` in `identifier()`: `"name", "v1.0"` or `("name", "v1.0")`,
// with implicitly concatenated strings and module-level string constants.
import type { Token } from './tokenize';
import { hasTopLevelComma, matchingClose, splitTopLevel } from './tokenHelpers';

export interface StringPart {
  /** Undefined when the element is not a literal (or an f-string with fields). */
  value?: string;
  first: Token;
  last: Token;
  /** True for a literal that is certainly not a string (number, None, True, False). */
  notString?: boolean;
  /** The element's source text, shown when its value cannot be read statically. */
  text: string;
}

export interface IdentifierReturn {
  /** Present when the expression is a tuple literal. */
  elements?: StringPart[];
  first: Token;
  last: Token;
}

export function readIdentifierReturn(tokens: Token[]): IdentifierReturn | undefined {
  if (tokens.length === 0) return undefined;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  let inner = tokens;
  if (tokens[0].text === '(' && matchingClose(tokens, 0) === tokens.length - 1) inner = tokens.slice(1, -1);
  // `("a")` is just a string; only a comma makes a tuple.
  if (!hasTopLevelComma(inner)) return { first, last };
  return { first, last, elements: splitTopLevel(inner).map(readPart) };
}

function readPart(part: Token[]): StringPart {
  const first = part[0];
  const last = part[part.length - 1];
  const text = part.map((t) => t.text).join('');
  if (part.every((t) => t.kind === 'string')) {
    const values = part.map((t) => t.value);
    return { first, last, text, value: values.every((v) => v !== undefined) ? values.join('') : undefined };
  }
  const notString = part.length === 1 && (part[0].kind === 'number' || ['None', 'True', 'False'].includes(part[0].text));
  return { first, last, text, notString };
}

/** Resolve a bare NAME element against module-level string constants. */
export function resolveConstant(part: StringPart, constants: Map<string, Token[]>): StringPart {
  if (part.value !== undefined || part.first !== part.last || part.first.kind !== 'name') return part;
  const tokens = constants.get(part.first.text);
  if (!tokens) return part;
  const values = tokens.map((t) => t.value);
  if (values.some((v) => v === undefined)) return part;
  // Diagnostics stay on the returned name, which is what the user sees in identifier().
  return { ...part, value: values.join('') };
}
