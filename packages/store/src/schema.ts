import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { Day } from './day.js';
import type { Answers } from './wire.js';

/** A survey in progress on this device: what the respondent has answered so far. */
export interface DraftRecord {
  /** Random UUID made when the respondent started; the idempotency key for every send. */
  responseId: string;
  surveyId: string;
  answers: Answers;
  /** Index of the page the respondent is on, so a reload resumes there. */
  page: number;
  /** Day the respondent started (never a time). */
  createdDay: Day;
  /** Started on a shared device: never offered to the next person. */
  kiosk: boolean;
  /** Bumped on every save, so a completion can tell whether answers moved under it. */
  revision: number;
}

/** Delivery state of a completed response. `sending` is advisory; the Web Lock is the truth. */
export type OutboxStatus = 'queued' | 'sending' | 'failed';

/** A completed response waiting for the collector to acknowledge its id. */
export interface OutboxRecord {
  responseId: string;
  surveyId: string;
  /** Monotonic position; the send loop goes oldest (lowest) first. Never a time. */
  seq: number;
  /** The exact JSON sent, fixed at completion so every re-send is byte-identical. */
  body: string;
  encrypted: boolean;
  status: OutboxStatus;
  attempts: number;
  /** Why the last attempt failed (HTTP status and the collector's message, or network). */
  reason?: string;
  httpStatus?: number;
  queuedDay: Day;
  failedDay?: Day;
}

/** The id of a response the collector acknowledged; nothing else is kept. */
export interface ReceiptRecord {
  responseId: string;
}

/** The typed IndexedDB schema of the store (see idb's DBSchema). */
export interface PupilVoiceStoreDB extends DBSchema {
  drafts: {
    key: string;
    value: DraftRecord;
    indexes: { 'by-survey': string };
  };
  outbox: {
    key: string;
    value: OutboxRecord;
    indexes: { 'by-seq': number; 'by-status': OutboxStatus };
  };
  receipts: {
    key: string;
    value: ReceiptRecord;
  };
}

/** The schema version this code writes. Bump it and add a branch to `upgrade` to migrate. */
export const SCHEMA_VERSION = 1;

/** Callbacks for connection events the store reacts to. */
export interface OpenStoreDBCallbacks {
  /** The browser closed the connection abnormally (Safari does this to background tabs). */
  terminated?: () => void;
  /** Another tab wants a newer version; we must close so it can upgrade. */
  blocking?: () => void;
}

/**
 * Opens (creating or migrating) the store's database. Each `if (oldVersion < N)` branch
 * migrates from version N-1; never edit a released branch, add a new one.
 */
export function openStoreDB(
  name: string,
  { terminated, blocking }: OpenStoreDBCallbacks = {},
): Promise<IDBPDatabase<PupilVoiceStoreDB>> {
  return openDB<PupilVoiceStoreDB>(name, SCHEMA_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const drafts = db.createObjectStore('drafts', { keyPath: 'responseId' });
        drafts.createIndex('by-survey', 'surveyId');
        const outbox = db.createObjectStore('outbox', { keyPath: 'responseId' });
        outbox.createIndex('by-seq', 'seq', { unique: true });
        outbox.createIndex('by-status', 'status');
        db.createObjectStore('receipts', { keyPath: 'responseId' });
      }
    },
    ...(terminated ? { terminated } : {}),
    ...(blocking ? { blocking } : {}),
  });
}
