// The job panel's HTML from its model: the page shell (strict CSP, nonce, only the extension's own files) and the
// body the webview script swaps in on every update. Pure; every CLI value is escaped.
import { graphSvg } from './graphSvg';
import { attrs, esc } from './html';
import type { PanelModel } from './panelModel';

const icon = (name: string, cls = '') => `<span class="codicon codicon-${name}${cls ? ` ${cls}` : ''}" aria-hidden="true"></span>`;

function header(m: PanelModel): string {
  const buttons = m.actions.map(
    (a) =>
      `<button${attrs({ type: 'button', 'data-action': a.action, title: a.why, 'aria-disabled': a.enabled ? undefined : 'true', class: a.enabled ? undefined : 'disabled' })}>${icon(a.icon)}${esc(a.label)}</button>`,
  );
  const state = m.state ? `<span class="state">${icon(m.state.icon)}${esc(m.state.word)}</span>` : '';
  return (
    `<header><h1>${esc(m.title)}</h1>${state}` +
    `<p class="id"><code>${esc(m.id)}</code><button${attrs({ type: 'button', class: 'icon', 'data-action': 'copyId', 'aria-label': 'Copy job ID', title: 'Copy job ID' })}>${icon('copy')}</button></p>` +
    (m.state ? `<div class="actions" role="toolbar" aria-label="Job actions">${buttons.join('')}</div>` : '') +
    '</header>'
  );
}

function failure(m: PanelModel): string {
  const f = m.failure;
  if (!f) return '';
  const lines = f.traceback.map((t) =>
    t.place
      ? `<a${attrs({ href: '#', 'data-file': t.place.file, 'data-line': t.place.line, title: `Open ${t.place.file}:${t.place.line}` })}>${esc(t.text)}</a>`
      : esc(t.text),
  );
  return (
    `<section class="failure" aria-labelledby="failure-h"><h2 id="failure-h">${icon('error')}${esc(f.title)}</h2>` +
    (f.error
      ? `<p class="error">${esc(f.error)}</p>`
      : f.logsRead
        ? '<p>No error was logged for it; the logs below may say more.</p>'
        : '<p class="note">Reading the logs for its error…</p>') +
    (lines.length ? `<pre class="traceback">${lines.join('\n')}</pre>` : '') +
    '</section>'
  );
}

const section = (id: string, title: string, body: string) =>
  `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${body}</section>`;

function details(m: PanelModel): string {
  const rows = m.times.map(
    (t) => `<dt>${esc(t.label)}</dt><dd><time${attrs({ title: t.absolute, datetime: t.absolute })}>${esc(t.relative)}</time></dd>`,
  );
  if (m.cluster) rows.push(`<dt>Cluster</dt><dd>${esc(m.cluster)}</dd>`);
  rows.push(`<dt>Input</dt><dd><code>${esc(m.input)}</code></dd>`);
  const progress = m.progress.map(
    (p) =>
      `<div class="progress"><label>${esc(p.label)} <progress${attrs({ max: Math.max(p.total, 1), value: Math.min(p.done, Math.max(p.total, 1)), 'aria-label': p.label })}></progress> ${p.done}/${p.total} (${p.percent}%)</label></div>`,
  );
  const stats = m.stats.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`);
  return (
    section('details-h', 'Details', `<dl>${rows.join('')}</dl>`) +
    (progress.length ? section('progress-h', 'Progress', progress.join('')) : '') +
    (stats.length ? section('stats-h', 'Execution', `<dl>${stats.join('')}</dl>`) : '')
  );
}

function tasks(m: PanelModel): string {
  if (!m.graph) return '';
  const note = m.graph.parentEdgesOnly
    ? '<p class="note">Arrows go from a task to its subtasks; the CLI does not report which tasks depend on which, so dependencies are not drawn.</p>'
    : '<p class="note">Solid: parent → subtask. Dashed: depends on.</p>';
  return section('tasks-h', 'Tasks', `<div class="graph-box">${graphSvg(m.graph)}</div>${note}`);
}

function logs(m: PanelModel): string {
  const options = [
    `<option value=""${m.taskOptions.some((o) => o.selected) ? '' : ' selected'}>All tasks</option>`,
    ...m.taskOptions.map((o) => `<option${attrs({ value: o.id, selected: o.selected })}>${esc(o.label)}</option>`),
  ];
  const filter = m.taskOptions.length ? `<label class="filter">Task <select id="task-filter">${options.join('')}</select></label>` : '';
  const lines = m.logs.map(
    (l) =>
      `<div class="line${/^(error|critical|fatal)/i.test(l.severity ?? '') ? ' error' : ''}">${esc([l.time, l.severity, l.body].filter(Boolean).join(' '))}</div>`,
  );
  const empty = m.following ? 'No log lines yet; following…' : 'No log lines.';
  const footer = [
    m.logsNote ? `<p class="note">${esc(m.logsNote)}</p>` : '',
    m.following ? `<p class="note">${icon('sync', 'codicon-modifier-spin')}Following: new lines appear while the job runs.</p>` : '',
    m.moreLogs && !m.following ? '<button type="button" data-action="loadMore">Load More Logs</button>' : '',
  ];
  return (
    `<section id="logs" aria-labelledby="logs-h"><h2 id="logs-h">Logs</h2>${filter}` +
    `<div class="log" role="log" aria-label="Job log" tabindex="0">${lines.join('') || `<p class="note">${empty}</p>`}</div>${footer.join('')}</section>`
  );
}

/** The part of the page that changes: swapped in whole by the webview script (focus is restored by id). */
export function panelBody(m: PanelModel): string {
  const problem = m.problem ? `<p class="problem" role="alert">${icon('warning')}${esc(m.problem)}</p>` : '';
  // Not read (yet): the header, and why not or that it is loading.
  if (!m.state) return header(m) + (problem || '<p class="note">Loading…</p>');
  const waiting = m.waitingReasons.length
    ? section('waiting-h', 'Why it may wait', `<ul>${m.waitingReasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`)
    : '';
  return header(m) + problem + failure(m) + waiting + details(m) + tasks(m) + logs(m);
}

export interface PageAssets {
  nonce: string;
  cspSource: string;
  script: string;
  style: string;
  codicons: string;
}

export function panelPage(title: string, body: string, a: PageAssets): string {
  const csp = `default-src 'none'; style-src ${a.cspSource}; font-src ${a.cspSource}; img-src ${a.cspSource}; script-src 'nonce-${a.nonce}';`;
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1.0">` +
    `<link rel="stylesheet"${attrs({ href: a.codicons })}><link rel="stylesheet"${attrs({ href: a.style })}>` +
    `<title>${esc(title)}</title></head><body><main id="root">${body}</main>` +
    `<script${attrs({ nonce: a.nonce, src: a.script })}></script></body></html>`
  );
}
