// Guards for the extension's security promises that no behaviour test pins down: a workspace cannot choose the
// binary the editor runs, and no process is built from a shell string or given the key on its command line.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [{ file: relative(root, path), text: readFileSync(path, 'utf8') }] : [];
  });
}
const code = [...sources(join(root, 'client', 'src')), ...sources(join(root, 'server', 'src'))];

test('tilebox.cli.path cannot be set by a workspace and, with tilebox.apiUrl, is ignored in untrusted workspaces', () => {
  const props =
    pkg.contributes.configuration.properties ??
    Object.assign({}, ...pkg.contributes.configuration.map((c: { properties: object }) => c.properties));
  // 'application' (shown under User settings, also in a browser window) and 'machine' both refuse workspace values.
  assert.ok(['application', 'machine'].includes(props['tilebox.cli.path'].scope), 'a workspace settings.json must not pick the binary');
  const untrusted = pkg.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  for (const key of ['tilebox.cli.path', 'tilebox.apiUrl']) assert.ok(untrusted.restrictedConfigurations.includes(key), key);
});

test('no process is started through a shell string or with the API key as an argument', () => {
  const offenders = code.flatMap(({ file, text }) => {
    const found: string[] = [];
    if (/\bShellExecution\b/.test(text)) found.push('ShellExecution');
    if (/\.sendText\(/.test(text)) found.push('sendText');
    if (/\bshell:\s*true\b/.test(text)) found.push('shell: true');
    if (/\b(exec|execSync)\(/.test(text) && /child_process/.test(text)) found.push('child_process exec');
    if (!file.endsWith('redact.ts') && /['"`]--api-key/.test(text)) found.push('--api-key argument');
    return found.map((f) => `${file}: ${f}`);
  });
  assert.deepEqual(offenders, []);
});
