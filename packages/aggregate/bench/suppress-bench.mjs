// Benchmark: how long `suppress` takes at school, partnership and county scale, with and
// without the LP interval audit. Each case tallies synthetic responses (segments audience ×
// school × year, every total published), then times `suppress(tally, { k: 10 })` in a worker
// thread that is stopped after a time limit, and prints the published numbers, the share
// hidden and the time: first with only the exact (linear-algebra) check, as before the audit,
// then with the audit (HiGHS), which hides more where bounds would leak.
//   node packages/aggregate/bench/suppress-bench.mjs [--limit=120] [--only=small,medium,county]
// Needs `npx tsc -b packages/aggregate` first (the root `npm run bench:suppress` does it).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const CASES = [
  { name: 'school', questions: 5, schools: 1, audiences: 3, years: 5, responses: 600 },
  { name: 'small', questions: 5, schools: 5, audiences: 3, years: 5, responses: 3_000 },
  { name: 'medium', questions: 20, schools: 20, audiences: 3, years: 5, responses: 30_000 },
  { name: 'county', questions: 40, schools: 50, audiences: 3, years: 5, responses: 100_000 },
];

if (isMainThread) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
  const limit = Number(args.limit ?? 120);
  const only = args.only ? new Set(args.only.split(',')) : null;
  console.log(`== suppress benchmark (k = 10, every total published; limit ${limit} s per case)`);
  console.log('case    | questions | schools | responses | numbers | hidden, exact check only | time   | hidden, with LP audit | time   | LP solves');
  for (const c of CASES) {
    if (only && !only.has(c.name)) continue;
    const result = await new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: c, resourceLimits: { maxOldGenerationSizeMb: 6144 } });
      const partial = {};
      const timer = setTimeout(() => {
        void worker.terminate();
        resolve(partial.plain ? { ...partial, audited: { timedOut: true } } : { timedOut: true });
      }, limit * 1000);
      worker.on('message', (message) => {
        Object.assign(partial, message);
        if (!message.audited) return;
        clearTimeout(timer);
        void worker.terminate();
        resolve(partial);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        resolve({ error: String(error) });
      });
    });
    if (result.timedOut || result.error) {
      console.log(`${c.name.padEnd(7)} | ${result.timedOut ? `> ${limit} s (stopped)` : `error: ${result.error}`}`);
      continue;
    }
    const cell = (v, w) => String(v ?? '').padStart(w);
    const share = (r) => (r.timedOut ? `> ${limit} s (stopped)` : `${r.hidden.toLocaleString('en-GB')} (${((100 * r.hidden) / r.numbers).toFixed(1)}%)`);
    const time = (r) => (r.timedOut ? '' : (r.ms / 1000).toFixed(2) + ' s');
    console.log(
      `${c.name.padEnd(7)} | ${cell(c.questions, 9)} | ${cell(c.schools, 7)} | ${cell(c.responses.toLocaleString('en-GB'), 9)} | ${cell(result.plain.numbers.toLocaleString('en-GB'), 7)} | ${cell(share(result.plain), 24)} | ${cell(time(result.plain), 6)} | ${cell(share(result.audited), 21)} | ${cell(time(result.audited), 6)} | ${cell(result.audited.solves ?? '', 9)}`,
    );
  }
} else {
  const { generateResponses, syntheticDefinition } = await import('../dist/synthetic.test.helper.js');
  const { tally, suppress, loadLpSolver, lpStatistics } = await import('../dist/index.js');
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
  const solver = await loadLpSolver();
  const run = (options) => {
    const start = performance.now();
    const published = suppress(t, { k: 10, ...options });
    const ms = performance.now() - start;
    const text = JSON.stringify(published);
    const hidden = text.split('"hidden":true').length - 1;
    const numbers = hidden + (text.split('"count":').length - 1);
    return { ms, hidden, numbers };
  };
  const plain = run({ unsafeSkipIntervalAudit: true });
  parentPort.postMessage({ plain });
  lpStatistics.solves = 0;
  const audited = run({ solver });
  parentPort.postMessage({ audited: { ...audited, solves: lpStatistics.solves } });
}
