/** Shape of the retry delays; the defaults suit a classroom's flaky Wi-Fi. */
export interface BackoffOptions {
  /** Delay ceiling for the first retry, in ms. Default 1 s. */
  baseMs?: number;
  /** Largest delay, in ms. Default 3 minutes: short enough to finish before the lesson ends. */
  capMs?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = { baseMs: 1000, capMs: 3 * 60 * 1000 };

/**
 * Exponential backoff with full jitter: a uniformly random delay between 0 and
 * min(cap, base · 2^(attempt-1)). The jitter spreads thirty tablets that lost Wi-Fi together
 * so they do not all retry in the same second when it returns.
 *
 * @param attempt 1 for the first retry
 * @param random a source in [0, 1), injected by tests
 */
export function backoffDelay(
  attempt: number,
  { baseMs = DEFAULT_BACKOFF.baseMs, capMs = DEFAULT_BACKOFF.capMs }: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
