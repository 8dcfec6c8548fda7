// Resolves `import 'vscode'` to this folder's fake, for tests that load the artifact UI in plain Node.
export async function resolve(specifier, context, next) {
  if (specifier === 'vscode') return { url: new URL('./fakeVscode.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
