// The config in the editor, in one VS Code session (each start costs ~15 s of the suite): the extension activates
// and says so in its output channel (the numbers themselves are a benchmark: bench/activation.bench.mjs);
// tilebox.workflow.toml opens in the TOML language mode with the extension's own grammar (VS Code ships none), table
// names, keys, strings, booleans and comments in distinct theme colours; and the `runner` string leads to the Runner
// object (issue 17.4): Go to Definition and Open Link on "scene_qa.runner:runner" open scene_qa/runner.py at the line
// of `runner = Runner(...)`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activationMs, outputChannelLog, readyMs, root, waitUntil, withSessionSteps, workbenchStartMs } from './harness.mjs';

const COMMENT = '# Scene QA: one release per merged change';

const prepare = (ws) => {
  const file = join(ws, 'tilebox.workflow.toml');
  writeFileSync(file, `${COMMENT}\n${readFileSync(file, 'utf8')}`);
};

test('config editor: activation, TOML highlighting, the runner link', { timeout: 240_000 }, async (t) => {
  await withSessionSteps(t, 'config-editor', { trust: 'yes', prepare }, [
    [
      'activation: the Tilebox output channel reports "activated in N ms", then that views and commands are ready',
      async (s) => {
        const ms = await waitUntil('"activated in N ms" in the Tilebox output channel', async () => activationMs(s), 45_000);
        assert.ok(Number.isFinite(ms) && ms >= 0, `activation time ${ms}`);
        const ready = readyMs(s); // the session starts only once the ready line is there
        assert.ok(Number.isFinite(ready) && ready >= ms, `ready after ${ready} ms`);
        t.diagnostic(
          `extension activated in ${ms} ms, views and commands ready after ${ready} ms; workbench started after ${Math.round(await workbenchStartMs(s.page))} ms`,
        );
      },
    ],
    [
      'TOML highlighting: the config opens as "TOML" with tables, keys, strings, booleans and comments coloured',
      async (session) => {
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
      },
    ],
    [
      'runner link: Go to Definition and Open Link on the runner string open runner.py at the Runner object',
      async ({ wb, page, dirs }) => {
        const config = readFileSync(join(dirs.workspace, 'tilebox.workflow.toml'), 'utf8').split('\n');
        const line = config.findIndex((l) => l.startsWith('runner = "')) + 1;
        const runnerLine =
          readFileSync(join(dirs.workspace, 'scene_qa/runner.py'), 'utf8')
            .split('\n')
            .findIndex((l) => /^runner\s*=\s*Runner\(/.test(l)) + 1;
        assert.ok(line > 0 && runnerLine > 0, 'fixture changed: expected a runner string and a module-level Runner');

        await wb.openFile('tilebox.workflow.toml');
        // The definition exists once the preview (task discovery) has run; F12 before that finds nothing, so retry
        // while the config is still the active editor.
        const runnerTab = page.locator('.tab.active').filter({ hasText: 'runner.py' });
        await wb.waitFor(
          'runner.py to open from the runner string',
          async () => {
            if (await runnerTab.isVisible().catch(() => false)) return true;
            await wb.goToLine(line, 'runner = "scene_qa.ru'.length);
            await page.keyboard.press('F12');
            await runnerTab.waitFor({ timeout: 3_000 }).catch(() => undefined);
            return false;
          },
          45_000,
        );
        await wb.statusBarItem(`Ln ${runnerLine}, Col 1`);

        // The same string is a document link: "Open Link" with the cursor on it (Ctrl+click with a mouse) lands there too.
        await wb.goToLine(1);
        await wb.statusBarItem('Ln 1, Col 1');
        await page.locator('.tab').filter({ hasText: 'tilebox.workflow.toml' }).first().click();
        await page.locator('.tab.active').filter({ hasText: 'tilebox.workflow.toml' }).waitFor({ timeout: 10_000 });
        await wb.goToLine(line, 'runner = "scene_qa.ru'.length);
        await wb.statusBarItem(`Ln ${line}, Col ${'runner = "scene_qa.ru'.length}`);
        // From the palette, but without runCommand's click into the editor, which would move the cursor off the link.
        await page.keyboard.press('F1');
        await page.locator('.quick-input-widget input').fill('>Open Link');
        await page
          .locator('.quick-input-list .monaco-list-row')
          .filter({ hasText: /^Open Link/ })
          .first()
          .click();
        await runnerTab.waitFor({ timeout: 15_000 });
        await wb.statusBarItem(`Ln ${runnerLine}, Col 1`);
      },
    ],
  ]);
});
