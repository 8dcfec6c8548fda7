// Warnings in tilebox.workflow.toml about what the selection would ship: environments, caches,
// big data, likely secrets. Each message says what to change. Pure over a Selection.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { WorkflowConfig } from '../../config/types';
import type { Selection } from '../select';
import { Anchors } from './anchors';
import { formatBytes, plural } from '../../shared/formatBytes';
import { RecentFilter } from '../refilter';

export const LARGE_FILE_BYTES = 10 * 1024 * 1024;
export const LARGE_ARTIFACT_BYTES = 50 * 1024 * 1024;
const MAX_PER_KIND = 5;

type Files = Selection['files'];

/**
 * What the selection's warnings say depends on the files and the slug; where they sit depends on
 * the config's text. A keystroke that keeps the selection only re-places them: the scan over every
 * file runs once per selection (remembered by its files array).
 */
const found = new WeakMap<Files, { slug: string | undefined; warnings: Diagnostic[]; anchors: PlacedLater }>();

export function selectionWarnings(config: WorkflowConfig, selection: Pick<Selection, 'files' | 'problems' | 'totalBytes'>): Diagnostic[] {
  const slug = config.slug?.value;
  let known = found.get(selection.files);
  if (!known || known.slug !== slug) {
    const anchors = new PlacedLater();
    known = { slug, warnings: scan(config, selection, anchors as unknown as Anchors), anchors };
    found.set(selection.files, known);
  }
  const real = new Anchors(config);
  return known.warnings.map((d) => ({ ...d, range: known.anchors.place(d.range, real) }));
}

/** Stands in for Anchors during the scan: hands out marker ranges, placed on the real config afterwards. */
class PlacedLater {
  private readonly wanted = new Map<Range, string | undefined>();
  forPath(path: string): Range {
    const marker = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    this.wanted.set(marker, path);
    return marker;
  }
  build(): Range {
    const marker = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    this.wanted.set(marker, undefined);
    return marker;
  }
  place(marker: Range, anchors: Anchors): Range {
    const path = this.wanted.get(marker);
    return path === undefined ? anchors.build() : anchors.forPath(path);
  }
}

/** Every path a warning below could be about matches this (a superset): one test per file, then the few that pass are looked at. */
const SUSPECT = /venv|site-packages|__pycache__|\.py[co]$|(?:^|\/)(?:\.env|id_|credentials)|\.(?:pem|key|p12|pfx)$/;

const isSuspect = (f: Files[number]) =>
  f.size > LARGE_FILE_BYTES || SUSPECT.test(f.path) || (f.linkTarget !== undefined && SUSPECT.test(f.linkTarget));
/** The suspects of recent selections: the next one's are found from what changed since the closest. */
const recentSuspects = new RecentFilter(isSuspect);

function scan(config: WorkflowConfig, selection: Pick<Selection, 'files' | 'problems' | 'totalBytes'>, anchors: Anchors): Diagnostic[] {
  const cache = `~/.cache/tilebox/${config.slug?.value || '<workflow>'}/`;
  const suspects = recentSuspects.of(selection.files);
  return [
    ...venvWarnings(suspects, anchors),
    ...pycacheWarnings(suspects, anchors),
    ...largeFileWarnings(suspects, anchors, cache),
    ...totalSizeWarnings(selection, anchors, cache),
    ...secretWarnings(suspects, anchors),
    ...selection.problems.map((p) =>
      diagnostic(
        'selection-problem',
        anchors.forPath(p.path),
        DiagnosticSeverity.Error,
        `${p.message.replace(/\.$/, '')}. The release build would refuse it.`,
      ),
    ),
  ];
}

const VENV_SEGMENTS = new Set(['.venv', 'venv', 'site-packages']);

