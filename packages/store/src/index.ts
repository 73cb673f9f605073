/**
 * `@pupil-voice/store`: drafts, outbox and receipts in IndexedDB, the in-page send loop,
 * encryption of responses, the kiosk idle timer and the personal-information check. The public
 * API, by name; the database schema, delivery and backoff internals are not part of it.
 */
export { openResponseStore, ResponseStore } from './response-store.js';
export type {
  CompleteResponseOptions,
  CompletedResponse,
  Draft,
  FailedResponseExport,
  FailedResponsesExportFile,
  OpenResponseStoreOptions,
  OutboxEntry,
  StorageCheck,
} from './response-store.js';
export { SendLoop } from './send-loop.js';
export type { EndpointResolver, FlushReport, LoopTimers, SendLoopOptions } from './send-loop.js';
export {
  OutboxChangeEvent,
  OutboxErrorEvent,
  OutboxWaitingEvent,
  ResponseFailedEvent,
  ResponseSentEvent,
  RetryScheduledEvent,
  StorageLowEvent,
} from './events.js';
export type { OutboxCounts, ResponseStoreEventMap, SendLoopEventMap } from './events.js';
export { StoreError } from './errors.js';
export type { StoreErrorKind } from './errors.js';
export { IdleTimeout } from './idle-timeout.js';
export type { IdleTimeoutOptions } from './idle-timeout.js';
export { encryptResponse, importResponsePublicKey, ENVELOPE_ALG, ENVELOPE_VERSION } from './encryption.js';
export type { SealedResponse } from './encryption.js';
export { findPersonalInformation } from './personal-information.js';
export type { PersonalInformationKind, PersonalInformationMatch } from './personal-information.js';
export type { BackoffOptions } from './backoff.js';
export { isAcknowledgement } from './wire.js';
export type { Answers, EncryptedEnvelope, ResponseMeta, WireBody } from './wire.js';
export type { Day } from './day.js';
export type { OutboxStatus } from './schema.js';
