// Writes packages/survey/custom-elements.json from the survey package's source (tags,
// attributes, properties, events, parts, CSS custom properties, from the JSDoc), with
// @custom-elements-manifest/analyzer and packages/survey/custom-elements-manifest.config.mjs.
//   node scripts/build-manifest.mjs
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cem = require.resolve('@custom-elements-manifest/analyzer/cem.js');
const cwd = fileURLToPath(new URL('../packages/survey/', import.meta.url));
const result = spawnSync(process.execPath, [cem, 'analyze', '--quiet', '--config', 'custom-elements-manifest.config.mjs'], {
  cwd,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
