// The job panel's script: sends clicks as typed messages (client/src/jobs/panel/messages.ts) and swaps in the body
// the extension renders, keeping focus and scroll. All deciding happens in the extension.
// @ts-check
(() => {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));

  /** A stable key for the focused element, so it can be focused again after the body is replaced. */
  function focusKey(el) {
    if (!(el instanceof HTMLElement) || !root.contains(el)) return undefined;
    if (el.id) return `#${el.id}`;
    for (const a of ['data-action', 'data-task', 'data-file'])
      if (el.hasAttribute(a)) return `[${a}="${CSS.escape(el.getAttribute(a) || '')}"]`;
    return undefined;
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg.type === 'render') {
      const key = focusKey(document.activeElement);
      const log = root.querySelector('.log');
      const atBottom = !log || log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
      const y = window.scrollY;
      root.innerHTML = msg.html;
      const again = key && root.querySelector(key);
      if (again instanceof HTMLElement) again.focus({ preventScroll: true });
      const newLog = root.querySelector('.log');
      if (newLog && atBottom) newLog.scrollTop = newLog.scrollHeight;
      window.scrollTo(0, y);
    } else if (msg.type === 'reveal') {
      document.getElementById(msg.section)?.scrollIntoView();
      /** @type {HTMLElement | null} */ (root.querySelector('.log'))?.focus();
    }
  });

  function activate(target) {
    const el = target.closest('[data-action], [data-task], [data-file]');
    if (!el || el.getAttribute('aria-disabled') === 'true') return false;
    if (el.dataset.action) vscode.postMessage({ type: 'action', action: el.dataset.action });
    else if (el.dataset.task) vscode.postMessage({ type: 'filter', task: el.dataset.task });
    else if (el.dataset.file) vscode.postMessage({ type: 'open', file: el.dataset.file, line: Number(el.dataset.line) });
    return true;
  }

  root.addEventListener('click', (e) => {
    if (e.target instanceof Element && activate(e.target)) e.preventDefault();
  });
  // Graph boxes are role=button: Enter and Space activate them as they do a button.
  root.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof Element && e.target.matches('[data-task]')) {
      e.preventDefault();
      activate(e.target);
    }
  });
  // A hidden panel's page is rebuilt from its first HTML when shown again: ask for what it shows now.
  vscode.postMessage({ type: 'ready' });

  root.addEventListener('change', (e) => {
    if (e.target instanceof HTMLSelectElement && e.target.id === 'task-filter')
      vscode.postMessage({ type: 'filter', task: e.target.value });
  });
})();
