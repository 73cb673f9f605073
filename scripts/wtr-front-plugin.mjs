// A test-runner command that brings the test's page to the front. The runner opens two test
// pages at once, and Chromium renders only the front one: in the other, animation frames and
// ResizeObserver callbacks wait until it is shown. A test of layout calls
//   executeServerCommand('pv-bring-to-front')
// first, so what it measures is really laid out.
export function bringToFrontPlugin() {
  return {
    name: 'pv-bring-to-front',
    async executeCommand({ command, session }) {
      if (command !== 'pv-bring-to-front') return undefined;
      await session.browser.getPage(session.id).bringToFront();
      return true;
    },
  };
}
