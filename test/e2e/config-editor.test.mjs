// The config in the editor, in one VS Code session (each start costs ~15 s of the suite): the extension activates
// and says so in its output channel (the numbers themselves are a benchmark: bench/activation.bench.mjs);
// tilebox.workflow.toml opens in the TOML language mode with the extension's own grammar (VS Code ships none), table
// names, keys, strings, booleans and comments in distinct theme colours; and the `runner` string leads to the Runner
// object (issue 17.4): Go to Definition and Open Link on "scene_qa.runner:runner" open scene_qa/runner.py at the line
// of `runner = Runner(...)`.
// All of it with a second TOML extension installed, as a user with Even Better TOML has it (issue 15.2): one of our own
// (test/e2e/fixtures/other-toml) claims *.toml, brings its own `source.toml` grammar and reports its own problems. The
// highlighting is still ours, and the last step checks that Problems lists each Tilebox problem once next to the other
// extension's, and that Tilebox's hover and quick fix still answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activationMs, outputChannelLog, readyMs, root, waitUntil, withSessionSteps, workbenchStartMs } from './harness.mjs';

// A TOML extension of our own in Even Better TOML's place (the marketplace is out of reach): see its README.
const OTHER_TOML = 'test/e2e/fixtures/other-toml';
const COMMENT = '# Scene QA: one release per merged change';

const prepare = (ws) => {
  const file = join(ws, 'tilebox.workflow.toml');
  writeFileSync(file, `${COMMENT}\n${readFileSync(file, 'utf8')}`);
};

/** The colour a visible word of the active editor is drawn in, read from its rendered token. */
async function colourOf(wb, word) {
  let colour = '';
  await wb.waitFor(
    `a coloured "${word}"`,
    async () => {
      // Monaco draws spaces as no-break spaces; a token's span holds its text.
      colour = await wb.page.locator('.part.editor .view-line span > span').evaluateAll((spans, w) => {
        const span = spans.find((s) => (s.textContent ?? '').replace(/\u00a0/g, ' ') === w);
        return span ? getComputedStyle(span).color : '';
      }, word);
      return !!colour;
    },
    20_000,
  );
  return colour;
}

const count = (rows, re) => rows.filter((r) => re.test(r)).length;

/** The Problems rows once `until` holds and a second look 1.5 s later (a duplicate set would have arrived by then). */
async function settledProblems(wb, until) {
  await wb.problems({ until, timeout: 45_000 });
  await wb.page.waitForTimeout(1_500);
  return wb.problems();
}

test('config editor: activation, TOML highlighting, the runner link', { timeout: 240_000 }, async (t) => {
  await withSessionSteps(t, 'config-editor', { trust: 'yes', prepare, extraExtensions: [OTHER_TOML] }, [
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
        const plain = await colourOf(wb, '=');
        const colours = {
          table: await colourOf(wb, 'workflow'),
          key: await colourOf(wb, 'slug'),
          string: await colourOf(wb, '"."'),
          boolean: await colourOf(wb, 'true'),
          comment: await colourOf(wb, COMMENT),
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
    [
      "next to another TOML extension (Even Better TOML's place): TOML mode, each Tilebox problem once beside its own, hover, quick fix",
      async ({ wb, page, dirs }) => {
        const lines = readFileSync(join(dirs.workspace, 'tilebox.workflow.toml'), 'utf8').split('\n');
        const rootLine = lines.findIndex((l) => l.startsWith('root = ')) + 1;
        const excludeLine = lines.findIndex((l) => l.startsWith('exclude = ')) + 1;
        assert.ok(rootLine > 0 && excludeLine > 0, 'fixture changed: expected `root = ` and `exclude = ` lines');
        await wb.openFile('tilebox.workflow.toml'); // the highlighting step above ran with the other extension installed
        assert.equal((await wb.statusBarItem(/^TOML$/)).trim(), 'TOML');

        // A line that is not TOML: Tilebox says so once, the other extension once in its own words.
        await wb.goToLine(rootLine, 'root '.length + 1);
        await page.keyboard.press('Delete'); // `root  "."`: the `=` is gone
        let rows = await settledProblems(wb, (rs) => count(rs, /toml-syntax/) && count(rs, /other-toml/));
        assert.equal(count(rows, /toml-syntax/), 1, JSON.stringify(rows));
        assert.equal(count(rows, /other-toml/), 1, JSON.stringify(rows));
        await wb.goToLine(rootLine, 'root '.length + 1);
        await page.keyboard.insertText('=');
        await wb.problems({ until: (rs) => !count(rs, /toml-syntax|other-toml/), timeout: 30_000 });

        // A misspelled key is valid TOML: only Tilebox reports it, once, and its quick fix repairs it.
        await wb.goToLine(excludeLine, 3);
        await page.keyboard.press('Delete'); // exclude → exlude
        rows = await settledProblems(wb, (rs) => count(rs, /unknown-key/));
        assert.equal(count(rows, /unknown-key/), 1, JSON.stringify(rows));
        assert.equal(count(rows, /other-toml/), 0, JSON.stringify(rows));
        await wb.goToLine(excludeLine, 3);
        await wb.applyQuickFix(/exclude/);
        await wb.problems({ until: (rs) => !count(rs, /unknown-key/), timeout: 30_000 });
        assert.match(await wb.editorText(), /^exclude = \[/m);

        // Tilebox's hover on a key still comes up under the mouse.
        await page
          .locator('.part.editor .view-line span > span')
          .filter({ hasText: /^slug$/ })
          .first()
          .hover();
        await page
          .locator('.monaco-hover')
          .filter({ hasText: /stable slug; releases are published under it/ })
          .first()
          .waitFor({ timeout: 15_000 });
      },
    ],
  ]);
});
