// Types for the fake vscode module (tests only; loose on purpose).
export declare const fake: {
  files: Set<string>;
  settings: Record<string, unknown>;
  configChanged: { fire(e: unknown): void };
  activeEditorChanged: { fire(e: unknown): void };
  documentChanged: { fire(e: unknown): void };
  watchers: { glob: any; created: { fire(u: unknown): void }; deleted: { fire(u: unknown): void }; changed: { fire(u: unknown): void } }[];
  memento: Map<string, unknown>;
  fileSystems: Map<string, { provider: any; options: { isReadonly?: boolean } }>;
};
export declare class EventEmitter<T = any> {
  event: (l: (v: T) => void) => { dispose(): void };
  fire(v: T): void;
  dispose(): void;
}
export declare const FileType: { Unknown: 0; File: 1; Directory: 2; SymbolicLink: 64 };
export declare const FilePermission: { Readonly: 1 };
