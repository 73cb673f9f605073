/**
 * The wire format between `@pupil-voice/store` (the browser) and `@pupil-voice/collector`:
 * the body POSTed to `/v1/surveys/:id/responses`, its coarse meta, the sealed envelope of an
 * encrypted response, and the acknowledgement (with its receipt) the collector answers.
 * One validator, {@link parseWireResponse}, is run by the store before a response enters the
 * outbox and by the collector on every POST, so the two can never disagree on what is sendable.
 */

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

/** The meta fields the wire format knows, in export order. */
export const META_FIELDS = ['audience', 'school', 'wave', 'day'] as const;
export type MetaField = (typeof META_FIELDS)[number];

/** Answers keyed by survey-core question name, exactly as `survey.data` holds them. */
export type Answers = Record<string, unknown>;

/**
 * A response sealed in the browser (survey `public-key`): a fresh AES-GCM-256 key encrypts the
 * JSON of the answers; RSA-OAEP (SHA-256) wraps that key. Byte fields are standard base64. The
 * collector stores it unread; the analyst holding the private key opens it.
 */
export interface EncryptedEnvelope {
  v: 1;
  alg: 'RSA-OAEP-256+A256GCM';
  key: string;
  iv: string;
  ct: string;
}

/**
 * The JSON body of `POST /v1/surveys/:id/responses`. `id` is the random UUID created when the
 * respondent started and is also the `Idempotency-Key` header. Encrypted responses carry
 * `encrypted` instead of `data`; the id and coarse meta stay in clear so the collector can
 * de-duplicate.
 */
export type WireBody =
  | { id: string; data: Answers; meta: ResponseMeta; ballot?: string }
  | { id: string; encrypted: EncryptedEnvelope; meta: ResponseMeta; ballot?: string };

/**
 * A wire body after {@link parseWireResponse}: the id lower-cased, meta cleaned, and `data`
 * always present (empty for a sealed response).
 */
export interface WireResponse {
  id: string;
  data: Answers;
  encrypted?: EncryptedEnvelope;
  meta: ResponseMeta;
  /**
   * A poll's one-vote-per-device token: random, made on the device for this one poll, never
   * stored as sent (the collector keeps only a hash of it, in a table with no link to the
   * response). Absent for surveys.
   */
  ballot?: string;
}

/** The body of a collector's acknowledgement: it echoes the id, so a captive portal's 200 is not one. */
export interface Acknowledgement {
  status: 'stored';
  id: string;
  /** `pv1.` and 32 hex digits, derived from the survey, the id and the body; equal on a replay. */
  receipt: string;
}

