// Benchmark: how long `suppress` takes at school, partnership and county scale.
// Each case tallies synthetic responses (segments audience × school × year), then times
// `suppress(tally, { k: 10 })` in a worker thread that is stopped after a time limit, and
// prints the published numbers, how many were hidden and the time.
//   node packages/aggregate/bench/suppress-bench.mjs [--limit=120] [--only=small,medium,county]
// Needs `npx tsc -b packages/aggregate` first (the root `npm run bench:suppress` does it).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const CASES = [
  { name: 'small', questions: 5, schools: 5, audiences: 3, years: 5, responses: 3_000 },
  { name: 'medium', questions: 20, schools: 20, audiences: 3, years: 5, responses: 30_000 },
  { name: 'county', questions: 40, schools: 50, audiences: 3, years: 5, responses: 100_000 },
];

if (isMainThread) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
  const limit = Number(args.limit ?? 120);
  const only = args.only ? new Set(args.only.split(',')) : null;
  console.log(`== suppress benchmark (k = 10, every total published; limit ${limit} s per case)`);
  console.log('case    | questions | schools | audiences | years | responses | numbers | hidden | suppress');
  for (const c of CASES) {
    if (only && !only.has(c.name)) continue;
    const result = await new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: c, resourceLimits: { maxOldGenerationSizeMb: 6144 } });
      const timer = setTimeout(() => {
        void worker.terminate();
        resolve({ timedOut: true });
      }, limit * 1000);
      worker.once('message', (message) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(message);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        resolve({ error: String(error) });
      });
    });
    const time = result.timedOut ? `> ${limit} s (stopped)` : result.error ? `error: ${result.error}` : `${(result.ms / 1000).toFixed(2)} s`;
    const cell = (v, w) => String(v ?? '').padStart(w);
    console.log(
      `${c.name.padEnd(7)} | ${cell(c.questions, 9)} | ${cell(c.schools, 7)} | ${cell(c.audiences, 9)} | ${cell(c.years, 5)} | ${cell(c.responses.toLocaleString('en-GB'), 9)} | ${cell(result.numbers?.toLocaleString('en-GB'), 7)} | ${cell(result.hidden?.toLocaleString('en-GB'), 6)} | ${time}`,
    );
  }
} else {
  const { generateResponses, syntheticDefinition } = await import('../dist/synthetic.test.helper.js');
  const { tally, suppress } = await import('../dist/index.js');
  const { readDefinition } = await import('../dist/definition.js');
  const c = workerData;
  // The first questions of the 40-question synthetic survey (every kind once 40 are taken).
  const full = syntheticDefinition();
  const elements = [...full.pages[0].elements, ...full.pages[1].elements[0].elements].slice(0, c.questions);
  const definition = { title: full.title, pages: [{ name: 'p1', elements }] };
  const responses = generateResponses(readDefinition(definition), c.responses, { seed: 7, schools: c.schools });
  const audiences = ['pupil', 'parent', 'staff'].slice(0, c.audiences);
  responses.forEach((response, i) => {
    // Mostly pupils, fewer parents, few staff: small groups where a county has them.
    const a = i % 10;
    response.meta = {
      audience: audiences[Math.min(audiences.length - 1, a < 7 ? 0 : a < 9 ? 1 : 2)],
      school: response.meta.school,
      year: String(7 + ((i * 7919) % c.years)),
    };
  });
  const t = tally(definition, responses, { segments: ['audience', 'school', 'year'] });
  const start = performance.now();
  const published = suppress(t, { k: 10 });
  const ms = performance.now() - start;
  const text = JSON.stringify(published);
  const hidden = text.split('"suppressed":true').length - 1;
  const numbers = hidden + (text.split('"suppressed":false').length - 1);
  parentPort.postMessage({ ms, hidden, numbers });
}
