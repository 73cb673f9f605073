// npm run bench:poll: how quickly a vote reaches the projector, with 200 simulated voters on
// loopback, and how big the poll bundles are.
//   node benchmarks/poll/bench-poll.mjs [--voters=200] [--spread=10] [--runs=1]
// A real collector (SQLite in a temporary folder, synchronous=FULL as shipped) serves a live
// poll. Voters POST one vote each, with their own ballot, at random moments over `--spread`
// seconds ("a hall voting"), then all at once ("burst"). Two projectors watch:
//   - an SSE client in this process (the stream itself);
//   - the real <pv-poll-results> in Chromium (projector.html), timed when its vote count
//     changes on screen (skipped if the bundles are not built).
// A vote's latency runs from the moment its POST starts to the first projector update whose
// count reaches the number of votes acknowledged by the time it was acknowledged. The anchor,
// measured in the same run, is the vote's own round trip (POST to acknowledgement); ratios
// are projector latency / round trip. "after the ack" is what the live path adds once the vote
// is stored (coalescing, tally, push, drawing). Nothing is asserted: these are measurements.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { request, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID, randomBytes } from 'node:crypto';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/chrome.mjs';
import { DEFAULT_CONFIG, startCollector } from '../../packages/collector/dist/index.js';

const root = resolve(new URL('../..', import.meta.url).pathname);
const options = Object.fromEntries(process.argv.slice(2).map((arg) => {
  const [key, value] = arg.replace(/^--/, '').split('=');
  return [key, value ?? 'true'];
}));
const VOTERS = Number(options.voters ?? 200);
const SPREAD_S = Number(options.spread ?? 10);
const POLL = 'bench-poll';
const CHOICES = ['a', 'b', 'c', 'd'];

const quantile = (values, q) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'n/a').padStart(9);
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}x` : 'n/a').padStart(7);

function post(base, body) {
  return new Promise((resolveReply, reject) => {
    const text = JSON.stringify(body);
    const url = new URL(`/v1/surveys/${POLL}/responses`, base);
    const req = request(url, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.id, 'Content-Length': Buffer.byteLength(text) } }, (res) => {
      res.resume();
      res.on('end', () => resolveReply(res.statusCode));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** The stream as a projector sees it: each tally event's arrival time and vote count. */
function watchStream(base, updates) {
  return new Promise((resolveOpen) => {
    const req = get(new URL(`/v1/polls/${POLL}/stream`, base), (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!/^event: tally$/m.test(block) || data === undefined) continue;
          updates.push({ at: Date.now(), count: JSON.parse(data).tally.respondents['[]'] ?? 0 });
        }
      });
      resolveOpen(() => req.destroy());
    });
  });
}

/** One wave of votes; returns per-vote send, ack and the acknowledged count at that ack. */
async function vote(base, delays) {
  const votes = [];
  let acked = 0;
  await Promise.all(delays.map((delay, index) => new Promise((done, fail) => {
    setTimeout(() => {
      const body = { id: randomUUID(), data: { choice: CHOICES[index % CHOICES.length] }, ballot: randomBytes(16).toString('base64url') };
      const sent = Date.now();
      post(base, body).then((status) => {
        if (status !== 201) return fail(new Error(`vote refused: HTTP ${status}`));
        acked += 1;
        votes.push({ sent, ack: Date.now(), ackedCount: acked });
        done();
      }, fail);
    }, delay);
  })));
  return votes;
}

function latencies(votes, updates, offset, from = 'sent') {
  return votes.map((v) => {
    const seen = updates.find((u) => u.at >= v.sent && u.count - offset >= v.ackedCount);
    return seen === undefined ? NaN : Math.max(0, seen.at - v[from]);
  });
}

const folder = mkdtempSync(join(tmpdir(), 'pv-bench-poll-'));
const surveysDir = join(folder, 'surveys');
mkdirSync(surveysDir);
writeFileSync(join(surveysDir, `${POLL}.json`), JSON.stringify({
  title: 'Bench poll',
  elements: [{ type: 'radiogroup', name: 'choice', title: 'Which one?', choices: CHOICES }],
}));
const staticDir = join(folder, 'static');
mkdirSync(join(staticDir, 'poll'), { recursive: true });
const bundlesBuilt = existsSync(join(root, 'dist/pupil-voice-poll-results.js'));
if (bundlesBuilt) {
  cpSync(join(root, 'dist'), join(staticDir, 'dist'), { recursive: true });
  writeFileSync(join(staticDir, 'poll/projector.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Projector</title>
<script type="module" src="../dist/pupil-voice-poll-results.js"></script></head>
<body><main><pv-poll-results stream="/v1/polls/${POLL}/stream" join-url="vote.html"></pv-poll-results></main></body></html>`);
}

