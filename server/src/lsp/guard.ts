// The server must never crash on any input: every handler runs through `guard`, which logs
// the error to the connection's console and answers with a harmless fallback.
import type { RemoteConsole } from 'vscode-languageserver';

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function guard<A extends unknown[], R>(
  console: RemoteConsole,
  name: string,
  fallback: R,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      console.error(`tilebox: ${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}
