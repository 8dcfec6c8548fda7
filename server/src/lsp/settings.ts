// `tilebox.diagnostics.severity` per document, read through workspace/configuration scoped to
// the document so a folder's own settings win in multi-root workspaces. Cached until the client
// says the configuration changed.
import type { Connection } from 'vscode-languageserver';
import type { SeverityOverrides } from '../config/index';

const SECTION = 'tilebox.diagnostics.severity';
const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Keeps only well-formed entries, so a hand-edited settings.json cannot break validation. */
export function sanitizeSeverity(value: unknown): SeverityOverrides {
  const result: SeverityOverrides = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return result;
  for (const [code, level] of Object.entries(value)) {
    if (typeof level === 'string' && LEVELS.has(level)) result[code] = level as SeverityOverrides[string];
  }
  return result;
}

export class SeveritySettings {
  private readonly cache = new Map<string, Promise<SeverityOverrides>>();
  /** Used when the client cannot answer workspace/configuration (settings pushed instead). */
  private pushed: SeverityOverrides = {};

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  forDocument(uri: string): Promise<SeverityOverrides> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then(sanitizeSeverity, () => ({}));
      this.cache.set(uri, entry);
    }
    return entry;
  }

  /** didChangeConfiguration: forget everything; `settings` is the pushed value when there is one. */
  changed(settings: unknown): void {
    this.cache.clear();
    const tilebox = (settings as { tilebox?: { diagnostics?: { severity?: unknown } } } | null)?.tilebox;
    this.pushed = sanitizeSeverity(tilebox?.diagnostics?.severity);
  }
}
