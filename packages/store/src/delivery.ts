import { isAcknowledgement } from './wire.js';

/**
 * What one POST of a response achieved:
 * - `acknowledged`: a 2xx JSON body echoing the id; the response can leave the outbox.
 * - `retry`: it may work later (offline, timeout, 5xx, 408/425/429, a portal page).
 * - `refused`: the collector will never accept this body (400, 404, 409, 413, 422 …).
 */
export type DeliveryOutcome =
  | { kind: 'acknowledged' }
  | { kind: 'retry'; reason: string; httpStatus?: number }
  | { kind: 'refused'; reason: string; httpStatus: number };

/** 4xx statuses that say "not now" rather than "never". */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 425, 429]);

const MAX_REASON = 300;

/** The collector's error message (issue 5 answers JSON saying which field and why), or text. */
function describeRefusal(status: number, bodyText: string): string {
  let detail = bodyText.trim();
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (typeof parsed === 'object' && parsed !== null) {
      const record = parsed as Record<string, unknown>;
      // The collector answers { error, field?, reason } (issue 5); keep all three.
      const { error, field, reason } = record;
      if (typeof reason === 'string') {
        const code = typeof error === 'string' ? error : 'refused';
        detail = `${code}${typeof field === 'string' ? ` (${field})` : ''}: ${reason}`;
      } else {
        const message = record['message'] ?? error;
        detail = typeof message === 'string' ? message : JSON.stringify(parsed);
      }
    }
  } catch {
    // Not JSON: keep the text as it came.
  }
  const reason = detail === '' ? `HTTP ${status}` : `HTTP ${status}: ${detail}`;
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
}

/** Options for {@link deliver}. */
export interface DeliverOptions {
  fetch?: typeof fetch;
  /** Abort an attempt that takes longer than this (ms). */
  timeoutMs: number;
  /** Aborts the attempt when the loop stops. */
  signal?: AbortSignal;
}

/**
 * POSTs one stored body with its id as `Idempotency-Key` and classifies the answer. Sends
 * no credentials (no cookies reach the collector) and no referrer.
 */
export async function deliver(
  endpoint: string,
  responseId: string,
  body: string,
  { fetch: fetchImpl = globalThis.fetch.bind(globalThis), timeoutMs, signal }: DeliverOptions,
): Promise<DeliveryOutcome> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new DOMException('Timed out', 'TimeoutError')), timeoutMs);
  const onStop = (): void => timeout.abort(signal?.reason);
  signal?.addEventListener('abort', onStop, { once: true });
  try {
    const response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': responseId, Accept: 'application/json' },
      body,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: timeout.signal,
    });
    const text = await response.text();
    if (isAcknowledgement(response.status, text, responseId)) return { kind: 'acknowledged' };
    if (response.ok) {
      return { kind: 'retry', reason: `HTTP ${response.status} without an acknowledgement of this id`, httpStatus: response.status };
    }
    if (response.status >= 400 && response.status < 500 && !RETRYABLE_CLIENT_STATUSES.has(response.status)) {
      return { kind: 'refused', reason: describeRefusal(response.status, text), httpStatus: response.status };
    }
    return { kind: 'retry', reason: `HTTP ${response.status}`, httpStatus: response.status };
  } catch (error) {
    if (timeout.signal.aborted && !signal?.aborted) return { kind: 'retry', reason: `No answer within ${timeoutMs} ms` };
    if (signal?.aborted) return { kind: 'retry', reason: 'Stopped' };
    return { kind: 'retry', reason: `Network error: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onStop);
  }
}
