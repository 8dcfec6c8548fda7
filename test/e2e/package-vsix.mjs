// `npm run package`: one VSIX per platform, each carrying only that platform's native zstd binary.
//   node test/e2e/package-vsix.mjs                      all targets → dist/vsix/tilebox-workflows-<target>-<version>.vsix
//   node test/e2e/package-vsix.mjs --target linux-x64   one target
//   node test/e2e/package-vsix.mjs --test-vsix          the host target → dist/tilebox-workflows.vsix (used by e2e)
// Why a staging folder: `vsce --no-dependencies` drops node_modules entirely, and the project's node_modules holds
// only this machine's binary. So each target gets a folder with a production build, the project files that
// .vscodeignore lets through, and exactly @mongodb-js/zstd + its one platform package (from node_modules when it is
// installed, else `npm pack`ed from the registry once and cached in .e2e-cache/zstd-binaries/).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listVsix, unpackVsix } from './vsix.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const zstdVersion = JSON.parse(readFileSync(join(root, 'node_modules/@mongodb-js/zstd/package.json'), 'utf8')).version;

/** vsce target → the @mongodb-js/zstd-<suffix> package that holds its binary (win32-arm64 has none). */
export const TARGETS = {
  'linux-x64': 'linux-x64-gnu',
  'linux-arm64': 'linux-arm64-gnu',
  'alpine-x64': 'linux-x64-musl',
  'alpine-arm64': 'linux-arm64-musl',
  'darwin-x64': 'darwin-x64',
  'darwin-arm64': 'darwin-arm64',
  'win32-x64': 'win32-x64-msvc',
};

export const hostTarget = () => {
  const musl = process.platform === 'linux' && !process.report?.getReport().header.glibcVersionRuntime;
  const os = process.platform === 'linux' ? (musl ? 'alpine' : 'linux') : process.platform;
  return `${os}-${process.arch}`;
};

const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000, encoding: 'utf8', ...opts });

/** Copies @mongodb-js/zstd-<suffix> into dest, from node_modules or from a cached `npm pack` of the registry. */
function fetchBinaryPackage(suffix, dest) {
  const name = `@mongodb-js/zstd-${suffix}`;
  const local = join(root, 'node_modules', name);
  if (existsSync(join(local, 'package.json')) && JSON.parse(readFileSync(join(local, 'package.json'), 'utf8')).version === zstdVersion) {
    cpSync(local, dest, { recursive: true });
    return 'node_modules';
  }
  const cache = join(root, '.e2e-cache/zstd-binaries');
  const tarball = join(cache, `mongodb-js-zstd-${suffix}-${zstdVersion}.tgz`);
  if (!existsSync(tarball)) {
    mkdirSync(cache, { recursive: true });
    run('npm', ['pack', `${name}@${zstdVersion}`, '--pack-destination', cache, '--silent']);
  }
  mkdirSync(dest, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', dest, '--strip-components=1']);
  return 'registry';
}

/** Project files a VSIX may contain: tracked + new files git does not ignore (.vscodeignore then filters). */
function projectFiles() {
  return run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root })
    .split('\0')
    .filter((f) => f && !f.startsWith('node_modules/') && !f.startsWith('dist/') && existsSync(join(root, f)));
}

function stage(target) {
  const dir = mkdtempSync(join(tmpdir(), `tilebox-vsix-${target}-`));
  for (const f of projectFiles()) cpSync(join(root, f), join(dir, f), { recursive: true });
  run('node', ['esbuild.config.mjs', '--production', `--outdir=${join(dir, 'dist')}`], { cwd: root });
  // Everything but zstd is bundled into dist/, so the packaged manifest depends on zstd alone.
  const manifest = { ...pkg, dependencies: { '@mongodb-js/zstd': pkg.dependencies['@mongodb-js/zstd'] } };
  delete manifest.devDependencies;
  manifest.scripts = {};
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const zstd = join(dir, 'node_modules/@mongodb-js/zstd');
  cpSync(join(root, 'node_modules/@mongodb-js/zstd'), zstd, { recursive: true });
  const source = fetchBinaryPackage(TARGETS[target], join(dir, 'node_modules/@mongodb-js', `zstd-${TARGETS[target]}`));
  return { dir, source };
}

