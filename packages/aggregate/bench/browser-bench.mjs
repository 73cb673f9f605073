// Browser benchmark: 100,000 responses tallied in a Web Worker in Chromium while the main
// thread keeps drawing frames; then the same tally on the main thread for contrast.
//   node packages/aggregate/bench/browser-bench.mjs [responses]
// Needs `npx tsc -b packages/aggregate` first. Uses Debian's Chromium (scripts/chrome.mjs).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/chrome.mjs';

const COUNT = Number(process.argv[2] ?? 100_000);
const root = resolve(new URL('../../..', import.meta.url).pathname);
const dist = join(root, 'packages/aggregate/dist');

const WORKER = `
import { tally } from '/dist/index.js';
import { generateResponses, syntheticDescriptor, SYNTHETIC_SEGMENTS } from '/dist/synthetic.test.helper.js';
self.onmessage = ({ data: { count } }) => {
  const definition = syntheticDescriptor();
  let start = performance.now();
  const responses = generateResponses(definition, count, { seed: 42, schools: 500 });
  const generateMs = performance.now() - start;
  self.postMessage({ phase: 'tally-start' });
  start = performance.now();
  const result = tally(definition, responses, { segments: [...SYNTHETIC_SEGMENTS] });
  const tallyMs = performance.now() - start;
  self.postMessage({ phase: 'done', generateMs, tallyMs, cells: Object.keys(result.respondents).length, respondents: Object.values(result.respondents).reduce((a, b) => a + b, 0) });
};
`;

const PAGE = `<!doctype html><meta charset="utf-8"><title>aggregate worker bench</title>
<p id="status">ready</p>
<script type="module">
import { tally } from '/dist/index.js';
import { generateResponses, syntheticDescriptor, SYNTHETIC_SEGMENTS } from '/dist/synthetic.test.helper.js';

/** Watches the main thread: frames drawn and the longest gap between timer ticks. */
function watch() {
  const state = { frames: 0, longestGap: 0, ticks: 0, running: true };
  let last = performance.now();
  const frame = () => { if (!state.running) return; state.frames++; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const tick = () => {
    if (!state.running) return;
    const now = performance.now();
    state.longestGap = Math.max(state.longestGap, now - last);
    last = now;
    state.ticks++;
    setTimeout(tick, 4);
  };
  setTimeout(tick, 4);
  return { stop: () => { state.running = false; return state; } };
}

window.inWorker = (count) => new Promise((done) => {
  const worker = new Worker('/worker.js', { type: 'module' });
  let watcher;
  let started;
  worker.onmessage = ({ data }) => {
    if (data.phase === 'tally-start') { watcher = watch(); started = performance.now(); return; }
    const wall = performance.now() - started;
    const seen = watcher.stop();
    worker.terminate();
    done({ ...data, wallMs: wall, frames: seen.frames, ticks: seen.ticks, longestGapMs: seen.longestGap });
  };
  worker.postMessage({ count });
});

window.onMainThread = async (count) => {
  const definition = syntheticDescriptor();
  const responses = generateResponses(definition, count, { seed: 42, schools: 500 });
  const watcher = watch();
  await new Promise((r) => setTimeout(r, 50));
  const start = performance.now();
  const result = tally(definition, responses, { segments: [...SYNTHETIC_SEGMENTS] });
  const tallyMs = performance.now() - start;
  await new Promise((r) => setTimeout(r, 50));
  const seen = watcher.stop();
  return { tallyMs, cells: Object.keys(result.respondents).length, longestGapMs: seen.longestGap, frames: seen.frames };
};
document.getElementById('status').textContent = 'loaded';
</script>`;

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const send = (status, type, body) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  };
  if (url.pathname === '/' || url.pathname === '/index.html') return send(200, 'text/html', PAGE);
  if (url.pathname === '/worker.js') return send(200, 'text/javascript', WORKER);
  if (url.pathname.startsWith('/dist/')) {
    const file = normalize(join(dist, url.pathname.slice('/dist/'.length)));
    if (!file.startsWith(dist) || extname(file) !== '.js') return send(404, 'text/plain', 'not found');
    try {
      return send(200, 'text/javascript', await readFile(file));
    } catch {
      return send(404, 'text/plain', 'not found');
    }
  }
  send(404, 'text/plain', 'not found');
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const { port } = server.address();

const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'loaded', null, { timeout: 30_000 }).catch(() => {
    throw new Error(`page did not load: ${errors.join('; ')}`);
  });
  console.log(`== browser benchmark (Chromium ${browser.version()}): ${COUNT.toLocaleString('en-GB')} responses, 40 questions, 4 segment keys`);
  const worker = await page.evaluate((count) => window.inWorker(count), COUNT);
  console.log(`worker: generated in ${(worker.generateMs / 1000).toFixed(2)} s; tallied in ${(worker.tallyMs / 1000).toFixed(2)} s (${worker.cells.toLocaleString('en-GB')} cells, ${worker.respondents.toLocaleString('en-GB')} respondents)`);
  console.log(`main thread while the worker tallied: ${worker.frames} animation frames, ${worker.ticks} timer ticks, longest gap between ticks ${worker.longestGapMs.toFixed(1)} ms`);
  const main = await page.evaluate((count) => window.onMainThread(count), COUNT);
  console.log(`for contrast, the same tally on the main thread: ${(main.tallyMs / 1000).toFixed(2)} s, longest gap between ticks ${main.longestGapMs.toFixed(1)} ms (the page is frozen that long)`);
  const responsive = worker.longestGapMs < 200;
  console.log(`main thread responsive during the worker tally (longest gap < 200 ms): ${responsive ? 'yes' : 'NO'}`);
  if (errors.length > 0) console.log(`page errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  server.close();
}
