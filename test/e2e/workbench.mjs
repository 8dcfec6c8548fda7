// What a user does and sees in the VS Code workbench, as DOM steps. Every wait has a bound; selectors are the
// workbench's own stable classes/ARIA roles (VS Code 1.100).
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (text) => (text instanceof RegExp ? text : new RegExp(escape(text)));

export class Workbench {
  constructor(page, session) {
    this.page = page;
    this.session = session;
  }

  /** Answers the workspace-trust dialog ('yes' | 'no'); retried because it can appear a moment after load. */
  async answerTrust(answer, ms = 20_000) {
    const name = answer === 'yes' ? /Yes, I trust the authors/ : /No, I don.t trust the authors/;
    const button = this.page.getByRole('button', { name });
    await button.first().waitFor({ state: 'visible', timeout: ms });
    for (let i = 0; i < 3 && (await button.count()); i++) {
      await button
        .first()
        .click({ timeout: 5_000 })
        .catch(() => {});
      await button
        .first()
        .waitFor({ state: 'detached', timeout: 5_000 })
        .catch(() => {});
    }
  }

  /** Opens the Tilebox activity-bar container (without toggling it closed when it is already open). */
  async openTilebox() {
    const item = this.page
      .locator('.activitybar .action-item')
      .filter({ has: this.page.locator('[aria-label^="Tilebox"]') })
      .first();
    await item.waitFor({ timeout: 30_000 });
    if (!/\bchecked\b/.test((await item.getAttribute('class')) ?? '')) await item.locator('a, .action-label').first().click();
    const header = this.page.locator('.sidebar .pane-header').first();
    try {
      await header.waitFor({ timeout: 5_000 });
    } catch {
      // The sidebar can be hidden with Tilebox still its container (a debug run moved the focus to the panel): the icon
      // then reads "checked" and a click would only toggle it. The palette command shows it either way.
      await this.runCommand('View: Show Tilebox');
      await header.waitFor({ timeout: 15_000 });
    }
  }

