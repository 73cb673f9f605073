// Bundles the framework examples (examples/embed/react, examples/embed/vue) with their
// framework into examples/embed/build/, as a council's own build would. The Pupil Voice
// bundle itself (dist/pupil-voice.js) is loaded separately by each page, as a school copies it.
//   node scripts/build-examples.mjs
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

export async function buildExamples() {
  await build({
    absWorkingDir: root,
    entryPoints: {
      'react-app': 'examples/embed/react/app.js',
      'vue-app': 'examples/embed/vue/app.js',
    },
    outdir: 'examples/embed/build',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
    // Vue's full build compiles the page's template in the browser.
    alias: { vue: require.resolve('vue/dist/vue.esm-bundler.js') },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildExamples();
}
