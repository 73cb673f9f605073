import type {
  PvAnswerSavedEvent,
  PvCompleteEvent,
  PvErrorEvent,
  PvOutboxWaitingEvent,
  PvPageChangedEvent,
  PvQuickExitEvent,
  PvReadyEvent,
  PvResponseFailedEvent,
  PvResponseQueuedEvent,
  PvResponseSentEvent,
  PvValueChangedEvent,
} from '../events.js';

/**
 * What a page or framework may set on `<pv-survey>`: attributes by their HTML names, and
 * `definition`, which is a property only (an object). Shared by the React and Vue typings.
 */
export interface PvSurveyAttributes {
  /** URL of a SurveyJS JSON definition. Ignored when `definition` is set. */
  src?: string;
  /** A SurveyJS definition object (set as a property); wins over `src`. */
  definition?: object;
  /** The survey's language (a survey-core locale such as `cy`). */
  locale?: string;
  /** Names the survey on this device (drafts, outbox). */
  'survey-id'?: string;
  /** The collector's `…/v1/surveys/:id/responses`. */
  endpoint?: string;
  /** Shared-device mode. */
  kiosk?: boolean;
  /** Seconds without input before a kiosk survey is wiped. */
  'idle-timeout'?: number | string;
  /** Seconds the thank-you stays before a kiosk survey starts afresh. */
  'kiosk-reset'?: number | string;
  /** An RSA-OAEP public key (JWK as JSON) that encrypts each completed response. */
  'public-key'?: string;
  /** Who is answering (`pupil`, `parent`, `staff`). */
  audience?: string;
  /** The school's code. */
  school?: string;
  /** The survey wave. */
  wave?: string;
  /** Shows "Leave this page" and replaces the page with this URL (empty: a neutral page). */
  'quick-exit'?: string;
  /** The IndexedDB database holding drafts and the outbox. */
  'store-name'?: string;
}

/** What a page may set on `<pv-outbox-status>`. */
export interface PvOutboxStatusAttributes {
  /** The IndexedDB database to report on. */
  'store-name'?: string;
  /** Where responses of surveys that named no endpoint are sent. */
  endpoint?: string;
}

/** Every event `<pv-survey>` fires, by name, with its class. */
export interface PvSurveyEventMap {
  'pv-ready': PvReadyEvent;
  'pv-value-changed': PvValueChangedEvent;
  'pv-page-changed': PvPageChangedEvent;
  'pv-complete': PvCompleteEvent;
  'pv-error': PvErrorEvent;
  'pv-answer-saved': PvAnswerSavedEvent;
  'pv-response-queued': PvResponseQueuedEvent;
  'pv-response-sent': PvResponseSentEvent;
  'pv-response-failed': PvResponseFailedEvent;
  'pv-outbox-waiting': PvOutboxWaitingEvent;
  'pv-quick-exit': PvQuickExitEvent;
}
