import { isMetaLabel, parseAcknowledgement, type ResponseMeta } from '@pupil-voice/schema';
import { isDay } from './day.js';

/** The wire format is `@pupil-voice/schema`'s: the collector validates with the same code. */
export { parseWireResponse, WireFormatError, type Answers, type EncryptedEnvelope, type ResponseMeta, type WireBody } from '@pupil-voice/schema';

const META_LABELS = ['audience', 'school', 'wave'] as const;

/**
 * Copies only the meta fields the wire format knows, so nothing else (a user agent, a
 * timestamp) can ride along by accident. Rejects a `day` finer than YYYY-MM-DD. A label the
 * collector would refuse (over 64 characters, or with characters other than letters, digits,
 * space . _ : / -) is left out with a console warning naming it: the response still reaches
 * the collector, only unlabelled, rather than being refused there with the pupil's answers.
 */
export function cleanMeta(meta: ResponseMeta = {}): ResponseMeta {
  const clean: ResponseMeta = {};
  for (const key of META_LABELS) {
    const value: unknown = meta[key];
    if (typeof value !== 'string' || value === '') continue;
    if (isMetaLabel(value)) clean[key] = value;
    else console.warn(`pupil-voice: meta.${key} ${JSON.stringify(String(value).slice(0, 80))} is not a short label (letters, digits, space . _ : / -; at most 64); left out`);
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
  return parseAcknowledgement(status, bodyText, responseId) !== undefined;
}
