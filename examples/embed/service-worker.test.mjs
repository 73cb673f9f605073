// The service worker recipe (examples/embed/offline/, README "Repeat visits, kiosks and
// offline") in real Chromium with the built bundle and the real collector on loopback: after a
// first pupil, the page, the bundle and the definition are on the tablet, so the next pupil
// starts with the collector gone; the response completed then waits in the outbox and reaches
// the collector when it is back. The worker keeps only the bundle and the URLs it was given,
// never a response, and a new worker deletes other versions' caches.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/chrome.mjs';

const BIN = 'packages/collector/bin/pupil-voice-collector.js';
const built = existsSync('dist/pupil-voice.js') && existsSync('dist/pupil-voice-sw.js') && existsSync('dist/preload.json');
const PAGE = '/embed/offline/';
const DEFINITION = '/v1/surveys/lunchtime';
const FIRST_QUESTION = 'How do you feel about school lunches?';
const IDEA = 'One thing that would make lunchtime better';

/** A port free on loopback now: the collector is restarted on it, so the origin (and the worker) stay. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the service worker recipe (built bundle, real collector, Chromium)', {
  skip: built ? false : 'dist/ is not built (npm run build)',
}, () => {
  let data;
  let port;
  let server;
  let browser;
  const preload = built ? JSON.parse(readFileSync('dist/preload.json', 'utf8')) : undefined;

  async function startServer() {
    server = spawn(process.execPath, [BIN, 'serve', '--data', data, '--surveys', 'examples/surveys',
      '--host', '127.0.0.1', '--port', String(port), '--static', 'examples:/', '--static', 'dist:/dist'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        if (/listening on /.test(out)) resolve();
      });
      server.once('exit', (code) => reject(new Error(`collector exited with ${code}`)));
    });
  }

  async function stopServer() {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    server = undefined;
  }

  before(async () => {
    data = mkdtempSync(join(tmpdir(), 'pv-sw-'));
    port = await freePort();
    await startServer();
    browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    if (server) await stopServer();
    rmSync(data, { recursive: true, force: true });
  });

  const origin = () => `http://127.0.0.1:${port}`;

  /** The ids of the lunchtime responses the collector stored (its CSV export's `id` column). */
  function storedIds() {
    const result = spawnSync(process.execPath, [BIN, 'export', '--data', data, '--surveys', 'examples/surveys',
      '--survey', 'lunchtime', '--format', 'csv'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const [header, ...rows] = result.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const column = header.split(',').findIndex((name) => name.replace(/"/g, '').split(': ')[0] === 'id');
    assert.ok(column >= 0, 'the export has an id column');
    // Ids are UUIDs and come before any free text, so a plain split finds them.
    return rows.map((row) => row.split(',')[column].replace(/"/g, ''));
  }

  const outboxIds = (page) => page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('pupil-voice');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction('outbox').objectStore('outbox').getAllKeys();
      all.onsuccess = () => { db.close(); resolve(all.result); };
      all.onerror = () => reject(all.error);
    };
  }));

  /** Every request in every cache this origin holds: [cache name, method, URL]. */
  const cached = (page) => page.evaluate(async () => {
    const entries = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) entries.push([name, request.method, request.url]);
    }
    return entries;
  });

  async function answerAndSubmit(page, choice, idea) {
    await page.getByRole('radio', { name: choice, exact: true }).click();
    await page.getByRole('button', { name: /^(Next|Continue)$/ }).click();
    await page.getByRole('textbox', { name: IDEA }).fill(idea);
    const responseId = await page.locator('pv-survey').evaluate((element) => element.responseId);
    await page.getByRole('button', { name: /^(Complete|Submit)$/ }).click();
    return responseId;
  }

  it('starts the second pupil with the collector gone, and never answers a POST from the cache', async () => {
    const context = await browser.newContext();
    const posts = [];
    context.on('request', (request) => {
      if (request.method() === 'POST') posts.push({ url: request.url() });
    });
    const errors = [];
    const first = await context.newPage();
    first.setDefaultTimeout(30_000);
    first.on('pageerror', (error) => errors.push(error.message));
    await first.goto(`${origin()}${PAGE}`);
    // The worker installed (precaching the bundle, the definition and the page) and took the page.
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });

    const firstId = await answerAndSubmit(first, 'Good', 'Hot pudding');
    await first.locator('.pv-send-state--sent').waitFor();
    assert.deepEqual(storedIds(), [firstId]);

    // What the worker keeps: this build's files, the definition and the page; no response, no POST.
    const expected = [...preload.precache.map((file) => `${origin()}/dist/${file}`), `${origin()}${DEFINITION}`, `${origin()}${PAGE}`].sort();
    const entries = await cached(first);
    assert.deepEqual([...new Set(entries.map(([name]) => name))], [`pupil-voice-${preload.version}`]);
    assert.deepEqual(entries.map(([, , url]) => url).sort(), expected);
    assert.ok(entries.every(([, method]) => method === 'GET'));
    assert.ok(!entries.some(([, , url]) => url.includes('/responses')), 'no response is cached');

    // The collector goes away: the next pupil on this tablet still gets the survey.
    await stopServer();
    const second = await context.newPage();
    second.setDefaultTimeout(30_000);
    second.on('pageerror', (error) => errors.push(error.message));
    await second.goto(`${origin()}${PAGE}`);
    await second.getByText(FIRST_QUESTION).waitFor();
    const postsBefore = posts.length;
    const secondId = await answerAndSubmit(second, 'Not good', 'Less queueing');
    // The POST went to the network (and failed): the response waits in the outbox, not "sent".
    await second.locator('.pv-send-state--waiting').waitFor();
    assert.ok(posts.slice(postsBefore).some((post) => post.url === `${origin()}${DEFINITION}/responses`), 'the POST was made');
    assert.deepEqual(await outboxIds(second), [secondId]);
    assert.ok(!(await cached(second)).some(([, method, url]) => method !== 'GET' || url.includes('/responses')));

    // The collector is back: the next page load's send loop delivers it, once.
    await startServer();
    await second.reload();
    await second.getByText(FIRST_QUESTION).waitFor();
    await second.waitForFunction(async () => {
      const ids = await new Promise((resolve) => {
        const request = indexedDB.open('pupil-voice');
        request.onsuccess = () => {
          const all = request.result.transaction('outbox').objectStore('outbox').getAllKeys();
          all.onsuccess = () => { request.result.close(); resolve(all.result); };
        };
      });
      return ids.length === 0;
    }, null, { timeout: 60_000, polling: 250 });
    assert.deepEqual(storedIds().sort(), [firstId, secondId].sort());
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a newly installed worker deletes the caches of other versions and leaves the page’s own', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${origin()}${PAGE}`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    await page.evaluate(async () => {
      await (await caches.open('pupil-voice-0000000000000000')).put('/stale', new Response('old build'));
      await (await caches.open('school-own')).put('/kept', new Response('not ours'));
    });
    // Another worker script for the same scope: installed and activated like a new build's.
    await page.evaluate(async (scope) => {
      const registration = await navigator.serviceWorker.register(`/dist/pupil-voice-sw.js?survey=/v1/surveys/lunchtime&page=${scope}&update=1`, { scope });
      const worker = registration.installing ?? registration.waiting ?? registration.active;
      if (worker.state !== 'activated') {
        await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
      }
    }, PAGE);
    const names = await page.evaluate(() => caches.keys());
    assert.deepEqual(names.sort(), [`pupil-voice-${preload.version}`, 'school-own'].sort());
    await context.close();
  });
});
