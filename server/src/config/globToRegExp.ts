// Doublestar globs (`**`, `*`, `?`, `[...]`, `{a,b}`) as regular expressions, for the file stage's checks.

/** Doublestar glob to RegExp (`**`, `*`, `?`, `[...]`, `{a,b}`), matched against a whole relative path. */
export function globToRegExp(glob: string): RegExp {
  const g = glob.replace(/^\.\//, '');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        const slashAfter = g[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = g.indexOf(']', i + 1);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      re += `[${g
        .slice(i + 1, close)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '{') {
      const close = g.indexOf('}', i + 1);
      if (close < 0) {
        re += '\\{';
        continue;
      }
      re += `(?:${g
        .slice(i + 1, close)
        .split(',')
        .map(escapeRe)
        .join('|')})`;
      i = close;
    } else re += escapeRe(c);
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return /$^/;
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
