// The include and exclude patterns people write are mostly of a few shapes (`src/**`, `**/*.py`, `src/**/*.py`,
// `**/__pycache__/**`, `*.toml`). For those, a couple of string tests give picomatch's answer (with `dot: true`)
// without its regular expression, which a new pattern runs once per path in the tree: 100,000 tests on a big
// project, most of an include change's cost. Any other pattern gets undefined here and goes to picomatch. The unit
// test compares both on every pattern shape against a corpus of paths.

/** A segment with no glob character, and not `.` or `..`. */
const LITERAL = /^[\w.-]+$/;
const isLiteral = (segment: string) => LITERAL.test(segment) && segment !== '.' && segment !== '..';

/** A last segment: a literal name, or `*` + a literal suffix (`*.py`). */
function nameTest(segment: string): ((name: string) => boolean) | undefined {
  if (isLiteral(segment)) return (name) => name === segment;
  const suffix = segment.slice(1);
  if (segment.startsWith('*') && suffix !== '' && LITERAL.test(suffix)) return (name) => name.endsWith(suffix);
  return undefined;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** A matcher for `pattern` (normalized) when it has one of the simple shapes; undefined otherwise. */
export function simpleMatcher(pattern: string): ((path: string) => boolean) | undefined {
  const segments = pattern.split('/');
  // `**/name/**`: a segment anywhere.
  if (segments.length === 3 && segments[0] === '**' && segments[2] === '**' && isLiteral(segments[1])) {
    const name = segments[1];
    return (path) => path === name || path.startsWith(`${name}/`) || path.endsWith(`/${name}`) || path.includes(`/${name}/`);
  }
  let literals = 0;
  while (literals < segments.length && isLiteral(segments[literals])) literals++;
  const prefix = segments.slice(0, literals).join('/');
  const rest = segments.slice(literals);
  // `a/b/**`: a folder and everything below.
  if (rest.length === 1 && rest[0] === '**' && prefix !== '') return (path) => path === prefix || path.startsWith(`${prefix}/`);
  // `a/**/*.py`, `**/*.py`: a name at any depth below a folder.
  if (rest.length === 2 && rest[0] === '**') {
    const name = nameTest(rest[1]);
    if (!name) return undefined;
    if (prefix === '') return (path) => name(baseName(path));
    return (path) => path.startsWith(`${prefix}/`) && name(baseName(path));
  }
  // `a/*.py`, `*.py`: a name in one folder.
  if (rest.length === 1 && rest[0] !== '**') {
    const name = nameTest(rest[0]);
    if (!name) return undefined;
    const dir = prefix === '' ? -1 : prefix.length;
    return (path) => path.lastIndexOf('/') === dir && (dir < 0 || path.startsWith(`${prefix}/`)) && name(baseName(path));
  }
  return undefined;
}
