import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isChannelMessage, pollChannelName, type ChannelMessage, type PollQuestion } from '@pupil-voice/survey/poll.js';
import { snapshotFromStream, type PollSnapshot } from './poll-snapshot.js';

/** Where the feed stands, for the presenter's status line. */
export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'device' | 'failed' | 'needs-token' | 'refused';

/** Where a tab keeps the analyst token for one stream: this tab only, gone when it closes. */
export const streamTokenKey = (stream: string): string => `pv-analyst-token:${new URL(stream, location.href).pathname}`;

/** The collector's ticket endpoint beside a stream (`/v1/polls/:id/stream` → `/v1/polls/:id/ticket`). */
function ticketUrl(stream: string): string {
  const url = new URL(stream, location.href);
  url.pathname = url.pathname.replace(/\/stream\/?$/, '/ticket');
  url.search = '';
  return url.href;
}

/** The stream's URL carrying a one-use ticket (never the token). */
function withTicket(stream: string, ticket: string): string {
  const url = new URL(stream, location.href);
  url.searchParams.set('ticket', ticket);
  return url.href;
}

/** After a stream is closed for good (an HTTP error), open a new one after this long. */
const REOPEN_MS = 3_000;

/** What the feed reads from its host. */
export interface PollFeedOptions {
  /** The collector's `/v1/polls/:id/stream`; undefined means "votes on this device only". */
  stream(): string | undefined;
  /** The poll id for the BroadcastChannel (device mode). */
  pollId(): string | undefined;
  /** The question name to show, if not the first. */
  question(): string | undefined;
  /** The poll's question (device mode: the stream is not there to label it). */
  definition(): PollQuestion | undefined;
  /** The analyst token this tab holds for the stream, if any. */
  token(): string | undefined;
}

interface DeviceTally {
  counts: number[];
  votes: number;
  ids: string[];
}

/**
 * Keeps a poll's latest results for `<pv-poll-results>`. With a stream: an EventSource on the
 * collector's server-sent events. The browser reconnects by itself and sends `Last-Event-ID`;
 * the collector then sends nothing if this view already holds the latest snapshot, or a fresh
 * one. If the stream is closed for good (a 5xx, a restart), a new one is opened after 3 s and
 * starts from a fresh snapshot.
 *
 * A stream that is not public (a survey's results, not a live or public-results poll) needs
 * the analyst token, and EventSource cannot send a header: the feed trades the token, sent in
 * an `Authorization` header, for a one-use ticket from `/v1/polls/:id/ticket` and opens the
 * stream with only the ticket in its URL (every reopen buys a new one). Without a token, a
 * refused stream sets the status to `needs-token`; a token the collector refuses, `refused`.
 * Without a stream: votes from `<pv-poll>` pages on this device
 * arrive over a BroadcastChannel; each is counted once by id, acknowledged, and the tally is
 * kept in localStorage so a reload of the projector loses nothing.
 */
export class PollFeedController implements ReactiveController {
  snapshot: PollSnapshot | undefined;
  status: FeedStatus = 'connecting';
  private source: EventSource | undefined;
  private channel: BroadcastChannel | undefined;
  private reopen: ReturnType<typeof setTimeout> | undefined;
  private device: DeviceTally | undefined;
  /** Bumped on close, so a ticket that arrives after it opens nothing. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PollFeedOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.open();
  }

  hostDisconnected(): void {
    this.close();
  }

  /** Closes and opens again when the host's `stream` or poll id changed: another poll, so nothing of the last one stays. */
  restart(): void {
    this.close();
    this.snapshot = undefined;
    this.device = undefined;
    this.open();
  }

  /** Device mode: the question became known (labels for the counts). */
  definitionChanged(): void {
    if (this.channel !== undefined) this.publishDevice();
  }

  private open(): void {
    const stream = this.options.stream();
    if (stream) {
      this.openStream(stream);
      return;
    }
    const pollId = this.options.pollId();
    if (pollId === undefined) return;
    this.device = this.readDevice(pollId);
    this.channel = new BroadcastChannel(pollChannelName(pollId));
    this.channel.onmessage = (event: MessageEvent<unknown>) => this.onChannel(pollId, event.data);
    this.status = 'device';
    this.publishDevice();
  }

  private close(): void {
    this.generation += 1;
    clearTimeout(this.reopen);
    this.reopen = undefined;
    this.source?.close();
    this.source = undefined;
    this.channel?.close();
    this.channel = undefined;
  }

