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
  PvStartOverEvent,
  PvValueChangedEvent,
} from '../events.js';
import type { SchoolContact } from '../help-panel/help-panel.js';
import type { PvAuthoringWarningEvent } from '../audience/audience-events.js';
import type { PvVoteCountedEvent, PvVoteQueuedEvent, PvVoteRefusedEvent } from '../poll/poll-events.js';

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
  /** Who is answering (`primary`, `secondary`, `post16`, `parent`, `staff`): preset and wording. */
  audience?: string;
  /** `england`, `wales`, `scotland` or `northern-ireland`: the helplines under "Get help". */
  nation?: string;
  /** The school's own people to talk to (set as a property), listed first under "Get help". */
  helpContacts?: SchoolContact[];
  /** A school's own helpline file (JSON). */
  'helplines-src'?: string;
  /** The school's code. */
  school?: string;
  /** The survey wave. */
  wave?: string;
  /** Shows "Leave this page" and replaces the page with this URL (empty: a neutral page). */
  'quick-exit'?: string;
  /** A one-tap poll: the button says "Vote"; no "saved on this device" line, no "Clear my answers". */
  poll?: boolean;
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
  'pv-start-over': PvStartOverEvent;
  'pv-authoring-warning': PvAuthoringWarningEvent;
}

/** What a page may set on `<pv-poll>`. */
export interface PvPollAttributes {
  /** URL of the poll's SurveyJS JSON (one question). */
  src?: string;
  /** The poll's definition object (set as a property); wins over `src`. */
  definition?: object;
  /** The collector's `…/v1/surveys/:id/responses` for votes. */
  endpoint?: string;
  /** The poll's id on the collector (defaults to the id in `src`). */
  'poll-id'?: string;
}

/** Every event `<pv-poll>` fires. */
export interface PvPollEventMap {
  'pv-vote-queued': PvVoteQueuedEvent;
  'pv-vote-counted': PvVoteCountedEvent;
  'pv-vote-refused': PvVoteRefusedEvent;
}