  /** Drags the sash between sidebar and editor so the sidebar is `width` px wide (screenshots show whole labels). */
  async widenSidebar(width = 460) {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) return;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width - 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    await this.page.mouse.move(box.x + width + 300, y); // off the sash, so it is not drawn highlighted
  }

  /** Collapses a view's pane if it is expanded. */
  async collapseView(title) {
    const header = this.view(title).locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }

  /** The pane (view) whose header says `title`, e.g. "Workflows". */
  view(title) {
    return this.page
      .locator('.sidebar .pane')
      .filter({ has: this.page.locator('.pane-header .title', { hasText: new RegExp(escape(title), 'i') }) })
      .first();
  }

  /** Expands the view's pane if it is collapsed. */
  async expandView(title) {
    const header = this.view(title).locator('.pane-header').first();
    await header.waitFor({ timeout: 15_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  }

  /** Collapses every other pane of the sidebar and expands this one, so its (virtualised) tree renders all rows. */
  async soloView(title) {
    await this.expandView(title);
    const others = this.page
      .locator('.sidebar .pane-header[aria-expanded="true"]')
      .filter({ hasNot: this.page.locator('.title', { hasText: new RegExp(`^${escape(title)}$`, 'i') }) });
    for (let i = 0; i < 10 && (await others.count()); i++) await others.first().click();
  }

  /** Waits for a tree row whose text matches; returns its locator. */
  async treeItem(text, { view, timeout = 20_000 } = {}) {
    const scope = view ? this.view(view) : this.page.locator('.sidebar');
    const row = scope
      .locator('.monaco-list-row')
      .filter({ hasText: pattern(text) })
      .first();
    await row.waitFor({ state: 'visible', timeout });
    return row;
  }

  /** Expands a tree row (when collapsed) so its children load: by its twistie, as a click on a job row opens the job. */
  async expandTreeItem(text, opts) {
    const row = await this.treeItem(text, opts);
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    return row;
  }

  /** Expands every collapsed row of a view (bounded), so the whole tree is rendered. */
  async expandAll(viewTitle, rounds = 15) {
    for (let i = 0; i < rounds; i++) {
      const collapsed = this.view(viewTitle).locator('.monaco-list-row[aria-expanded="false"]');
      if (!(await collapsed.count())) return;
      await collapsed.first().locator('.monaco-tl-twistie').click();
      await this.page.waitForTimeout(150);
    }
  }

  /** Rows of a view as {level, label, description, expandable}, in display order. */
  async treeRows(viewTitle) {
    return this.view(viewTitle)
      .locator('.monaco-list-row')
      .evaluateAll((rows) =>
        rows
          .map((r) => ({
            top: parseFloat(r.style.top || '0'),
            level: Number(r.getAttribute('aria-level') ?? 1),
            label: r.querySelector('.label-name')?.textContent?.trim() ?? r.innerText.trim(),
            description: r.querySelector('.label-description')?.textContent?.trim() ?? '',
            expandable: r.hasAttribute('aria-expanded'),
          }))
          .sort((a, b) => a.top - b.top),
      );
  }

  /** Right-clicks a tree row and runs the context-menu entry whose text matches. */
  async contextMenu(row, entry) {
    await row.click({ button: 'right' });
    const menu = this.page.locator('.context-view .monaco-menu');
    const item = menu
      .locator('.action-item')
      .filter({ hasText: pattern(entry) })
      .first();
    await item.waitFor({ timeout: 10_000 });
    await item.hover();
    await item.click();
    // Now and then the menu swallows the click (it stays open with the entry highlighted): the keyboard then runs
    // the highlighted entry. A menu that closed has run its entry.
    await menu
      .first()
      .waitFor({ state: 'detached', timeout: 2_000 })
      .catch(async () => {
        await item.hover();
        await this.page.keyboard.press('Enter');
        await menu.first().waitFor({ state: 'detached', timeout: 5_000 });
      });
  }

  /** Visible text of every row of a view. */
  async treeTexts(viewTitle) {
    return this.view(viewTitle).locator('.monaco-list-row').allInnerTexts();
  }

  /** Welcome text (viewsWelcome) of a view. */
  async welcomeText(viewTitle, timeout = 20_000) {
    const welcome = this.view(viewTitle).locator('.welcome-view-content');
    await welcome.first().waitFor({ state: 'visible', timeout });
    return welcome.first().innerText();
  }

  /** Clicks into the editor area so workbench shortcuts (F1, Ctrl+Shift+M) go to the workbench. */
  async focusWorkbench() {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.part.editor').click({ position: { x: 400, y: 200 } });
  }

  /**
   * Runs a command from the palette by its full title, e.g. "Tilebox: Publish Release". The palette lists only the
   * commands the workbench knew when it opened, and on a loaded machine the extension's contributions can arrive
   * after the first try, so it is reopened until the row shows (bounded).
   */
  async runCommand(title, timeout = 30_000) {
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ hasText: pattern(title) })
      .first();
    await this.waitFor(
      `"${title}" in the command palette`,
      async () => {
        await this.focusWorkbench();
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 10_000 });
        await input.fill(`>${title}`);
        return row.waitFor({ timeout: 3_000 }).then(() => true);
      },
      timeout,
    );
    await row.click();
  }

  /** Picks an item in an open quick pick (after a command asked), by text. */
  async pick(text, timeout = 15_000) {
    const row = this.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ hasText: pattern(text) })
      .first();
    await row.waitFor({ timeout });
    await row.click();
  }

  /** Types into an open input box (showInputBox) and submits it. */
  async answerInput(value, timeout = 15_000) {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(value);
    await input.press('Enter');
  }

  /** Waits for a notification toast whose text matches; returns its text. */
  async notification(text, timeout = 20_000) {
    const toast = this.page
      .locator('.notification-toast, .notifications-center .notification-list-item')
      .filter({ hasText: pattern(text) })
      .first();
    await toast.waitFor({ state: 'visible', timeout });
    return toast.innerText();
  }

  /** Titles of the buttons of the notification whose text matches (a toast, or an entry of the notification center). */
  async notificationButtons(text, timeout = 20_000) {
    await this.notification(text, timeout);
    const toast = this.page
      .locator('.notification-toast, .notifications-center .notification-list-item')
      .filter({ hasText: pattern(text) })
      .first();
    return (await toast.locator('.monaco-button').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  }

  /** Text of the status bar entry whose text matches (waits for it). */
  async statusBarItem(text, timeout = 20_000) {
    const item = this.page
      .locator('.statusbar .statusbar-item')
      .filter({ hasText: pattern(text) })
      .first();
    await item.waitFor({ state: 'visible', timeout });
    return item.innerText();
  }

  /** Clicks a button of the notification whose text matches. */
  async notificationAction(text, button, timeout = 20_000) {
    const toast = this.page
      .locator('.notification-toast')
      .filter({ hasText: pattern(text) })
      .first();
    await toast.waitFor({ state: 'visible', timeout });
    await toast
      .getByRole('button', { name: pattern(button) })
      .first()
      .click();
  }

  /** Opens the Problems panel and returns the ARIA label of each row (VS Code puts message, source and line there). */
  async problems({ until, timeout = 20_000 } = {}) {
    await this.focusWorkbench();
    await this.page.keyboard.press('Control+Shift+M');
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    const read = async () => await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''} | ${e.innerText}`));
    if (!until) return read();
    let last = [];
    try {
      await this.waitFor(`Problems to match ${until}`, async () => until((last = await read())), timeout);
    } catch (e) {
      throw new Error(`${e.message}; Problems showed: ${JSON.stringify(last)}`);
    }
    return last;
  }

  /** Opens a workspace file in an editor (Quick Open). */
  async openFile(relativePath) {
    await this.focusWorkbench();
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(relativePath);
    // Enter opens the focused row: wait until the list has caught up with the typed name (until then the focused row
    // can still be a recently opened file).
    const row = this.page
      .locator('.quick-input-list .monaco-list-row.focused')
      .filter({ hasText: pattern(relativePath.split('/').pop()) })
      .first();
    await row.waitFor({ timeout: 10_000 });
    await input.press('Enter');
    await this.page
      .locator('.tab.active')
      .filter({ hasText: relativePath.split('/').pop() })
      .waitFor({ timeout: 10_000 });
  }

  /** Moves the cursor of the active editor to a line and column. */
  async goToLine(line, column = 1) {
    await this.page
      .locator('.part.editor .monaco-editor')
      .first()
      .click({ position: { x: 200, y: 10 } });
    await this.page.keyboard.press('Control+P'); // Quick Open with ':' is "go to line"; Ctrl+G is not reliable in a browser
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`:${line}:${column}`);
    await input.press('Enter');
  }

  /** Opens the quick-fix menu at the cursor (Ctrl+.) and applies the action whose title matches. */
  async applyQuickFix(title, timeout = 15_000) {
    const rows = this.page.locator('.action-widget .monaco-list-row');
    const row = rows.filter({ hasText: pattern(title) }).first();
    // Ctrl+. again only when no list came up within 2 s: a second press while it opens (a busy machine) can run
    // the first action.
    let pressedAt = 0;
    await this.waitFor(
      `quick fix "${title}"`,
      async () => {
        if (await row.isVisible().catch(() => false)) return true;
        if (!(await rows.count()) && Date.now() - pressedAt > 2_000) {
          await this.page.keyboard.press('Control+.');
          pressedAt = Date.now();
        }
        return false;
      },
      timeout,
    );
    // The action list takes keys, not clicks, reliably: move the focus to the entry, then Enter.
    const focused = this.page.locator('.action-widget .monaco-list-row.focused');
    for (let i = 0; i < 30 && !pattern(title).test((await focused.innerText().catch(() => '')) ?? ''); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    if (!pattern(title).test(await focused.innerText().catch(() => ''))) throw new Error(`could not focus quick fix "${title}"`);
    await this.page.keyboard.press('Enter');
  }

  /** Text of the active editor's visible lines (Monaco renders spaces as no-break spaces; they become spaces). */
  async editorText() {
    // Monaco reuses line elements, so DOM order is not display order: sort by their `top`.
    const lines = await this.page
      .locator('.part.editor .monaco-editor .view-lines')
      .first()
      .locator('.view-line')
      .evaluateAll((els) => els.map((e) => ({ top: parseFloat(e.style.top || '0'), text: e.textContent ?? '' })));
    return lines
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text)
      .join('\n')
      .replace(/\u00a0/g, ' ');
  }

  /** Names of the open terminals (the terminal tabs list / single-terminal title). */
  async terminalNames() {
    return this.page.locator('.terminal-tabs-entry, .single-terminal-tab, .tabs-list .monaco-list-row').allInnerTexts();
  }

  /** Text currently rendered in the active terminal (xterm's accessibility tree is off, so read the rows). */
  async terminalText() {
    return (await this.page.locator('.terminal-wrapper.active .xterm-rows, .xterm .xterm-rows').allInnerTexts()).join('\n');
  }

  /** Reads `read()` until its text matches `re` and returns that text; on a timeout the error shows the last text read. */
  async waitForText(what, read, re, timeout = 20_000) {
    let text = '';
    await this.waitFor(what, async () => re.test((text = (await read()) ?? '')), timeout).catch((e) => {
      throw new Error(`${e.message}; last read: ${text}`);
    });
    return text;
  }

  async waitFor(what, check, timeout = 20_000) {
    const end = Date.now() + timeout;
    for (;;) {
      if (await check().catch(() => false)) return;
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      await this.page.waitForTimeout(250);
    }
  }

  /** The page of the webview panel shown last (a job panel): VS Code nests it two iframes deep. */
  webview() {
    return this.page.locator('iframe.webview.ready').last().contentFrame().locator('iframe#active-frame').contentFrame();
  }

  async screenshot(path) {
    await this.page.screenshot({ path, timeout: 10_000 });
  }
}

/**
 * Paths of the leaf rows under the row labelled `label`, rebuilt from the rows' tree levels (folders left out),
 * sorted; `keep` filters leaves (e.g. leave out greyed excluded files). Throws when no such row is shown.
 */
export function leafPathsBelow(rows, label, keep = () => true) {
  const start = rows.findIndex((r) => r.label === label);
  if (start < 0) throw new Error(`no "${label}" row in ${JSON.stringify(rows)}`);
  const paths = [];
  const stack = [];
  for (const r of rows.slice(start + 1)) {
    if (r.level <= rows[start].level) break;
    const depth = r.level - rows[start].level - 1;
    stack.length = depth;
    stack[depth] = r.label;
    if (!r.expandable && keep(r)) paths.push(stack.join('/'));
  }
  return paths.sort();
}
