/**
 * The one mark every hidden number gets, in every place it could appear (bar, label, table,
 * tooltip, announcement, export), whatever the reason it was hidden. Statistical offices print
 * "[c]" ("confidential"); a reader learns only that a number is not shown, never whether it
 * was small or hidden to protect another one.
 */
export const HIDDEN_MARK = '[c]';

/**
 * A published number as charts read it. Publications mark hidden numbers in more than one
 * way over time (`suppressed` with or without a `reason`, or only `hidden`); charts never
 * read the marker, only whether a value is there.
 */
export interface PublishedNumber {
  readonly value: number | null;
}

/** The value of a published number, or `null` when it is hidden (or absent). */
export function shown(count: PublishedNumber | null | undefined): number | null {
  const value = count?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
