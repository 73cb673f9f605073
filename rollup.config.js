// Builds only the drop-in embed bundle, dist/pupil-voice.js, from the compiled packages
// (`tsc -b` runs first). survey-core is imported dynamically by <pv-survey>, so it lands in its
// own chunk beside the entry and the element can paint before the model arrives.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
  input: { 'pupil-voice': 'packages/survey/dist/define.js' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [nodeResolve({ browser: true }), terser({ format: { comments: false } })],
  onwarn(warning, warn) {
    // tsc's decorator helper reads `this` at module top level, which is undefined in an ES
    // module; the helper then falls back to its own implementation, as intended.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
