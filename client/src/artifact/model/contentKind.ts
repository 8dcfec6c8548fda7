// How a file from a release archive will look in the editor, told before it is opened. The
// read-only file system hands VS Code the exact bytes, so VS Code's own rules apply: a NUL in
// the first 512 bytes (without a UTF-16 BOM) makes it binary (VS Code shows "not displayed …
// binary" instead of garbage), and text that is not UTF-8 opens with `files.encoding` and can be
// reopened with another encoding. Pure.

export type ContentKind = 'text' | 'utf16' | 'not-utf8' | 'binary';

/** VS Code's binary sniffing window. */
const BINARY_SNIFF_BYTES = 512;
/** Enough of the file to judge its encoding without decoding a huge file. */
const UTF8_SNIFF_BYTES = 64 * 1024;

export function contentKind(bytes: Uint8Array): ContentKind {
  if (hasUtf16Bom(bytes)) return 'utf16';
  const head = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (head.includes(0)) return 'binary';
  try {
    // `stream: true` so a multi-byte character cut by the window is not mistaken for bad UTF-8.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, UTF8_SNIFF_BYTES), { stream: bytes.length > UTF8_SNIFF_BYTES });
    return 'text';
  } catch {
    return 'not-utf8';
  }
}

function hasUtf16Bom(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

/** The word the archive tree shows next to the size, and the tooltip line saying what opening does. */
export function contentNote(kind: ContentKind): { label?: string; tooltip?: string } {
  switch (kind) {
    case 'binary':
      return { label: 'binary', tooltip: 'Binary file: the editor does not show it as text (it offers "Open Anyway").' };
    case 'not-utf8':
      return {
        label: 'not UTF-8',
        tooltip: 'Not UTF-8: it opens with your `files.encoding`; use "Reopen with Encoding" if it looks wrong.',
      };
    case 'utf16':
      return { tooltip: 'UTF-16 text (byte order mark): the editor decodes it as such.' };
    default:
      return {};
  }
}
