// npm run bench:store — autosave latency per answer and outbox flush throughput, in Chromium.
// Serves the built store (packages/store/dist) and a loopback collector stand-in from one
// node:http server on 127.0.0.1 (port 0), and drives Debian's Chromium with playwright-core.
//   node packages/store/bench/bench-store.mjs [--answers 500] [--responses 1000]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/chrome.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const ANSWERS = arg('answers', 500);
const RESPONSES = arg('responses', 1000);

const SERVED = ['packages/store/dist/', 'packages/store/bench/', 'node_modules/idb/build/', 'node_modules/survey-core/fesm/'];
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };
const PAGE = `<!doctype html><meta charset="utf-8"><title>store bench</title>
<script type="importmap">{"imports":{"idb":"/node_modules/idb/build/index.js","survey-core":"/node_modules/survey-core/fesm/survey-core.mjs"}}</script>
<script type="module" src="/packages/store/bench/page.js"></script>`;

/** Idempotent like the real collector: counts distinct ids and any duplicate sends. */
const received = new Map();
let duplicates = 0;

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (req.method === 'POST' && /^\/v1\/surveys\/[^/]+\/responses$/.test(url.pathname)) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (req.headers['idempotency-key'] !== id) {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"key"}');
      return;
    }
    if (received.has(id)) duplicates += 1;
    received.set(id, (received.get(id) ?? 0) + 1);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'stored', id }));
    return;
  }
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    return;
  }
  const path = normalize(url.pathname.slice(1));
  if (!SERVED.some((prefix) => path.startsWith(prefix))) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(join(root, path));
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});

await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
const fmt = (ms) => `${ms.toFixed(3)} ms`;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(origin);
  await page.waitForFunction(() => typeof window.benchFlush === 'function');
  const version = browser.version();

  const { ours, anchor } = await page.evaluate((n) => window.benchAutosave(n), ANSWERS);
  console.log(`Chromium ${version}, ${ANSWERS} answers to a 40-question survey-core model\n`);
  console.log('autosave latency per answer (value change -> durably saved)');
  console.log(`  ours   IndexedDB saveAnswer, strict durability, resolved at tx.done: median ${fmt(ours.median)}, p95 ${fmt(ours.p95)}, max ${fmt(ours.max)}`);
  console.log(`  anchor localStorage.setItem(JSON.stringify(survey.data)) on each value change: median ${fmt(anchor.median)}, p95 ${fmt(anchor.p95)}, max ${fmt(anchor.max)}`);
  console.log(`  ratio ours/anchor: median ${(ours.median / anchor.median).toFixed(1)}x, p95 ${(ours.p95 / anchor.p95).toFixed(1)}x`);
  console.log('  note: localStorage.setItem is synchronous (its time blocks the main thread) and not');
  console.log('  transactional (no commit signal, no atomic draft->outbox move, no quota error per write');
  console.log('  you can tie to an answer); ours is asynchronous and reports saved only after commit.\n');

  const flush = await page.evaluate(
    ([count, endpoint]) => window.benchFlush(count, endpoint),
    [RESPONSES, `${origin}/v1/surveys/bench/responses`],
  );
  const perSecond = (RESPONSES / flush.flushMs) * 1000;
  console.log(`outbox flush: ${RESPONSES} queued responses -> loopback endpoint, one at a time, oldest first`);
  console.log(`  queueing (startDraft + saveDraft + completeResponse each): ${(flush.queueMs / 1000).toFixed(2)} s`);
  console.log(`  flush: ${(flush.flushMs / 1000).toFixed(2)} s = ${perSecond.toFixed(0)} responses/s`);
  const flushedIds = received.size;
  const flushedDuplicates = duplicates;
  console.log(`  endpoint received ${flushedIds} distinct ids, ${flushedDuplicates} duplicate sends; outbox left: ${flush.left.queued} queued, ${flush.left.failed} failed`);
  const bareMs = await page.evaluate(
    ([count, endpoint]) => window.benchBareFetch(count, endpoint),
    [RESPONSES, `${origin}/v1/surveys/bare/responses`],
  );
  console.log(`  baseline, ${RESPONSES} bare sequential fetch POSTs (no storage): ${(bareMs / 1000).toFixed(2)} s = ${((RESPONSES / bareMs) * 1000).toFixed(0)} requests/s`);
  console.log(`  store overhead per response (claim + acknowledge + events): ${((flush.flushMs - bareMs) / RESPONSES).toFixed(2)} ms`);
  if (flushedIds !== RESPONSES || flushedDuplicates !== 0 || flush.left.queued !== 0) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
