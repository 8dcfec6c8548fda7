// Seeded mutations of real configs, for the fuzz and schema-agreement tests: what an editor
// sends while someone types, pastes or opens the wrong file. Same seed, same documents.

/** mulberry32: a tiny deterministic PRNG, so a failure names a reproducible seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '[',
  ']',
  '[[',
  ']]',
  '"',
  "'",
  '"""',
  "'''",
  '=',
  '#',
  '\\',
  ',',
  '{',
  '}',
  '.',
  '\n',
  '\r',
  '\t',
  ' ',
  'true',
  '1e9',
  '-',
  ':',
  '$',
  '<',
  '>',
  '*',
  '/',
  '..',
];
const ODD = ['\u0000', '\u0001', '\u007f', '\ufeff', '\ufffd', '\ud800', '\udc00', '\u2028', '\u00a0', '\ud83d\ude00', '\u0301'];

type Mutation = (text: string, rnd: () => number) => string;
const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)];
const at = (text: string, rnd: () => number) => Math.floor(rnd() * (text.length + 1));
const splitLines = (text: string) => text.split('\n');

export const MUTATIONS: Record<string, Mutation> = {
  deleteChar: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1);
  },
  duplicateChar: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i, i + 1) + t.slice(i);
  },
  swapChars: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1, i + 2) + t.slice(i, i + 1) + t.slice(i + 2);
  },
  deleteRange: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 20));
  },
  deleteLine: (t, r) => {
    const ls = splitLines(t);
    ls.splice(Math.floor(r() * ls.length), 1);
    return ls.join('\n');
  },
  duplicateLine: (t, r) => {
    const ls = splitLines(t);
    const i = Math.floor(r() * ls.length);
    ls.splice(i, 0, ls[i]);
    return ls.join('\n');
  },
  swapLines: (t, r) => {
    const ls = splitLines(t);
    const i = Math.floor(r() * ls.length);
    const j = Math.floor(r() * ls.length);
    [ls[i], ls[j]] = [ls[j], ls[i]];
    return ls.join('\n');
  },
  insertToken: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(TOKENS, r) + t.slice(i);
  },
  insertOdd: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(ODD, r) + t.slice(i);
  },
  insertBinary: (t, r) => {
    const i = at(t, r);
    const bytes = Array.from({ length: 1 + Math.floor(r() * 8) }, () => String.fromCharCode(Math.floor(r() * 256)));
    return t.slice(0, i) + bytes.join('') + t.slice(i);
  },
  bom: (t) => `\ufeff${t}`,
  crlf: (t) => t.replace(/\r?\n/g, '\r\n'),
  loneCr: (t, r) => {
    const ls = splitLines(t);
    const i = Math.floor(r() * ls.length);
    ls[i] += '\r';
    return ls.join('\n');
  },
  tabs: (t) => t.replace(/^ +/gm, '\t').replace(/ = /g, '\t=\t'),
  truncate: (t, r) => t.slice(0, at(t, r)),
  spliceOther: (t, r) => {
    const i = at(t, r);
    const j = at(t, r);
    return t.slice(0, Math.min(i, j)) + t.slice(Math.max(i, j)) + t.slice(Math.min(i, j), Math.max(i, j));
  },
};

const NAMES = Object.keys(MUTATIONS);

/** `count` documents, each one real config with 1-4 mutations, deterministic per seed. */
export function* mutatedDocuments(bases: readonly string[], count: number, seed: number): Generator<{ text: string; recipe: string }> {
  const rnd = prng(seed);
  for (let n = 0; n < count; n++) {
    const base = Math.floor(rnd() * bases.length);
    let text = bases[base];
    const steps: string[] = [];
    for (let k = 1 + Math.floor(rnd() * 4); k > 0; k--) {
      const name = pick(NAMES, rnd);
      text = MUTATIONS[name](text, rnd);
      steps.push(name);
    }
    yield { text, recipe: `seed ${seed} #${n}: base ${base}, ${steps.join(' > ')}` };
  }
}
