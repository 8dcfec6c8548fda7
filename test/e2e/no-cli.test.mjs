// No `tilebox` on PATH (and none in ~/.local/bin): the views explain how to install it instead of failing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSession } from './harness.mjs';

test('no tilebox CLI: the welcome view explains how to install it', { timeout: 180_000 }, async () => {
  await withSession('no-cli', { trust: 'yes', cliOnPath: false }, async ({ wb }) => {
    await wb.openTilebox();
    await wb.expandView('Workflows');
    const text = await wb.welcomeText('Workflows', 45_000);
    assert.match(text, /tilebox.{0,5} CLI was not found/i);
    assert.match(text, /install/i);
    assert.match(text, /https:\/\/install\.tilebox\.com|Set CLI Path/);
    // Explained once, in place: no error toast for something the user did not ask for (VS Code lists tasks itself).
    await new Promise((r) => setTimeout(r, 3_000)); // the task detection that used to toast runs right after startup
    const toasts = await wb.page.locator('.notification-toast').allInnerTexts();
    assert.deepEqual(
      toasts.filter((t) => /not found/i.test(t)),
      [],
      'error notifications at startup',
    );
  });
});
