import type { SurveyModel } from 'survey-core';

/** Options every Pupil Voice event shares: it crosses shadow roots so a host page can listen. */
const EVENT_INIT: EventInit = { bubbles: true, composed: true };

/** Fired once the survey-core model exists and the first page is rendered. */
export class PvReadyEvent extends Event {
  static readonly eventName = 'pv-ready';
  constructor(readonly model: SurveyModel) {
    super(PvReadyEvent.eventName, EVENT_INIT);
  }
}

/** Fired after an answer changes in the model (typed, chosen, or set by code). */
export class PvValueChangedEvent extends Event {
  static readonly eventName = 'pv-value-changed';
  constructor(
    readonly name: string,
    readonly value: unknown,
  ) {
    super(PvValueChangedEvent.eventName, EVENT_INIT);
  }
}

/** Fired after the respondent moves to another page. */
export class PvPageChangedEvent extends Event {
  static readonly eventName = 'pv-page-changed';
  constructor(
    readonly pageIndex: number,
    readonly pageName: string,
    readonly previousPageIndex: number,
  ) {
    super(PvPageChangedEvent.eventName, EVENT_INIT);
  }
}

/** Fired when the respondent submits a valid survey; `data` is the survey-core response data. */
export class PvCompleteEvent extends Event {
  static readonly eventName = 'pv-complete';
  constructor(readonly data: Record<string, unknown>) {
    super(PvCompleteEvent.eventName, EVENT_INIT);
  }
}

/** What went wrong, for integrators; the respondent sees a translated message in the element. */
export type PvErrorKind =
  | 'fetch-failed'
  | 'fetch-blocked'
  | 'invalid-json'
  | 'invalid-definition'
  | 'model-failed'
  | 'storage-failed'
  | 'send-failed';

/** Fired when the survey cannot be shown or an answer cannot be kept. */
export class PvErrorEvent extends Event {
  static readonly eventName = 'pv-error';
  constructor(
    readonly kind: PvErrorKind,
    readonly message: string,
    readonly cause?: unknown,
  ) {
    super(PvErrorEvent.eventName, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pv-ready': PvReadyEvent;
    'pv-value-changed': PvValueChangedEvent;
    'pv-page-changed': PvPageChangedEvent;
    'pv-complete': PvCompleteEvent;
    'pv-error': PvErrorEvent;
  }
}

/** An answer (or the page) is durably saved on this device: its IndexedDB transaction completed. */
export class PvAnswerSavedEvent extends Event {
  static readonly eventName = 'pv-answer-saved';
  constructor(readonly responseId: string) {
    super(PvAnswerSavedEvent.eventName, EVENT_INIT);
  }
}

/** The completed response is in the outbox; it will be sent until the collector acknowledges it. */
export class PvResponseQueuedEvent extends Event {
  static readonly eventName = 'pv-response-queued';
  constructor(
    readonly responseId: string,
    readonly encrypted: boolean,
  ) {
    super(PvResponseQueuedEvent.eventName, EVENT_INIT);
  }
}

/** The collector acknowledged this survey's response with that exact id. */
export class PvResponseSentEvent extends Event {
  static readonly eventName = 'pv-response-sent';
  constructor(readonly responseId: string) {
    super(PvResponseSentEvent.eventName, EVENT_INIT);
  }
}

/** The collector refused a response for good; it is kept, marked failed, for export. */
export class PvResponseFailedEvent extends Event {
  static readonly eventName = 'pv-response-failed';
  constructor(
    readonly responseId: string,
    readonly reason: string,
    readonly httpStatus: number | undefined,
  ) {
    super(PvResponseFailedEvent.eventName, EVENT_INIT);
  }
}

/** Completed responses are waiting because the survey has no `endpoint` to send them to. */
export class PvOutboxWaitingEvent extends Event {
  static readonly eventName = 'pv-outbox-waiting';
  constructor(readonly waiting: number) {
    super(PvOutboxWaitingEvent.eventName, EVENT_INIT);
  }
}

/**
 * The respondent used the quick exit. Cancel it (`preventDefault()`) to navigate yourself;
 * otherwise the page is replaced by `url`, so Back does not return to the survey.
 */
export class PvQuickExitEvent extends Event {
  static readonly eventName = 'pv-quick-exit';
  constructor(readonly url: string) {
    super(PvQuickExitEvent.eventName, { ...EVENT_INIT, cancelable: true });
  }
}

/**
 * A kiosk survey was wiped for the next person (idle timeout, or the thank-you page has been
 * shown long enough); `<pv-survey>` starts afresh when it hears this.
 */
export class PvStartOverEvent extends Event {
  static readonly eventName = 'pv-start-over';
  constructor(readonly reason: 'idle' | 'completed') {
    super(PvStartOverEvent.eventName, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pv-start-over': PvStartOverEvent;
    'pv-quick-exit': PvQuickExitEvent;
    'pv-answer-saved': PvAnswerSavedEvent;
    'pv-response-queued': PvResponseQueuedEvent;
    'pv-response-sent': PvResponseSentEvent;
    'pv-response-failed': PvResponseFailedEvent;
    'pv-outbox-waiting': PvOutboxWaitingEvent;
  }
}
