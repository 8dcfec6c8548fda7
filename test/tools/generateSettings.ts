// Writes the generated parts of package.json `contributes.configuration` (the codes of
// tilebox.diagnostics.severity) from the server's code tables: `npm run generate:settings`.
// Only that setting's text is replaced, so the rest of package.json keeps its formatting.
import { readFileSync, writeFileSync } from 'node:fs';
import { severitySettingKeys } from '../../server/src/lsp/diagnosticCodes';

const KEY = '"tilebox.diagnostics.severity": ';
const file = new URL('../../package.json', import.meta.url);
const text = readFileSync(file, 'utf8');
const setting = JSON.parse(text).contributes.configuration.properties['tilebox.diagnostics.severity'];
delete setting.properties;
delete setting.additionalProperties;
delete setting.propertyNames;
Object.assign(setting, severitySettingKeys());

const start = text.indexOf(KEY) + KEY.length;
let depth = 0;
let end = start;
for (let inString = false; end < text.length; end++) {
  const c = text[end];
  if (inString) {
    if (c === '\\') end++;
    else if (c === '"') inString = false;
    continue;
  }
  if (c === '"') inString = true;
  else if (c === '{') depth++;
  else if (c === '}' && --depth === 0) break;
}
const indent = /[ \t]*$/.exec(text.slice(0, text.indexOf(KEY)))![0];
const value = JSON.stringify(setting, null, 2).replace(/\n/g, `\n${indent}`);
writeFileSync(file, text.slice(0, start) + value + text.slice(end + 1));
console.log('package.json: tilebox.diagnostics.severity lists', Object.keys(setting.properties).length, 'codes');
