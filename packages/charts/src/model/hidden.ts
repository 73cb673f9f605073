/**
 * The one mark every hidden number gets, in every place it could appear (bar, label, table,
 * tooltip, announcement, export), whatever the reason it was hidden. Statistical offices print
 * "[c]" ("confidential"); a reader learns only that a number is not shown, never whether it
 * was small or hidden to protect another one.
 */
export const HIDDEN_MARK = '[c]';

/**
 * A published number as charts read it. Publications have marked numbers in more than one
 * way (`{ value, suppressed, reason }`, then `{ count }` or `{ hidden: true }`); charts never
 * read a marker or a reason, only whether a number is there.
 */
export type PublishedNumber = { readonly count: number } | { readonly hidden: true } | { readonly value: number | null };

/** The value of a published number, or `null` when it is hidden (or absent). */
export function shown(count: PublishedNumber | null | undefined): number | null {
  if (count === null || count === undefined || typeof count !== 'object') return null;
  const value = 'count' in count ? count.count : 'value' in count ? count.value : null;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
