// Types for the fake vscode module (tests only; loose on purpose).
export declare class Uri { static file(p: string): Uri; fsPath: string; scheme: string; path: string }
export declare const window: { activeTextEditor?: unknown };
export declare const state: {
  commands: Map<string, (...args: unknown[]) => Promise<void>>;
  executed: { id: string; args: any[] }[];
  messages: { level: string; text: string; items: string[] }[];
  answers: unknown[];
  terminals: any[];
  taskProviders: { type: string; p: unknown }[];
  debugRegistrations: string[];
  linkProviders: unknown[];
  contentProviders: Map<string, unknown>;
  config: Record<string, unknown>;
  clipboard?: string;
  respond?: (m: { level: string; text: string; items: string[] }) => string | undefined;
  contexts: Map<string, unknown>;
  opened?: string[];
  workspaceFolders: { uri: any; name: string; index: number }[];
  editors: { document: { uri: any; getText(): string }; selection?: { start: { line: number } }; revealed: unknown[] }[];
  panels: FakePanel[];
};
export interface FakePanel {
  viewType: string; title: string; revealed: number; disposed: boolean;
  webview: { html: string; posted: any[] };
  body(): string;
  send(message: unknown): void;
  dispose(): void;
}