/** Why a wire body was refused: the property at fault (`meta.day`, `encrypted.iv`…) and a reason. */
export class WireFormatError extends Error {
  constructor(
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super(field === undefined ? reason : `${field}: ${reason}`);
    this.name = 'WireFormatError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const RECEIPT = /^pv1\.[0-9a-f]{32}$/;
/** Segment labels are short codes, not free text: a school URN, `pupil`, `2026-spring`. */
const META_LABEL = /^[\p{L}\p{N}][\p{L}\p{N} ._:/-]{0,63}$/u;
const ENVELOPE_FIELDS = ['v', 'alg', 'key', 'iv', 'ct'];
/** 16 to 48 random bytes in base64url: enough that a token cannot be guessed. */
const BALLOT = /^[A-Za-z0-9_-]{22,64}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for a well-formed UUID (any version), the only identifier a response carries. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** True for a real calendar day written `YYYY-MM-DD` (no time, no zone). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for a meta label the collector accepts (letters, digits, space . _ : / -; at most 64). */
export function isMetaLabel(value: unknown): value is string {
  return typeof value === 'string' && META_LABEL.test(value);
}

function parseEnvelope(value: unknown): EncryptedEnvelope {
  if (!isObject(value)) throw new WireFormatError('encrypted', 'must be an encryption envelope object');
  for (const key of Object.keys(value)) {
    if (!ENVELOPE_FIELDS.includes(key)) {
      throw new WireFormatError(`encrypted.${key}`, 'unknown envelope field; allowed: v, alg, key, iv, ct');
    }
  }
  if (value['v'] !== 1 || value['alg'] !== 'RSA-OAEP-256+A256GCM') {
    throw new WireFormatError('encrypted.alg', 'expected envelope v 1 with alg RSA-OAEP-256+A256GCM');
  }
  const bytes = (key: 'key' | 'iv' | 'ct'): string => {
    const field = value[key];
    if (typeof field !== 'string' || !BASE64.test(field)) throw new WireFormatError(`encrypted.${key}`, 'must be a base64 string');
    return field;
  };
  return { v: 1, alg: 'RSA-OAEP-256+A256GCM', key: bytes('key'), iv: bytes('iv'), ct: bytes('ct') };
}

/**
 * Checks meta and returns only the fields the wire format knows. Empty and null values are
 * dropped (a page may leave `school` unset); anything else unknown is refused, so nothing that
 * could identify a respondent (a timestamp, a device id) is silently accepted.
 */
export function parseMeta(value: unknown): ResponseMeta {
  const meta: ResponseMeta = {};
  if (value === undefined || value === null) return meta;
  if (!isObject(value)) throw new WireFormatError('meta', 'meta must be an object');
  for (const [key, field] of Object.entries(value)) {
    if (!(META_FIELDS as readonly string[]).includes(key)) {
      throw new WireFormatError(`meta.${key}`, `unknown meta field; allowed: ${META_FIELDS.join(', ')}`);
    }
    if (field === undefined || field === null || field === '') continue;
    if (typeof field !== 'string') throw new WireFormatError(`meta.${key}`, 'must be a string');
    if (key === 'day') {
      if (!isCalendarDay(field)) throw new WireFormatError('meta.day', 'day must be a calendar day YYYY-MM-DD; times are not accepted');
    } else if (!isMetaLabel(field)) {
      throw new WireFormatError(`meta.${key}`, 'must be a short label (letters, digits, space . _ : / -; at most 64 characters)');
    }
    meta[key as MetaField] = field;
  }
  return meta;
}

/**
 * Checks a wire body (not its answers, which need the survey definition) and returns it
 * normalised. Throws {@link WireFormatError} naming the first property at fault. Unknown
 * top-level or meta properties are refused rather than ignored.
 */
export function parseWireResponse(body: unknown): WireResponse {
  if (!isObject(body)) throw new WireFormatError(undefined, 'the body must be a JSON object');
  for (const key of Object.keys(body)) {
    if (key !== 'id' && key !== 'data' && key !== 'encrypted' && key !== 'meta' && key !== 'ballot') {
      throw new WireFormatError(key, 'unknown property; allowed: id, data (or encrypted), meta, ballot');
    }
  }
  if (!isUuid(body['id'])) throw new WireFormatError('id', 'id must be a UUID');
  const id = body['id'].toLowerCase();
  let encrypted: EncryptedEnvelope | undefined;
  if (body['encrypted'] !== undefined) {
    if (body['data'] !== undefined) throw new WireFormatError('data', 'send either data or encrypted, not both');
    encrypted = parseEnvelope(body['encrypted']);
  } else if (!isObject(body['data'])) {
    throw new WireFormatError('data', 'data must be an object of answers keyed by question name');
  }
  const meta = parseMeta(body['meta']);
  const response: WireResponse = encrypted === undefined ? { id, data: body['data'] as Answers, meta } : { id, data: {}, encrypted, meta };
  const ballot = body['ballot'];
  if (ballot !== undefined) {
    if (typeof ballot !== 'string' || !BALLOT.test(ballot)) {
      throw new WireFormatError('ballot', 'ballot must be a random base64url token of 22 to 64 characters');
    }
    response.ballot = ballot;
  }
  return response;
}

/**
 * The acknowledgement in a collector's answer for exactly `responseId`, or undefined: only a
 * 2xx whose body parses as JSON and echoes the id (`id`, or `responseId`) counts. A captive
 * portal's 200 HTML page, or a JSON body for another id, is not an acknowledgement.
 */
export function parseAcknowledgement(status: number, bodyText: string, responseId: string): Partial<Acknowledgement> & { id: string } | undefined {
  if (status < 200 || status > 299) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  if (!isObject(body)) return undefined;
  if (body['id'] !== responseId && body['responseId'] !== responseId) return undefined;
  const ack: Partial<Acknowledgement> & { id: string } = { id: responseId };
  if (body['status'] === 'stored') ack.status = 'stored';
  if (typeof body['receipt'] === 'string' && RECEIPT.test(body['receipt'])) ack.receipt = body['receipt'];
  return ack;
}
