import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Computes the event payload for one poll (its current tally, suppressed or live). */
export type PollSnapshot = (pollId: string) => Promise<unknown>;

/** How quickly a vote reaches the screens: well inside the promised second, and coalesced. */
const COALESCE_MS = 100;
/** A comment line keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for live polls. Each vote stored by this collector schedules one
 * recomputation per poll (votes within 100 ms share it), pushed to every open stream.
 * With PostgreSQL, other collectors store votes too, so `watchCounts` re-checks the count of
 * each watched poll every second and pushes when it changed.
 */
export class PollHub {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly counts = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private watcher: NodeJS.Timeout | undefined;
  private countOf: ((pollId: string) => Promise<number>) | undefined;

  constructor(private readonly snapshot: PollSnapshot) {
    this.heartbeat = setInterval(() => this.broadcastRaw(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /**
   * Opens a stream: headers, the current tally at once, then one event per change. Each event
   * carries an `id` derived from its content, so a client that reconnects with
   * `Last-Event-ID` naming the snapshot it already holds gets nothing until the next change,
   * and any other client gets a fresh snapshot at once (events are whole snapshots, so there
   * is never a gap to replay).
   */
  async subscribe(pollId: string, res: ServerResponse, lastEventId?: string): Promise<void> {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    let set = this.streams.get(pollId);
    if (set === undefined) {
      set = new Set();
      this.streams.set(pollId, set);
    }
    set.add(res);
    res.on('close', () => {
      set.delete(res);
      if (set.size === 0) {
        this.streams.delete(pollId);
        this.counts.delete(pollId);
      }
    });
    // The count baseline is taken before the first snapshot, so a vote in between is pushed
    // (perhaps twice) rather than missed.
    if (this.countOf !== undefined && !this.counts.has(pollId)) {
      this.counts.set(pollId, await this.countOf(pollId).catch(() => -1));
    }
    await this.push(pollId, new Set([res]), lastEventId);
  }

  /** Called after a vote is stored: the streams get the new tally within ~100 ms. */
  notify(pollId: string): void {
    if (!this.streams.has(pollId) || this.pending.has(pollId)) return;
    this.pending.set(
      pollId,
      setTimeout(() => {
        this.pending.delete(pollId);
        void this.push(pollId, this.streams.get(pollId));
      }, COALESCE_MS),
    );
  }

  /** Polls `count` for watched polls every second (votes stored by other collectors). */
  watchCounts(count: (pollId: string) => Promise<number>): void {
    this.countOf = count;
    this.watcher = setInterval(() => {
      for (const pollId of this.streams.keys()) {
        count(pollId)
          .then((n) => {
            if (this.counts.get(pollId) !== n) {
              this.counts.set(pollId, n);
              this.notify(pollId);
            }
          })
          .catch(() => undefined);
      }
    }, 1000);
    this.watcher.unref();
  }

  /** Number of open streams, for tests and readiness output. */
  get size(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  /** Ends every stream (graceful shutdown); clients reconnect to another collector. */
  close(): void {
    clearInterval(this.heartbeat);
    if (this.watcher) clearInterval(this.watcher);
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
  }

  private async push(pollId: string, targets: Set<ServerResponse> | undefined, skipId?: string): Promise<void> {
    if (targets === undefined || targets.size === 0) return;
    let payload: string;
    try {
      const data = JSON.stringify(await this.snapshot(pollId));
      // A content hash, not a sequence: a counter would tell a suppressed poll's audience how
      // many votes had arrived.
      const id = createHash('sha256').update(data).digest('base64url').slice(0, 16);
      if (id === skipId) return;
      payload = `id: ${id}\nevent: tally\ndata: ${data}\n\n`;
    } catch (error) {
      payload = `event: error\ndata: ${JSON.stringify({ error: 'tally_failed', reason: (error as Error).message })}\n\n`;
    }
    for (const res of targets) if (!res.writableEnded) res.write(payload);
  }

  private broadcastRaw(text: string): void {
    for (const set of this.streams.values()) for (const res of set) if (!res.writableEnded) res.write(text);
  }
}
