// `npm run size`: the bundles' sizes (raw, gzip, brotli) per file, and checks that the seams
// hold: survey-core lives in its own chunk that the embed entry loads with import(), never
// statically; the poll bundle (a voter's phone) holds neither survey-core nor chart.js; the
// projector's poll-results bundle holds no survey-core; chart.js lives in its own chunk that
// the charts entry loads with import(), and never in the embed; no chunk of an older build
// lingers in dist/; the embed's entry opens with V8's compile hint; the modulepreload hints in
// README.md and the examples name the files this build wrote, and a page that has hints has all
// of them (dist/preload.json's modulepreload).
// Budgets (size-budget.json): each file named there, and "before the first question": the sum
// of every file a respondent downloads before the first question (the entry, what it imports
// statically, and the chunks dist/preload.json lists as needed first).
// Run after `npm run build`. Exits 1 if a check fails.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = 'dist';
const ENTRY = join(DIST, 'pupil-voice.js');
const PRELOAD = join(DIST, 'preload.json');
/** The budget key for everything downloaded before the first question. */
const FIRST_QUESTION = 'before the first question';
// String literals found only in survey-core's code (serializer property names our own code
// never writes, its own URL); minifiers keep string literals, so they identify its code.
// (Not questionsOnPageMode: the audience preset writes that one.)
const SURVEY_CORE_MARKERS = ['storeOthersAsComment', 'checkErrorsMode', 'surveyjs.io'];
// Likewise for chart.js: its own error message and its URL.
const CHART_JS_MARKERS = ['Canvas is already in use', 'chartjs'];
// Single-file entries: name → markers of code that must never be inside.
const POLL_ENTRIES = {
  'pupil-voice-poll.js': { 'survey-core': SURVEY_CORE_MARKERS, 'chart.js': CHART_JS_MARKERS },
  'pupil-voice-poll-results.js': { 'survey-core': SURVEY_CORE_MARKERS },
};

if (!existsSync(ENTRY) || !existsSync(PRELOAD)) {
  console.error(`${ENTRY} or ${PRELOAD} does not exist: run \`npm run build\` first.`);
  process.exit(1);
}
const preload = JSON.parse(readFileSync(PRELOAD, 'utf8'));