/** Checks what went in: the bundles, zstd + exactly this target's binary, no sources/maps/tests. */
export async function verify(vsix, target) {
  const files = await listVsix(vsix);
  const problems = [];
  for (const f of [
    'extension/dist/extension.js',
    'extension/dist/lazyFeatures.js',
    'extension/dist/server.js',
    'extension/dist/cli.js',
    'extension/dist/statWorker.js',
    // The job panel loads only the extension's own files: its script, style and the codicon font.
    'extension/media/jobPanel.js',
    'extension/media/jobPanel.css',
    'extension/dist/codicons/codicon.css',
    'extension/dist/codicons/codicon.ttf',
    'extension/node_modules/@mongodb-js/zstd/index.js',
    `extension/node_modules/@mongodb-js/zstd-${TARGETS[target]}/package.json`,
    'extension/syntaxes/toml.tmLanguage.json',
    'extension/syntaxes/toml.language-configuration.json',
  ]) {
    if (!files.includes(f)) problems.push(`missing ${f}`);
  }
  const binaries = files.filter((f) => f.endsWith('.node'));
  if (binaries.length !== 1 || !binaries[0].includes(TARGETS[target])) problems.push(`native binaries: ${binaries.join(', ') || 'none'}`);
  const stray = files.filter(
    (f) => /\.map$|\.ts$|^extension\/(test|bench|client|server|docs|\.e2e-cache)\//.test(f) && !f.endsWith('.d.ts'),
  );
  if (stray.length) problems.push(`should not ship: ${stray.slice(0, 5).join(', ')}`);
  if (problems.length) throw new Error(`${vsix}: ${problems.join('; ')}`);
  return files.length;
}

/** On the host target: the unpacked bundle's headless CLI runs and the native zstd binding loads. */
export async function smokeTest(vsix) {
  const dir = await unpackVsix(vsix);
  try {
    run('node', [
      '-e',
      `require(${JSON.stringify(join(dir, 'extension/node_modules/@mongodb-js/zstd'))}).compress(Buffer.from('x')).then(()=>{},e=>{console.error(e);process.exit(1)})`,
    ]);
    try {
      run('node', [join(dir, 'extension/dist/cli.js'), '--help']);
    } catch (e) {
      // A usage error still proves the bundle loads; only a crash (missing module, syntax) fails the smoke test.
      if (/Cannot find module|SyntaxError|ReferenceError/.test(`${e.stderr}`)) throw new Error(`dist/cli.js does not start: ${e.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function packageTarget(target, out) {
  if (!TARGETS[target]) throw new Error(`no zstd binary exists for target "${target}" (known: ${Object.keys(TARGETS).join(', ')})`);
  const { dir, source } = stage(target);
  try {
    mkdirSync(dirname(out), { recursive: true });
    run(
      'node',
      [
        join(root, 'node_modules/@vscode/vsce/vsce'),
        'package',
        '--target',
        target,
        '--out',
        out,
        '--allow-missing-repository',
        '--skip-license',
        '--no-rewrite-relative-links',
      ],
      { cwd: dir },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const count = await verify(out, target);
  if (target === hostTarget()) await smokeTest(out);
  const kb = (statSync(out).size / 1024).toFixed(0);
  console.log(
    `${out.replace(root + '/', '')}  ${kb} KB  ${count} files  (zstd binary from ${source})${Number(kb) > 2048 ? '  ⚠ over 2 MB' : ''}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--target');
  try {
    if (args.includes('--test-vsix')) {
      await packageTarget(hostTarget(), join(root, 'dist/tilebox-workflows.vsix'));
    } else {
      const targets = at >= 0 ? [args[at + 1]] : Object.keys(TARGETS);
      for (const t of targets) await packageTarget(t, join(root, 'dist/vsix', `${pkg.name}-${t}-${pkg.version}.vsix`));
    }
  } catch (e) {
    console.error(`package: ${e.stderr || e.message}`);
    process.exit(1);
  }
}
