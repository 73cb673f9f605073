#!/usr/bin/env node
// The `pupil-voice-collector` command: `serve` (default) or `export`. Run `--help` for flags.
// In the repository (`npx pupil-voice-collector` from its root, after `npm install`) the
// compiled code may not exist yet: then it is built first (messages on stderr, so an export's
// standard output stays clean).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli) && existsSync(new URL('../src/cli.ts', import.meta.url))) {
  console.error('pupil-voice-collector: compiling the collector first (tsc -b packages/collector)');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const built = spawnSync(process.execPath, [tsc, '-b', fileURLToPath(new URL('..', import.meta.url))], {
    stdio: ['ignore', 2, 2],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const { main } = await import(cli.href);
await main(process.argv.slice(2));
