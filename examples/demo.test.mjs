// End to end, as `npm start` runs it: the collector (SQLite in a temporary folder) serves the
// example pages and the built embed bundle on loopback; Chromium votes through the real page;
// the collector stores each vote once, streams the live tally, and exports what it stored.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../scripts/chrome.mjs';

const BIN = 'packages/collector/bin/pupil-voice-collector.js';
const bundleBuilt = existsSync('dist/pupil-voice.js');

describe('the demo: examples served by the collector', { skip: bundleBuilt ? false : 'dist/pupil-voice.js is not built (npm run build)' }, () => {
  let server;
  let url;
  let data;
  let browser;

  before(async () => {
    data = mkdtempSync(join(tmpdir(), 'pv-demo-'));
    server = spawn(process.execPath, [BIN, 'serve', '--data', data, '--surveys', 'examples/surveys',
      '--host', '127.0.0.1', '--port', '0', '--static', 'examples:/', '--static', 'dist:/dist',
      '--live-poll', 'takeover-poll'], { stdio: ['ignore', 'pipe', 'inherit'] });
    url = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1].replace(/\/$/, ''));
      });
      server.on('exit', (code) => reject(new Error(`collector exited with ${code}`)));
    });
    browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    await new Promise((resolve) => server?.once('exit', resolve));
    rmSync(data, { recursive: true, force: true });
  });

  it('a school page: a pupil who chooses not to take part is recorded as that, once, with no identifiers', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/school-website/`);
    await page.getByRole('button', { name: 'Start the survey' }).click();
    const no = page.getByRole('radio', { name: 'No, I do not want to take part' });
    await no.focus();
    await page.keyboard.press('Space');
    const forward = page.getByRole('button', { name: /^(Continue|Send my answers)$/ });
    while (!(await page.getByText('you do not have to take part').isVisible())) {
      await forward.click();
      await page.waitForTimeout(100);
    }
    // Delivered in the background by the page's send loop; the collector acknowledges once.
    let rows = [];
    for (let i = 0; i < 100 && rows.length < 2; i += 1) {
      const exported = spawnSync(process.execPath, [BIN, 'export', '--data', data, '--surveys', 'examples/surveys',
        '--survey', 'wellbeing', '--format', 'csv'], { encoding: 'utf8' });
      assert.equal(exported.status, 0, exported.stderr);
      rows = exported.stdout.trim().split(/\r?\n/);
      if (rows.length < 2) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(rows.length, 2, 'a header and exactly one response');
    const [header, row] = rows.map((line) => line.split(','));
    // Headers start with the data key, then the question's title.
    assert.equal(row[header.findIndex((h) => h.startsWith('consent:'))], 'no');
    assert.equal(row[header.indexOf('audience')], 'secondary');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a youth council poll on a shared tablet: each vote stored once, live results, nothing of the last voter left', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/youth-council/`);
    for (const choice of ['Staying safe online', 'Places to go after school']) {
      const radio = page.getByRole('radio', { name: choice });
      // A pupil survey opens on its "Before you start" page (the audience preset).
      const start = page.getByRole('button', { name: 'Start', exact: true });
      await Promise.race([radio.waitFor(), start.waitFor()]);
      if (await start.isVisible()) await start.click();
      await radio.waitFor();
      // Keyboard only, as a pupil with a switch device would: focus, Space, then Complete.
      await radio.focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: /^(Vote|Complete|Send my answers)$/ }).click();
      await page.getByText('Thank you for voting').waitFor();
      // Kiosk mode: a fresh, empty poll for the next voter (its intro, then the question).
      await page.getByRole('button', { name: /^(Start|Vote|Complete|Send my answers)$/ }).first().waitFor({ timeout: 15000 });
      assert.equal(await page.getByRole('radio', { checked: true }).count(), 0);
    }
    // <pv-poll-results> follows the stream: its count, and its table (the chart's numbers).
    await page.waitForFunction(
      () => document.querySelector('pv-poll-results')?.shadowRoot?.querySelector('.count')?.textContent.trim() === '2 votes',
      null,
      { timeout: 10000 },
    );
    const rows = await page.evaluate(() =>
      [...document.querySelector('pv-poll-results').shadowRoot.querySelectorAll('tbody tr')].map((tr) => tr.textContent.replace(/\s+/g, ' ').trim()),
    );
    assert.ok(rows.some((row) => /^Staying safe online 1 50%$/.test(row)), rows.join('\n'));
    assert.ok(rows.some((row) => /^Places to go after school 1 50%$/.test(row)), rows.join('\n'));
    assert.deepEqual(errors, []);
    await page.close();

    const exported = spawnSync(process.execPath, [BIN, 'export', '--data', data, '--surveys', 'examples/surveys',
      '--survey', 'takeover-poll', '--format', 'csv'], { encoding: 'utf8' });
    assert.equal(exported.status, 0, exported.stderr);
    const lines = exported.stdout.trim().split(/\r?\n/);
    assert.equal(lines.length, 3, 'a header and one row per vote');
    assert.doesNotMatch(exported.stdout, /Mozilla|HeadlessChrome|127\.0\.0\.1/, 'no user agent or address stored');
  });
});
