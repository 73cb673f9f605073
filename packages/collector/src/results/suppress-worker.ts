/**
 * Worker thread that runs `suppress` for the collector. Complementary suppression over many
 * segment cells can take seconds; run on the main thread it would stall every submission.
 * Messages in: `{ seq, tally, k }`; out: `{ seq, published }` or `{ seq, error, status }`.
 */
import { parentPort } from 'node:worker_threads';
import type { Tally } from '@pupil-voice/aggregate';
import { CollectorError } from '../errors.js';
import { aggregate } from './aggregate-bridge.js';

parentPort?.on('message', (message: { seq: number; tally: Tally; k: number }) => {
  aggregate
    .suppress()
    .then((suppress) => parentPort?.postMessage({ seq: message.seq, published: suppress(message.tally, { k: message.k }) }))
    .catch((error: unknown) =>
      parentPort?.postMessage({
        seq: message.seq,
        error: error instanceof Error ? error.message : String(error),
        status: error instanceof CollectorError ? error.status : 500,
      }),
    );
});
