// Each browser test page gets a window of its own. The runner keeps `concurrency` test pages
// open at once; opened as tabs of one window, Chromium shows only the last, and the others are
// hidden: no animation frames (open-wc's fixture() of a plain element waits for one), no
// ResizeObserver or IntersectionObserver callbacks, throttled timers. A page alone in its
// window is shown, so every test page is `document.visibilityState === 'visible'`.

/** chromeLauncher's `createPage`: a new page in a new window of the default browser context. */
export function createPageInOwnWindow({ context }) {
  return context.newPage({ type: 'window' });
}

/**
 * A test-runner command that says how many other pages share the calling test page's window
 * (0 when every page has its own). The runner's visibility test calls it with
 *   executeServerCommand('pv-window-sharers')
 * so that returning to tabs fails that test even when its own page happens to be the shown one.
 */
export function windowSharersPlugin() {
  return {
    name: 'pv-window-sharers',
    async executeCommand({ command, session }) {
      if (command !== 'pv-window-sharers') return undefined;
      const page = session.browser.getPage(session.id);
      const own = await page.createCDPSession();
      const browserSession = await page.browser().target().createCDPSession();
      try {
        const { windowId } = await own.send('Browser.getWindowForTarget');
        const { targetInfos } = await browserSession.send('Target.getTargets');
        let sharers = -1; // the calling page itself is among the targets
        for (const target of targetInfos) {
          if (target.type !== 'page') continue;
          // A page that closed since the list was taken shares nothing.
          const other = await browserSession
            .send('Browser.getWindowForTarget', { targetId: target.targetId })
            .catch(() => undefined);
          if (other?.windowId === windowId) sharers += 1;
        }
        return sharers;
      } finally {
        await own.detach();
        await browserSession.detach();
      }
    },
  };
}
