import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isChannelMessage, pollChannelName, type ChannelMessage, type PollQuestion } from '@pupil-voice/survey/poll.js';
import { snapshotFromStream, type PollSnapshot } from './poll-snapshot.js';

/** Where the feed stands, for the presenter's status line. */
export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'device' | 'failed';

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
 * starts from a fresh snapshot. Without a stream: votes from `<pv-poll>` pages on this device
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
    clearTimeout(this.reopen);
    this.reopen = undefined;
    this.source?.close();
    this.source = undefined;
    this.channel?.close();
    this.channel = undefined;
  }

  private openStream(url: string): void {
    const source = new EventSource(url);
    this.source = source;
    this.status = this.snapshot === undefined ? 'connecting' : 'reconnecting';
    source.addEventListener('open', () => {
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
        this.reopen = setTimeout(() => this.openStream(url), REOPEN_MS);
      }
      this.status = 'reconnecting';
      this.host.requestUpdate();
    });
    this.host.requestUpdate();
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
