import { parseAcknowledgement, type WireBody } from '@pupil-voice/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isChannelMessage, pollChannelName, type ChannelMessage } from './poll-channel.js';
import { deviceVoteFromEvent, forgetDeviceVote, newBallot, readDeviceVote, writeDeviceVote, type DeviceVote } from './poll-device.js';
import { PvVoteCountedEvent, PvVoteQueuedEvent, PvVoteRefusedEvent } from './poll-events.js';

/** Where this device's vote stands, as the voter is told. */
export type VotePhase = 'idle' | 'sending' | 'waiting' | 'counted' | 'already-voted' | 'refused';

/** What one attempt to deliver a vote to the collector came to. */
export type DeliveryOutcome =
  | { kind: 'counted' }
  | { kind: 'already-voted' }
  | { kind: 'refused'; reason: string }
  | { kind: 'retry'; reason: string };

/** Retry after network errors, time-outs, 5xx, 408, 425 and 429, never after a refusal. */
const RETRYABLE = new Set([408, 425, 429]);
const ATTEMPT_TIMEOUT_MS = 15_000;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;
/** With no collector, a vote is offered again until a results view acknowledges it. */
const CHANNEL_REPEAT_MS = 1_000;

/**
 * One attempt to deliver a vote. Only a 2xx JSON body echoing the vote's id is an
 * acknowledgement (a captive portal's 200 page is not one). No cookies, no referrer.
 */