const collector = await startCollector({
  ...DEFAULT_CONFIG,
  dataDir: join(folder, 'data'),
  surveysDir,
  port: 0,
  host: '127.0.0.1',
  livePolls: [POLL],
  staticMounts: [{ dir: staticDir, mount: '/' }],
});
const base = collector.url;
const streamUpdates = [];
const closeStream = await watchStream(base, streamUpdates);

let browser;
let page;
const pageUpdates = [];
if (bundlesBuilt) {
  browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.exposeFunction('pvSeen', (at, count) => pageUpdates.push({ at, count }));
  await page.goto(`${base}/poll/projector.html`);
  await page.waitForFunction(() => document.querySelector('pv-poll-results')?.shadowRoot?.querySelector('.count'));
  // Times each change of the count on screen (a MutationObserver inside the shadow root).
  await page.evaluate(() => {
    const rootNode = document.querySelector('pv-poll-results').shadowRoot;
    let last = '';
    new MutationObserver(() => {
      const text = rootNode.querySelector('.count')?.textContent ?? '';
      if (text !== last) {
        last = text;
        window.pvSeen(Date.now(), Number.parseInt(text, 10) || 0);
      }
    }).observe(rootNode, { subtree: true, childList: true, characterData: true });
  });
}
await new Promise((r) => setTimeout(r, 500));

const rows = [];
let offset = 0;
for (const [label, delays] of [
  [`spread: ${VOTERS} voters over ${SPREAD_S} s`, Array.from({ length: VOTERS }, () => Math.random() * SPREAD_S * 1000)],
  [`burst: ${VOTERS} voters at once`, Array.from({ length: VOTERS }, () => 0)],
]) {
  const votes = await vote(base, delays);
  await new Promise((r) => setTimeout(r, 1500));
  const roundTrip = votes.map((v) => v.ack - v.sent);
  const stream = latencies(votes, streamUpdates, offset);
  const screen = bundlesBuilt ? latencies(votes, pageUpdates, offset) : [];
  const afterAck = bundlesBuilt ? latencies(votes, pageUpdates, offset, 'ack') : latencies(votes, streamUpdates, offset, 'ack');
  rows.push({ label, roundTrip, stream, screen, afterAck });
  offset += VOTERS;
}

closeStream();
await browser?.close();
await collector.close();
rmSync(folder, { recursive: true, force: true });

console.log(`\nVote-to-projector latency on loopback (SQLite synchronous=FULL; POST start to the projector showing it)`);
console.log(`${'wave'.padEnd(34)}${'observer'.padEnd(26)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}${'p50/rt'.padStart(7)}${'p95/rt'.padStart(7)}`);
for (const row of rows) {
  const rt50 = quantile(row.roundTrip, 0.5);
  const rt95 = quantile(row.roundTrip, 0.95);
  const line = (name, values) => {
    const missing = values.filter((v) => Number.isNaN(v)).length;
    const seen = values.filter((v) => !Number.isNaN(v));
    console.log(`${row.label.padEnd(34)}${name.padEnd(26)}${ms(quantile(seen, 0.5))}${ms(quantile(seen, 0.95))}${ms(Math.max(...seen))}${ratio(quantile(seen, 0.5), rt50)}${ratio(quantile(seen, 0.95), rt95)}${missing ? `  (${missing} never seen)` : ''}`);
  };
  line('anchor: vote round trip', row.roundTrip);
  line('SSE stream (node client)', row.stream);
  if (row.screen.length > 0) line('<pv-poll-results> screen', row.screen);
  line(`${row.screen.length > 0 ? 'screen' : 'stream'} after the ack`, row.afterAck);
}
if (!bundlesBuilt) console.log('(the Chromium projector was skipped: run `npm run build` first)');

console.log('\nPoll bundles (npm run build)');
console.log(`${'file'.padEnd(32)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const file of ['pupil-voice-poll.js', 'pupil-voice-poll-results.js']) {
  const path = join(root, 'dist', file);
  if (!existsSync(path)) {
    console.log(`${file.padEnd(32)} not built`);
    continue;
  }
  const code = readFileSync(path);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log(`${file.padEnd(32)}${kb(code.length)}${kb(gzipSync(code, { level: 9 }).length)}${kb(brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length)}`);
}
