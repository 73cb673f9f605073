import { Worker } from 'node:worker_threads';
import type { PublishedTally, Tally } from '@pupil-voice/aggregate';
import { CollectorError } from '../errors.js';

type Reply = { seq: number; published?: PublishedTally; error?: string; status?: number };

/**
 * Runs `suppress` on one worker thread, so a long publication (many schools × audiences ×
 * waves × year groups) never blocks the event loop that acknowledges responses. Jobs queue
 * on the one worker; it is started on first use and does not keep the process alive.
 */
export class SuppressionWorker {
  private worker: Worker | undefined;
  private closed = false;
  private seq = 0;
  private readonly pending = new Map<number, { resolve(view: PublishedTally): void; reject(error: unknown): void }>();

  /** The suppressed publication of a tally, computed off the main thread. */
  suppress(tally: Tally, k: number): Promise<PublishedTally> {
    if (this.closed) return Promise.reject(new CollectorError(503, 'shutting_down', undefined, 'the collector is shutting down'));
    const worker = this.start();
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      worker.ref();
      worker.postMessage({ seq, tally, k });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./suppress-worker.js', import.meta.url));
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const job = this.pending.get(reply.seq);
      this.pending.delete(reply.seq);
      // Idle, it must not keep the process alive; stopping, it must (see close()). A reply
      // posted just before terminate() can arrive after it and must not undo that hold.
      if (this.pending.size === 0 && this.worker === worker) worker.unref();
      if (job === undefined) return;
      if (reply.published !== undefined) job.resolve(reply.published);
      else job.reject(new CollectorError(reply.status ?? 500, 'results_unavailable', undefined, reply.error ?? 'suppression failed'));
    });
    const fail = (error: unknown): void => {
      this.worker = undefined;
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`suppression worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /**
   * Stops the worker (graceful shutdown). A publication still pending is rejected unless its
   * reply was already on its way; later ones are refused with 503 `shutting_down`.
   */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    // Held while it stops: an unreferenced worker lets the event loop end before its
    // termination resolves, and whoever awaits close() is never resumed.
    worker.ref();
    await worker.terminate();
  }
}
