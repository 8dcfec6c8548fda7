// POSIX tar (ustar) headers for the release archive, with a pax extended header in front of an
// entry only when its path or size does not fit the ustar fields. Only what the archive needs:
// regular files, owner 0:0 without names, mtime 0. Written here rather than through a streaming
// tar library because per-entry stream machinery cost more than reading and compressing
// thousands of small sources.
export const BLOCK = 512;

export interface TarFileEntry {
  /** POSIX path inside the archive. */
  path: string;
  size: number;
  mode: number;
}

const MAX_OCTAL_SIZE = 0o77777777777;

/** The header block(s) for one file: 512 bytes, or 512 + pax data padded + 512. */
export function fileHeader(entry: TarFileEntry): Buffer {
  const name = Buffer.from(entry.path, 'utf8');
  const split = splitName(name);
  const bigSize = entry.size > MAX_OCTAL_SIZE;
  if (split && !bigSize) return ustar(split.name, split.prefix, entry.mode, entry.size, '0');
  const records: string[] = [];
  if (!split) records.push(paxRecord('path', entry.path));
  if (bigSize) records.push(paxRecord('size', String(entry.size)));
  const pax = Buffer.from(records.join(''), 'utf8');
  const padded = Buffer.alloc(pax.length + padding(pax.length));
  pax.copy(padded);
  const paxName = Buffer.from('PaxHeader', 'ascii');
  const own = split ?? { name: name.subarray(name.length - Math.min(name.length, 100)), prefix: Buffer.alloc(0) };
  return Buffer.concat([
    ustar(paxName, Buffer.alloc(0), 0o644, pax.length, 'x'),
    padded,
    ustar(own.name, own.prefix, entry.mode, bigSize ? 0 : entry.size, '0'),
  ]);
}

/** Zero bytes that round `size` up to whole blocks. */
export function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** Two zero blocks end a tar archive. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);

/** ustar keeps up to 100 bytes of name plus 155 of prefix, split at a `/`. */
function splitName(name: Buffer): { name: Buffer; prefix: Buffer } | undefined {
  if (name.length <= 100) return { name, prefix: Buffer.alloc(0) };
  for (let i = Math.min(name.length - 1, 155); i > 0; i--) {
    if (name[i] === 0x2f && name.length - i - 1 <= 100 && name.length - i - 1 > 0) {
      return { name: name.subarray(i + 1), prefix: name.subarray(0, i) };
    }
  }
  return undefined;
}

/** A pax record: "<length> <key>=<value>\n", where length counts the whole record in bytes. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyBytes = Buffer.byteLength(body, 'utf8');
  let length = bodyBytes + String(bodyBytes).length;
  if (String(length).length !== String(bodyBytes).length) length = bodyBytes + String(length).length;
  return `${length}${body}`;
}

/** The fields every header shares: owner 0:0 without names, mtime 0, ustar magic, no device. */
const TEMPLATE = (() => {
  const block = Buffer.alloc(BLOCK);
  octal(block, 108, 8, 0); // uid
  octal(block, 116, 8, 0); // gid
  octal(block, 136, 12, 0); // mtime
  block.write('ustar\u000000', 257, 'binary'); // magic "ustar\0", version "00"
  octal(block, 329, 8, 0); // devmajor
  octal(block, 337, 8, 0); // devminor
  return block;
})();

function ustar(name: Buffer, prefix: Buffer, mode: number, size: number, type: '0' | 'x'): Buffer {
  const block = Buffer.allocUnsafe(BLOCK);
  TEMPLATE.copy(block);
  name.copy(block, 0, 0, Math.min(name.length, 100));
  octal(block, 100, 8, mode);
  octal(block, 124, 12, size);
  block[156] = type.charCodeAt(0);
  prefix.copy(block, 345, 0, Math.min(prefix.length, 155));
  // The checksum is the byte sum with its own field counted as eight spaces.
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += block[i];
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'binary');
  return block;
}

/** A zero-padded octal number filling `width - 1` bytes, then NUL. */
function octal(block: Buffer, offset: number, width: number, value: number): void {
  block.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, 'ascii');
}