export async function sendVote(
  endpoint: string,
  vote: Omit<Extract<WireBody, { data: unknown }>, 'meta'> & { ballot: string },
  signal?: AbortSignal,
): Promise<DeliveryOutcome> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), ATTEMPT_TIMEOUT_MS);
  const abort = (): void => timeout.abort();
  signal?.addEventListener('abort', abort);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': vote.id },
      body: JSON.stringify(vote),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: timeout.signal,
    });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON: a captive portal or a proxy's page; judged by status below.
    }
    // The wire format's own test of an acknowledgement, shared with the survey's send loop.
    if (response.ok) return parseAcknowledgement(response.status, text, vote.id) ? { kind: 'counted' } : { kind: 'retry', reason: 'no acknowledgement' };
    if (response.status === 409 && body.error === 'already_voted') return { kind: 'already-voted' };
    if (response.status >= 500 || RETRYABLE.has(response.status)) return { kind: 'retry', reason: `HTTP ${response.status}` };
    return { kind: 'refused', reason: typeof body.reason === 'string' ? body.reason : `HTTP ${response.status}` };
  } catch (error) {
    return { kind: 'retry', reason: (error as Error).message || 'network error' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

/** What the controller needs to know about its host's poll. */
export interface VoteDeliveryOptions {
  /** The poll id (the survey id), which names the device record and the channel. */
  pollId(): string | undefined;
  /** The collector's responses URL; undefined means "this device only" (BroadcastChannel). */
  endpoint(): string | undefined;
}

/**
 * Keeps one device's vote in one poll and delivers it: written to the device first
 * (`waiting to send`), then sent until the collector acknowledges it, with capped exponential
 * backoff and jitter, and at once when the device comes back online or the page becomes
 * visible. Another tab's vote shows here too (the `storage` event). With no endpoint it
 * offers votes over a BroadcastChannel to `<pv-poll-results>` on the same device instead;
 * that is a shared device, so after each counted vote the next person may vote.
 */
export class VoteDeliveryController implements ReactiveController {
  /** Where the vote stands; the host renders from this. */
  phase: VotePhase = 'idle';
  /** Why the collector refused the vote, when `phase` is `refused`. */
  refusal = '';
  private record: DeviceVote | undefined;
  private connected = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private inFlight: AbortController | undefined;
  private channel: BroadcastChannel | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: VoteDeliveryOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    window.addEventListener('online', this.retryNow);
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('storage', this.onStorage);
    this.load();
  }

  hostDisconnected(): void {
    this.connected = false;
    window.removeEventListener('online', this.retryNow);
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('storage', this.onStorage);
    this.stopSending();
    this.channel?.close();
    this.channel = undefined;
  }

  /** Re-reads the device record, e.g. after the poll id became known or changed. */
  load(): void {
    this.stopSending();
    const pollId = this.options.pollId();
    this.record = pollId === undefined || this.channelMode ? undefined : readDeviceVote(pollId);
    this.phase = this.record === undefined ? 'idle' : this.record.state === 'pending' ? 'waiting' : this.record.state;
    this.host.requestUpdate();
    if (this.record?.state === 'pending') this.schedule(0);
  }

  /** Votes `data` ({question name: value}); the vote is kept on the device before it is sent. */
  vote(data: Record<string, unknown>): void {
    const pollId = this.options.pollId();
    if (pollId === undefined || (this.phase !== 'idle' && this.phase !== 'refused')) return;
    const vote = { id: crypto.randomUUID(), data };
    if (this.channelMode) {
      this.record = { ballot: '', state: 'pending', vote };
    } else {
      // A refused vote's ballot is kept: the refusal was about the answer, not the device.
      this.record = { ballot: this.record?.ballot ?? newBallot(), state: 'pending', vote };
      writeDeviceVote(pollId, this.record);
    }
    this.phase = 'sending';
    this.attempts = 0;
    this.host.dispatchEvent(new PvVoteQueuedEvent(pollId));
    this.host.requestUpdate();
    this.schedule(0);
  }

  /** Shared device (no collector): clears the counted vote so the next person can vote. */
  nextVoter(): void {
    if (!this.channelMode || this.phase !== 'counted') return;
    this.record = undefined;
    this.phase = 'idle';
    this.host.requestUpdate();
  }

  /** True when votes go over a BroadcastChannel on this device rather than to a collector. */
  get channelMode(): boolean {
    return this.options.endpoint() === undefined;
  }

  private readonly retryNow = (): void => {
    if (this.record?.state === 'pending') this.schedule(0);
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.retryNow();
  };

  private readonly onStorage = (event: StorageEvent): void => {
    const pollId = this.options.pollId();
    if (pollId === undefined || this.channelMode) return;
    const record = deviceVoteFromEvent(pollId, event);
    if (record === null) return;
    // Another tab voted (or its vote was counted): this tab follows; only one tab sends, the
    // one that holds the pending vote, and the collector de-duplicates by id anyway.
    const sending = this.record?.state === 'pending' && this.record.vote?.id === record?.vote?.id;
    this.record = record;
    if (!sending) this.stopSending();
    this.phase = record === undefined ? 'idle' : record.state === 'pending' ? (sending ? this.phase : 'waiting') : record.state;
    this.host.requestUpdate();
  }

  private schedule(delayMs: number): void {
    if (!this.connected) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.attempt(), delayMs);
  }

  private stopSending(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  private async attempt(): Promise<void> {
    const pollId = this.options.pollId();
    const record = this.record;
    if (pollId === undefined || record?.state !== 'pending' || record.vote === undefined || this.inFlight !== undefined) return;
    if (this.channelMode) {
      this.offerOnChannel(pollId, record.vote);
      return;
    }
    const endpoint = this.options.endpoint()!;
    const inFlight = new AbortController();
    this.inFlight = inFlight;
    const outcome = await sendVote(endpoint, { ...record.vote, ballot: record.ballot }, inFlight.signal);
    if (this.inFlight !== inFlight) return;
    this.inFlight = undefined;
    if (!this.connected || this.record !== record) return;
    this.settle(pollId, outcome);
  }

  private settle(pollId: string, outcome: DeliveryOutcome): void {
    const ballot = this.record?.ballot ?? '';
    switch (outcome.kind) {
      case 'counted':
        // The answer and its id are forgotten: only "this device has voted" remains.
        this.record = { ballot, state: 'counted' };
        if (!this.channelMode) writeDeviceVote(pollId, this.record);
        this.phase = 'counted';
        this.host.dispatchEvent(new PvVoteCountedEvent(pollId));
        break;
      case 'already-voted':
        this.record = { ballot, state: 'already-voted' };
        writeDeviceVote(pollId, this.record);
        this.phase = 'already-voted';
        this.host.dispatchEvent(new PvVoteRefusedEvent(pollId, 'already-voted', 'this device has already voted in this poll'));
        break;
      case 'refused':
        // Refused for good (e.g. the poll was changed): nothing counted, so nothing is kept and
        // the voter may try again.
        this.record = undefined;
        if (!this.channelMode) forgetDeviceVote(pollId);
        this.phase = 'refused';
        this.refusal = outcome.reason;
        this.host.dispatchEvent(new PvVoteRefusedEvent(pollId, 'refused', outcome.reason));
        break;
      case 'retry': {
        this.phase = 'waiting';
        this.attempts += 1;
        const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(this.attempts - 1, 10));
        this.schedule(ceiling / 2 + Math.random() * (ceiling / 2));
        break;
      }
    }
    this.host.requestUpdate();
  }

  private offerOnChannel(pollId: string, vote: { id: string; data: Record<string, unknown> }): void {
    if (this.channel === undefined) {
      this.channel = new BroadcastChannel(pollChannelName(pollId));
      this.channel.onmessage = (event: MessageEvent<unknown>) => {
        const message = event.data;
        if (!isChannelMessage(message) || message.type !== 'ack') return;
        if (this.record?.state === 'pending' && this.record.vote?.id === message.id) {
          clearTimeout(this.timer);
          this.settle(pollId, { kind: 'counted' });
        }
      };
    }
    const message: ChannelMessage = { type: 'vote', id: vote.id, data: vote.data };
    this.channel.postMessage(message);
    // No results view may be open yet: keep offering, and say the vote is waiting.
    this.timer = setTimeout(() => {
      if (this.record?.state !== 'pending' || !this.connected) return;
      if (this.phase === 'sending') {
        this.phase = 'waiting';
        this.host.requestUpdate();
      }
      this.offerOnChannel(pollId, vote);
    }, CHANNEL_REPEAT_MS);
  }
}
