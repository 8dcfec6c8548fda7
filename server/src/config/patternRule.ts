// Cross-field rules for one `include`/`exclude` pattern: not empty, not absolute, never climbing out of the
// workflow root.
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic, ERROR, WARNING } from './codes';
import { climbsOut, hasParentSegment, isAbsolutePattern } from './paths';
import { parentSegmentMessage } from './rootRule';
import type { Located } from './types';

export function checkPattern(key: 'include' | 'exclude', item: Located<string>, push: (d: Diagnostic) => void): void {
  const p = item.value;
  if (p.trim() === '') {
    push(
      diagnostic(
        'pattern-empty',
        WARNING,
        item.range,
        `An empty pattern in ${key} selects nothing; remove it or write a pattern such as "my_workflow/**".`,
      ),
    );
  } else if (isAbsolutePattern(p)) {
    push(
      diagnostic(
        'pattern-absolute',
        ERROR,
        item.range,
        `${key} patterns are relative to the workflow root; "${p}" is absolute. Write it relative, for example "${p.replace(/^([A-Za-z]:)?[\\/]+/, '')}".`,
      ),
    );
  } else if (climbsOut(p)) {
    push(
      diagnostic(
        'pattern-outside-root',
        ERROR,
        item.range,
        `"${p}" climbs out of the workflow root with "..", but build paths must stay inside it. Move the files under the root or change root.`,
      ),
    );
  } else if (hasParentSegment(p)) {
    push(diagnostic('pattern-outside-root', ERROR, item.range, parentSegmentMessage(key, p)));
  }
}