  private openStream(url: string): void {
    const token = this.options.token();
    this.status = this.snapshot === undefined ? 'connecting' : 'reconnecting';
    this.host.requestUpdate();
    if (token === undefined) {
      this.listen(url, url);
      return;
    }
    void this.withTicket(url, token);
  }

  /** Buys a ticket with the token (in a header) and opens the stream with it. */
  private async withTicket(url: string, token: string | undefined): Promise<void> {
    const generation = this.generation;
    let reply: Response;
    try {
      reply = await fetch(ticketUrl(url), {
        method: 'POST',
        headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      if (generation === this.generation) this.retryLater(url);
      return;
    }
    if (generation !== this.generation) return;
    if (reply.status === 401) {
      this.status = token === undefined ? 'needs-token' : 'refused';
      this.host.requestUpdate();
      return;
    }
    const body = reply.ok ? ((await reply.json().catch(() => undefined)) as { ticket?: unknown } | undefined) : undefined;
    if (generation !== this.generation) return;
    if (body === undefined) {
      this.retryLater(url);
      return;
    }
    this.listen(url, typeof body.ticket === 'string' ? withTicket(url, body.ticket) : url);
  }

  private retryLater(url: string): void {
    this.status = 'reconnecting';
    this.reopen = setTimeout(() => this.openStream(url), REOPEN_MS);
    this.host.requestUpdate();
  }

  private listen(url: string, address: string): void {
    const source = new EventSource(address);
    this.source = source;
    let opened = false;
    source.addEventListener('open', () => {
      opened = true;
      this.status = 'live';
      this.host.requestUpdate();
    });
    source.addEventListener('tally', (event: MessageEvent<string>) => {
      try {
        this.snapshot = snapshotFromStream(JSON.parse(event.data), this.options.question());
        this.status = 'live';
      } catch {
        this.status = 'failed';
      }
      this.host.requestUpdate();
    });
    source.addEventListener('error', () => {
      if (this.source !== source) return;
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        this.source = undefined;
        if (!opened && address === url) {
          // Refused at once without a ticket: ask the ticket endpoint why (401: a token is needed).
          void this.withTicket(url, undefined);
          return;
        }
        // A spent ticket cannot reopen a stream: the next attempt buys a new one.
        this.reopen = setTimeout(() => this.openStream(url), REOPEN_MS);
      }
      this.status = 'reconnecting';
      this.host.requestUpdate();
    });
  }

  private storageKey(pollId: string): string {
    return `pv-poll-results:${pollId}`;
  }

  private readDevice(pollId: string): DeviceTally {
    try {
      const stored = JSON.parse(localStorage.getItem(this.storageKey(pollId)) ?? 'null') as DeviceTally | null;
      if (stored && Array.isArray(stored.counts) && Array.isArray(stored.ids) && typeof stored.votes === 'number') return stored;
    } catch {
      // Storage switched off or damaged: start from nothing.
    }
    return { counts: [], votes: 0, ids: [] };
  }

  private onChannel(pollId: string, message: unknown): void {
    if (!isChannelMessage(message) || message.type !== 'vote' || this.device === undefined) return;
    const question = this.options.definition();
    if (question === undefined) return; // Not ready to count: the voter's page offers it again.
    if (!this.device.ids.includes(message.id)) {
      const answer = message.data[question.name];
      const answers = Array.isArray(answer) ? answer : [answer];
      const counts = question.choices.map((_, index) => this.device!.counts[index] ?? 0);
      let any = false;
      question.choices.forEach((choice, index) => {
        if (answers.some((value) => value === choice.value)) {
          counts[index]! += 1;
          any = true;
        }
      });
      if (!any) return;
      this.device = { counts, votes: this.device.votes + 1, ids: [...this.device.ids, message.id] };
      try {
        localStorage.setItem(this.storageKey(pollId), JSON.stringify(this.device));
      } catch {
        // Kept in memory only.
      }
      this.publishDevice();
    }
    const ack: ChannelMessage = { type: 'ack', id: message.id };
    this.channel?.postMessage(ack);
  }

  private publishDevice(): void {
    const question = this.options.definition();
    if (question === undefined || this.device === undefined) return;
    this.snapshot = {
      title: question.title,
      labels: question.choices.map((choice) => choice.label),
      counts: question.choices.map((_, index) => this.device!.counts[index] ?? 0),
      votes: this.device.votes,
      live: true,
      mode: question.mode,
    };
    this.host.requestUpdate();
  }
}
