/**
 * Worker thread that runs `suppress` for the collector. Complementary suppression over many
 * segment cells can take seconds; run on the main thread it would stall every submission.
 * Messages in: `{ seq, tally, k }`; out: `{ seq, published }` or `{ seq, error, status }`.
 */
import { parentPort } from 'node:worker_threads';
import { suppressAsync, SuppressionError, type Tally } from '@pupil-voice/aggregate';

parentPort?.on('message', (message: { seq: number; tally: Tally; k: number }) => {
  void publish(message);
});

/** The LP audit's WebAssembly is loaded once per worker, on the first job. */
async function publish(message: { seq: number; tally: Tally; k: number }): Promise<void> {
  try {
    parentPort?.postMessage({ seq: message.seq, published: await suppressAsync(message.tally, { k: message.k }) });
  } catch (error) {
    parentPort?.postMessage({
      seq: message.seq,
      error: error instanceof Error ? error.message : String(error),
      // A table too large to publish safely is the operator's to narrow (--results-segments).
      status: error instanceof SuppressionError ? 503 : 500,
    });
  }
}
