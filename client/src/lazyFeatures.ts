// Everything activation loads later, as one module: esbuild.config.mjs bundles it into its own file
// (dist/lazyFeatures.js) so VS Code compiles only the small dist/extension.js before calling activate().
export { startLanguageClient } from './languageClient';
export { registerArtifactUi } from './artifact/register';
export { startTrustedFeatures } from './views/trustedFeatures';
export { registerPythonLenses } from './lenses/register';
