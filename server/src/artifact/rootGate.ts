// The one gate every file-aware feature passes before it touches the project's files: the
// validator's root rule (config/rootRule.ts) on the real file system. A refusal means no
// file work at all; the root diagnostic already tells the user why.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rootRefusal, type RootCode } from '../config/rootRule';
import { createFileFacts } from './fileFacts';

export type RootGate =
  /** `root`: the real path (links followed), inside the config folder's real path; `rootAbs`: as written, resolved. */
  { ok: true; root: string; rootAbs: string } | { ok: false; code: RootCode; reason: string };

/** `rootValue` is `[workflow].root` as written (undefined: the default "."); `configDir` holds tilebox.workflow.toml. */
export function gateRoot(configDir: string, rootValue: string | undefined): RootGate {
  const value = rootValue ?? '.';
  const refusal = rootRefusal(value, createFileFacts(configDir));
  if (refusal) return { ok: false, code: refusal.code, reason: refusal.message };
  const rootAbs = path.resolve(configDir, value);
  try {
    const root = fs.realpathSync(rootAbs);
    const configReal = fs.realpathSync(configDir);
    // Checked again on the resolved paths: the folder may have changed since the facts were read.
    if (root !== configReal && !root.startsWith(configReal + path.sep)) {
      return { ok: false, code: 'root-outside-project', reason: `root "${value}" leads outside the project folder (to ${root}).` };
    }
    if (!fs.statSync(root).isDirectory()) return { ok: false, code: 'root-not-directory', reason: `root "${value}" is not a folder.` };
    return { ok: true, root, rootAbs };
  } catch {
    return { ok: false, code: 'root-not-found', reason: `The folder "${value}" does not exist next to tilebox.workflow.toml.` };
  }
}
