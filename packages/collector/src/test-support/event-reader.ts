import assert from 'node:assert/strict';
import { get, type IncomingMessage } from 'node:http';

/** One server-sent event: its name, parsed JSON data and `id` if it had one. */
export interface SentEvent {
  event: string;
  data: unknown;
  id?: string;
}

/** Reads server-sent events from a stream, one `next()` per event. */
export class EventReader {
  private buffer = '';
  private readonly events: SentEvent[] = [];
  private waiting: ((event: SentEvent) => void) | undefined;
  private response: IncomingMessage | undefined;

  static open(url: string, headers: Record<string, string> = {}): Promise<EventReader> {
    const reader = new EventReader();
    return new Promise((resolve, reject) => {
      get(url, { headers }, (res) => {
        reader.response = res;
        assert.equal(res.statusCode, 200);
        assert.match(res.headers['content-type'] ?? '', /^text\/event-stream/);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => reader.feed(chunk));
        resolve(reader);
      }).on('error', reject);
    });
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === undefined || data === undefined) continue;
      const id = /^id: (.*)$/m.exec(block)?.[1];
      const parsed: SentEvent = { event, data: JSON.parse(data) as unknown, ...(id === undefined ? {} : { id }) };
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve(parsed);
      } else {
        this.events.push(parsed);
      }
    }
  }

  /** Events received and not yet taken with `next()`. */
  get queued(): number {
    return this.events.length;
  }

  next(): Promise<SentEvent> {
    const queued = this.events.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  close(): void {
    this.response?.destroy();
  }
}

