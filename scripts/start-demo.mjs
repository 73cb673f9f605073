// `npm start`: install what is missing, build the embed bundle, and serve the examples with
// the collector on its embedded default (SQLite in ./data). Prints the URL to open.
//   npm start                      port 8787, or the next free one (it says so)
//   PORT=9000 npm start            another port (again the next free one if taken)
//   npm start -- --no-build        serve what the last build left
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { ensureDependencies } from './ensure-setup.mjs';

/** Whether nothing listens on host:port yet (another demo, another engineer's server). */
function isFree(port, host) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** The wanted port, or the next free one after it. */
async function choosePort(wanted, host, attempts = 50) {
  if (wanted === 0) return 0;
  for (let port = wanted; port < wanted + attempts && port <= 65535; port += 1) {
    if (await isFree(port, host)) return port;
  }
  throw new Error(`No free port between ${wanted} and ${wanted + attempts - 1} on ${host}; set PORT to another one.`);
}

ensureDependencies();
if (!process.argv.includes('--no-build')) {
  console.log('== building (tsc -b && rollup)');
  if (spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}

const host = process.env.HOST ?? '127.0.0.1';
const wanted = Number(process.env.PORT ?? '8787');
if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
  console.error(`PORT must be a port number, not ${process.env.PORT}.`);
  process.exit(1);
}
let port;
try {
  port = await choosePort(wanted, host);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
if (port !== wanted) console.log(`Port ${wanted} is in use on ${host}; using ${port} instead.`);
const collector = spawn(
  process.execPath,
  [
    'packages/collector/bin/pupil-voice-collector.js',
    'serve',
    '--data', process.env.PV_DATA ?? './data',
    '--surveys', 'examples/surveys',
    '--host', host,
    '--port', String(port),
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
    // Polls' results are public (a projector shows them); every other survey's results need
    // an analyst token, created below.
    '--public-results', 'takeover-poll',
    '--public-results', 'takeover-day',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
/** A fresh analyst token per survey for this demo run (only hashes are stored in the data folder). */
function demoTokens() {
  const tokens = [];
  for (const file of readdirSync('examples/surveys').filter((name) => name.endsWith('.json')).sort()) {
    const id = file.slice(0, -'.json'.length);
    const run = spawnSync(process.execPath, ['packages/collector/bin/pupil-voice-collector.js', 'token', 'create', '--data', process.env.PV_DATA ?? './data', '--survey', id], { encoding: 'utf8' });
    if (run.status === 0) tokens.push({ id, token: run.stdout.trim().split('\n').at(-1) });
  }
  return tokens;
}

let announced = false;
collector.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const match = /listening on (http:\/\/\S+)/.exec(String(chunk));
  if (!match || announced) return;
  announced = true;
  const base = match[1].replace(/\/$/, '');
  console.log(`\nPupil Voice demo: open ${base}/ in a browser (Ctrl+C stops it).`);
  console.log(`Partnership dashboard: ${base}/partnership-dashboard/`);
  console.log('Results pages (paste the analyst token when asked; it is kept for the tab):');
  for (const { id, token } of demoTokens()) console.log(`  ${base}/results/${id}   token: ${token}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => collector.kill(signal));
collector.on('exit', (code) => process.exit(code ?? 0));
