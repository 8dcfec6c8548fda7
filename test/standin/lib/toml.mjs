// A tiny TOML reader for the few keys the stand-in needs: tables, dotted table names, strings, booleans,
// numbers and (multi-line) arrays of those. Not a conforming parser; the extension uses smol-toml.
export function readToml(text) {
  const root = {};
  let table = root;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = stripComment(lines[i]).trim();
    if (!line) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      table = root;
      for (const part of header[1].split('.').map((p) => p.trim().replace(/^"(.*)"$/, '$1'))) table = table[part] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`line ${i + 1}: expected key = value`);
    const key = line
      .slice(0, eq)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    let value = line.slice(eq + 1).trim();
    while (value.startsWith('[') && !balanced(value) && i + 1 < lines.length) value += ` ${stripComment(lines[++i]).trim()}`;
    table[key] = parseValue(value, i + 1);
  }
  return root;
}

function stripComment(line) {
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote && line[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function balanced(v) {
  let depth = 0;
  let quote = null;
  for (const c of v) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
  }
  return depth === 0;
}

function parseValue(v, lineNo) {
  if (v.startsWith('"')) return JSON.parse(v);
  if (v.startsWith("'")) return v.slice(1, v.lastIndexOf("'"));
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v.startsWith('[')) {
    const inner = v.slice(1, v.lastIndexOf(']'));
    const items = [];
    let cur = '';
    let quote = null;
    for (const c of inner) {
      if (quote) {
        cur += c;
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") {
        quote = c;
        cur += c;
      } else if (c === ',') {
        if (cur.trim()) items.push(parseValue(cur.trim(), lineNo));
        cur = '';
      } else cur += c;
    }
    if (cur.trim()) items.push(parseValue(cur.trim(), lineNo));
    return items;
  }
  throw new Error(`line ${lineNo}: cannot read value ${v}`);
}
