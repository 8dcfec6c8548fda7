// Resolves `import 'vscode'` to the views' fake (the commands fake plus trees, status bar, trust, files), and
// the language client to a stub that starts no server.
export async function resolve(specifier, context, next) {
  if (specifier === 'vscode') return { url: new URL('./fakeVscodeViews.mjs', import.meta.url).href, shortCircuit: true };
  if (specifier === 'vscode-languageclient/node') return { url: new URL('./fakeLanguageClient.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