function venvWarnings(files: Files, anchors: Anchors): Diagnostic[] {
  const byFolder = new Map<string, Files>();
  for (const f of files) {
    // Most paths name neither: skip the split.
    if (!f.path.includes('venv') && !f.path.includes('site-packages') && !f.path.endsWith('pyvenv.cfg')) continue;
    const parts = f.path.split('/');
    const at = parts.findIndex((p, k) => k < parts.length - 1 && VENV_SEGMENTS.has(p));
    const pyvenv = parts[parts.length - 1] === 'pyvenv.cfg' ? parts.length - 1 : -1;
    const end = at >= 0 ? at + 1 : pyvenv;
    if (end < 0) continue;
    const folder = parts.slice(0, end).join('/') || '.';
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  return [...byFolder]
    .slice(0, MAX_PER_KIND)
    .map(([folder, list]) =>
      diagnostic(
        'selection-has-venv',
        anchors.forPath(list[0].path),
        DiagnosticSeverity.Warning,
        `The artifact includes the virtual environment ${folder}/ (${plural(list.length, 'file')}, ${formatBytes(sum(list))}). ` +
          `Runners create their own environment from pyproject.toml and uv.lock; add "${folder}/**" to [build].exclude.`,
      ),
    );
}

function pycacheWarnings(files: Files, anchors: Anchors): Diagnostic[] {
  const compiled = files.filter(
    (f) => (f.path.includes('__pycache__') && f.path.split('/').includes('__pycache__')) || /\.py[co]$/.test(f.path),
  );
  if (compiled.length === 0) return [];
  return [
    diagnostic(
      'selection-has-pycache',
      anchors.forPath(compiled[0].path),
      DiagnosticSeverity.Warning,
      `The artifact includes ${plural(compiled.length, 'compiled Python file')} (for example ${compiled[0].path}). ` +
        `Python rebuilds them on the runner; add "**/__pycache__/**" and "**/*.pyc" to [build].exclude.`,
    ),
  ];
}

function largeFileWarnings(files: Files, anchors: Anchors, cache: string): Diagnostic[] {
  const large = files.filter((f) => f.size > LARGE_FILE_BYTES).sort((a, b) => b.size - a.size);
  const shown = large
    .slice(0, MAX_PER_KIND)
    .map((f) =>
      diagnostic(
        'selection-large-file',
        anchors.forPath(f.path),
        DiagnosticSeverity.Warning,
        `${f.path} is ${formatBytes(f.size)} and would be uploaded with every release. Keep data out of the artifact ` +
          `(add "${f.path}" to [build].exclude) and download it lazily on the runner into a local cache such as ${cache}.`,
        { exclude: f.path },
      ),
    );
  if (large.length > MAX_PER_KIND) {
    const rest = large.slice(MAX_PER_KIND);
    shown.push(
      diagnostic(
        'selection-large-file',
        anchors.build(),
        DiagnosticSeverity.Warning,
        `${plural(rest.length, 'more file')} over ${formatBytes(LARGE_FILE_BYTES)} (${formatBytes(sum(rest))}), for example ${rest[0].path}; exclude them too.`,
      ),
    );
  }
  return shown;
}

function totalSizeWarnings(selection: Pick<Selection, 'files' | 'totalBytes'>, anchors: Anchors, cache: string): Diagnostic[] {
  if (selection.totalBytes <= LARGE_ARTIFACT_BYTES) return [];
  const biggest = [...selection.files].sort((a, b) => b.size - a.size).slice(0, 3);
  return [
    diagnostic(
      'selection-too-large',
      anchors.build(),
      DiagnosticSeverity.Warning,
      `The artifact is ${formatBytes(selection.totalBytes)}, over ${formatBytes(LARGE_ARTIFACT_BYTES)}. Biggest files: ` +
        `${biggest.map((f) => `${f.path} (${formatBytes(f.size)})`).join(', ')}. A release should hold code and small configuration; ` +
        `exclude large assets and fetch them lazily on the runner into a runner-local cache such as ${cache}, as the Tilebox docs recommend.`,
    ),
  ];
}

/** Basename rules for files that likely hold credentials. */
const SECRETS: { test: RegExp; what: string }[] = [
  { test: /^\.env(\.(?!example$|sample$|template$|dist$)[^/]+)?$/, what: 'an environment file with secrets' },
  { test: /\.(pem|key|p12|pfx)$/, what: 'a private key or certificate' },
  { test: /^id_(rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)/, what: 'an SSH private key' },
  { test: /^credentials.*\.json$/, what: 'a credentials file' },
];

function secretWarnings(files: Files, anchors: Anchors): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of files) {
    // A link ships its target's content: `config.txt -> .env` is as secret as .env.
    const named = [f.path, ...(f.linkTarget === undefined ? [] : [f.linkTarget])];
    const at = named.findIndex((p) => SECRETS.some((s) => s.test.test(p.slice(p.lastIndexOf('/') + 1))));
    if (at < 0 || out.length >= MAX_PER_KIND) continue;
    const base = named[at].slice(named[at].lastIndexOf('/') + 1);
    const rule = SECRETS.find((s) => s.test.test(base))!;
    const what = at === 0 ? f.path : `${f.path} (a link to ${f.linkTarget})`;
    out.push(
      diagnostic(
        'selection-has-secret',
        anchors.forPath(f.path),
        DiagnosticSeverity.Warning,
        `${what} looks like ${rule.what}, and the artifact is uploaded to Tilebox and unpacked on every runner. ` +
          `Add "${f.path}" to [build].exclude and give runners secrets through their environment instead.`,
        { exclude: f.path },
      ),
    );
  }
  return out;
}

function sum(files: Files): number {
  return files.reduce((total, f) => total + f.size, 0);
}

/** `data` carries what a quick fix adds: `{ exclude: path }` or `{ include: pattern }`. */
export function diagnostic(
  code: string,
  range: Range,
  severity: DiagnosticSeverity,
  message: string,
  data?: { exclude?: string; include?: string },
): Diagnostic {
  return data ? { range, severity, code, source: 'tilebox', message, data } : { range, severity, code, source: 'tilebox', message };
}

/** Codes the preview reports in tilebox.workflow.toml, for `# tilebox: ignore` completion, severity settings and docs. */
export const ARTIFACT_DIAGNOSTIC_CODES = [
  { code: 'selection-has-venv', description: 'The artifact would ship a virtual environment (.venv/, venv/, site-packages).' },
  { code: 'selection-has-pycache', description: 'The artifact would ship compiled Python files (__pycache__/, *.pyc).' },
  { code: 'selection-large-file', description: 'The artifact would ship a file over 10 MB (data belongs in a runner-local cache).' },
  { code: 'selection-too-large', description: 'The artifact would be over 50 MB in total.' },
  { code: 'selection-has-secret', description: 'The artifact would ship a likely secret (.env, *.pem, id_rsa, credentials*.json).' },
  { code: 'selection-problem', description: 'A selected path the build would refuse (symlink leaving the root, FIFO, socket, ...).' },
  { code: 'runner-not-in-artifact', description: 'The runner module is not in the artifact, so the runner cannot import it.' },
] as const;
