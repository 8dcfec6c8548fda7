// Where in tilebox.workflow.toml a warning about a selected path belongs: on the include
// item that brought the path in (what the user edits to fix it), else on `[build]`.
import type { Range } from 'vscode-languageserver-types';
import type { WorkflowConfig } from '../../config/types';
import { compileGlob, type Glob } from '../glob';

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export class Anchors {
  private readonly includes: { glob: Glob; range: Range }[];

  constructor(private readonly config: WorkflowConfig) {
    this.includes = [];
    for (const item of config.include) {
      try {
        this.includes.push({ glob: compileGlob(item.value), range: item.range });
      } catch {
        // An invalid pattern is the validator's to report; it just cannot anchor anything.
      }
    }
  }

  /** The first include item matching the root-relative path. */
  forPath(path: string): Range {
    return this.includes.find((i) => i.glob.matches(path))?.range ?? this.build();
  }

  /** The `[build]` header, else the first include item, else the file start. */
  build(): Range {
    return this.config.headers.build ?? this.config.include[0]?.range ?? START;
  }
}
