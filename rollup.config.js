// Builds the drop-in bundles from the compiled packages (`tsc -b` runs first):
// - dist/pupil-voice.js, the embed: survey-core is imported dynamically by <pv-survey>, so it
//   lands in its own chunk beside the entry and the element can paint before the model arrives;
// - dist/pupil-voice-poll.js, <pv-poll> alone for a voter's phone: one file, no survey-core,
//   no chart.js;
// - dist/pupil-voice-poll-results.js, <pv-poll-results> for the projector (with chart.js);
// - dist/pupil-voice-charts.js, the results elements (<pv-chart>, <pv-compare>, <pv-results>)
//   and the aggregate functions a dashboard page needs (parse, merge, suppress, views):
//   chart.js is imported dynamically, so it lands in its own chunk, loaded when a chart first
//   draws.
// Each bundle is its own build, so none shares a chunk with the embed.
// Chunk names carry a content hash (served `immutable`; the entries are served `no-cache`);
// dist/ is emptied first so no chunk of an older build lingers. The embed build also writes
// dist/preload.json and dist/pupil-voice-sw.js (scripts/embed-manifest.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { cleanDist, embedManifest } from './scripts/embed-manifest.mjs';

/**
 * V8's explicit compile hint (Chromium 136 and later; a plain comment to other engines): every
 * function of the file is compiled while it streams in, off the main thread, instead of lazily
 * on the main thread when first called. Only on the embed's entry, whose code nearly all runs
 * before the first question; terser keeps this one comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const plugins = () => [nodeResolve({ browser: true }), terser({ format: { comments: /^# allFunctionsCalledOnLoad$/ } })];
function onwarn(warning, warn) {
  // tsc's decorator helper reads `this` at module top level, which is undefined in an ES
  // module; the helper then falls back to its own implementation, as intended.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
}
const single = (name, input) => ({
  input: { [name]: input },
  output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true, sourcemap: true },
  plugins: plugins(),
  onwarn,
});
/** An entry whose dynamic imports become chunks of their own, loaded when needed. */
const split = (name, input) => ({
  input: { [name]: input },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name].[hash].js',
    sourcemap: true,
  },
  plugins: plugins(),
  onwarn,
});

/**
 * `suppress` audits with HiGHS, whose loader fetches `highs.wasm` from beside the module that
 * holds it (`new URL('highs.wasm', import.meta.url)`): ship the binary beside the bundle.
 */
const highsWasm = () => ({
  name: 'highs-wasm',
  generateBundle() {
    const loader = createRequire(import.meta.url).resolve('highs');
    this.emitFile({ type: 'asset', fileName: 'highs.wasm', source: readFileSync(join(dirname(loader), 'highs.wasm')) });
  },
});

const embed = split('pupil-voice', 'packages/survey/dist/embed.js');
embed.output.banner = (chunk) => (chunk.isEntry ? COMPILE_HINT : '');

export default [
  {
    ...embed,
    plugins: [
      cleanDist('dist'),
      ...embed.plugins,
      embedManifest({
        entry: 'pupil-voice.js',
        // The early page (drawn from the JSON before survey-core arrives) is drawn by the entry
        // itself (survey/early-boot.ts); it reads the draft after painting, and <pv-survey> is a
        // chunk loaded after it, so nothing loaded with import() comes before the first question.
        firstQuestion: [],
        serviceWorker: 'packages/survey/service-worker/pupil-voice-sw.js',
      }),
    ],
  },
  single('pupil-voice-poll', 'packages/survey/dist/poll/pv-poll.js'),
  single('pupil-voice-poll-results', 'packages/charts/dist/poll-results/pv-poll-results.js'),
  { ...split('pupil-voice-charts', 'packages/charts/dist/bundle.js'), plugins: [...plugins(), highsWasm()] },
];
