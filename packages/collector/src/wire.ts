import { CollectorError } from './errors.js';

/**
 * Context a client may attach to a response. Every field is optional and coarse by design:
 * `day` is a calendar day, never a time, so a response cannot be matched to a lesson.
 */
export interface ResponseMeta {
  audience?: string;
  school?: string;
  wave?: string;
  /** Calendar day the respondent completed the survey, `YYYY-MM-DD`. */
  day?: string;
}

/**
 * A response sealed in the browser by `@pupil-voice/store` (survey `public-key`): the answers
 * encrypted with a fresh AES-GCM key wrapped by RSA-OAEP. The collector stores it unread; the
 * analyst holding the private key decrypts it (`export --private-key`).
 */
export interface EncryptedEnvelope {
  v: 1;
  alg: 'RSA-OAEP-256+A256GCM';
  key: string;
  iv: string;
  ct: string;
}

/**
 * The body of `POST /v1/surveys/:id/responses`, shared with `@pupil-voice/store`. `id` is the
 * random UUID created when the respondent started, and equals the `Idempotency-Key` header.
 * A body carries either `data` (answers in clear) or `encrypted` (a sealed envelope, in which
 * case `data` is empty here).
 */
export interface WireResponse {
  id: string;
  data: Record<string, unknown>;
  encrypted?: EncryptedEnvelope;
  meta: ResponseMeta;
  /**
   * A poll's one-vote-per-device token: random, made on the device for this one poll, never
   * stored here as sent (the collector keeps only a hash of it, in a table with no link to the
   * response). Absent for surveys.
   */
  ballot?: string;
}

/** 16 to 48 random bytes in base64url: enough that a token cannot be guessed. */
const BALLOT = /^[A-Za-z0-9_-]{22,64}$/;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parseEnvelope(value: unknown): EncryptedEnvelope {
  if (!isPlainObject(value)) throw new CollectorError(400, 'invalid_body', 'encrypted', 'must be an encryption envelope object');
  for (const key of Object.keys(value)) {
    if (!['v', 'alg', 'key', 'iv', 'ct'].includes(key)) {
      throw new CollectorError(400, 'invalid_body', `encrypted.${key}`, 'unknown envelope field; allowed: v, alg, key, iv, ct');
    }
  }
  if (value.v !== 1 || value.alg !== 'RSA-OAEP-256+A256GCM') {
    throw new CollectorError(400, 'invalid_body', 'encrypted.alg', 'expected envelope v 1 with alg RSA-OAEP-256+A256GCM');
  }
  for (const key of ['key', 'iv', 'ct'] as const) {
    const field = value[key];
    if (typeof field !== 'string' || !BASE64.test(field)) {
      throw new CollectorError(400, 'invalid_body', `encrypted.${key}`, 'must be a base64 string');
    }
  }
  return { v: 1, alg: 'RSA-OAEP-256+A256GCM', key: value.key as string, iv: value.iv as string, ct: value.ct as string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const META_FIELDS = ['audience', 'school', 'wave', 'day'] as const;
/** Segment labels are short codes, not free text: a school URN, `pupil`, `2026-spring`. */
const META_LABEL = /^[\p{L}\p{N}][\p{L}\p{N} ._:/-]{0,63}$/u;

/** True for a well-formed UUID (any version), the only identifier a response carries. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** True for a real calendar day written `YYYY-MM-DD` (no time, no zone). */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's UTC day, `YYYY-MM-DD`: the finest time the collector ever keeps. */
export function utcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the envelope of a response (not its answers, which need the survey definition).
 * Unknown top-level or meta properties are refused rather than ignored, so nothing that could
 * identify a respondent (a timestamp, a device id) is silently accepted and then dropped.
 */
export function parseWireResponse(body: unknown): WireResponse {
  if (!isPlainObject(body)) {
    throw new CollectorError(400, 'invalid_body', undefined, 'the body must be a JSON object');
  }
  for (const key of Object.keys(body)) {
    if (key !== 'id' && key !== 'data' && key !== 'encrypted' && key !== 'meta' && key !== 'ballot') {
      throw new CollectorError(400, 'invalid_body', key, 'unknown property; allowed: id, data (or encrypted), meta, ballot');
    }
  }
  if (!isUuid(body.id)) {
    throw new CollectorError(400, 'invalid_body', 'id', 'id must be a UUID');
  }
  let encrypted: EncryptedEnvelope | undefined;
  if (body.encrypted !== undefined) {
    if (body.data !== undefined) {
      throw new CollectorError(400, 'invalid_body', 'data', 'send either data or encrypted, not both');
    }
    encrypted = parseEnvelope(body.encrypted);
  } else if (!isPlainObject(body.data)) {
    throw new CollectorError(400, 'invalid_body', 'data', 'data must be an object of answers keyed by question name');
  }
  const meta: ResponseMeta = {};
  if (body.meta !== undefined && body.meta !== null) {
    if (!isPlainObject(body.meta)) {
      throw new CollectorError(400, 'invalid_body', 'meta', 'meta must be an object');
    }
    for (const [key, value] of Object.entries(body.meta)) {
      if (!(META_FIELDS as readonly string[]).includes(key)) {
        throw new CollectorError(400, 'invalid_body', `meta.${key}`, `unknown meta field; allowed: ${META_FIELDS.join(', ')}`);
      }
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') {
        throw new CollectorError(400, 'invalid_body', `meta.${key}`, 'must be a string');
      }
      if (key === 'day') {
        if (!isCalendarDay(value)) {
          throw new CollectorError(400, 'invalid_body', 'meta.day', 'day must be a calendar day YYYY-MM-DD; times are not accepted');
        }
      } else if (!META_LABEL.test(value)) {
        throw new CollectorError(400, 'invalid_body', `meta.${key}`, 'must be a short label (letters, digits, space . _ : / -; at most 64 characters)');
      }
      meta[key as keyof ResponseMeta] = value;
    }
  }
  let ballot: string | undefined;
  if (body.ballot !== undefined) {
    if (typeof body.ballot !== 'string' || !BALLOT.test(body.ballot)) {
      throw new CollectorError(400, 'invalid_body', 'ballot', 'ballot must be a random base64url token of 22 to 64 characters');
    }
    ballot = body.ballot;
  }
  const id = body.id.toLowerCase();
  const response: WireResponse =
    encrypted === undefined ? { id, data: body.data as Record<string, unknown>, meta } : { id, data: {}, encrypted, meta };
  if (ballot !== undefined) response.ballot = ballot;
  return response;
}
