// A test-runner command that makes the test page a touch-only device, as Chrome DevTools'
// device mode does (Emulation.setTouchEmulationEnabled): `(hover: none) and (pointer: coarse)`
// then match. Browser tests call it with
//   executeServerCommand('pv-emulate-touch', { enabled: true })
// and switch it off again afterwards.
export function touchEmulationPlugin() {
  // Emulation lasts as long as the DevTools session that set it, so each page keeps its own.
  const clients = new WeakMap();
  return {
    name: 'pv-emulate-touch',
    async executeCommand({ command, payload, session }) {
      if (command !== 'pv-emulate-touch') return undefined;
      const page = session.browser.getPage(session.id);
      let client = clients.get(page);
      if (!client) {
        client = await page.createCDPSession();
        clients.set(page, client);
      }
      const enabled = Boolean(payload?.enabled);
      await client.send('Emulation.setTouchEmulationEnabled', { enabled, maxTouchPoints: enabled ? 5 : 1 });
      return true;
    },
  };
}
