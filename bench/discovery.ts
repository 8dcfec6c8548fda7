// Task discovery on a generated 20,000-module project (bench/discoveryProject.ts), against the
// hand-written tokenizer it replaced (the source at REFERENCE_COMMIT, extracted with git and
// measured in the same run). Run: npm run bench:discovery
// cold = every file through analyzeModule + resolveDiscovery; warm = one file edited: that file
// analysed again + resolveDiscovery(facts, thatFile) over the cached facts of all the others (what its lenses need);
// keystroke = the same edit in an open buffer as the language server handles it (ProjectMemory on the project written
// to disk: the buffer's module parsed, nothing selected or read again, every task re-resolved from the cached facts
// for the project-wide checks), against warm.
// Times are CPU time. Goals (issue 17): cold <= 1x the tokenizer; warm <= 5 ms. Parser choice: BENCH_PARSERS=1 also
// times a bare parse with @lezer/python and with web-tree-sitter (if installed) for comparison.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeModule, resolveDiscovery, type ModuleFacts } from '../server/src/artifact/discovery/index';
import { ProjectMemory } from '../server/src/artifact/preview/index';
import { benchTree, loadNote, median, ratioLine } from './artifactBenchUtil';
import { generateProject, writeProject, type GeneratedFile } from './discoveryProject';

const REFERENCE_COMMIT = '4141eb2';
const REFERENCE_FILES = [
  'index.ts',
  'pythonModule.ts',
  'tokenize.ts',
  'tokenHelpers.ts',
  'identifierReturn.ts',
  'diagnostics.ts',
  'types.ts',
];
const FILES = 20_000;
const RUNS = 5;

type Discover = (files: { path: string; text: string }[]) => { tasks: unknown[] };

async function loadReference(): Promise<Discover> {
  // Inside node_modules so its imports (vscode-languageserver-types) resolve as in the repo.
  const dir = join(process.cwd(), 'node_modules', '.cache', 'tokenizer-discovery');
  mkdirSync(dir, { recursive: true });
  for (const f of REFERENCE_FILES) {
    writeFileSync(
      join(dir, f),
      execFileSync('git', ['show', `${REFERENCE_COMMIT}:server/src/artifact/discovery/${f}`], { encoding: 'utf8' }),
    );
  }
  return ((await import(join(dir, 'index.ts'))) as { discoverTasks: Discover }).discoverTasks;
}

/** CPU time of `fn` (all synchronous, one thread): on a busy machine wall time mostly measures the neighbours. */
function time(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const files = generateProject(FILES);
  const mb = files.reduce((n, f) => n + f.text.length, 0) / 1e6;
  console.log(`discovery bench: ${files.length} modules, ${mb.toFixed(1)} MB. ${loadNote()}`);
  const reference = await loadReference();

  const cold: number[] = [];
  const coldRef: number[] = [];
  let facts: ModuleFacts[] = [];
  let found = 0;
  for (let r = 0; r < RUNS; r++) {
    coldRef.push(
      time(() => {
        reference(files);
      }),
    );
    cold.push(
      time(() => {
        facts = files.map((f) => analyzeModule(f.path, f.text)!);
        found = resolveDiscovery(facts).tasks.length;
      }),
    );
  }
  console.log(ratioLine('cold', cold, coldRef, 1, 'lezer'));

  // Warm: edit one task module (a new field) and recompute.
  const at = files.findIndex((f) => f.text.includes('class Parent'));
  const edited = { ...files[at], text: files[at].text.replace('    count: int\n', '    count: int\n    extra: str = "x"\n') };
  const warm: number[] = [];
  const warmRef: number[] = [];
  for (let r = 0; r < RUNS * 4; r++) {
    warm.push(
      time(() => {
        const next = facts.slice();
        next[at] = analyzeModule(edited.path, edited.text)!;
        resolveDiscovery(next, edited.path);
      }),
    );
    warmRef.push(
      time(() => {
        reference([...files.slice(0, at), edited, ...files.slice(at + 1)]);
      }),
    );
  }
  console.log(ratioLine('warm', warm, warmRef, undefined, 'lezer'));
  console.log(`warm median ${median(warm).toFixed(1)} ms (goal <= 5 ms: ${median(warm) <= 5 ? 'met' : 'NOT met'}); ${found} tasks found`);
  await keystroke(files, edited, warm);

  if (process.env.BENCH_PARSERS) await parsers(files);
}

/** The warm edit typed into an open buffer, through the language server's ProjectMemory (CPU time per keystroke). */
async function keystroke(files: GeneratedFile[], edited: GeneratedFile, warm: number[]): Promise<void> {
  const tree = benchTree('bench-discovery-');
  try {
    writeProject(tree.dir, files);
    const memory = new ProjectMemory();
    const open = new Map<string, ModuleFacts>();
    const overlay = { version: 0, facts: (p: string) => open.get(p), paths: () => open.keys() };
    const config = { slug: 'bench', root: '.', include: ['proj/**/*.py'], exclude: [], useGitignore: false };
    await memory.analyse(tree.dir, config, overlay);
    const abs = join(tree.dir, edited.path);
    const original = files.find((f) => f.path === edited.path)!.text;
    const times: number[] = [];
    for (let r = 0; r < RUNS * 4; r++) {
      const start = process.cpuUsage();
      open.set(abs, analyzeModule(abs, r % 2 === 0 ? edited.text : original)!);
      overlay.version++;
      await memory.analyse(tree.dir, config, overlay);
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
    }
    console.log(ratioLine('keystroke', times, warm, undefined, 'server'));
  } finally {
    if (!tree.reuse) rmSync(tree.dir, { recursive: true, force: true });
  }
}

/** Bare parse time of both candidate parsers over the same files (why @lezer/python was chosen). */
async function parsers(files: { text: string }[]): Promise<void> {
  const { parser } = await import('@lezer/python');
  console.log(`bare parse, @lezer/python: ${time(() => files.forEach((f) => parser.parse(f.text))).toFixed(0)} ms`);
  try {
    const { Parser, Language } = await import('web-tree-sitter' as string);
    await Parser.init();
    const ts = new Parser();
    ts.setLanguage(await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm')));
    console.log(`bare parse, web-tree-sitter: ${time(() => files.forEach((f) => ts.parse(f.text).delete())).toFixed(0)} ms`);
  } catch {
    console.log('web-tree-sitter + tree-sitter-python not installed: `npm i --no-save web-tree-sitter tree-sitter-python` to compare');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
