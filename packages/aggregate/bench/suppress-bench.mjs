// Benchmark: what suppression costs at school-partnership and county scale, and what it hides.
//
//   npm run bench:suppress -- [--limit=120] [--only=3k,30k,100k,optimum] [--methods=old,default] [--attack-max=3000]
//
// Data: packages/aggregate/bench/partnership-data.mjs (schools of different sizes, secondary
// and primary year groups, 75% pupils, 20% parents, 5% staff; agree/disagree statements
// published with "agree" and "disagree" groupings, frequency, yes/no and tick-all questions).
// Segments audience × school × year, every total published, k = 10.
//
// Per case, each method runs in its own worker thread; the clock starts once the tally is
// built, and a run still going after `--limit` seconds is stopped and reported as such:
//   old      `unsafeSkipIntervalAudit: true`: greedy rules and the exact linear-algebra check,
//            no interval audit (the method before issue 13);
//   default  `suppress(tally, { k, groupings })` with its interval audit.
// Printed: the numbers published (every count, base, missing and grouping of every cell),
// the share hidden, the time, and the ratios default / old.
//
// Independent check: for every publication with at most `--attack-max` hidden numbers, an
// LP attacker built from the published JSON alone (src/lp-attacker.test.helper.ts: max and min
// of every hidden number subject to every published equation and non-negativity) prints the
// narrowest interval it finds against the protection level (k), and how many are narrower.
//
// Optimum (`optimum` case): one agree/disagree question × audience × 3 schools × 2 year
// groups (and parents/staff without a year), small enough for the mixed-integer program of
// bench/optimal-suppression.mjs; prints the fewest hidden numbers the rules allow (or the
// program's lower bound when it stops at the limit) beside what each method hides.
//
// Needs `npx tsc -b packages/aggregate` first (the root `npm run bench:suppress` does it).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const K = 10;
const CASES = [
  { name: '3k', responses: 3_000, schools: 5, questions: 5 },
  { name: '30k', responses: 30_000, schools: 20, questions: 12 },
  { name: '100k', responses: 100_000, schools: 50, questions: 20 },
];
const METHODS = ['old', 'default'];

