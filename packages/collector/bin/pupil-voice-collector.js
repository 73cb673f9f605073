#!/usr/bin/env node
// The `pupil-voice-collector` command: `serve` (default) or `export`. Run `--help` for flags.
import { main } from '../dist/cli.js';

await main(process.argv.slice(2));
