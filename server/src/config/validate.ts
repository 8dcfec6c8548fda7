// The staged validator: TOML syntax -> schema -> cross-field -> files. It stops after the first
// stage that leaves an error (after the user's severity settings and ignore comments), so one
// root mistake is not buried under follow-up noise.
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkCrossField } from './crossField';
import { checkFiles } from './fileChecks';
import { buildModel } from './model';
import { checkRequired } from './required';
import { unknownIgnoredCodes } from './ignoreComments';
import { applyDiagnosticSettings, type SeverityOverrides } from './settings';
import { checkSyntax } from './syntax';
import { LineIndex } from './toml/lineIndex';
import { parseToml } from './toml/parser';
import type { FileFacts, ValidationResult } from './types';

export interface ValidateOptions {
  facts?: FileFacts;
  severity?: SeverityOverrides;
  /** Codes other modules report in this file (artifact warnings). When given, ignore comments
   *  naming a code outside these and the validator's own get an `ignore-unknown-code` warning. */
  otherCodes?: readonly string[];
}

export function validate(text: string, options: ValidateOptions = {}): ValidationResult {
  const lines = new LineIndex(text);
  const doc = parseToml(text);
  const settle = (found: Diagnostic[]) => applyDiagnosticSettings(text, found, options.severity, { doc, lines });
  const hasError = (ds: Diagnostic[]) => ds.some((d) => d.severity === DiagnosticSeverity.Error);

  const syntax = checkSyntax(text, doc, lines);
  if (syntax) return { diagnostics: settle([syntax]) };

  const diagnostics: Diagnostic[] = [];
  const schema: Diagnostic[] = [];
  const model = buildModel(doc, lines, schema);
  checkRequired(model, lines, schema);
  if (options.otherCodes) schema.push(...unknownIgnoredCodes(doc, lines, options.otherCodes));
  diagnostics.push(...settle(schema));
  if (hasError(diagnostics)) return { config: model.config, diagnostics };

  const cross: Diagnostic[] = [];
  checkCrossField(model, cross);
  diagnostics.push(...settle(cross));
  if (hasError(diagnostics) || !options.facts) return { config: model.config, diagnostics };

  const files: Diagnostic[] = [];
  checkFiles(model, options.facts, files);
  diagnostics.push(...settle(files));
  return { config: model.config, diagnostics };
}
