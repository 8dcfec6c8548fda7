// Resolves `import 'vscode'` to the views' fake (the commands fake plus trees, status bar, trust, files).
export async function resolve(specifier, context, next) {
  if (specifier === 'vscode') return { url: new URL('./fakeVscodeViews.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
