// Parses a Python module with a cost bounded by its length, whatever is in it. @lezer/python's error recovery
// costs ~5 µs per character of text dense with errors, 30x a clean parse: 20,000 `.py` files of non-Python text (a
// generated tree, templates, Python 2) kept a preview busy for four minutes. So a file is parsed strictly first
// (which throws at its first error, as cheap as a clean parse up to there). Only a file whose errors are sparse gets
// the error-tolerant parse, where a syntax error costs the statement it is in; a file dense with errors keeps the
// clean top-level statements before its first error.
import type { Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import { lastAtOrBefore } from './syntax';

const strict = parser.configure({ strict: true });

/** Errors any file may have, and one more per this many characters (~50 lines), before it counts as dense with them. */
const ERRORS_ALLOWED = 2;
const CHARS_PER_ERROR = 2048;
/** Shorter prefixes tried before a dense file keeps nothing. */
const PREFIX_TRIES = 3;

export interface ParsedModule {
  /** Trees whose top-level statements are read; positions are the text's. */
  trees: Tree[];
  syntaxErrors: boolean;
}

export function parsePython(text: string): ParsedModule {
  const whole = strictParse(text, 0, text.length);
  if (typeof whole !== 'number') return { trees: [whole], syntaxErrors: false };
  const starts = statementStarts(text);
  if (sparse(text, starts, whole)) return { trees: [parser.parse(text)], syntaxErrors: true };
  return { trees: cleanPrefix(text, starts, whole), syntaxErrors: true };
}

/**
 * The statements before the one a strict parse failed in. An error may show only in a later statement (an unclosed
 * bracket fails at the next `class`), so a prefix that fails too is cut back, a few times at most.
 */
function cleanPrefix(text: string, starts: number[], failedAt: number): Tree[] {
  let k = lastAtOrBefore(starts, failedAt);
  for (let tries = 0; tries < PREFIX_TRIES && k > 0; tries++) {
    const before = strictParse(text, 0, starts[k]);
    if (typeof before !== 'number') return [before];
    k = Math.min(k - 1, lastAtOrBefore(starts, before));
  }
  return [];
}

/** The tree of `from`..`to`, or where a strict parse of it stops. */
function strictParse(text: string, from: number, to: number): Tree | number {
  try {
    return strict.parse(text, undefined, [{ from, to }]);
  } catch (error) {
    const at = /No parse at (\d+)/.exec((error as Error).message);
    if (!at) throw error;
    return Number(at[1]);
  }
}

/**
 * Whether the errors after the first one stay under the allowance: each strict parse resumes at the first top-level
 * statement after the last failure, and stops counting as soon as the allowance is spent (non-Python text fails every
 * line or two, so that is after a few hundred characters).
 */
function sparse(text: string, starts: number[], failedAt: number): boolean {
  const allowed = ERRORS_ALLOWED + Math.floor(text.length / CHARS_PER_ERROR);
  let failures = 1;
  for (let at = failedAt; failures <= allowed; failures++) {
    const next = lastAtOrBefore(starts, at) + 1;
    if (next >= starts.length) return true;
    const failed = strictParse(text, starts[next], text.length);
    if (typeof failed !== 'number') return true;
    at = Math.max(failed, starts[next]);
  }
  return false;
}

/** Offsets of lines that start at column 0 with code (not blank, not a comment): where top-level statements may start. */
function statementStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x23) starts.push(i + 1);
  }
  return starts;
}