if (isMainThread) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
  const limit = Number(args.limit ?? 120);
  const attackMax = Number(args['attack-max'] ?? 3000);
  const only = args.only ? new Set(args.only.split(',')) : null;
  const methods = args.methods ? METHODS.filter((m) => args.methods.split(',').includes(m)) : METHODS;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`== suppress benchmark ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${os.cpus().length} × ${cpu}, load ${os.loadavg()[0].toFixed(1)}`);
  console.log(`   k = ${K}, protection = k, segments audience × school × year, every total; limit ${limit} s per run`);

  /** Runs one job in a worker; the limit starts when the worker says its data is ready. */
  const run = (job) =>
    new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 6144 } });
      const result = {};
      let timer;
      const finish = () => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(result);
      };
      worker.on('message', (message) => {
        Object.assign(result, message);
        if (message.ready) timer = setTimeout(() => ((result.timedOut = true), finish()), limit * 1000);
        if (message.done) finish();
      });
      worker.once('error', (error) => {
        result.error = String(error?.stack ?? error);
        finish();
      });
    });

  const fmt = (n) => n.toLocaleString('en-GB');
  const share = (r) =>
    r.hidden === undefined
      ? ''
      : `${fmt(r.hidden)} (${((100 * r.hidden) / r.numbers).toFixed(1)}%; ${((100 * r.occupiedHidden) / r.occupied).toFixed(1)}% of ${fmt(r.occupied)} in cells with respondents)`;
  const status = (r) =>
    r.skipped ? 'not run (--methods)' : r.error ? `error: ${r.error.split('\n')[0]}` : r.hidden === undefined ? `not finished in ${limit} s` : `${(r.ms / 1000).toFixed(2)} s`;
  const attackText = (r) => {
    if (r.hidden === undefined) return '';
    if (!r.attack) return r.timedOut ? `attacker stopped at the limit` : `not run (> ${fmt(attackMax)} hidden)`;
    const a = r.attack;
    return `narrowest ${a.narrowest} (protection ${a.protection}); ${fmt(a.narrow)} of ${fmt(a.audited)} narrower; ${(a.ms / 1000).toFixed(1)} s`;
  };

  for (const c of CASES) {
    if (only && !only.has(c.name)) continue;
    const results = {};
    for (const method of METHODS) {
      results[method] = methods.includes(method) ? await run({ kind: 'case', case: c, method, attackMax }) : { skipped: true };
    }
    const { old, default: audited } = results;
    const numbers = old.numbers ?? audited.numbers;
    console.log(`\n${c.name}: ${fmt(c.responses)} responses, ${c.schools} schools, ${c.questions} questions, ${numbers === undefined ? '?' : fmt(numbers)} numbers (tally ${((old.tallyMs ?? audited.tallyMs ?? 0) / 1000).toFixed(1)} s)`);
    for (const method of METHODS) {
      const r = results[method];
      console.log(`  ${method.padEnd(8)} hidden ${share(r).padEnd(58)} time ${status(r).padEnd(22)} attacker: ${attackText(r)}`);
    }
    if (old.hidden !== undefined && audited.hidden !== undefined) {
      console.log(`  default / old: hidden × ${(audited.hidden / old.hidden).toFixed(2)} (in cells with respondents × ${(audited.occupiedHidden / old.occupiedHidden).toFixed(2)}), time × ${(audited.ms / old.ms).toFixed(1)}`);
    }
  }

  if (!only || only.has('optimum')) {
    const r = await run({ kind: 'optimum', limit });
    console.log(`\noptimum: one agree/disagree question × audience × 3 schools × 2 year groups (${r.numbers ?? '?'} numbers, ${r.primary ?? '?'} below k)`);
    if (r.error) console.log(`  error: ${r.error}`);
    for (const method of METHODS) {
      const m = r[method];
      if (m) console.log(`  ${method.padEnd(8)} hidden ${fmt(m.hidden)} (${((100 * m.hidden) / r.numbers).toFixed(1)}%) in ${(m.ms / 1000).toFixed(2)} s; attacker: ${attackText({ ...m, attack: m.attack })}`);
      else if (r.ready) console.log(`  ${method.padEnd(8)} not finished`);
    }
    const o = r.optimal;
    if (o) {
      const what = o.optimal ? `optimum ${o.hidden}` : `lower bound ${o.lowerBound} (no proven optimum within the limit)`;
      console.log(`  MIP      ${what} (${((100 * (o.optimal ? o.hidden : o.lowerBound)) / r.numbers).toFixed(1)}%), ${o.iterations} master solves, ${o.cuts} cuts, ${(o.ms / 1000).toFixed(1)} s`);
      const reference = o.optimal ? o.hidden : o.lowerBound;
      for (const method of METHODS) if (r[method] && reference > 0) console.log(`  ${method.padEnd(8)} hides × ${(r[method].hidden / reference).toFixed(2)} the ${o.optimal ? 'optimum' : 'lower bound'}`);
    } else if (r.timedOut) {
      console.log(`  MIP      not finished in ${limit} s`);
    }
  }
} else {
  const { partnershipSurvey, partnershipResponses } = await import('./partnership-data.mjs');
  const { tally, suppress, loadLpSolver } = await import('../dist/index.js');
  const { learn, intervals, isEmptyCell } = await import('../dist/lp-attacker.test.helper.js');
  const solver = await loadLpSolver();
  const job = workerData;

  const countNumbers = (published) => {
    const text = JSON.stringify(published);
    const hidden = text.split('"hidden":true').length - 1;
    return { hidden, shown: text.split('"count":').length - 1 };
  };
  const timed = (fn) => {
    const start = performance.now();
    const value = fn();
    return { value, ms: performance.now() - start };
  };
  const suppressWith = (t, method, groupings) => {
    const options = { k: K, groupings, ...(method === 'old' ? { unsafeSkipIntervalAudit: true } : { solver }) };
    return timed(() => suppress(t, options));
  };
  /**
   * Every number the publication would have with every segment value present: cells (each
   * combination of a value or the total per key) × numbers per cell.
   */
  const latticeNumbers = (t, published) => {
    const values = t.segments.map(() => new Set());
    for (const key of Object.keys(t.respondents)) JSON.parse(key).forEach((value, d) => values[d].add(value));
    const cells = values.reduce((product, set) => product * (set.size + 1), 1);
    const key = Object.keys(published.respondents)[0];
    const one = { respondents: published.respondents[key], questions: published.questions.map((q) => q.cells[key]), unknown: published.unknownQuestions.map((u) => u.cells[key]) };
    const { hidden, shown } = countNumbers(one);
    return cells * (hidden + shown);
  };
  /**
   * The same count over the cells that have respondents (a primary school has no year 7, a
   * staff member no year group: those cells are empty, hidden, and protect nobody).
   */
  const occupiedNumbers = (t, published) => {
    const values = t.segments.map(() => new Set());
    for (const key of Object.keys(t.respondents)) JSON.parse(key).forEach((value, d) => values[d].add(value));
    let keys = [[]];
    for (const set of values) keys = keys.flatMap((prefix) => [...set, true].map((value) => [...prefix, value]));
    const first = Object.keys(published.respondents)[0];
    const cellOf = (key) => ({ respondents: published.respondents[key], questions: published.questions.map((q) => q.cells[key]), unknown: published.unknownQuestions.map((u) => u.cells[key]) });
    const perCell = Object.values(countNumbers(cellOf(first))).reduce((a, b) => a + b, 0);
    let numbers = 0;
    let shown = 0;
    for (const values of keys) {
      const key = JSON.stringify(values);
      if (isEmptyCell(t, `@${key}`)) continue;
      numbers += perCell;
      if (key in published.respondents) shown += countNumbers(cellOf(key)).shown;
    }
    return { occupied: numbers, occupiedHidden: numbers - shown };
  };
  /** The LP attacker's narrowest interval over the hidden numbers of cells with respondents. */
  const attackOf = (published, truth) => {
    const start = performance.now();
    const knowledge = learn(published, truth);
    const found = intervals(solver, knowledge, { integerUpTo: 0 }).filter(([id]) => !isEmptyCell(truth, id));
    const widths = found.map(([, lower, upper]) => upper - lower);
    return {
      narrowest: widths.length === 0 ? '—' : Math.min(...widths),
      narrow: widths.filter((w) => w < K).length,
      audited: widths.length,
      protection: K,
      ms: performance.now() - start,
    };
  };

  if (job.kind === 'case') {
    const c = job.case;
    const { definition, groupings } = partnershipSurvey(c.questions);
    const started = performance.now();
    const responses = partnershipResponses(definition, c.responses, { schools: c.schools });
    const t = tally(definition, responses, { segments: ['audience', 'school', 'year'] });
    parentPort.postMessage({ ready: true, tallyMs: performance.now() - started });
    const { value: published, ms } = suppressWith(t, job.method, groupings);
    const { hidden, shown } = countNumbers(published);
    // Numbers of segment values left out of the publication count as hidden.
    const all = latticeNumbers(t, published);
    parentPort.postMessage({ ms, hidden: all - shown, numbers: all, ...occupiedNumbers(t, published) });
    if (all - shown <= job.attackMax) parentPort.postMessage({ attack: attackOf(published, t) });
    parentPort.postMessage({ done: true });
  } else {
    const { tableOf, optimalSuppression } = await import('./optimal-suppression.mjs');
    const { definition, groupings } = partnershipSurvey(5);
    const first = definition.pages[0].elements[0].name;
    const small = { title: definition.title, pages: [{ name: 'p1', elements: [definition.pages[0].elements[0]] }] };
    const responses = partnershipResponses(definition, 3_000, { schools: 5 })
      .filter((r) => ['S001', 'S002', 'S003'].includes(r.meta.school) && (r.meta.year === undefined || ['7', '8'].includes(r.meta.year)))
      .map((r) => ({ ...r, data: first in r.data ? { [first]: r.data[first] } : {} }));
    const t = tally(small, responses, { segments: ['audience', 'school', 'year'] });
    const table = tableOf(t, first, groupings[first]);
    const primary = Array.from(table.value).filter((v, j) => v < K && !(v === 0 && table.zeroIsSafe[j])).length;
    parentPort.postMessage({ numbers: table.n, primary });
    for (const method of METHODS) {
      const { value: published, ms } = suppressWith(t, method, { [first]: groupings[first] });
      const { shown } = countNumbers(published);
      parentPort.postMessage({ [method]: { ms, hidden: table.n - shown, attack: attackOf(published, t) } });
    }
    parentPort.postMessage({ ready: true });
    const optimal = optimalSuppression(solver.highs, table, { k: K, limitSeconds: Math.max(10, job.limit - 5) });
    parentPort.postMessage({ optimal, done: true });
  }
}
