// How ids are shown to a user, the same in the views and in the language server's messages.

/** A short, still-distinguishing form of a UUID: its last 8 hex digits (UUIDv7 ids share their time prefix). */
export function shortId(id: string): string {
  const hex = id.replace(/-/g, '');
  return hex.length > 8 ? hex.slice(-8) : id;
}
