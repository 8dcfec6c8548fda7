// Splits a zstd stream into its frames and bounds each frame's decompressed size from the
// headers alone, so an archive that would inflate past a cap is refused before it is inflated
// (the binding only decompresses whole buffers). Format: RFC 8878, sections 3.1.1-3.1.2.

const ZSTD_MAGIC = 0xfd2fb528;
const MAX_BLOCK = 128 * 1024;

export interface ZstdFrame {
  start: number;
  end: number;
  /** Upper bound of the decompressed size (exact when the header carries the content size). */
  maxSize: number;
  skippable: boolean;
}

export class ZstdFormatError extends Error {
  override name = 'ZstdFormatError';
}

export function splitFrames(data: Uint8Array): ZstdFrame[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const frames: ZstdFrame[] = [];
  if (data.length === 0) throw new ZstdFormatError('the file is empty');
  let at = 0;
  const need = (n: number, what: string) => {
    if (at + n > data.length) throw new ZstdFormatError(`the zstd data ends inside ${what} at byte ${at} (truncated download?)`);
  };
  while (at < data.length) {
    need(4, 'a frame header');
    const magic = view.getUint32(at, true);
    const start = at;
    if ((magic & 0xfffffff0) === 0x184d2a50) {
      need(8, 'a skippable frame');
      const size = view.getUint32(at + 4, true);
      at += 8;
      need(size, 'a skippable frame');
      at += size;
      frames.push({ start, end: at, maxSize: 0, skippable: true });
      continue;
    }
    if (magic !== ZSTD_MAGIC) {
      throw new ZstdFormatError(
        start === 0 ? 'this is not zstd-compressed data' : `unexpected data after the zstd frame ending at byte ${start}`,
      );
    }
    at += 4;
    need(1, 'a frame header');
    const descriptor = data[at++];
    const fcsFlag = descriptor >> 6;
    const singleSegment = (descriptor >> 5) & 1;
    const checksum = (descriptor >> 2) & 1;
    const dictBytes = [0, 1, 2, 4][descriptor & 3];
    if (!singleSegment) at += 1;
    at += dictBytes;
    const fcsBytes = [singleSegment ? 1 : 0, 2, 4, 8][fcsFlag];
    need(fcsBytes, 'a frame header');
    let contentSize: number | undefined;
    if (fcsBytes === 1) contentSize = data[at];
    else if (fcsBytes === 2) contentSize = view.getUint16(at, true) + 256;
    else if (fcsBytes === 4) contentSize = view.getUint32(at, true);
    else if (fcsBytes === 8) contentSize = Number(view.getBigUint64(at, true));
    at += fcsBytes;
    let bound = 0;
    for (let last = false; !last; ) {
      need(3, 'a block header');
      const header = data[at] | (data[at + 1] << 8) | (data[at + 2] << 16);
      at += 3;
      last = (header & 1) === 1;
      const type = (header >> 1) & 3;
      const size = header >>> 3;
      if (type === 3) throw new ZstdFormatError(`corrupt zstd block at byte ${at - 3}`);
      const stored = type === 1 ? 1 : size;
      need(stored, 'a block');
      at += stored;
      bound += type === 2 ? MAX_BLOCK : size;
    }
    if (checksum) {
      need(4, 'a frame checksum');
      at += 4;
    }
    frames.push({ start, end: at, maxSize: contentSize ?? bound, skippable: false });
  }
  return frames;
}
