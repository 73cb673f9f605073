// npm run bench:results: a partnership's results on the real collector, on loopback.
//   node benchmarks/results/bench-results.mjs [--responses=100000] [--schools=50] [--questions=20] [--limit=600]
// A collector (SQLite in a temporary folder) holds `--responses` generated responses from
// `--schools` schools (packages/aggregate/bench/partnership-data.mjs, with the year group as
// a `year` question, as the collector reads it), published by audience × school × wave × year
// (the default segments). Measured, with the request latency of GET /healthz, GET of the
// survey definition and POST of a response (every 250 ms) as the load a school sees:
//   1. start-up with no snapshot: how a results reader is answered (503 results_pending and
//      its Retry-After, never a hang) and when the first snapshot is served;
//   2. idle: the same latencies with nothing computing (the anchor);
//   3. a refresh (k new responses): results readers answered at once from the last snapshot
//      (statuses and latency), request latency while the worker computes;
//   4. a restart: how soon the kept snapshot is served.
// Ratios are latencies while computing / idle, measured in the same run. Nothing is asserted.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONFIG, openStorage, startCollector } from '../../packages/collector/dist/index.js';
import { definitionVersion } from '../../packages/collector/dist/surveys/survey-registry.js';
import { hashAnalystToken, newAnalystToken } from '../../packages/collector/dist/access/analyst-access.js';
import { partnershipResponses, partnershipSurvey } from '../../packages/aggregate/bench/partnership-data.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')));
const RESPONSES = Number(args.responses ?? 100_000);
const SCHOOLS = Number(args.schools ?? 50);
const QUESTIONS = Number(args.questions ?? 20);
const LIMIT_S = Number(args.limit ?? 600);
const SURVEY = 'partnership';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (values, q) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');

function call(base, path, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(new URL(path, base), { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// The survey: the partnership questions plus the year group the collector segments by.
const { definition: generated } = partnershipSurvey(QUESTIONS);
const definition = {
  title: generated.title,
  pages: [{ name: 'p1', elements: [{ type: 'dropdown', name: 'year', choices: ['4', '5', '6', '7', '8', '9', '10', '11'] }, ...generated.pages[0].elements] }],
};
const wire = (response) => ({
  id: randomUUID(),
  data: { ...response.data, ...(response.meta.year === undefined ? {} : { year: response.meta.year }) },
  meta: { audience: response.meta.audience, school: response.meta.school },
});

const root = mkdtempSync(join(tmpdir(), 'pv-bench-results-'));
const dataDir = join(root, 'data');
const surveysDir = join(root, 'surveys');
mkdirSync(surveysDir, { recursive: true });
writeFileSync(join(surveysDir, `${SURVEY}.json`), JSON.stringify(definition));
console.log(`== results benchmark ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load ${loadavg()[0].toFixed(1)}`);

// Responses stored directly (as many collectors would have received them), in batches.
let started = performance.now();
const storage = await openStorage({ dataDir, sqliteSynchronous: 'normal' });
const version = definitionVersion(definition);
await storage.saveDefinition(SURVEY, version, definition);
const all = partnershipResponses(generated, RESPONSES + 200, { schools: SCHOOLS });
for (let i = 0; i < RESPONSES; i += 2000) {
  await Promise.all(
    all.slice(i, Math.min(RESPONSES, i + 2000)).map((response) => {
      const { id, data, meta } = wire(response);
      return storage.save({ id, surveyId: SURVEY, data, meta, receivedDay: '2026-11-30', bodyHash: id, receipt: id, definitionVersion: version });
    }),
  );
}
const token = newAnalystToken();
await storage.addAnalystToken(SURVEY, hashAnalystToken(token), '2026-11-30');
await storage.close();
console.log(`stored ${RESPONSES.toLocaleString('en-GB')} responses from ${SCHOOLS} schools, ${QUESTIONS + 1} questions, in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const spare = all.slice(RESPONSES);
const config = { ...DEFAULT_CONFIG, dataDir, surveysDir, port: 0, host: '127.0.0.1' };
const auth = { Authorization: `Bearer ${token}` };

/** Probes request latency every 250 ms until stopped; one submission per probe. */
function probe(base) {
  const latencies = { healthz: [], definition: [], submit: [] };
  let running = true;
  const done = (async () => {
    while (running) {
      latencies.healthz.push((await call(base, '/healthz')).ms);
      latencies.definition.push((await call(base, `/v1/surveys/${SURVEY}`)).ms);
      const response = spare.shift();
      if (response) {
        const body = JSON.stringify(wire(response));
        const id = JSON.parse(body).id;
        const reply = await call(base, `/v1/surveys/${SURVEY}/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id }, body });
        if (reply.status === 201) latencies.submit.push(reply.ms);
      }
      await sleep(250);
    }
  })();
  return {
    latencies,
    stop: async () => {
      running = false;
      await done;
      return latencies;
    },
  };
}
const summary = (latencies, anchor) =>
  Object.entries(latencies)
    .map(([name, values]) => {
      const p95 = quantile(values, 0.95);
      const ratio = anchor ? ` (× ${(p95 / quantile(anchor[name], 0.95)).toFixed(1)} idle)` : '';
      return `${name} p50 ${ms(quantile(values, 0.5))}, p95 ${ms(p95)}${ratio}, max ${ms(Math.max(...values))} (${values.length})`;
    })
    .join('; ');