/** HTML pages under a folder (the examples), skipping built output. */
function findPages(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'build' || entry.name === 'node_modules' ? [] : findPages(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
const rows = jsFiles(DIST).map((path) => {
  const code = readFileSync(path);
  return {
    file: relative(DIST, path),
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
rows.sort((a, b) => (a.file === 'pupil-voice.js' ? -1 : b.file === 'pupil-voice.js' ? 1 : b.raw - a.raw));
console.log(`${'file'.padEnd(46)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const row of rows) console.log(`${row.file.padEnd(46)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${'total'.padEnd(46)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);

const problems = [];
const entry = readFileSync(ENTRY, 'utf8');
const coreChunk = rows.find((row) => /^chunks\/survey-core\.[\w-]+\.js$/.test(row.file));
if (!coreChunk) {
  problems.push('no chunks/survey-core.*.js chunk: survey-core is not split out');
} else {
  const chunkName = coreChunk.file.slice('chunks/'.length);
  const core = readFileSync(join(DIST, coreChunk.file), 'utf8');
  for (const marker of SURVEY_CORE_MARKERS) {
    if (!core.includes(marker)) problems.push(`marker "${marker}" is not in the survey-core chunk (update the markers)`);
    if (entry.includes(marker)) problems.push(`the entry contains survey-core code ("${marker}")`);
  }
  // Loaded with import() by the entry or (since the elements are a chunk of their own) by one
  // of its chunks; the entry does not import it statically (below).
  const embedFiles = [ENTRY, ...rows.filter((row) => row.file.startsWith('chunks/')).map((row) => join(DIST, row.file))];
  const codes = embedFiles.map((file) => readFileSync(file, 'utf8'));
  if (!codes.some((code) => code.includes(`import("./chunks/${chunkName}")`) || code.includes(`import("./${chunkName}")`))) {
    problems.push(`no file of the embed loads ./chunks/${chunkName} with import()`);
  }
  const staticImports = entry.match(/(?:^|[;}\s])import\s*(?:[\w*{},\s$]+from\s*)?["'][^"']+["']/g) ?? [];
  const staticCore = staticImports.filter((statement) => statement.includes('survey-core'));
  if (staticCore.length > 0) problems.push(`the entry imports survey-core statically: ${staticCore.join(' ')}`);
}
for (const [file, banned] of Object.entries(POLL_ENTRIES)) {
  const path = join(DIST, file);
  if (!existsSync(path)) {
    problems.push(`${path} does not exist (the poll entries are built by rollup.config.js)`);
    continue;
  }
  const code = readFileSync(path, 'utf8');
  if (/(?:^|[;}\s])import\s*(?:[\w*{},\s$]+from\s*)?["'][^"']+["']|import\(/.test(code)) problems.push(`${file} imports another file; it must stay one file`);
  for (const [library, markers] of Object.entries(banned)) {
    for (const marker of markers) if (code.includes(marker)) problems.push(`${file} contains ${library} code ("${marker}")`);
  }
}
const chartMarkerFound = CHART_JS_MARKERS.every((marker) => readFileSync(join(DIST, 'pupil-voice-poll-results.js'), 'utf8').includes(marker));
if (existsSync(join(DIST, 'pupil-voice-poll-results.js')) && !chartMarkerFound) problems.push('the chart.js markers are not in pupil-voice-poll-results.js (update the markers)');

// The charts entry: chart.js lives in its own chunk that the entry loads with import() when a
// chart first draws, and no chart.js code is in the embed (a pupil never downloads it).
const CHARTS_ENTRY = join(DIST, 'pupil-voice-charts.js');
let partsChunk;
if (!existsSync(CHARTS_ENTRY)) {
  problems.push(`${CHARTS_ENTRY} does not exist: the charts bundle was not built`);
} else {
  const chartsEntry = readFileSync(CHARTS_ENTRY, 'utf8');
  partsChunk = rows.find((row) => /^chunks\/chart-parts\.[\w-]+\.js$/.test(row.file));
  if (!partsChunk) {
    problems.push('no chunks/chart-parts.*.js chunk: chart.js is not split out of the charts entry');
  } else {
    const parts = readFileSync(join(DIST, partsChunk.file), 'utf8');
    for (const marker of CHART_JS_MARKERS) {
      if (!parts.includes(marker)) problems.push(`marker "${marker}" is not in the chart.js chunk (update the markers)`);
      if (chartsEntry.includes(marker)) problems.push(`the charts entry contains chart.js code ("${marker}")`);
    }
    if (!chartsEntry.includes(`import("./chunks/${partsChunk.file.slice('chunks/'.length)}")`)) problems.push('the charts entry has no import() of its chart.js chunk');
  }
  // The embed and every chunk it can load (never the charts' own chunks) hold no chart.js code.
  const embedFiles = (preload.precache ?? []).map((file) => join(DIST, file));
  for (const file of embedFiles) {
    const code = readFileSync(file, 'utf8');
    for (const marker of CHART_JS_MARKERS) if (code.includes(marker)) problems.push(`${relative(DIST, file)} (the embed) contains chart.js code ("${marker}")`);
  }
}
// No chunk of an older build: every chunk is imported by some file of this build.
const referenced = new Set();
for (const row of rows) {
  const code = readFileSync(join(DIST, row.file), 'utf8');
  for (const match of code.matchAll(/["'](\.\.?\/[^"']+\.js)["']/g)) referenced.add(join(dirname(row.file), match[1]));
}
for (const row of rows) {
  if (row.file.startsWith('chunks/') && !referenced.has(row.file)) problems.push(`${row.file} is imported by no file of this build (a stale chunk: npm run build empties dist/ first)`);
}
// preload.json names files of this build; the entry's static imports are counted as first.
const firstQuestion = preload.firstQuestion ?? [];
for (const file of [...firstQuestion, ...(preload.modulepreload ?? []), ...(preload.precache ?? [])]) {
  if (!rows.some((row) => row.file === file)) problems.push(`${PRELOAD} names ${file}, which this build did not write`);
}
const staticImports = (file, seen = new Set()) => {
  if (seen.has(file) || !existsSync(join(DIST, file))) return seen;
  seen.add(file);
  const code = readFileSync(join(DIST, file), 'utf8');
  for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{},\s$]+from\s*)?["'](\.\.?\/[^"']+)["']/g)) staticImports(join(dirname(file), match[1]), seen);
  return seen;
};
for (const file of staticImports('pupil-voice.js')) {
  if (!firstQuestion.includes(file)) problems.push(`${file} is imported statically by the entry but missing from firstQuestion in ${PRELOAD}`);
}
// The entry opens with V8's compile hint (rollup.config.js): without it, its functions compile
// on the main thread as they are first called, before the first question.
if (!readFileSync(ENTRY, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')) problems.push(`${ENTRY} does not start with the line //# allFunctionsCalledOnLoad (rollup.config.js COMPILE_HINT)`);
// The modulepreload hints a school copies (README.md) and the examples use name this build's files.
const hinted = ['README.md', ...findPages('examples')];
for (const page of hinted) {
  const text = readFileSync(page, 'utf8');
  for (const match of text.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) {
    const name = match[1].split('/').slice(-2).join('/');
    const file = name.startsWith('chunks/') ? name : name.split('/').at(-1);
    if (!preload.modulepreload.includes(file)) problems.push(`${page}: modulepreload of ${match[1]}, not a file dist/preload.json lists (copy the hints from dist/preload.html, or run node scripts/preload-hints.mjs --write)`);
  }
  // A page that carries hints carries all of them (the early page's chunk found late is a late first question).
  const names = [...text.matchAll(/<link rel="modulepreload" href="[^"]*?((?:chunks\/)?[^"/]+)"/g)].map((match) => match[1]);
  if (names.length > 0) {
    for (const file of preload.modulepreload) {
      if (!names.includes(file)) problems.push(`${page}: no modulepreload of ${file}, which dist/preload.json lists (run node scripts/preload-hints.mjs --write)`);
    }
  }
}

// Budgets: the files a respondent downloads before the first question may not grow unnoticed.
const budgets = JSON.parse(readFileSync('size-budget.json', 'utf8'));
for (const [file, limit] of Object.entries(budgets)) {
  if (file.startsWith('$')) continue;
  if (file === FIRST_QUESTION) {
    const gzip = firstQuestion.reduce((sum, name) => sum + (rows.find((r) => r.file === name)?.gzip ?? 0), 0);
    const detail = firstQuestion.join(' + ');
    if (gzip > limit) problems.push(`${FIRST_QUESTION} (${detail}) is ${(gzip / 1024).toFixed(1)} KB gzip, over its budget of ${(limit / 1024).toFixed(1)} KB (size-budget.json)`);
    else console.log(`budget: ${FIRST_QUESTION} (${detail}) ${(gzip / 1024).toFixed(1)} KB gzip of ${(limit / 1024).toFixed(1)} KB`);
    continue;
  }
  const row = rows.find((r) => r.file === file);
  if (!row) problems.push(`${file} has a budget in size-budget.json but was not built`);
  else if (row.gzip > limit) problems.push(`${file} is ${(row.gzip / 1024).toFixed(1)} KB gzip, over its budget of ${(limit / 1024).toFixed(1)} KB (size-budget.json)`);
  else console.log(`budget: ${file} ${(row.gzip / 1024).toFixed(1)} KB gzip of ${(limit / 1024).toFixed(1)} KB`);
}
if (problems.length > 0) {
  console.error(`\nBundle check FAILED:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`\nBundle check passed: survey-core is in ${coreChunk.file}, loaded by import(), never before the first question;`);
console.log('pupil-voice-poll.js has neither survey-core nor chart.js; pupil-voice-poll-results.js has no survey-core.');
console.log(`Charts: chart.js is in ${partsChunk.file}, loaded by import() from pupil-voice-charts.js; the embed holds no chart.js code.`);
