/**
 * `npm run bench:collector`: a load benchmark on loopback with a crash in the middle.
 *
 * Concurrent clients send new responses (plus a share of duplicate sends of already
 * acknowledged ones) to a real collector process with its SQLite file. Part-way through, the
 * server is killed with SIGKILL and restarted; clients retry every unacknowledged response,
 * as the store's outbox does. At the end the stored rows must equal the distinct
 * acknowledged ids exactly: nothing lost, nothing doubled. Bounded in time and in count.
 *
 *   node packages/collector/dist/bench/collector-bench.js [--seconds 20] [--requests 20000]
 *        [--clients 32] [--duplicates 0.1] [--sqlite-sync full|normal]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { SQLITE_FILE_NAME } from '../storage/open-storage.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    requests: { type: 'string', default: '20000' },
    clients: { type: 'string', default: '32' },
    duplicates: { type: 'string', default: '0.1' },
    'sqlite-sync': { type: 'string', default: 'full' },
  },
});
const SECONDS = Number(values.seconds);
const MAX_REQUESTS = Number(values.requests);
const CLIENTS = Number(values.clients);
const DUPLICATE_SHARE = Number(values.duplicates);
const SQLITE_SYNC = values['sqlite-sync'];

const BIN = fileURLToPath(new URL('../../bin/pupil-voice-collector.js', import.meta.url));
const SURVEY = {
  title: 'Bench',
  elements: [
    { type: 'dropdown', name: 'year', choices: ['7', '8', '9', '10', '11'] },
    { type: 'radiogroup', name: 'safe', choices: ['yes', 'no', 'unsure'], showOtherItem: true },
    { type: 'checkbox', name: 'places', choices: ['corridor', 'online', 'bus', 'toilets'] },
    { type: 'rating', name: 'rate', rateMin: 1, rateMax: 5 },
    { type: 'matrix', name: 'agree', rows: ['r1', 'r2', 'r3'], columns: ['yes', 'no'] },
    { type: 'comment', name: 'worry' },
  ],
};

interface Body {
  id: string;
  data: Record<string, unknown>;
  meta: Record<string, string>;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
function newResponse(): Body {
  return {
    id: randomUUID(),
    data: {
      year: pick(['7', '8', '9', '10', '11']),
      safe: pick(['yes', 'no', 'unsure']),
      places: ['corridor', 'online', 'bus', 'toilets'].filter(() => Math.random() < 0.4),
      rate: 1 + Math.floor(Math.random() * 5),
      agree: { r1: pick(['yes', 'no']), r2: pick(['yes', 'no']), r3: pick(['yes', 'no']) },
      worry: Math.random() < 0.3 ? 'Something happened on the bus and I did not know who to tell.' : '',
    },
    meta: { audience: 'pupil', school: pick(['S001', 'S002', 'S003']), wave: '2026-autumn', day: '2026-11-23' },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

function startServer(dataDir: string, surveysDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, '--surveys', surveysDir, '--port', String(port), '--sqlite-sync', String(SQLITE_SYNC)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: '' },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`collector exited with ${code}`)));
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

/** One POST; resolves with the status and the echoed id/receipt, rejects on network errors. */
function send(port: number, body: Body): Promise<{ status: number; id?: string; receipt?: string }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/surveys/bench/responses',
        agent,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.id, 'Content-Length': Buffer.byteLength(text) },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString()) as { id?: string; receipt?: string };
            resolve({ status: res.statusCode ?? 0, id: parsed.id, receipt: parsed.receipt });
          } catch {
            resolve({ status: res.statusCode ?? 0 });
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(text);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'pv-bench-'));
  const dataDir = join(root, 'data');
  const surveysDir = join(root, 'surveys');
  mkdirSync(surveysDir, { recursive: true });
  writeFileSync(join(surveysDir, 'bench.json'), JSON.stringify(SURVEY));
  const port = await freePort();
  let server = await startServer(dataDir, surveysDir, port);

  const acknowledged = new Map<string, string>(); // id -> receipt
  const ackedBodies: Body[] = [];
  const retryQueue: Body[] = [];
  const latencies: number[] = [];
  let requests = 0;
  let newSends = 0;
  let duplicateSends = 0;
  let retries = 0;
  let receiptMismatches = 0;
  let rejected = 0;
  let unackedAtKill = 0;
  const inFlight = new Set<string>();
  let serverDown = false;
  let killAt = 0;
  let downMs = 0;

  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const loadOpen = (): boolean => performance.now() < deadline && requests < MAX_REQUESTS;

  /** Sends one body until acknowledged or until the drain gives up; returns when acked. */
  async function deliver(body: Body, kind: 'new' | 'duplicate' | 'retry'): Promise<boolean> {
    requests += 1;
    if (kind === 'new') newSends += 1;
    else if (kind === 'duplicate') duplicateSends += 1;
    else retries += 1;
    inFlight.add(body.id);
    const t0 = performance.now();
    try {
      const reply = await send(port, body);
      if ((reply.status === 200 || reply.status === 201) && reply.id === body.id && reply.receipt) {
        latencies.push(performance.now() - t0);
        const previous = acknowledged.get(body.id);
        if (previous !== undefined && previous !== reply.receipt) receiptMismatches += 1;
        if (previous === undefined) {
          acknowledged.set(body.id, reply.receipt);
          ackedBodies.push(body);
        }
        return true;
      }
      if (reply.status >= 500 || reply.status === 0) {
        retryQueue.push(body);
        return false;
      }
      rejected += 1;
      return false;
    } catch {
      retryQueue.push(body);
      return false;
    } finally {
      inFlight.delete(body.id);
    }
  }

  async function client(): Promise<void> {
    while (loadOpen()) {
      if (serverDown) {
        await sleep(20);
        continue;
      }
      const retry = retryQueue.shift();
      if (retry !== undefined) {
        await deliver(retry, 'retry');
        continue;
      }
      if (ackedBodies.length > 0 && Math.random() < DUPLICATE_SHARE) {
        await deliver(pick(ackedBodies), 'duplicate');
        continue;
      }
      await deliver(newResponse(), 'new');
    }
  }

  const crash = (async () => {
    while (loadOpen() && performance.now() - started < SECONDS * 400 && requests < MAX_REQUESTS * 0.4) await sleep(10);
    if (!loadOpen()) return;
    killAt = (performance.now() - started) / 1000;
    unackedAtKill = inFlight.size;
    serverDown = true;
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    const down = performance.now();
    server = await startServer(dataDir, surveysDir, port);
    downMs = performance.now() - down;
    serverDown = false;
  })();

  await Promise.all([...Array.from({ length: CLIENTS }, () => client()), crash]);
  const loadSeconds = (performance.now() - started) / 1000;

  // Drain: every response a client holds unacknowledged is retried until acknowledged.
  const drainDeadline = performance.now() + 60_000;
  while (retryQueue.length > 0 && performance.now() < drainDeadline) {
    const batch = retryQueue.splice(0, CLIENTS);
    await Promise.all(batch.map((body) => deliver(body, 'retry')));
    if (retryQueue.length > 0) await sleep(50);
  }
  const unacknowledged = retryQueue.length;

  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  agent.destroy();

  const storage = new SqliteStorage(join(dataDir, SQLITE_FILE_NAME));
  const storedIds = new Set<string>();
  let storedRows = 0;
  for await (const response of storage.responses('bench')) {
    storedRows += 1;
    storedIds.add(response.id);
  }
  await storage.close();
  let lost = 0;
  for (const id of acknowledged.keys()) if (!storedIds.has(id)) lost += 1;
  const doubled = storedRows - storedIds.size;
  const extra = [...storedIds].filter((id) => !acknowledged.has(id)).length;
  latencies.sort((a, b) => a - b);

  console.log(`collector bench: ${CLIENTS} clients on loopback, SQLite (WAL, synchronous=${SQLITE_SYNC}, group commit), bounds ${SECONDS} s / ${MAX_REQUESTS} requests`);
  console.log(`  machine: ${cpus().length} CPUs, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (client and server share it)`);
  console.log(`  requests sent: ${requests} (new ${newSends}, duplicate sends ${duplicateSends}, retries ${retries}); rejected 4xx: ${rejected}`);
  console.log(`  kill -9 at ${killAt.toFixed(1)} s with ${unackedAtKill} requests in flight; restarted and ready after ${downMs.toFixed(0)} ms`);
  console.log(`  sustained: ${(acknowledged.size / loadSeconds).toFixed(0)} submissions/s acknowledged (${(requests / loadSeconds).toFixed(0)} requests/s) over ${loadSeconds.toFixed(1)} s, restart included`);
  console.log(`  latency of acknowledged requests: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  console.log(`  duplicates: ${duplicateSends} duplicate sends, all answered with the original receipt: ${receiptMismatches === 0 ? 'yes' : `no (${receiptMismatches} mismatches)`}`);
  console.log(`  distinct acknowledged ids: ${acknowledged.size}; stored rows: ${storedRows}; unacknowledged at end: ${unacknowledged}; stored but never acknowledged: ${extra}`);
  console.log(`  lost=${lost} doubled=${doubled}`);
  rmSync(root, { recursive: true, force: true });
  const ok = lost === 0 && doubled === 0 && storedRows === acknowledged.size && receiptMismatches === 0 && rejected === 0 && unacknowledged === 0;
  if (!ok) {
    console.error('collector bench: FAILED (the stored count must equal the distinct acknowledged ids exactly)');
    process.exitCode = 1;
  }
}

await main();
