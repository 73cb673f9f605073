// Browser tests run in Debian's Chromium through the Chrome launcher (puppeteer-core, which
// never downloads a browser). TypeScript is served through esbuild; `tsc -b` type-checks.
import { chromeLauncher } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROME_ARGS, findChrome } from './scripts/chrome.mjs';
import { testMiddleware } from './scripts/wtr-middleware.mjs';
import { touchEmulationPlugin } from './scripts/wtr-touch-plugin.mjs';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { createPageInOwnWindow, windowSharersPlugin } from './scripts/wtr-windows.mjs';
import { defaultReporter } from '@web/test-runner';

let executablePath;
try {
  executablePath = findChrome();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const filter = process.env.PV_TEST_FILES;

export default {
  files: filter ? filter.split(',') : [
        // Browser packages run every test in Chromium; Node packages only their *.browser.test.ts.
        'packages/{survey,store}/src/**/*.test.ts',
        'packages/*/src/**/*.browser.test.ts',
      ],
  nodeResolve: { exportConditions: ['source'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  middleware: testMiddleware,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
    a11ySnapshotPlugin(),
    touchEmulationPlugin(),
    windowSharersPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROME_ARGS,
      },
      // Every concurrent test page in a window of its own, so every one is shown (as tabs of one
      // window only the front one would get animation frames and ResizeObserver callbacks).
      // packages/survey/src/test-page.test.ts fails if that stops being true.
      createPage: createPageInOwnWindow,
    }),
  ],
  // A fail-safe, not a timed assertion: the first test of a file also waits for Chromium to
  // compile survey-core, which on two busy cores has taken over 10 s.
  testFramework: { config: { ui: 'bdd', timeout: 30000 } },
  reporters: [defaultReporter(), countingReporter()],
  filterBrowserLogs: ({ type }) => type === 'error',
};
