// Benchmark: 1,000,000 synthetic responses to a 40-question survey with 4 segment keys,
// tallied by @pupil-voice/aggregate and by DuckDB (one thread, then its default) on the same
// data in the same run; then 500 school tallies merged. Prints times, ratio and peak memory.
//   node --max-old-space-size=8192 packages/aggregate/bench/node-bench.mjs [responses]
// Needs `npx tsc -b packages/aggregate` first (the root `npm run bench:aggregate` does it).
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { merge, serializeTally, tally } from '../dist/index.js';
import {
  SYNTHETIC_SEGMENTS,
  duckdbColumns,
  flatRow,
  generateResponses,
  referenceQueries,
  syntheticDescriptor,
} from '../dist/synthetic.test.helper.js';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const SCHOOLS = 500;
const segments = [...SYNTHETIC_SEGMENTS];
const dir = resolve('.bench/aggregate');
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const time = async (fn) => {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
};

console.log(`== aggregate benchmark: ${COUNT.toLocaleString('en-GB')} responses, 40 questions, segments [${segments.join(', ')}], ${SCHOOLS} schools`);
const definition = syntheticDescriptor();

const generated = await time(() => generateResponses(definition, COUNT, { seed: 42, schools: SCHOOLS }));
const responses = generated.value;
console.log(`generated in ${seconds(generated.ms)}; heap ${mb(process.memoryUsage().heapUsed)}`);

