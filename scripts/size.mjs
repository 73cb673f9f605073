// `npm run size`: the embed bundle's sizes (raw, gzip, brotli) per file, and a check that the
// seam the first paint depends on holds: survey-core lives in its own chunk that the entry
// loads with import(), never statically. Run after `npm run build`. Exits 1 if the check fails.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = 'dist';
const ENTRY = join(DIST, 'pupil-voice.js');
// String literals found only in survey-core's code (serializer property names, its English
// dictionary, its own URL); minifiers keep string literals, so they identify its code.
const SURVEY_CORE_MARKERS = ['questionsOnPageMode', 'checkErrorsMode', 'surveyjs.io'];

if (!existsSync(ENTRY)) {
  console.error(`${ENTRY} does not exist: run \`npm run build\` first.`);
  process.exit(1);
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
console.log(`${'file'.padEnd(36)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const row of rows) console.log(`${row.file.padEnd(36)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${'total'.padEnd(36)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);

const problems = [];
const entry = readFileSync(ENTRY, 'utf8');
const coreChunk = rows.find((row) => /^chunks\/survey-core-[\w-]+\.js$/.test(row.file));
if (!coreChunk) {
  problems.push('no chunks/survey-core-*.js chunk: survey-core is not split out');
} else {
  const chunkName = coreChunk.file.slice('chunks/'.length);
  const core = readFileSync(join(DIST, coreChunk.file), 'utf8');
  for (const marker of SURVEY_CORE_MARKERS) {
    if (!core.includes(marker)) problems.push(`marker "${marker}" is not in the survey-core chunk (update the markers)`);
    if (entry.includes(marker)) problems.push(`the entry contains survey-core code ("${marker}")`);
  }
  if (!entry.includes(`import("./chunks/${chunkName}")`)) problems.push(`the entry has no import() of ./chunks/${chunkName}`);
  const staticImports = entry.match(/(?:^|[;}\s])import\s*(?:[\w*{},\s$]+from\s*)?["'][^"']+["']/g) ?? [];
  const staticCore = staticImports.filter((statement) => statement.includes('survey-core'));
  if (staticCore.length > 0) problems.push(`the entry imports survey-core statically: ${staticCore.join(' ')}`);
}
if (problems.length > 0) {
  console.error(`\nBundle check FAILED:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`\nBundle check passed: survey-core is in ${coreChunk.file}, loaded by import() from the entry.`);
