// Writes the generated parts of package.json `contributes.configuration` (the codes of
// tilebox.diagnostics.severity) from the server's code tables: `npm run generate:settings`.
import { readFileSync, writeFileSync } from 'node:fs';
import { severitySettingKeys } from '../../server/src/lsp/diagnosticCodes';

const file = new URL('../../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(file, 'utf8'));
const setting = pkg.contributes.configuration.properties['tilebox.diagnostics.severity'];
delete setting.properties; delete setting.additionalProperties; delete setting.propertyNames;
Object.assign(setting, severitySettingKeys());
writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
console.log('package.json: tilebox.diagnostics.severity lists', Object.keys(setting.properties).length, 'codes');
