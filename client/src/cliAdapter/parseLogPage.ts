// Parser for `job logs`: a page of log lines, each a plain string or a record with a body and a severity.
import { at, obj, optStr, optTime, pageCursor, pick, reqList } from './json';
import { parseWith } from './parseWith';
import type { LogLine, Page, Parsed } from './types';

function readLog(v: unknown, path: string): LogLine {
  if (typeof v === 'string') return { body: v };
  const o = obj(v, path);
  const body = pick(o, 'body', 'message');
  return {
    time: optTime(o, 'time', 'timestamp'),
    severity: optStr(o, 'severity_text', 'severityText', 'severity', 'level'),
    body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
  };
}

export const parseLogPage = (s: string): Parsed<Page<LogLine>> =>
  parseWith(s, (j) => {
    const list = reqList(j, '', 'logs');
    return { items: list.items.map((x, i) => readLog(x, at(list.path, i))), nextCursor: pageCursor(j) };
  });
