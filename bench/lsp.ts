// The language server as VS Code drives it: `dist/server.js` over stdio on a generated project
// (--files selected files, default 20,000, plus 40,000 in an ignored .venv). Prints each goal of
// issue 12 with the figure measured and a reference measured in the same run.
// Run: npm run bench:lsp [-- --files 100000]   (builds dist/ first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { TYPING_DEBOUNCE_MS } from '../server/src/lsp/languageServer';
import { FILE_DEBOUNCE_MS } from '../server/src/lsp/fileEvents';
import { benchTree, loadNote, median, runBench } from './artifactBenchUtil';
import { LspClient, type Received } from './lspClient';
import { CONFIG, generateTree } from './lspTree';
import { ProjectIndex } from '../server/src/artifact/projectIndex';
import { selectArtifactFiles } from '../server/src/artifact/select';
import { ModuleCache } from '../server/src/artifact/preview/moduleCache';
import { resolveDiscovery } from '../server/src/artifact/discovery/index';
import { HeldPreviews } from '../client/src/artifact/model/heldPreviews';
import type { ArtifactPreview } from '../server/src/shared/protocol';

const flag = process.argv.indexOf('--files');
const FILES = flag > 0 ? Number(process.argv[flag + 1]) : 20_000;
const VENV_FILES = 40_000;
const KEYSTROKES = Number(process.env.BENCH_RUNS ?? 25);
const tree = benchTree('bench-lsp-');
const project = join(tree.dir, `project-${FILES}`);
const configPath = join(project, 'tilebox.workflow.toml');
const uri = pathToFileURL(configPath).href;

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}
const ms = (n: number) => `${n.toFixed(0)} ms`;
/** The four slowest of `walls` by number (1-based), each with what `name` says of it. */
function slowest(walls: number[], name: (i: number) => string = () => ''): string {
  const order = walls.map((_, i) => i).sort((a, b) => walls[b] - walls[a]);
  return `${order
    .slice(0, 4)
    .map((i) => `#${i + 1}${name(i)} ${ms(walls[i])}`)
    .join(', ')} of ${walls.length}`;
}
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Median wall time of `runs` calls of `work`. */
function timed(work: () => void, runs = 3): number {
  return median(
    Array.from({ length: runs }, () => {
      const start = performance.now();
      work();
      return performance.now() - start;
    }),
  );
}

/** `find <root> -type f -printf '%s %p\n'`: one stat per file, the floor of a first selection. */
function findFloorMs(): number {
  return timed(() => spawnSync('find', [project, '-type', 'f', '-printf', '%s %p\n'], { stdio: ['ignore', 'ignore', 'inherit'] }));
}

/**
 * What Node itself needs for a first preview, measured in this process: every folder the selection walks listed
 * (`readdirSync` with types, the ignored .venv and .git skipped) and every file in them stat'ed once, on one thread,
 * no rules; then the answer's JSON made and parsed (the server and the client each do one of those).
 */
function nodeWalkMs(): number {
  return timed(() => {
    const stack = [project];
    for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === '.venv' || entry.name === '.git') continue;
        const full = join(dir, entry.name);
        if (entry.isDirectory()) stack.push(full);
        else statSync(full);
      }
    }
  });
}

/** Reading every selected Python file once (`cat`): with find's stats, the unavoidable part of a first preview that lists tasks. */
function readPythonMs(): number {
  return timed(() =>
    spawnSync('sh', ['-c', 'find app src -name "*.py" -exec cat {} + > /dev/null'], {
      cwd: project,
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
}

/**
 * Measured here, in the same run: what a file event or an include change cannot avoid on this tree. Task discovery
 * across the selected modules when the set of modules changes (a Python file created: the cross-file step runs
 * again; artifact/discovery, which caches per file), and serialising the preview's answer (every file's path and size).
 */
async function inProcessFloors(include: string[]): Promise<{ discoveryMs: number; previewJsonMs: number; previewParseMs: number }> {
  const config = { slug: 'lsp-bench', root: '.', include, exclude: ['**/__pycache__/**'], useGitignore: true };
  const selection = await selectArtifactFiles(project, config, { index: new ProjectIndex() });
  const { modules } = await new ModuleCache().facts(selection.files);
  const discovery: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    resolveDiscovery(i % 2 === 0 ? modules : modules.slice(1)); // another length: no patching of the last module index
    discovery.push(performance.now() - start);
  }
  const preview = {
    root: project,
    files: selection.files.map(({ path, size }) => ({ path, size })),
    excluded: [],
    totalBytes: 0,
    tasks: [],
  };
  const json: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const text = JSON.stringify({ jsonrpc: '2.0', id: i, result: preview });
    json.push(performance.now() - start);
    const parseStart = performance.now();
    JSON.parse(text);
    parse.push(performance.now() - parseStart);
  }
  return { discoveryMs: median(discovery.slice(1)), previewJsonMs: median(json.slice(1)), previewParseMs: median(parse.slice(1)) };
}

/**
 * One config edit: when its first and its complete diagnostics came. An edit that changes the artifact ends with
 * artifactChanged (and `onFirst` may ask for the preview); one that does not sends none, so its diagnostics are
 * complete when no further publish for the version came within a quiet second.
 */
async function edit(client: LspClient, version: number, text: string, changes: boolean, onFirst?: (m: Received) => void) {
  const isMine = (m: Received) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version;
  const cpuBefore = client.cpuMs();
  const first = client.next(isMine);
  const changed = changes ? client.next((m) => m.method === 'tilebox/artifactChanged' && m.params.uri === uri) : undefined;
  const sent = performance.now();
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  const firstAt = (await first).at;
  onFirst?.(await first);
  const endAt = changed ? (await changed).at : await quiet(client, 1000);
  const publishes = client.log.filter((m) => m.at >= sent && m.at <= endAt && m.method === 'textDocument/publishDiagnostics');
  const fullAt = publishes.length > 0 ? publishes[publishes.length - 1].at : firstAt;
  if (!changed && client.log.some((m) => m.at >= sent && m.method === 'tilebox/artifactChanged'))
    throw new Error('an edit that keeps the selection announced a changed artifact');
  return { first: firstAt - sent - TYPING_DEBOUNCE_MS, full: fullAt - sent - TYPING_DEBOUNCE_MS, cpu: client.cpuMs() - cpuBefore };
}

/** Waits until the server has sent nothing for `ms`; returns when that quiet began. */
async function quiet(client: LspClient, ms: number): Promise<number> {
  for (;;) {
    const last = client.log.length > 0 ? client.log[client.log.length - 1].at : 0;
    const wait = last + ms - performance.now();
    if (wait <= 0) return last;
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** The preview as the extension asks for it: naming the one it holds, so the server may send only what changed. */
const held = new HeldPreviews();
async function requestPreview(client: LspClient): Promise<ArtifactPreview> {
  const have = held.have(uri);
  const answer = (await client.request('tilebox/artifactPreview', have.length ? { uri, have } : { uri })).result;
  const whole = held.take(uri, answer);
  if (!whole) throw new Error(`the server's patch does not apply to the preview held (${JSON.stringify(answer).slice(0, 200)})`);
  return whole;
}