// Same data for DuckDB: newline-delimited JSON, loaded into an in-memory table (not timed in the ratio).
mkdirSync(dir, { recursive: true });
const file = join(dir, `responses-${process.pid}.ndjson`); // per run: two runs must not share it
const out = createWriteStream(file);
for (let i = 0; i < responses.length; i += 10_000) {
  const chunk = responses.slice(i, i + 10_000).map((response) => JSON.stringify(flatRow(response))).join('\n') + '\n';
  if (!out.write(chunk)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');

// Columnar form of the same responses (as a database or Arrow reader would hand them over).
const columnsBuilt = await time(() => {
  const columns = {};
  for (const key of [...segments, ...definition.questions.map((q) => q.name), 'legacy_item']) columns[key] = new Array(COUNT);
  for (let i = 0; i < COUNT; i++) {
    const { data, meta } = responses[i];
    for (const key in meta) columns[key][i] = meta[key];
    for (const key in data) columns[key][i] = data[key];
  }
  return { length: COUNT, columns };
});
const columnar = columnsBuilt.value;

// ---- this module ----
// Warm the JIT on a slice, as DuckDB's code is compiled ahead of time.
tally(definition, responses.slice(0, 50_000), { segments });
const rssBefore = process.memoryUsage().rss;
const cpuBefore = process.cpuUsage();
const rows1 = await time(() => tally(definition, responses, { segments }));
const cpuMs = (since) => { const used = process.cpuUsage(since); return (used.user + used.system) / 1000; };
const rowsCpu = cpuMs(cpuBefore);
const cpuBeforeColumns = process.cpuUsage();
const cols1 = await time(() => tally(definition, columnar, { segments }));
const colsCpu = cpuMs(cpuBeforeColumns);
const ours = rows1.value;
const cells = Object.keys(ours.respondents).length;
const json = serializeTally(ours);
if (serializeTally(cols1.value) !== json) throw new Error('columnar and row tallies differ');
const oursRows = rows1.ms;
const oursCols = cols1.ms;
console.log(`\n-- @pupil-voice/aggregate (one thread)`);
console.log(`tally, response objects: ${seconds(rows1.ms)} (CPU ${seconds(rowsCpu)})`);
console.log(`tally, columnar:         ${seconds(cols1.ms)} (CPU ${seconds(colsCpu)})`);
console.log(`${cells.toLocaleString('en-GB')} cells; tally JSON ${mb(json.length)}; rss ${mb(rssBefore)} -> ${mb(process.memoryUsage().rss)}`);

// ---- DuckDB ----
const queries = referenceQueries(definition, segments, ['legacy_item']);
async function duck(threads) {
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const connection = await instance.connect();
  const load = await time(() =>
    connection.run(`CREATE TABLE responses AS SELECT * FROM read_json('${file}', format = 'newline_delimited', columns = ${duckdbColumns(definition, segments, ['legacy_item'])})`),
  );
  const setting = (await connection.runAndReadAll(`SELECT current_setting('threads')`)).getRowsJS()[0][0];
  await connection.run(`SELECT count(*) FROM responses`); // warm
  const runs = [];
  const cpuRuns = [];
  for (let run = 0; run < 1; run++) {
    const cpuStart = process.cpuUsage();
    const result = await time(async () => {
      // Results go into tables: DuckDB computes everything, nothing is converted to JS.
      for (let i = 0; i < queries.length; i++) await connection.run(`CREATE OR REPLACE TEMP TABLE out_${i} AS ${queries[i].sql}`);
    });
    const cpu = process.cpuUsage(cpuStart);
    runs.push(result.ms);
    cpuRuns.push((cpu.user + cpu.system) / 1000);
  }
  const outRows = (await connection.runAndReadAll(queries.map((_, i) => `SELECT count(*) AS n FROM out_${i}`).join(' UNION ALL '))).getRowsJS();
  connection.closeSync();
  instance.closeSync();
  return { threads: Number(setting), load: load.ms, runs, best: Math.min(...runs), cpu: Math.min(...cpuRuns), rows: outRows.reduce((sum, [n]) => sum + Number(n), 0) };
}
const duck1 = await duck(1);
const duckN = await duck(undefined);
for (const d of [duck1, duckN]) {
  console.log(`\n-- DuckDB, threads=${d.threads}`);
  console.log(`load NDJSON: ${seconds(d.load)} (not compared)`);
  console.log(`same counts in SQL (${queries.length} queries, ${d.rows.toLocaleString('en-GB')} result rows into tables): ${seconds(d.runs[0])} (CPU, all threads: ${seconds(d.cpu)})`);
}

// ---- merging 500 school tallies ----
const bySchool = new Map();
for (const response of responses) {
  const school = response.meta.school;
  let list = bySchool.get(school);
  if (!list) bySchool.set(school, (list = []));
  list.push(response);
}
const schoolsTallied = await time(() => [...bySchool.values()].map((list) => tally(definition, list, { segments })));
const schoolTallies = schoolsTallied.value;
const merged = await time(() => merge(...schoolTallies));
const mergedEqual = serializeTally(merged.value) === json;


console.log(`\n-- merge`);
console.log(`tallied ${schoolTallies.length} schools separately in ${seconds(schoolsTallied.ms)}`);
console.log(`merge(...${schoolTallies.length} school tallies): ${seconds(merged.ms)}; equals the tally of all responses: ${mergedEqual}`);
if (!mergedEqual) process.exitCode = 1;

console.log(`\n== summary`);
const ratioRows = oursRows / duck1.best;
const ratioCols = oursCols / duck1.best;
console.log(`aggregate (response objects) ${seconds(oursRows)}   aggregate (columnar) ${seconds(oursCols)}`);
console.log(`DuckDB threads=1 ${seconds(duck1.best)}   DuckDB threads=${duckN.threads} ${seconds(duckN.best)}`);
console.log(`ratio vs DuckDB single thread: ${ratioRows.toFixed(2)}x (objects), ${ratioCols.toFixed(2)}x (columnar); target <= 1.5x: ${ratioRows <= 1.5 ? 'met' : 'NOT met'} (objects), ${ratioCols <= 1.5 ? 'met' : 'NOT met'} (columnar)`);
console.log(`CPU time (robust when other processes share the machine): aggregate ${seconds(rowsCpu)} (objects), ${seconds(colsCpu)} (columnar); DuckDB threads=1 ${seconds(duck1.cpu)}; ratio ${(rowsCpu / duck1.cpu).toFixed(2)}x (objects), ${(colsCpu / duck1.cpu).toFixed(2)}x (columnar)`);
console.log(`load average while running: ${(await import('node:os')).loadavg().map((n) => n.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
console.log(`ratio vs DuckDB default threads: ${(oursRows / duckN.best).toFixed(2)}x (objects), ${(oursCols / duckN.best).toFixed(2)}x (columnar)`);
console.log(`peak RSS of the whole run (data, DuckDB and all): ${mb(peakRss())}; heap now ${mb(process.memoryUsage().heapUsed)}`);
rmSync(file, { force: true });
