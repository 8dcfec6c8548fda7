// `tilebox.apiUrl` as the CLI adapter and the runner terminals both receive it: trimmed, and blank means the
// CLI's own default (no --api-url at all), not an empty URL.
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';

register('../vscodeHook.mjs', import.meta.url);
const fake = await import('../fakeVscode');
const { apiUrl } = await import('../../client/src/apiUrl');

test('a pasted URL with spaces around it is trimmed; an empty or blank setting gives the CLI default', () => {
  try {
    fake.state.config.apiUrl = '  https://api.example.test/ \n';
    assert.equal(apiUrl(), 'https://api.example.test/');
    fake.state.config.apiUrl = '   ';
    assert.equal(apiUrl(), undefined);
    delete fake.state.config.apiUrl;
    assert.equal(apiUrl(), undefined);
  } finally {
    delete fake.state.config.apiUrl;
  }
});
