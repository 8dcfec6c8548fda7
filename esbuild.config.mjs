// Bundles the entry points (extension, its lazy half, server, CLI, the stat helper thread). The native zstd binding cannot be bundled: it stays
// external and ships in node_modules inside the VSIX (see .vscodeignore).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--outdir=<dir>` lets packaging build into a staging folder without touching the dist/ that tests use.
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external: ['vscode', '@mongodb-js/zstd'],
  logLevel: 'info',
  // The sources are ES modules; server/src/artifact/fileSizes.ts reads import.meta.url only when not bundled.
  logOverride: { 'empty-import-meta': 'silent' },
};

// dist/extension.js holds only what activate() needs at once; `import('./lazyFeatures')` stays a runtime
// require of dist/lazyFeatures.js (esbuild does not split CommonJS), so VS Code compiles ~20 KB, not ~1 MB,
// before activating.
const lazyFeatures = {
  name: 'lazy-features',
  setup(build) {
    build.onResolve({ filter: /^\.\/lazyFeatures$/ }, (args) =>
      args.importer.endsWith('extension.ts') ? { path: './lazyFeatures.js', external: true } : undefined,
    );
  },
};

const builds = [
  // `dynamic-import: false` turns that import() into require(): VS Code's loader hooks see a plain require.
  { entryPoints: { extension: 'client/src/extension.ts' }, plugins: [lazyFeatures], supported: { 'dynamic-import': false } },
  { entryPoints: { lazyFeatures: 'client/src/lazyFeatures.ts' } },
  { entryPoints: { server: 'server/src/server.ts' } },
  { entryPoints: { cli: 'server/src/cli.ts' }, banner: { js: '#!/usr/bin/env node' } },
  // The stat helper thread of server/src/artifact/fileSizes.ts, loaded by path from the server and CLI bundles.
  { entryPoints: { statWorker: 'server/src/artifact/statWorker.ts' } },
];

const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...shared, ...b, outdir })));

// The job panel's icons: the codicon font and stylesheet, served from the extension (a webview loads nothing remote).
const codicons = join(outdir, 'codicons');
mkdirSync(codicons, { recursive: true });
for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(join('node_modules/@vscode/codicons/dist', f), join(codicons, f));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
