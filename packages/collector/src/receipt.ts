import { canonicalJSON, sha256Hex } from './canonical-json.js';
import type { WireResponse } from './wire.js';

/**
 * Fingerprint of a response body: equal for a byte-identical or key-reordered re-send. A poll's
 * ballot is left out on purpose: the fingerprint is stored beside the answers, and the ballot
 * must not be recoverable from anything kept with them.
 */
export function bodyFingerprint(response: WireResponse): string {
  return sha256Hex(canonicalJSON({ id: response.id, data: response.data, encrypted: response.encrypted, meta: response.meta }));
}

/**
 * The receipt handed back with every acknowledgement. Derived from the survey, the id and the
 * body fingerprint, so a replay gets the very same receipt and a client (or an auditor) can
 * check it without the server keeping any clock time.
 */
export function receiptFor(surveyId: string, response: WireResponse, fingerprint: string): string {
  return `pv1.${sha256Hex(`${surveyId}\n${response.id}\n${fingerprint}`).slice(0, 32)}`;
}

export type { Acknowledgement } from '@pupil-voice/schema';

/**
 * What the collector keeps of a poll ballot: a hash bound to the poll, so the device token
 * itself is never stored and the same token could not be matched across polls.
 */
export function ballotHash(surveyId: string, ballot: string): string {
  return sha256Hex(`pv-ballot\n${surveyId}\n${ballot}`);
}
