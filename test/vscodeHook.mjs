// Resolves `import 'vscode'` to the one typed fake (test/fakeVscode.ts, loaded through tsx), and the language
// client to a stub that starts no server. Tests register it with `register('<path>/vscodeHook.mjs', import.meta.url)`
// before they import client modules.
export async function resolve(specifier, context, next) {
  // Handed on (not short-circuited) so tsx resolves and compiles the TypeScript fake.
  if (specifier === 'vscode') return next(new URL('./fakeVscode.ts', import.meta.url).href, context);
  if (specifier === 'vscode-languageclient/node') {
    return { url: new URL('./fakeLanguageClient.mjs', import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
