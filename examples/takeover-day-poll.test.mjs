// The take-over day poll end to end, as `npm start` serves it: the collector (SQLite in a
// temporary folder) serves vote.html, projector.html and the poll bundles on loopback;
// Chromium votes from several "phones" (separate browser contexts, i.e. separate devices) and
// the projector follows over server-sent events. Real HTTP, real SQLite, real Chromium.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../scripts/chrome.mjs';

const BIN = 'packages/collector/bin/pupil-voice-collector.js';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const built = existsSync('dist/pupil-voice-poll.js') && existsSync('dist/pupil-voice-poll-results.js');
const POLL = 'takeover-day';

/** axe-core over the whole page, open shadow roots included; fails with the rule ids and targets. */
async function assertAccessible(page, state) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe violations (${state})`);
}

/** The projector's figures as a user and the chart instance see them. */
async function projectorNumbers(page) {
  return page.evaluate(() => {
    const el = document.querySelector('pv-poll-results');
    const rows = [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent.trim()));
    return { chart: el.chartData?.data ?? null, rows, count: el.shadowRoot.querySelector('.count')?.textContent.trim() };
  });
}

/** Starts the collector as `npm start` does; resolves with the process and its base URL. */
function startServer(data, port = 0) {
  const server = spawn(process.execPath, [BIN, 'serve', '--data', data, '--surveys', 'examples/surveys',
    '--host', '127.0.0.1', '--port', String(port), '--static', 'examples:/', '--static', 'dist:/dist',
    '--live-poll', POLL, '--public-results', 'takeover-poll'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ server, url: match[1].replace(/\/$/, '') });
    });
    server.on('exit', (code) => reject(new Error(`collector exited with ${code}`)));
  });
}

async function stopServer(server) {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

describe('take-over day poll: <pv-poll> on phones, <pv-poll-results> on the projector', { skip: built ? false : 'poll bundles not built (npm run build)' }, () => {
  let server;
  let url;
  let data;
  let browser;

  before(async () => {
    data = mkdtempSync(join(tmpdir(), 'pv-takeover-'));
    // takeover-day is a live poll (exact counts); takeover-poll is only public-results, so its stream is suppressed.
    ({ server, url } = await startServer(data));
    browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    if (server) await stopServer(server);
    rmSync(data, { recursive: true, force: true });
  });

  /** A phone: its own browser context, so its own localStorage (its own device ballot). */
  async function phone() {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/takeover-day-poll/vote.html`);
    await page.getByRole('radio').first().waitFor();
    return { context, page, errors };
  }

  async function projector() {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/takeover-day-poll/projector.html`);
    await page.locator('pv-poll-results .count, pv-poll-results >> .count').first().waitFor();
    return { page, errors };
  }

  it('two phones vote and the projector moves within 2 s of each acknowledged vote; chart, table and count agree', async () => {
    const screen = await projector();
    await assertAccessible(screen.page, 'projector, results hidden');
    // Hidden until the presenter shows them: the count only, no numbers per answer anywhere.
    assert.equal((await projectorNumbers(screen.page)).chart, null);
    assert.deepEqual((await projectorNumbers(screen.page)).rows, []);
    await screen.page.getByRole('button', { name: 'Show results' }).click();
    const start = await projectorNumbers(screen.page);
    const before = Number.parseInt(start.count, 10);

    const voters = [await phone(), await phone()];
    const choices = ['Staying safe online', 'Places to go after school'];
    for (const [index, voter] of voters.entries()) {
      await voter.page.getByRole('radio', { name: choices[index] }).check();
      await voter.page.getByRole('button', { name: 'Vote' }).click();
      await voter.page.getByRole('heading', { name: 'Thank you! Your vote was counted.' }).waitFor();
      const expected = before + index + 1;
      // Functional, not a benchmark: the collector pushes within ~100 ms; 2 s is generous.
      await screen.page.waitForFunction(
        (n) => Number.parseInt(document.querySelector('pv-poll-results')?.shadowRoot?.querySelector('.count')?.textContent ?? '', 10) === n,
        expected,
        { timeout: 2000 },
      );
    }
    await screen.page.waitForFunction(() => document.querySelector('pv-poll-results')?.chartData?.data.reduce((a, b) => a + b, 0) >= 2);
    const after = await projectorNumbers(screen.page);
    const total = Number.parseInt(after.count, 10);
    assert.equal(total, before + 2);
    // What the chart draws is what the table says, answer by answer.
    assert.deepEqual(after.rows.map((row) => Number(row[1])), after.chart);
    for (const choice of choices) assert.ok(Number(after.rows.find((row) => row[0] === choice)[1]) >= 1, choice);
    assert.equal(after.chart.reduce((a, b) => a + b, 0), total);
    await assertAccessible(screen.page, 'projector, results shown');
    for (const voter of voters) {
      await assertAccessible(voter.page, 'phone, counted');
      assert.deepEqual(voter.errors, []);
      await voter.context.close();
    }
    assert.deepEqual(screen.errors, []);
    await screen.page.close();
  });

  it('keyboard only: Tab to the answers, arrows to choose, Enter on Vote; focus lands on the outcome', async () => {
    const voter = await phone();
    await assertAccessible(voter.page, 'phone, ready');
    const { page } = voter;
    // Vote with nothing chosen: an error that names what to do, focus back on the answers.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Choose an answer, then press Vote.').waitFor();
    await assertAccessible(page, 'phone, nothing chosen');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByRole('radio', { name: 'Staying safe online' }).isChecked(), true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Thank you! Your vote was counted.' }).waitFor();
    const focused = await page.evaluate(() => document.querySelector('pv-poll').shadowRoot.activeElement?.textContent.trim());
    assert.equal(focused, 'Thank you! Your vote was counted.');
    assert.deepEqual(voter.errors, []);
    await voter.context.close();
  });

  it('a second vote from the same device is refused: by the page, and by the collector if the page is bypassed', async () => {
    const voter = await phone();
    const { page, context } = voter;
    await page.getByRole('radio', { name: 'Someone to talk to about how we feel' }).check();
    await page.getByRole('button', { name: 'Vote' }).click();
    await page.getByRole('heading', { name: 'Thank you! Your vote was counted.' }).waitFor();

    // The page: reloading, or a second tab, shows "already voted" and no way to vote.
    await page.reload();
    await page.getByRole('heading', { name: 'Thank you! Your vote was counted.' }).waitFor();
    const tab = await context.newPage();
    await tab.goto(`${url}/takeover-day-poll/vote.html`);
    await tab.getByRole('heading', { name: 'Thank you! Your vote was counted.' }).waitFor();
    assert.equal(await tab.getByRole('button', { name: 'Vote' }).count(), 0);
    assert.equal(await tab.getByRole('radio').count(), 0);

    // What the device keeps: the ballot and "counted", not the answer nor the vote's id.
    const kept = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), `pv-poll:${POLL}`));
    assert.deepEqual(Object.keys(kept).sort(), ['ballot', 'state']);
    assert.equal(kept.state, 'counted');

    // The collector: the same ballot with a fresh vote id is refused, whatever the page does.
    const reply = await page.evaluate(async ({ ballot }) => {
      const id = crypto.randomUUID();
      const response = await fetch('/v1/surveys/takeover-day/responses', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
        body: JSON.stringify({ id, data: { first_change: 'online' }, ballot }),
      });
      return { status: response.status, body: await response.json() };
    }, kept);
    assert.equal(reply.status, 409);
    assert.equal(reply.body.error, 'already_voted');

    // A page whose storage says "not voted" but that holds the old ballot (say, restored from a
    // backup with a pending vote) is told so by the collector, and shows it.
    await page.evaluate(({ key, ballot }) => {
      localStorage.setItem(key, JSON.stringify({ ballot, state: 'pending', vote: { id: crypto.randomUUID(), data: { first_change: 'places' } } }));
    }, { key: `pv-poll:${POLL}`, ballot: kept.ballot });
    await page.reload();
    await page.getByRole('heading', { name: 'You have already voted' }).waitFor();
    await assertAccessible(page, 'phone, already voted');
    assert.deepEqual(voter.errors, []);
    await context.close();
  });

  it('a vote made offline shows "waiting to send", then "counted" once the collector has it', async () => {
    const voter = await phone();
    const { page, context } = voter;
    const screen = await projector();
    await screen.page.getByRole('button', { name: 'Show results' }).click();
    const before = Number.parseInt((await projectorNumbers(screen.page)).count, 10);

    await context.setOffline(true);
    await page.getByRole('radio', { name: 'Feeling safe on the way to school' }).check();
    await page.getByRole('button', { name: 'Vote' }).click();
    await page.getByRole('heading', { name: 'Waiting to send' }).waitFor();
    await assertAccessible(page, 'phone, waiting to send');
    // Nothing reached the collector, so the projector has not moved and nothing says "counted".
    assert.equal(Number.parseInt((await projectorNumbers(screen.page)).count, 10), before);
    assert.equal(await page.getByText('Your vote was counted').count(), 0);
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Thank you! Your vote was counted.' }).waitFor({ timeout: 20000 });
    await screen.page.waitForFunction(
      (n) => Number.parseInt(document.querySelector('pv-poll-results')?.shadowRoot?.querySelector('.count')?.textContent ?? '', 10) === n,
      before + 1,
    );
    await context.close();
    await screen.page.close();
  });

  it('a poll that is not live shows only the one hidden mark for small numbers, in the chart, table and count', async () => {
    // takeover-poll is public-results but not live here: its stream is the suppressed publication (k = 10).
    for (let i = 0; i < 3; i += 1) {
      const voter = await phone();
      await voter.page.evaluate(() => {
        const poll = document.querySelector('pv-poll');
        poll.setAttribute('src', '/v1/surveys/takeover-poll');
        poll.setAttribute('endpoint', '/v1/surveys/takeover-poll/responses');
      });
      await voter.page.getByRole('radio', { name: 'Staying safe online' }).check();
      await voter.page.getByRole('button', { name: 'Vote' }).click();
      await voter.page.getByRole('heading', { name: 'Thank you! Your vote was counted.' }).waitFor();
      await voter.context.close();
    }
    const screen = await projector();
    await screen.page.evaluate(() => {
      const el = document.querySelector('pv-poll-results');
      el.setAttribute('stream', '/v1/polls/takeover-poll/stream');
      el.removeAttribute('hide-results');
    });
    await screen.page.waitForFunction(() => document.querySelector('pv-poll-results')?.shadowRoot?.querySelector('.count')?.textContent.includes('[c]'));
    await screen.page.waitForFunction(() => document.querySelector('pv-poll-results')?.chartData !== undefined);
    const shown = await projectorNumbers(screen.page);
    assert.ok(shown.chart.every((value) => value === null), JSON.stringify(shown.chart));
    assert.ok(shown.rows.every((row) => row[1] === '[c]' && row[2] === '[c]'), JSON.stringify(shown.rows));
    const text = await screen.page.evaluate(() => document.querySelector('pv-poll-results').shadowRoot.textContent);
    assert.doesNotMatch(text, /\b3\b|\b0 votes|\(0%\)/, 'no hidden value and no 0 in place of one');
    assert.match(text, /\[c\] hidden to protect small groups/);
    await assertAccessible(screen.page, 'projector, suppressed');
    await screen.page.close();
  });

  it('with no collector, votes on one device reach a results view over BroadcastChannel and are acknowledged by it', async () => {
    const context = await browser.newContext();
    const voting = await context.newPage();
    await voting.goto(`${url}/takeover-day-poll/vote.html`);
    // No endpoint: this device only (a tablet passed round, the results on its second window).
    await voting.evaluate(() => {
      document.querySelector('pv-poll').remove();
      const poll = document.createElement('pv-poll');
      poll.setAttribute('src', '/surveys/takeover-day.json');
      poll.setAttribute('poll-id', 'one-device');
      document.querySelector('main').append(poll);
    });
    await voting.getByRole('radio', { name: 'Staying safe online' }).check();
    await voting.getByRole('button', { name: 'Vote' }).click();
    // No results view is open yet: nothing has counted it.
    await voting.getByRole('heading', { name: 'Waiting to send' }).waitFor();

    const results = await context.newPage();
    await results.goto(`${url}/takeover-day-poll/projector.html`);
    await results.evaluate(() => {
      document.querySelector('pv-poll-results').remove();
      const el = document.createElement('pv-poll-results');
      el.setAttribute('src', '/surveys/takeover-day.json');
      el.setAttribute('poll-id', 'one-device');
      document.querySelector('main').append(el);
    });
    await voting.getByRole('heading', { name: 'Thank you! Your vote was counted.' }).waitFor();
    await voting.getByRole('button', { name: 'Next person' }).click();
    await voting.getByRole('radio', { name: 'Places to go after school' }).check();
    await voting.getByRole('button', { name: 'Vote' }).click();
    await voting.getByRole('heading', { name: 'Thank you! Your vote was counted.' }).waitFor();
    await results.waitForFunction(() => document.querySelector('pv-poll-results')?.shadowRoot?.querySelector('.count')?.textContent.trim() === '2 votes');
    await results.waitForFunction(() => document.querySelector('pv-poll-results')?.chartData !== undefined);
    const shown = await projectorNumbers(results);
    assert.deepEqual(shown.chart, [0, 0, 1, 1]);
    await assertAccessible(results, 'results, one device');
    await assertAccessible(voting, 'phone, shared device counted');
    await context.close();
  });

  it('a poll that cannot be loaded, a vote the collector refuses and a stream that is not there each say so accessibly', async () => {
    const voter = await phone();
    // Refused for good (no such poll at this endpoint): said plainly, and the voter may try again.
    await voter.page.evaluate(() => document.querySelector('pv-poll').setAttribute('endpoint', '/v1/surveys/no-such-poll/responses'));
    await voter.page.getByRole('radio', { name: 'Staying safe online' }).check();
    await voter.page.getByRole('button', { name: 'Vote' }).click();
    await voter.page.getByRole('heading', { name: 'Your vote could not be counted' }).waitFor();
    assert.equal(await voter.page.getByText('Your vote was counted').count(), 0);
    await assertAccessible(voter.page, 'phone, refused');
    await voter.page.evaluate(() => document.querySelector('pv-poll').setAttribute('src', '/v1/surveys/no-such-poll'));
    await voter.page.getByText('The poll could not be downloaded').waitFor();
    await assertAccessible(voter.page, 'phone, load failed');
    await voter.context.close();

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}/takeover-day-poll/projector.html`);
    await page.evaluate(() => document.querySelector('pv-poll-results').setAttribute('stream', '/v1/polls/no-such-poll/stream'));
    // A stream that is neither a live nor a public poll is refused exactly as a survey's
    // results are (nothing says whether the poll exists): the projector asks for a token.
    await page.getByRole('heading', { name: 'Analyst token needed' }).waitFor();
    await page.getByRole('textbox', { name: 'Analyst token' }).waitFor();
    await assertAccessible(page, 'projector, token needed');
    await page.close();
  });

  it('the projector survives the collector restarting: "Reconnecting…", then it resumes and follows new votes', async () => {
    const own = mkdtempSync(join(tmpdir(), 'pv-takeover-restart-'));
    let running = await startServer(own);
    const port = new URL(running.url).port;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${running.url}/takeover-day-poll/projector.html`);
      await page.getByRole('button', { name: 'Show results' }).click();
      const count = () => page.evaluate(() => document.querySelector('pv-poll-results').shadowRoot.querySelector('.count')?.textContent.trim());
      const vote = (choice) => page.evaluate(async (value) => {
        const id = crypto.randomUUID();
        const ballot = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16)))).replace(/[+/=]/g, (c) => ({ '+': '-', '/': '_', '=': '' })[c]);
        const response = await fetch('/v1/surveys/takeover-day/responses', {
          method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
          body: JSON.stringify({ id, data: { first_change: value }, ballot }),
        });
        return response.status;
      }, choice);
      assert.equal(await vote('online'), 201);
      await page.waitForFunction(() => document.querySelector('pv-poll-results').shadowRoot.querySelector('.count')?.textContent.trim() === '1 vote');

      await stopServer(running.server);
      await page.getByText('Reconnecting…').waitFor();
      // The last results stay on screen while it reconnects.
      assert.equal(await count(), '1 vote');
      await assertAccessible(page, 'projector, reconnecting');

      running = await startServer(own, port);
      await page.getByText('Live', { exact: true }).waitFor({ timeout: 20000 });
      assert.equal(await vote('places'), 201);
      await page.waitForFunction(() => document.querySelector('pv-poll-results').shadowRoot.querySelector('.count')?.textContent.trim() === '2 votes');
      await page.waitForFunction(() => JSON.stringify(document.querySelector('pv-poll-results').chartData?.data) === '[0,0,1,1]');
    } finally {
      await page.close();
      await stopServer(running.server);
      rmSync(own, { recursive: true, force: true });
    }
  });
});
