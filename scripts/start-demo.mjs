// `npm start`: install what is missing, build the embed bundle, and serve the examples with
// the collector on its embedded default (SQLite in ./data). Prints the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import { ensureDependencies } from './ensure-setup.mjs';

ensureDependencies();
console.log('== building (tsc -b && rollup)');
if (spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(1);
}

const port = process.env.PORT ?? '8787';
const host = process.env.HOST ?? '127.0.0.1';
const collector = spawn(
  process.execPath,
  [
    'packages/collector/bin/pupil-voice-collector.js',
    'serve',
    '--data', process.env.PV_DATA ?? './data',
    '--surveys', 'examples/surveys',
    '--host', host,
    '--port', port,
    '--origin', `http://${host}:${port}`,
    '--origin', `http://localhost:${port}`,
    '--static', 'examples:/',
    '--static', 'dist:/dist',
    // The question bank preview imports the bank's modules as they are built.
    '--static', 'packages/question-bank/dist:/lib/question-bank',
    '--static', 'packages/schema/dist:/lib/schema',
    // The youth council's show-of-hands poll shows exact counts live; everything else is
    // suppressed below k.
    '--live-poll', 'takeover-poll',
    '--live-poll', 'takeover-day',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
collector.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const match = /listening on (http:\/\/\S+)/.exec(String(chunk));
  if (match) console.log(`\nPupil Voice demo: open ${match[1].replace(/\/$/, '')}/ in a browser (Ctrl+C stops it).`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => collector.kill(signal));
collector.on('exit', (code) => process.exit(code ?? 0));
