// tilebox.workflow.toml opens in the TOML language mode with the extension's own grammar (VS Code ships none):
// the status bar names the mode, and table names, keys, strings, booleans and comments get distinct theme colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputChannelLog, withSession, root } from './harness.mjs';

const COMMENT = '# Scene QA: one release per merged change';

test('TOML highlighting: the config opens as "TOML" with tables, keys, strings, booleans and comments coloured', {
  timeout: 180_000,
}, async () => {
  const prepare = (ws) => {
    const file = join(ws, 'tilebox.workflow.toml');
    writeFileSync(file, `${COMMENT}\n${readFileSync(file, 'utf8')}`);
  };
  await withSession('toml-highlighting', { trust: 'yes', prepare }, async (session) => {
    const { wb, page } = session;
    await wb.openFile('tilebox.workflow.toml');
    assert.equal((await wb.statusBarItem(/^TOML$/)).trim(), 'TOML');
    // The colour each visible word is drawn in, read from the rendered tokens.
    const colourOf = async (word) => {
      let colour = '';
      await wb.waitFor(
        `a coloured "${word}"`,
        async () => {
          // Monaco draws spaces as no-break spaces; a token's span holds its text.
          colour = await page.locator('.part.editor .view-line span > span').evaluateAll((spans, w) => {
            const span = spans.find((s) => (s.textContent ?? '').replace(/\u00a0/g, ' ') === w);
            return span ? getComputedStyle(span).color : '';
          }, word);
          return !!colour;
        },
        20_000,
      );
      return colour;
    };
    const plain = await colourOf('=');
    const colours = {
      table: await colourOf('workflow'),
      key: await colourOf('slug'),
      string: await colourOf('"."'),
      boolean: await colourOf('true'),
      comment: await colourOf(COMMENT),
    };
    for (const [kind, colour] of Object.entries(colours)) assert.notEqual(colour, plain, `${kind} is drawn like plain text`);
    assert.equal(new Set(Object.values(colours)).size, 5, `each kind its own colour: ${JSON.stringify(colours)}`);
    const editor = await page.locator('.part.editor').boundingBox();
    await page.screenshot({
      path: join(root, 'docs/images/toml-highlighting.png'),
      clip: { ...editor, width: Math.min(editor.width, 760), height: 420 },
      timeout: 10_000,
    });
    // The harness starts VS Code without a startup editor (workbench.startupEditor "none"): the walkthrough, which
    // otherwise opens by itself on the first start in a Tilebox workspace (issue 15.4), honours that, so nothing
    // took this editor's place.
    const tabs = await page.locator('.part.editor .tab').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.ok(!tabs.some((t) => /welcome|walkthrough|get started/i.test(t)), `editor tabs: ${JSON.stringify(tabs)}`);
    assert.doesNotMatch(outputChannelLog(session), /Opened the getting-started walkthrough/);
  });
});