async function fileEvent(client: LspClient, file: string, type: 1 | 3): Promise<{ wall: number; cpu: number }> {
  const rel = file.slice(project.length + 1);
  const cpuBefore = client.cpuMs();
  if (type === 1) writeFileSync(file, 'VALUE = 1\n');
  else rmSync(file);
  const changed = client.next((m) => m.method === 'tilebox/artifactChanged' && m.params.uri === uri);
  const sent = performance.now();
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type }] });
  await changed;
  const preview = await requestPreview(client);
  const has = preview.files.some((f: { path: string }) => f.path === rel);
  if (has !== (type === 1)) throw new Error(`preview after the event does not show ${rel} ${type === 1 ? 'created' : 'deleted'}`);
  return { wall: performance.now() - sent, cpu: client.cpuMs() - cpuBefore };
}

async function main(): Promise<void> {
  let client: LspClient | undefined;
  try {
    await measure((c) => {
      client = c;
    });
  } catch (error) {
    client?.child.kill(); // a failed run must not leave the server holding the bench open
    throw error;
  }
}

async function measure(started: (client: LspClient) => void): Promise<void> {
  const server = resolve(process.env.BENCH_SERVER ?? 'dist/server.js');
  if (!existsSync(server)) throw new Error('dist/server.js missing: npm run build');
  if (!existsSync(configPath)) {
    mkdirSync(project, { recursive: true });
    generateTree(project, FILES, VENV_FILES);
  }
  console.log(`project: ${FILES} selected files + ${VENV_FILES} in an ignored .venv (${project})`);
  const findMs = findFloorMs();
  const catMs = readPythonMs();
  const nodeMs = nodeWalkMs();

  const client = new LspClient(server);
  started(client);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(project).href,
    capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'bench' }],
  });
  client.notify('initialized', {});
  const text = CONFIG(['app/**', 'src/**']);
  const opened = performance.now();
  const firstDiagnostics = client.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text } });
  let preview = await requestPreview(client);
  const openPreviewMs = performance.now() - opened;
  if (preview.files.length !== FILES + 1)
    throw new Error(`expected ${FILES + 1} files in the preview, got ${preview.files.length} (${preview.error ?? ''})`);
  // The first answer lists the files; the tasks follow once the Python files are read (the server says when).
  while (preview.tasksPending) {
    await client.next((m) => m.method === 'tilebox/artifactChanged' && m.params.uri === uri);
    preview = await requestPreview(client);
  }
  const openTasksMs = performance.now() - opened;
  if (preview.tasks.length === 0) throw new Error('the complete preview found no tasks');
  const openDiagnosticsMs = (await firstDiagnostics).at - opened;
  const rssAfterOpen = client.peakRssMb();
  await new Promise((r) => setTimeout(r, 500));

  // The floor under every figure below: a request that does almost nothing (symbols of a 10-line config), round trip.
  const roundTrips: number[] = [];
  for (let k = 0; k < KEYSTROKES; k++) {
    const start = performance.now();
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    roundTrips.push(performance.now() - start);
  }
  let version = 1;
  const same: { first: number; full: number; cpu: number }[] = [];
  for (let k = 0; k < KEYSTROKES; k++) same.push(await edit(client, ++version, CONFIG(['app/**', 'src/**'], `edit ${k}`), false));
  const changing: { first: number; full: number; cpu: number }[] = [];
  const previewAfter: number[] = [];
  const includes: string[] = [];
  for (let k = 0; k < KEYSTROKES; k++) {
    // A new narrow pattern, back to all of src/, then only its Python files (the same modules as all of src/).
    const include = ['app/**', [`src/pkg${Math.floor(k / 3) % 10}/**`, 'src/**', 'src/**/*.py'][k % 3]];
    let asked: Promise<number> | undefined;
    changing.push(
      await edit(client, ++version, CONFIG(include), true, (m) => {
        asked = requestPreview(client).then(() => performance.now() - m.at);
      }),
    );
    previewAfter.push(await asked!);
    includes.push(include[1]);
  }
  // The file events below need all of src/ selected again.
  if (KEYSTROKES % 3 !== 2) await edit(client, ++version, CONFIG(['app/**', 'src/**']), true);
  const events: { wall: number; cpu: number }[] = [];
  for (let k = 0; k < KEYSTROKES; k++) {
    const file = join(project, 'src', 'pkg0', 'mod0', `new${k}.py`);
    events.push(await fileEvent(client, file, 1));
    events.push(await fileEvent(client, file, 3));
  }
  const rss = client.peakRssMb();
  await client.close();
  const floors = await inProcessFloors(['app/**', 'src/**']);

  const rssGoal = FILES <= 20_000 ? 150 : 250;
  console.log(
    `reference: find -type f -printf '%s %p\\n' over the tree: ${ms(findMs)}; reading the selected .py files (cat): ${ms(catMs)}`,
  );
  console.log(
    `floors measured in this process: task discovery over the ${FILES / 2} modules when their set changes ${ms(floors.discoveryMs)}, serialising the preview's answer ${ms(floors.previewJsonMs)} (parsing it ${ms(floors.previewParseMs)})`,
  );
  const nodeFloor = nodeMs + floors.previewJsonMs + floors.previewParseMs;
  console.log(
    `reference: Node listing the walked folders and stat'ing each file once, one thread, no rules: ${ms(nodeMs)} (${(nodeMs / findMs).toFixed(2)}x find); with the answer's JSON made and parsed: ${ms(nodeFloor)}`,
  );
  console.log(`open -> first diagnostics: ${ms(openDiagnosticsMs)}  (goal <= 300 ms: ${verdict(openDiagnosticsMs <= 300)})`);
  console.log(
    `open -> first preview: ${ms(openPreviewMs)} = ${(openPreviewMs / findMs).toFixed(2)}x find  (goal <= 1.5x find + 100 ms = ${ms(1.5 * findMs + 100)}: ${verdict(openPreviewMs <= 1.5 * findMs + 100)}); ` +
      `${(openPreviewMs / nodeFloor).toFixed(2)}x Node's floor above; tasks found (the preview complete) ${ms(openTasksMs)} = ${(openTasksMs / (findMs + catMs)).toFixed(2)}x find + cat`,
  );
  const cpu = (label: string, values: number[]) =>
    console.log(`${label}: server CPU (all threads) p50 ${ms(median(values))}, p95 ${ms(p95(values))}`);
  const line = (label: string, values: number[], goal: number) =>
    console.log(`${label}: p50 ${ms(median(values))}, p95 ${ms(p95(values))}  (goal p95 <= ${goal} ms: ${verdict(p95(values) <= goal)})`);
  console.log(
    `reference: a trivial request's round trip (symbols of the config) p50 ${ms(median(roundTrips))}, p95 ${ms(p95(roundTrips))}`,
  );
  console.log(`keystrokes (${KEYSTROKES} each; server work = time - the ${TYPING_DEBOUNCE_MS} ms typing debounce):`);
  line(
    '  selection unchanged -> first diagnostics',
    same.map((s) => s.first),
    10,
  );
  line(
    '  selection unchanged -> complete diagnostics',
    same.map((s) => s.full),
    10,
  );
  line(
    '  build.include changed -> first diagnostics',
    changing.map((s) => s.first),
    40,
  );
  line(
    '  build.include changed -> complete diagnostics',
    changing.map((s) => s.full),
    40,
  );
  line('  build.include changed -> preview response after the diagnostics', previewAfter, 60);
  // As for file events: name the include edits behind the p95 (a pattern's first use tests it against every path).
  const firstUse = (i: number) => (includes.indexOf(includes[i]) === i ? ' (first use)' : '');
  console.log(`  slowest previews: ${slowest(previewAfter, (i) => ` ${includes[i]}${firstUse(i)}`)}`);
  cpu(
    '  selection unchanged',
    same.map((s) => s.cpu),
  );
  cpu(
    '  build.include changed (to the complete diagnostics)',
    changing.map((s) => s.cpu),
  );
  line(
    `file created/deleted -> preview showing it (debounce ${FILE_DEBOUNCE_MS} ms included)`,
    events.map((e) => e.wall),
    FILE_DEBOUNCE_MS + 50,
  );
  // Where a p95 sits depends on a few events: name them (the first event of a run also warms the code it takes).
  console.log(`  slowest: ${slowest(events.map((e) => e.wall))}`);
  cpu(
    '  created, up to the preview answered',
    events.filter((_, i) => i % 2 === 0).map((e) => e.cpu),
  );
  cpu(
    '  deleted, up to the preview answered',
    events.filter((_, i) => i % 2 === 1).map((e) => e.cpu),
  );
  console.log(
    `server peak RSS: ${rss.toFixed(0)} MB, ${rssAfterOpen.toFixed(0)} MB of it reached by the first preview  (goal <= ${rssGoal} MB: ${verdict(rss <= rssGoal)})`,
  );
  console.log(loadNote());
}

runBench(main, tree);
