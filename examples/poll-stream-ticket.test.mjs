// A projector for a poll whose results are not public: <pv-poll-results> asks for the analyst
// token, trades it (in a header) for a one-use stream ticket, and follows the collector's
// server-sent events with only the ticket in the URL. The real collector (SQLite in a temporary
// folder, the real CLI for the token) on loopback, real Chromium.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../scripts/chrome.mjs';

const BIN = 'packages/collector/bin/pupil-voice-collector.js';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const built = existsSync('dist/pupil-voice-poll-results.js');
// Served by `npm start` as public-results; here it is not: its stream is its results.
const POLL = 'takeover-poll';

function startServer(data, port = 0) {
  const server = spawn(process.execPath, [BIN, 'serve', '--data', data, '--surveys', 'examples/surveys',
    '--host', '127.0.0.1', '--port', String(port), '--static', 'examples:/', '--static', 'dist:/dist'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stderr.on('data', (chunk) => (log += chunk));
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ server, url: match[1].replace(/\/$/, ''), log: () => out + log });
    });
    server.on('exit', (code) => reject(new Error(`collector exited with ${code}`)));
  });
}

async function stopServer(server) {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

async function vote(url, choice) {
  const id = randomUUID();
  const reply = await fetch(`${url}/v1/surveys/${POLL}/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
    body: JSON.stringify({ id, data: { priority: choice }, meta: {} }),
  });
  assert.ok(reply.ok, await reply.text());
}

async function assertAccessible(page, state) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe violations (${state})`);
}

/** Opens a page on the collector with only the projector element on it. */
async function projector(context, url) {
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push({ url: request.url(), headers: request.headers() }));
  await page.goto(`${url}/index.html`);
  await page.evaluate(async (stream) => {
    document.body.innerHTML = `<main><h1>Projector</h1><pv-poll-results stream="${stream}"></pv-poll-results></main>`;
    await import('/dist/pupil-voice-poll-results.js');
  }, `/v1/polls/${POLL}/stream`);
  return { page, requests };
}

const shadowText = (page, selector) =>
  page.evaluate((s) => document.querySelector('pv-poll-results').shadowRoot.querySelector(s)?.textContent.trim() ?? null, selector);

describe('a poll stream that is not public: token once, then one-use tickets', { skip: built ? false : 'poll-results bundle not built (npm run build)' }, () => {
  let server;
  let url;
  let log;
  let data;
  let browser;
  let token;

  before(async () => {
    data = mkdtempSync(join(tmpdir(), 'pv-ticket-'));
    const created = spawnSync(process.execPath, [BIN, 'token', 'create', '--data', data, '--survey', POLL], { encoding: 'utf8' });
    assert.equal(created.status, 0, created.stderr);
    token = created.stdout.trim().split('\n').at(-1);
    ({ server, url, log } = await startServer(data));
    browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    if (server) await stopServer(server);
    rmSync(data, { recursive: true, force: true });
  });

  it('asks for the token, refuses a wrong one, then follows the votes; the token is never in a URL, and a restart buys a new ticket', async () => {
    const context = await browser.newContext();
    const { page, requests } = await projector(context, url);
    // Without a token: the form, and nothing about the poll.
    await page.waitForFunction(() => document.querySelector('pv-poll-results')?.shadowRoot?.querySelector('input[name="token"]'));
    assert.equal(await shadowText(page, 'h2'), 'Analyst token needed');
    assert.doesNotMatch(await page.evaluate(() => document.querySelector('pv-poll-results').shadowRoot.textContent), /youth council|safe on the way/i);
    await assertAccessible(page, 'needs token');

    const input = page.locator('pv-poll-results input[name="token"]');
    await input.fill('pva_not-a-token');
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelector('pv-poll-results').shadowRoot.querySelector('[role="alert"]'));
    assert.match(await shadowText(page, '[role="alert"]'), /not accepted/);
    await assertAccessible(page, 'token refused');

    await input.fill(token);
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelector('pv-poll-results').shadowRoot.querySelector('h2#question')?.textContent.includes('youth council'));
    for (let i = 0; i < 12; i++) await vote(url, 'online');
    await page.waitForFunction(() => document.querySelector('pv-poll-results').shadowRoot.querySelector('.count')?.textContent.trim() === '12 votes', undefined, { timeout: 10_000 });
    await assertAccessible(page, 'live');

    // The token went only in a header of the ticket request; the stream URL carries a ticket.
    for (const request of requests) assert.ok(!request.url.includes(token), `the token is in ${request.url}`);
    const ticketed = requests.filter((r) => r.url.includes('/stream?ticket=pvs_'));
    assert.equal(ticketed.length, 1);
    const asked = requests.filter((r) => r.url.endsWith(`/v1/polls/${POLL}/ticket`));
    assert.ok(asked.some((r) => r.headers.authorization === `Bearer ${token}`));
    assert.ok(!log().includes(token), 'the collector never logs the token');

    // The collector restarts: its tickets are gone and the spent one opens nothing, so the
    // projector buys a new ticket and carries on.
    const port = new URL(url).port;
    await stopServer(server);
    ({ server, url, log } = await startServer(data, port));
    await vote(url, 'places');
    await page.waitForFunction(() => document.querySelector('pv-poll-results').shadowRoot.querySelector('.count')?.textContent.trim() === '13 votes', undefined, { timeout: 20_000 });
    const tickets = new Set(requests.filter((r) => r.url.includes('/stream?ticket=')).map((r) => new URL(r.url).searchParams.get('ticket')));
    assert.ok(tickets.size >= 2, 'a new ticket after the restart');

    // The tab keeps the token: a reload goes straight to the results.
    await page.reload();
    await page.evaluate(async (stream) => {
      document.body.innerHTML = `<main><h1>Projector</h1><pv-poll-results stream="${stream}"></pv-poll-results></main>`;
      await import('/dist/pupil-voice-poll-results.js');
    }, `/v1/polls/${POLL}/stream`);
    await page.waitForFunction(() => document.querySelector('pv-poll-results').shadowRoot.querySelector('.count')?.textContent.trim() === '13 votes', undefined, { timeout: 10_000 });
    await context.close();
  });
});
