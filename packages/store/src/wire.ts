import { isDay } from './day.js';
import type { Day } from './day.js';

/**
 * Coarse, non-identifying context sent with a response. Every field is optional; `day` is
 * the day the respondent completed the survey and never anything finer.
 */
export interface ResponseMeta {
  audience?: string;
  school?: string;
  wave?: string;
  day?: Day;
}

/** Answers keyed by survey-core question name, exactly as `survey.data` holds them. */
export type Answers = Record<string, unknown>;

/**
 * The sealed form of a response written to the outbox when the survey has a public key.
 * A fresh AES-GCM-256 key encrypts the JSON of the answers; RSA-OAEP (SHA-256) wraps that
 * key. All byte fields are standard base64.
 */
export interface EncryptedEnvelope {
  v: 1;
  alg: 'RSA-OAEP-256+A256GCM';
  key: string;
  iv: string;
  ct: string;
}

/**
 * The JSON body POSTed to the collector's `/v1/surveys/:id/responses` (issue 5). `id` is
 * also sent as the `Idempotency-Key` header. Encrypted responses carry `encrypted` instead
 * of `data`; the id and coarse meta stay in clear so the collector can de-duplicate.
 */
export type WireBody =
  | { id: string; data: Answers; meta: ResponseMeta }
  | { id: string; encrypted: EncryptedEnvelope; meta: ResponseMeta };

const META_KEYS = ['audience', 'school', 'wave'] as const;

/**
 * Copies only the meta fields the wire format knows, so nothing else (a user agent, a
 * timestamp) can ride along by accident. Rejects a `day` finer than YYYY-MM-DD.
 */
export function cleanMeta(meta: ResponseMeta = {}): ResponseMeta {
  const clean: ResponseMeta = {};
  for (const key of META_KEYS) {
    const value = meta[key];
    if (typeof value === 'string' && value !== '') clean[key] = value;
  }
  if (meta.day !== undefined) {
    if (!isDay(meta.day)) throw new TypeError(`meta.day must be YYYY-MM-DD, got ${String(meta.day)}`);
    clean.day = meta.day;
  }
  return clean;
}

/**
 * True only when a collector's answer acknowledges exactly `responseId`: a 2xx whose body
 * parses as JSON and echoes the id (`id`, or `responseId`, at the top level). A captive
 * portal's 200 HTML page, or a JSON body for another id, is not an acknowledgement.
 */
export function isAcknowledgement(status: number, bodyText: string, responseId: string): boolean {
  if (status < 200 || status > 299) return false;
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return false;
  }
  if (typeof body !== 'object' || body === null) return false;
  const record = body as Record<string, unknown>;
  return record['id'] === responseId || record['responseId'] === responseId;
}
