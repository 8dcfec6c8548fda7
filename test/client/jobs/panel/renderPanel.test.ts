// The panel's page: a strict CSP that lets in only the extension's own files and the nonce'd script.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { panelPage } from '../../../../client/src/jobs/panel/renderPanel';
import { readMessage } from '../../../../client/src/jobs/panel/messages';

test("the page allows nothing remote: no inline script, no remote styles or fonts, one nonce'd script", () => {
  const page = panelPage('Job <x>', '<p>body</p>', {
    nonce: 'abc123',
    cspSource: 'https://ext.vscode-resource',
    script: 'https://ext.vscode-resource/jobPanel.js',
    style: 'https://ext.vscode-resource/jobPanel.css',
    codicons: 'https://ext.vscode-resource/codicon.css',
  });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1];
  assert.equal(
    csp,
    "default-src 'none'; style-src https://ext.vscode-resource; font-src https://ext.vscode-resource; img-src https://ext.vscode-resource; script-src 'nonce-abc123';",
  );
  assert.deepEqual(
    [...page.matchAll(/<script([^>]*)>/g)].map((m) => m[1]),
    [' nonce="abc123" src="https://ext.vscode-resource/jobPanel.js"'],
  );
  assert.match(page, /<title>Job &lt;x&gt;<\/title>/);
  assert.match(page, /<main id="root"><p>body<\/p><\/main>/);
});

test('messages from the page are checked: unknown actions and malformed opens are dropped', () => {
  assert.deepEqual(readMessage({ type: 'action', action: 'retry' }), { type: 'action', action: 'retry' });
  assert.equal(readMessage({ type: 'action', action: 'rm -rf' }), undefined);
  assert.deepEqual(readMessage({ type: 'open', file: 'a.py', line: 3 }), { type: 'open', file: 'a.py', line: 3 });
  assert.equal(readMessage({ type: 'open', file: 'a.py', line: '3' }), undefined);
  assert.deepEqual(readMessage({ type: 'filter', task: '' }), { type: 'filter', task: undefined });
  assert.equal(readMessage('retry'), undefined);
});
