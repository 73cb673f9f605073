import { backoffDelay } from './backoff.js';
import type { BackoffOptions } from './backoff.js';
import { deliver } from './delivery.js';
import {
  OutboxChangeEvent,
  OutboxErrorEvent,
  OutboxWaitingEvent,
  ResponseFailedEvent,
  ResponseSentEvent,
  RetryScheduledEvent,
} from './events.js';
import type { SendLoopEventMap } from './events.js';
import type { ResponseStore } from './response-store.js';

/** Maps a survey id to the URL its responses are POSTed to, or undefined if none. */
export type EndpointResolver = (surveyId: string) => string | undefined;

/** Timer functions, injectable so tests can drive the backoff without waiting minutes. */
export interface LoopTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options for {@link SendLoop}. */
export interface SendLoopOptions {
  /**
   * Where completed responses go: the collector's `/v1/surveys/:id/responses` URL. A string
   * sends every queued response there (one survey per database); a function picks per
   * survey. Responses with no endpoint stay queued and `pv-outbox-waiting` says so.
   */
  endpoint?: string | EndpointResolver;
  /** Abort an attempt after this many ms and retry later. Default 20 s. */
  timeoutMs?: number;
  backoff?: BackoffOptions;
  /** Jitter source in [0, 1). */
  random?: () => number;
  timers?: LoopTimers;
  /** Monotonic milliseconds for due times; kept in memory only, never stored. */
  now?: () => number;
  fetch?: typeof fetch;
  /**
   * Cross-tab lock manager. Defaults to `navigator.locks`; without one (very old browsers)
   * only this page's own sends are serialised.
   */
  locks?: LockManager;
  /** Where `online` is heard. Default `globalThis` (the window). */
  connectivity?: EventTarget;
  /** Where `visibilitychange` is heard. Default `document` when there is one. */
  visibility?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
}

/** What one pass over the outbox did. */
export interface FlushReport {
  sent: number;
  refused: number;
  /** A send failed in a retryable way; the loop will try again after a backoff. */
  retrying: boolean;
  /** Queued responses that have no endpoint to go to. */
  waiting: number;
  /** The pass did not run because the loop is stopped. */
  stopped: boolean;
  /** The outbox could not be read or updated; the loop retries after a backoff. */
  error?: unknown;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Delivers the outbox from the page (an embedded widget cannot own the host site's service
 * worker): oldest first, one response at a time, under a Web Lock named
 * `pv-outbox-<database>` so two tabs or two loops never send the same response at once.
 * A response leaves the outbox only when the collector echoes its id. Retryable failures
 * back off exponentially with full jitter, without limit while the page is open; the loop
 * resumes on `start()` (page load), on `online`, on becoming visible, and on `flushNow()`.
 */
export class SendLoop extends EventTarget {
  private readonly store: ResponseStore;
  private readonly options: SendLoopOptions;
  private readonly timers: LoopTimers;
  private readonly now: () => number;
  /** When each response may next be tried (monotonic ms, this page only). */
  private readonly dueAt = new Map<string, number>();
  private running = false;
  private stopController: AbortController | undefined;
  private wakeTimer: unknown;
  private chain: Promise<unknown> = Promise.resolve();
  private pendingPass: Promise<FlushReport> | undefined;
  private pendingForce = false;
  private storageFailures = 0;

  constructor(store: ResponseStore, options: SendLoopOptions = {}) {
    super();
    this.store = store;
    this.options = options;
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.now = options.now ?? (() => performance.now());
  }

  /** True between `start()` and `stop()`. */
  get isRunning(): boolean {
    return this.running;
  }

  /** Starts listening for reasons to send and sends what is queued now. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopController = new AbortController();
    this.store.addEventListener(OutboxChangeEvent.eventName, this.onOutboxChange);
    this.connectivity?.addEventListener('online', this.onOnline);
    this.visibility?.addEventListener('visibilitychange', this.onVisibilityChange);
    void this.schedulePass(false);
  }

  /** Stops listening, cancels the backoff timer and aborts a send in flight (it stays queued). */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.stopController?.abort(new DOMException('Send loop stopped', 'AbortError'));
    this.stopController = undefined;
    this.store.removeEventListener(OutboxChangeEvent.eventName, this.onOutboxChange);
    this.connectivity?.removeEventListener('online', this.onOnline);
    this.visibility?.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.cancelWake();
  }

  /**
   * Sends everything queued now, ignoring backoff (the teacher's "retry now", or the
   * network just came back). Resolves when the pass ends. Works only while started.
   */
  flushNow(): Promise<FlushReport> {
    return this.schedulePass(true);
  }

  /** The endpoint for a survey, or undefined if none is configured. */
  endpointFor(surveyId: string): string | undefined {
    const { endpoint } = this.options;
    if (endpoint === undefined || endpoint === '') return undefined;
    return typeof endpoint === 'string' ? endpoint : endpoint(surveyId);
  }

  private get connectivity(): EventTarget | undefined {
    return this.options.connectivity ?? (typeof window === 'undefined' ? undefined : window);
  }

  private get visibility(): SendLoopOptions['visibility'] {
    return this.options.visibility ?? (typeof document === 'undefined' ? undefined : document);
  }

  private readonly onOutboxChange = (event: OutboxChangeEvent): void => {
    this.dispatchEvent(new OutboxChangeEvent(event.counts));
    void this.schedulePass(false);
  };

  private readonly onOnline = (): void => {
    void this.flushNow();
  };

