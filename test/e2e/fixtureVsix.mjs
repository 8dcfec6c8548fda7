// A second extension of our own for a scenario (a TOML extension next to ours, test/e2e/fixtures/): packaged with
// vsce at test time, since the marketplace is out of reach, once per content of its folder (cached by a hash in
// .e2e-cache/fixture-vsix/, so editing the fixture repackages it and a rerun does not).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { cache, root } from './harness-paths.mjs';

/** The VSIX of the extension in `folder` (relative to the repository root), packaged when its files changed. */
export function fixtureVsix(folder) {
  const dir = resolve(root, folder);
  const hash = createHash('sha256');
  for (const f of readdirSync(dir, { recursive: true }).sort()) {
    if (!statSync(join(dir, f)).isFile()) continue;
    hash
      .update(`${f}\0`)
      .update(readFileSync(join(dir, f)))
      .update('\0');
  }
  const out = join(cache, 'fixture-vsix', `${basename(dir)}-${hash.digest('hex').slice(0, 12)}.vsix`);
  if (existsSync(out)) return out;
  mkdirSync(join(cache, 'fixture-vsix'), { recursive: true });
  // vsce writes nothing into the folder it packages, but runs in a copy anyway: two test processes may package at once.
  const stage = mkdtempSync(join(tmpdir(), 'tilebox-fixture-vsix-'));
  try {
    cpSync(dir, stage, { recursive: true });
    const tmpOut = `${out}.${process.pid}.tmp`; // next to `out`, so the rename never crosses file systems
    const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
    execFileSync('node', [vsce, 'package', '--out', tmpOut, '--allow-missing-repository', '--skip-license', '--no-dependencies'], {
      cwd: stage,
      stdio: 'pipe',
      timeout: 60_000,
    });
    renameSync(tmpOut, out);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  return out;
}
