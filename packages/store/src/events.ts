/** How many completed responses are waiting, as a teacher's status display shows them. */
export interface OutboxCounts {
  /** Waiting to be sent, or being sent now. */
  queued: number;
  /** Refused by the collector for good; kept for export, not retried automatically. */
  failed: number;
}

/**
 * The outbox changed (a response was queued, sent, failed or re-queued), here or in another
 * tab of the same site. Carries fresh counts so `<pv-outbox-status>` need not query.
 */
export class OutboxChangeEvent extends Event {
  static readonly eventName = 'pv-outbox-change';
  constructor(readonly counts: OutboxCounts) {
    super(OutboxChangeEvent.eventName);
  }
}

/** Free space for this site is low; the UI may suggest sending before collecting more. */
export class StorageLowEvent extends Event {
  static readonly eventName = 'pv-storage-low';
  constructor(
    readonly usage: number,
    readonly quota: number,
  ) {
    super(StorageLowEvent.eventName);
  }
}

/** The collector acknowledged this exact response id; only a receipt (the id) is kept. */
export class ResponseSentEvent extends Event {
  static readonly eventName = 'pv-response-sent';
  constructor(
    readonly responseId: string,
    readonly surveyId: string,
  ) {
    super(ResponseSentEvent.eventName);
  }
}

/**
 * The collector refused a response for good (400, 404, 409, 413, 422 …). The response stays
 * in the outbox, marked failed with the reason, until someone exports or re-queues it.
 */
export class ResponseFailedEvent extends Event {
  static readonly eventName = 'pv-response-failed';
  constructor(
    readonly responseId: string,
    readonly surveyId: string,
    readonly reason: string,
    readonly httpStatus: number | undefined,
  ) {
    super(ResponseFailedEvent.eventName);
  }
}

/** A send failed in a way that may pass (offline, 5xx, timeout, portal page); retrying later. */
export class RetryScheduledEvent extends Event {
  static readonly eventName = 'pv-retry-scheduled';
  constructor(
    readonly responseId: string,
    readonly attempt: number,
    readonly delayMs: number,
    readonly reason: string,
  ) {
    super(RetryScheduledEvent.eventName);
  }
}

/** Responses are queued but cannot be sent from here: no endpoint is configured for them. */
export class OutboxWaitingEvent extends Event {
  static readonly eventName = 'pv-outbox-waiting';
  constructor(
    readonly reason: 'no-endpoint',
    readonly waiting: number,
  ) {
    super(OutboxWaitingEvent.eventName);
  }
}

/**
 * The send loop could not read or update the outbox (e.g. the device is full, so the
 * receipt could not be written). Nothing is lost: the response stays queued and the loop
 * tries again after a backoff.
 */
export class OutboxErrorEvent extends Event {
  static readonly eventName = 'pv-outbox-error';
  constructor(readonly error: unknown) {
    super(OutboxErrorEvent.eventName);
  }
}

/** Events a ResponseStore dispatches. */
export interface ResponseStoreEventMap {
  'pv-outbox-change': OutboxChangeEvent;
  'pv-storage-low': StorageLowEvent;
}

/** Events a SendLoop dispatches. */
export interface SendLoopEventMap {
  'pv-outbox-change': OutboxChangeEvent;
  'pv-response-sent': ResponseSentEvent;
  'pv-response-failed': ResponseFailedEvent;
  'pv-retry-scheduled': RetryScheduledEvent;
  'pv-outbox-waiting': OutboxWaitingEvent;
  'pv-outbox-error': OutboxErrorEvent;
}
