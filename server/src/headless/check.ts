// `check <file-or-dir> [--format text|json] [--severity code=level ...]`: the language
// server's validation for CI. Honours ignore comments and the `tilebox.diagnostics.severity`
// setting from the nearest `.vscode/settings.json`; `--severity` flags win over the setting.
// Exit codes: 0 no error, 1 at least one error, 2 bad usage.
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createFileFacts } from '../artifact/fileFacts';
import { readConfigText } from '../artifact/project';
import { diagnostic, ERROR } from '../config/codes';
import { validateWorkflowConfig, type SeverityOverrides } from '../config/index';
import { ARTIFACT_CODES } from '../lsp/diagnosticCodes';
import { CONFIG_FILE_NAME } from '../shared/configFileName';
import { parseArgs, usage } from './checkArgs';
import { stdoutFlushed } from './closedPipe';
import { findConfigs } from './findConfigs';
import { severityFromVsCodeSettings } from './vscodeSettings';

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

export async function runCheck(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') return usage(args);
  const files = findConfigs(args.target);
  if (typeof files === 'string') return usage(files);

  const results = files.map((file) => ({ path: file, diagnostics: checkFile(file, args.severity) }));
  const counts = [0, 0, 0, 0, 0];
  for (const r of results) for (const d of r.diagnostics) counts[d.severity ?? 1]++;
  if (args.format === 'json') {
    process.stdout.write(`${JSON.stringify({ files: results }, null, 2)}\n`);
  } else {
    for (const r of results) {
      for (const d of r.diagnostics) {
        const where = `${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
        process.stdout.write(`${where}: ${SEVERITY_NAMES[d.severity ?? 1]}: ${d.message} [${d.code}]\n`);
      }
    }
    // No summary after a reader that stopped early (`| head`): the process ends quietly instead.
    await stdoutFlushed();
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    process.stderr.write(`${plural(files.length, 'file')} checked: ${plural(counts[1], 'error')}, ${plural(counts[2], 'warning')}.\n`);
  }
  return counts[1] > 0 ? 1 : 0;
}

function checkFile(file: string, flags: SeverityOverrides): Diagnostic[] {
  let text: string;
  try {
    text = readConfigText(file);
  } catch (error) {
    const message = `Cannot read ${CONFIG_FILE_NAME}: ${error instanceof Error ? error.message : String(error)}`;
    return [diagnostic('unreadable-file', ERROR, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message)];
  }
  const dir = path.dirname(path.resolve(file));
  const severity = { ...severityFromVsCodeSettings(dir), ...flags };
  return validateWorkflowConfig(text, { facts: createFileFacts(dir), severity, otherCodes: ARTIFACT_CODES }).diagnostics;
}
