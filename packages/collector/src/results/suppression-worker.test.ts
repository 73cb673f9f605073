import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tally } from '@pupil-voice/aggregate';
import { tempFolder } from '../test-support/harness.js';
import { PUPIL_SURVEY } from '../test-support/surveys.js';
import { SuppressionWorker } from './suppression-worker.js';

const TALLY = tally(PUPIL_SURVEY, [{ data: { safe: 'yes' } }, { data: { safe: 'no' } }]);

/**
 * Runs a script in its own Node process, where nothing but the worker can keep the event loop
 * alive (this test process has the runner's own handles). Returns what the script printed;
 * `beforeExit` with the close still pending prints "hang".
 */
function runAlone(body: string): { stdout: string; stderr: string; status: number | null } {
  const folder = tempFolder('suppression');
  const file = join(folder.path, 'alone.mjs');
  writeFileSync(
    file,
    `import { SuppressionWorker } from ${JSON.stringify(new URL('./suppression-worker.js', import.meta.url).href)};
    const TALLY = ${JSON.stringify(TALLY)};
    let closed = false;
    process.on('beforeExit', () => { if (!closed) { console.log('hang'); process.exitCode = 3; } });
    ${body}
    closed = true;`,
  );
  try {
    const child = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
    return { stdout: child.stdout.trim(), stderr: child.stderr, status: child.status };
  } finally {
    folder.remove();
  }
}

describe('suppression worker', () => {
  it('publishes off the main thread, and close() stops it', async () => {
    const worker = new SuppressionWorker();
    const published = await worker.suppress(TALLY, 10);
    assert.equal(published.k, 10);
    assert.deepEqual(published.questions.map((question) => question.name), ['year', 'safe', 'worry']);
    await worker.close();
  });

  // Regression (CI, 2026-12-01): replies posted just before close() arrived after it and
  // released the hold on the stopping thread; the event loop ended, close() never resolved,
  // and every later collector suite was cancelled.
  it('close() resolves when replies to jobs in flight arrive after it was called', () => {
    const run = runAlone(`
      const worker = new SuppressionWorker();
      await worker.suppress(TALLY, 10);
      const jobs = [1, 2].map(() => worker.suppress(TALLY, 10).then(() => 'published', () => 'rejected'));
      // Block this thread until both replies wait in the port, then close before reading them.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
      await worker.close();
      console.log('closed', (await Promise.all(jobs)).join(' '));
    `);
    assert.match(run.stdout, /^closed (published|rejected) (published|rejected)$/, run.stderr);
    assert.equal(run.status, 0);
  });

  it('close() resolves for an idle thread and for one never started', () => {
    const run = runAlone(`
      const idle = new SuppressionWorker();
      await idle.suppress(TALLY, 10);
      await idle.close();
      await new SuppressionWorker().close();
      console.log('closed');
    `);
    assert.equal(run.stdout, 'closed', run.stderr);
    assert.equal(run.status, 0);
  });

  it('refuses work after close() without starting a new thread', async () => {
    const worker = new SuppressionWorker();
    await worker.close();
    await assert.rejects(worker.suppress(TALLY, 10), (error: { status?: number; error?: string }) => error.status === 503 && error.error === 'shutting_down');
    assert.equal((worker as unknown as { worker?: unknown }).worker, undefined, 'no thread was started');
    await worker.close();
  });
});
