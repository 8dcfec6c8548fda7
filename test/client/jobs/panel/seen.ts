// What a user reads in the job panel: its HTML as text (headings as `#`/`##`, one block per line, entities
// decoded), and its buttons with whether they can be pressed. Tests assert on these, not on markup.
import { panelModel, type PanelState } from '../../../../client/src/jobs/panel/panelModel';
import { panelBody } from '../../../../client/src/jobs/panel/renderPanel';
import type { JobSession } from '../../../../client/src/jobs/jobSession';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function seen(html: string): string {
  return html
    .replace(/<title>[^<]*<\/title>/g, '')
    .replace(/<h1[^>]*>/g, '\n# ')
    .replace(/<h2[^>]*>/g, '\n## ')
    .replace(/<\/dt>/g, ': ')
    .replace(/<\/?(p|div|li|pre|section|header|dt|button|label|option|h1|h2|g|text)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e])
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export interface SeenButton {
  label: string;
  enabled: boolean;
  /** The tooltip: what the button does, or why it is disabled. */
  title: string;
}

/** The buttons in page order (the copy button by its aria-label). */
export function buttons(html: string): SeenButton[] {
  return [...html.matchAll(/<button([^>]*)>([\s\S]*?)<\/button>/g)].map(([, attrs, inner]) => ({
    label: seen(inner) || (/aria-label="([^"]*)"/.exec(attrs)?.[1] ?? ''),
    enabled: !/aria-disabled="true"/.test(attrs),
    title: seen(/title="([^"]*)"/.exec(attrs)?.[1] ?? ''),
  }));
}

export const panelHtml = (state: Partial<PanelState> & Pick<PanelState, 'jobId'>, now = Date.now()) =>
  panelBody(panelModel({ logs: [], following: false, moreLogs: false, waitingReasons: [], localRunner: false, ...state }, now));

/** The panel of a session as text. */
export const sessionText = (session: JobSession, now = Date.now()) => seen(panelHtml(session.view(), now));
