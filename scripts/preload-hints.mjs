// Prints the embed snippet of the last build (its <link rel="modulepreload"> hints name the
// entry and the early page's hashed chunk); with --write, brings
// the hints in README.md and the example pages up to date with dist/preload.json. `npm run size`
// fails while they name another build's files or leave one of this build's hints out.
//   node scripts/preload-hints.mjs [--write]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { embedSnippet, updateHints } from './embed-manifest.mjs';

const manifest = JSON.parse(readFileSync('dist/preload.json', 'utf8'));
console.log(embedSnippet(manifest, '/pupil-voice/'));
if (process.argv.includes('--write')) {
  const pages = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'build' ? [] : pages(path);
      return entry.name.endsWith('.html') ? [path] : [];
    });
  for (const file of ['README.md', ...pages('examples')]) {
    const text = readFileSync(file, 'utf8');
    const updated = updateHints(text, manifest);
    if (updated !== text) {
      writeFileSync(file, updated);
      console.log(`updated ${file}`);
    }
  }
}
