/**
 * Why a storage operation failed, in terms the survey UI can act on:
 * - `quota`: the device is out of space for this site; nothing already saved was removed.
 * - `unavailable`: storage is switched off or blocked (private browsing, a blocked
 *   IndexedDB, an embedding frame without storage access).
 * - `not-found`: the draft or outbox entry named by the call does not exist (already
 *   completed, or wiped for the next respondent).
 * - `aborted`: the transaction was aborted for another reason; retrying may work.
 * - `unknown`: anything else; the original error is kept as `cause`.
 */
export type StoreErrorKind = 'quota' | 'unavailable' | 'not-found' | 'aborted' | 'unknown';

/**
 * The one error type the store rejects with, so an integrator can show a clear message
 * ("this device is full", "storage is switched off") instead of a raw DOMException.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

// InvalidStateError reaches here only after a reopen failed too (or from a private-mode
// open in old Firefox), so it means storage cannot be used right now.
const UNAVAILABLE_NAMES = new Set(['SecurityError', 'InvalidAccessError', 'NotAllowedError', 'InvalidStateError']);

/** The DOMException name of an error or of the transaction error it wraps. */
function errorName(error: unknown): string | undefined {
  if (error instanceof DOMException || error instanceof Error) return error.name;
  return undefined;
}

/**
 * Maps a thrown value from IndexedDB (or from `indexedDB` being absent) to a StoreError.
 * Quota can surface either as the transaction error or as an AbortError whose transaction
 * error is a QuotaExceededError; both become `quota`.
 */
export function toStoreError(error: unknown, doing: string): StoreError {
  if (error instanceof StoreError) return error;
  const name = errorName(error);
  const cause = error instanceof Error ? error.cause : undefined;
  if (name === 'QuotaExceededError' || errorName(cause) === 'QuotaExceededError') {
    return new StoreError('quota', `Not enough storage space to ${doing}.`, { cause: error });
  }
  if (name !== undefined && UNAVAILABLE_NAMES.has(name)) {
    return new StoreError('unavailable', `Storage is not available to ${doing}.`, { cause: error });
  }
  if (name === 'AbortError' || name === 'TransactionInactiveError') {
    return new StoreError('aborted', `Storage was interrupted while trying to ${doing}.`, {
      cause: error,
    });
  }
  return new StoreError('unknown', `Could not ${doing}.`, { cause: error });
}
