// Human-readable sizes, shared by the preview's messages and the client's tree (pure).

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1023 → "1023 B", 1536 → "1.5 KB", 12_345_678 → "11.8 MB" (binary multiples, as file managers show). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${value} B`;
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${UNITS[unit]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
