// The laid-out task graph as inline SVG: a box per task coloured by state (CSS classes, theme colours), with its
// duration; parent edges solid, depends_on edges dashed. Each box is a button that filters the logs to its task.
import type { TaskGraph } from './taskGraph';
import { attrs, esc } from './html';

const STATE_WORD: Record<string, string> = { failed_optional: 'failed (optional)' };
export const taskStateWord = (state: string): string => STATE_WORD[state] ?? state;

/** Cuts a label to what fits a box (about 7 px per character); the full name is in the tooltip. */
const fit = (text: string, max = 20) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function graphSvg(g: TaskGraph): string {
  if (g.nodes.length === 0) return '';
  const edges = g.edges.map((e) => {
    const d = e.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    return `<path${attrs({ class: `edge ${e.kind}`, d, 'marker-end': 'url(#arrow)' })}/>`;
  });
  const nodes = g.nodes.map((n) => {
    const word = taskStateWord(n.state);
    const label = `${n.label}: ${word}${n.duration ? `, ${n.duration}` : ''}`;
    const x = n.x - n.width / 2;
    const y = n.y - n.height / 2;
    return (
      `<g${attrs({ class: `node state-${n.state}`, tabindex: 0, role: 'button', 'data-task': n.id, 'aria-label': `Show logs of ${label}` })}>` +
      `<title>${esc(label)}</title>` +
      `<rect${attrs({ x, y, width: n.width, height: n.height, rx: 4 })}/>` +
      `<text${attrs({ x: n.x, y: n.y - 4, class: 'name' })}>${esc(fit(n.label))}</text>` +
      `<text${attrs({ x: n.x, y: n.y + 12, class: 'meta' })}>${esc([word, n.duration].filter(Boolean).join(' · '))}</text>` +
      '</g>'
    );
  });
  // viewBox + max-width: the graph scales down in a narrow panel instead of scrolling sideways.
  return (
    `<svg${attrs({ class: 'graph', viewBox: `0 0 ${g.width} ${g.height}`, width: g.width, role: 'group', 'aria-label': 'Task graph' })}>` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">' +
    '<path d="M0,0 L10,5 L0,10 z"/></marker></defs>' +
    edges.join('') +
    nodes.join('') +
    '</svg>'
  );
}
