/**
 * The suppression threshold: no published count, base or percentage rests on fewer than k
 * respondents. Aggregate's `suppress` and the collector's `--k` share these numbers.
 */

/** k when nobody chooses one (the figure statistical offices commonly publish with). */
export const DEFAULT_K = 10;

/** The smallest k anything in Pupil Voice will publish with; below it a choice is refused. */
export const MIN_K = 5;

/** A usable k: an integer of at least {@link MIN_K}; throws a RangeError naming the minimum. */
export function checkK(k: number): number {
  if (!Number.isInteger(k) || k < MIN_K) throw new RangeError(`k must be an integer of at least ${MIN_K}, got ${String(k)}`);
  return k;
}