try {
  // 1. Start-up with no snapshot.
  started = performance.now();
  let collector = await startCollector(config);
  const startMs = performance.now() - started;
  let load = probe(collector.url);
  const pending = [];
  let first;
  while ((performance.now() - started) / 1000 < LIMIT_S) {
    const reply = await call(collector.url, `/v1/surveys/${SURVEY}/results?by=school`, { headers: auth });
    if (reply.status === 200) {
      first = reply;
      break;
    }
    pending.push(`${reply.status} ${JSON.parse(reply.text).error} Retry-After ${reply.headers['retry-after']} (${ms(reply.ms)})`);
    await sleep(Math.min(5000, 1000 * Number(reply.headers['retry-after'] ?? 1)));
  }
  let during = await load.stop();
  console.log(`\n1. start-up: collector ready in ${ms(startMs)}; results readers before the first snapshot: ${pending.length} answers, e.g. ${pending.slice(0, 2).join(', ') || 'none'}`);
  if (!first) {
    console.log(`   first snapshot NOT served within ${LIMIT_S} s (suppression still computing)`);
    console.log(`   meanwhile: ${summary(during)}`);
    await collector.close();
  } else {
    console.log(`   first snapshot served ${((performance.now() - started) / 1000).toFixed(1)} s after start (${(first.text.length / 1e6).toFixed(1)} MB for ?by=school)`);
    console.log(`   meanwhile: ${summary(during)}`);

    // 2. Idle anchor: wait for a snapshot covering everything, then measure.
    const settled = await call(collector.url, `/v1/surveys/${SURVEY}/results?by=school`, { headers: { ...auth, Prefer: `wait=60` } });
    await sleep(1000);
    load = probe(collector.url);
    await sleep(5000);
    const idle = await load.stop();
    console.log(`\n2. idle (settled ${settled.status}): ${summary(idle)}`);

    // 3. A refresh: k new responses, readers during it.
    load = probe(collector.url);
    for (let i = 0; i < 10; i++) {
      const body = JSON.stringify(wire(spare.shift()));
      await call(collector.url, `/v1/surveys/${SURVEY}/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': JSON.parse(body).id }, body });
    }
    const waiting = call(collector.url, `/v1/surveys/${SURVEY}/results?by=school`, { headers: { ...auth, Prefer: `wait=60` } });
    let fresh;
    void waiting.then((reply) => (fresh = reply));
    const readers = [];
    while (fresh === undefined) {
      readers.push(await call(collector.url, `/v1/surveys/${SURVEY}/results?by=school`, { headers: auth }));
      await sleep(500);
    }
    during = await load.stop();
    const statuses = readers.reduce((count, reply) => ({ ...count, [reply.status]: (count[reply.status] ?? 0) + 1 }), {});
    console.log(`\n3. refresh after 10 new responses: new snapshot in ${ms(fresh.ms)} (reader with Prefer: wait, ${fresh.status})`);
    console.log(`   results readers meanwhile: ${JSON.stringify(statuses)}, p50 ${ms(quantile(readers.map((r) => r.ms), 0.5))}, max ${ms(Math.max(...readers.map((r) => r.ms)))}`);
    console.log(`   meanwhile: ${summary(during, idle)}`);
    await collector.close();

    // 4. Restart: the kept snapshot.
    started = performance.now();
    collector = await startCollector(config);
    const ready = performance.now() - started;
    const reply = await call(collector.url, `/v1/surveys/${SURVEY}/results?by=school`, { headers: { ...auth, Prefer: 'wait=0' } });
    console.log(`\n4. restart: ready in ${ms(ready)}; first results request ${reply.status} in ${ms(reply.ms)} (Prefer: wait=0: only an existing snapshot can answer)`);
    await collector.close();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
