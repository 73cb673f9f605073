import type { EncryptedEnvelope, ResponseMeta } from '../wire.js';

/** A response as the collector keeps it: answers, coarse meta, and the day it arrived. */
export interface StoredResponse {
  id: string;
  surveyId: string;
  data: Record<string, unknown>;
  /** Set for a response sealed in the browser; `data` is then empty. */
  encrypted?: EncryptedEnvelope;
  meta: ResponseMeta;
  /** UTC day the collector first stored it; never a finer time. */
  receivedDay: string;
  /**
   * The version (content hash) of the definition the response was validated against; absent
   * for responses stored before definition versions were kept (schema version 3).
   */
  definitionVersion?: string;
}

/** A definition the collector has served, under its content hash. */
export interface StoredDefinition {
  surveyId: string;
  version: string;
  definition: Record<string, unknown>;
  /** UTC day it was first stored. */
  firstDay: string;
}

/** The latest suppressed publication of a survey, kept so that a restart can serve it at once. */
export interface StoredSnapshot {
  /** The settings it was made with (threshold, segments, definition versions); another fingerprint means it is stale. */
  fingerprint: string;
  /** Responses it covers. */
  responses: number;
  /** The publication's JSON. */
  body: string;
}

/** What `save` is given: the response plus its fingerprint and the receipt to hand back. */
export interface NewResponse extends StoredResponse {
  /** SHA-256 of the canonical body; equal fingerprints mean a harmless replay. */
  bodyHash: string;
  receipt: string;
  /**
   * For a poll vote: the hash of its device ballot. Stored in `poll_ballots` (poll and hash
   * only) in the same transaction as the response, never beside it; a second response with
   * the same hash for the same poll is refused.
   */
  ballotHash?: string;
}

/**
 * The outcome of saving a response under its idempotency key: stored for the first time, a
 * replay of the same body (same receipt again), or a conflict (the key was used for a
 * different body or another survey), which the client must not retry.
 */
export type SaveOutcome =
  | { kind: 'created'; receipt: string }
  | { kind: 'replayed'; receipt: string }
  | { kind: 'conflict'; reason: string }
  /** A new response whose ballot this poll has already counted: one vote per device. */
  | { kind: 'already-voted' };

/** Segment filters applied in storage; `undefined` means "any". */
export interface ResponseFilter {
  audience?: string;
  school?: string;
  wave?: string;
}

/**
 * Where responses live. Two implementations share one schema and one migration list:
 * SQLite (the embedded default, one file in the data folder) and PostgreSQL (for several
 * collectors behind a load balancer). Everything is async so both fit the same interface.
 */
export interface ResponseStorage {
  /** `sqlite` or `postgres`, for logs and readiness. */
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending migrations; returns the schema version now in force. */
  migrate(): Promise<number>;
  /** Stores a response once per id, atomically, and says whether it was new, a replay or a conflict. */
  save(response: NewResponse): Promise<SaveOutcome>;
  /** What is stored under an id (survey, fingerprint, receipt), without the answers; undefined if nothing. */
  lookup(id: string): Promise<{ surveyId: string; bodyHash: string; receipt: string } | undefined>;
  /** Streams one survey's responses in id order (random UUIDs, so not arrival order). */
  responses(surveyId: string, filter?: ResponseFilter): AsyncIterable<StoredResponse>;
  /** Keeps the hash of an analyst token that opens one survey's results. */
  addAnalystToken(surveyId: string, tokenHash: string, day: string): Promise<void>;
  /** True when a token with this hash opens this survey's results. */
  hasAnalystToken(surveyId: string, tokenHash: string): Promise<boolean>;
  /** Keeps a definition under its version (content hash); storing the same version again changes nothing. */
  saveDefinition(surveyId: string, version: string, definition: Record<string, unknown>): Promise<void>;
  /** Every version of a survey's definition, in the order they were first stored. */
  definitions(surveyId: string): Promise<StoredDefinition[]>;
  /** Ids of every survey with a stored definition or response. */
  surveyIds(): Promise<string[]>;
  /** Replaces a survey's kept result snapshot. */
  saveResultSnapshot(surveyId: string, snapshot: StoredSnapshot): Promise<void>;
  /** A survey's kept result snapshot, if any. */
  resultSnapshot(surveyId: string): Promise<StoredSnapshot | undefined>;
  /** How many responses are stored, for one survey or for all. */
  count(surveyId?: string): Promise<number>;
  /** Releases the database once in-flight writes have finished. */
  close(): Promise<void>;
}

/** Rows fetched per page when streaming responses, so exports of a county stay in bounded memory. */
export const RESPONSE_PAGE_SIZE = 2000;