  private readonly onVisibilityChange = (): void => {
    if (this.visibility?.visibilityState === 'visible') void this.flushNow();
  };

  /** Serialises passes in this page; a pass requested while one waits joins it. */
  private schedulePass(force: boolean): Promise<FlushReport> {
    this.pendingForce ||= force;
    if (this.pendingPass) return this.pendingPass;
    const pass = this.chain.then(() => {
      this.pendingPass = undefined;
      const forced = this.pendingForce;
      this.pendingForce = false;
      return this.lockedPass(forced);
    });
    this.pendingPass = pass;
    this.chain = pass.catch(() => undefined);
    return pass;
  }

  private async lockedPass(force: boolean): Promise<FlushReport> {
    const stopped: FlushReport = { sent: 0, refused: 0, retrying: false, waiting: 0, stopped: true };
    const signal = this.stopController?.signal;
    if (!this.running || !signal) return stopped;
    this.cancelWake();
    const locks = this.options.locks ?? (typeof navigator === 'undefined' ? undefined : navigator.locks);
    let report: FlushReport;
    try {
      report = locks
        ? await locks.request(`pv-outbox-${this.store.name}`, { signal }, () => this.pass(force, signal))
        : await this.pass(force, signal);
      this.storageFailures = 0;
    } catch (error) {
      if (signal.aborted) return stopped;
      // Storage trouble (full disk, a connection that will not reopen): keep everything,
      // say so, and try again later rather than spinning.
      this.storageFailures += 1;
      this.dispatchEvent(new OutboxErrorEvent(error));
      this.wakeIn(backoffDelay(this.storageFailures, this.options.backoff, this.options.random));
      return { sent: 0, refused: 0, retrying: true, waiting: 0, stopped: false, error };
    }
    this.scheduleWake();
    return report;
  }

  /** One pass, holding the lock: oldest first, one at a time, stop at the first retry. */
  private async pass(force: boolean, signal: AbortSignal): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, refused: 0, retrying: false, waiting: 0, stopped: false };
    const triedThisPass = new Set<string>();
    while (!signal.aborted) {
      let blocked = false;
      const entry = await this.store.claimNext((candidate) => {
        if (triedThisPass.has(candidate.responseId)) return 'skip';
        if (this.endpointFor(candidate.surveyId) === undefined) return 'skip';
        if (!force && (this.dueAt.get(candidate.responseId) ?? 0) > this.now()) {
          blocked = true;
          return 'stop'; // Keep the order: nothing newer goes before the oldest.
        }
        return 'take';
      });
      if (!entry || blocked) break;
      triedThisPass.add(entry.responseId);
      const endpoint = this.endpointFor(entry.surveyId);
      if (endpoint === undefined) continue;
      const outcome = await deliver(endpoint, entry.responseId, entry.body, {
        timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        signal,
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      });
      if (outcome.kind === 'acknowledged') {
        await this.store.acknowledge(entry.responseId);
        this.dueAt.delete(entry.responseId);
        report.sent += 1;
        this.dispatchEvent(new ResponseSentEvent(entry.responseId, entry.surveyId));
      } else if (outcome.kind === 'refused') {
        await this.store.markFailed(entry.responseId, outcome.reason, outcome.httpStatus);
        this.dueAt.delete(entry.responseId);
        report.refused += 1;
        this.dispatchEvent(
          new ResponseFailedEvent(entry.responseId, entry.surveyId, outcome.reason, outcome.httpStatus),
        );
      } else {
        const attempts = await this.store.recordRetry(entry.responseId, outcome.reason, outcome.httpStatus);
        if (signal.aborted) break;
        const delay = backoffDelay(attempts, this.options.backoff, this.options.random);
        this.dueAt.set(entry.responseId, this.now() + delay);
        report.retrying = true;
        this.dispatchEvent(new RetryScheduledEvent(entry.responseId, attempts, delay, outcome.reason));
        break; // Keep the order: nothing newer goes before the oldest is delivered.
      }
    }
    // One look at what is left: forget backoffs of responses another tab delivered, and
    // count the responses that have nowhere to go.
    const left = signal.aborted ? [] : await this.store.listOutbox();
    const present = new Set(left.filter((e) => e.status !== 'failed').map((e) => e.responseId));
    for (const id of this.dueAt.keys()) if (!present.has(id)) this.dueAt.delete(id);
    report.waiting = left.filter((e) => e.status !== 'failed' && this.endpointFor(e.surveyId) === undefined).length;
    if (report.waiting > 0) this.dispatchEvent(new OutboxWaitingEvent('no-endpoint', report.waiting));
    return report;
  }

  /** Arms the timer for the earliest backoff still pending. */
  private scheduleWake(): void {
    this.cancelWake();
    if (!this.running || this.dueAt.size === 0) return;
    const earliest = Math.min(...this.dueAt.values());
    this.wakeIn(Math.max(0, earliest - this.now()));
  }

  private wakeIn(delay: number): void {
    this.cancelWake();
    if (!this.running) return;
    this.wakeTimer = this.timers.setTimeout(() => {
      this.wakeTimer = undefined;
      void this.schedulePass(false);
    }, delay);
  }

  private cancelWake(): void {
    if (this.wakeTimer !== undefined) this.timers.clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
  }
}

// Typed listeners for the loop's events.
export interface SendLoop {
  addEventListener<K extends keyof SendLoopEventMap>(
    type: K,
    listener: (event: SendLoopEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SendLoopEventMap>(
    type: K,
    listener: (event: SendLoopEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}
