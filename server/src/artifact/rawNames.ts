// File names whose bytes are not UTF-8: Node decodes them with U+FFFD, so they cannot be opened
// by that name. The selection reads the raw bytes (rarely) to name such a file in its message.
import * as fs from 'node:fs';

/** Names in this folder (as Node decodes them) whose bytes are not UTF-8, with their raw bytes. */
export function nonUtf8Names(abs: string): Map<string, Buffer[]> {
  const out = new Map<string, Buffer[]>();
  let raws: Buffer[];
  try {
    raws = fs.readdirSync(abs, { encoding: 'buffer' });
  } catch {
    return out;
  }
  for (const raw of raws) {
    const name = raw.toString('utf8');
    if (!Buffer.from(name, 'utf8').equals(raw)) out.set(name, [...(out.get(name) ?? []), raw]);
  }
  return out;
}

/** `caf\xe9.py`: the UTF-8 parts as text, every other byte as `\xNN`. */
export function escapeName(raw: Buffer): string {
  let out = '';
  for (let i = 0; i < raw.length; ) {
    const lead = raw[i];
    const length =
      lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    const piece = length > 0 ? raw.subarray(i, i + length) : undefined;
    const text = piece && piece.length === length ? piece.toString('utf8') : undefined;
    if (text !== undefined && Buffer.from(text, 'utf8').equals(piece!)) {
      out += text;
      i += length;
    } else {
      out += `\\x${lead.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}
