import { parseWireResponse as parseWire, WireFormatError, type WireResponse } from '@pupil-voice/schema';
import { CollectorError } from './errors.js';

export { isCalendarDay, isUuid, type EncryptedEnvelope, type ResponseMeta, type WireResponse } from '@pupil-voice/schema';

/** Today's UTC day, `YYYY-MM-DD`: the finest time the collector ever keeps. */
export function utcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Checks the envelope of a response (not its answers, which need the survey definition) with
 * the wire validator `@pupil-voice/store` also runs, refusing with a 400 that names the field.
 */
export function parseWireResponse(body: unknown): WireResponse {
  try {
    return parseWire(body);
  } catch (error) {
    if (error instanceof WireFormatError) throw new CollectorError(400, 'invalid_body', error.field, error.reason);
    throw error;
  }
}
