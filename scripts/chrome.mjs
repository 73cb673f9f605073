// Finds the Chromium that browser tests and benchmarks drive. We never download a browser:
// CI and developers use Debian's package, found through CHROME_PATH or on PATH.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * Flags Chromium needs on these machines: run as root, no GPU, a closed network. The last one
 * stops every new window from loading the address bar's drop-down (two WebUI pages, Lit and all,
 * in a renderer of their own): headless there is no address bar to drop down, and on a 2-core
 * machine that page load competed with the page under test for the first few hundred ms.
 */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

export class ChromeNotFoundError extends Error {
  constructor() {
    super(
      'Chromium not found: install it with `sudo apt-get install -y chromium` ' +
        '(or set CHROME_PATH to a Chrome/Chromium binary).',
    );
  }
}

/** @returns {string} the path of a Chromium binary */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new ChromeNotFoundError();
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  throw new ChromeNotFoundError();
}
