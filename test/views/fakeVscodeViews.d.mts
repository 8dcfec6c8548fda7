// Types for the views' fake vscode module (tests only; loose on purpose).
export { state } from '../commands/fakeVscode.mjs';
export declare const views: {
  trees: Map<string, { id: string; provider: any; visible: boolean; description?: string; revealed: { node: any; o: any }[]; setVisible(v: boolean): void }>;
  statusItems: { id: string; text?: string; tooltip?: any; command?: any; backgroundColor?: any; visible: boolean }[];
  logs: { level: string; text: string }[];
  files: Map<string, string>;
  trusted: boolean;
  grantTrust: { fire(v?: unknown): void };
  configChanged: { fire(e: { affectsConfiguration(key: string): boolean }): void };
  activeEditorChanged: { fire(v?: unknown): void };
  quickPicks: { items: any[]; options: any }[];
};
export declare function contextKeys(): Record<string, unknown>;
export declare function extensionContext(secrets?: Map<string, string>): any;
export declare const window: any;
export declare const workspace: any;
export declare class Uri { static file(p: string): Uri; fsPath: string; scheme: string; path: string }
export declare class EventEmitter<T = void> { event: (l: (v: T) => void, thisArg?: unknown, disposables?: unknown[]) => { dispose(): void }; fire(v: T): void }
