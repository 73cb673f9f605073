/**
 * The coarsest date the store ever keeps: a calendar day, YYYY-MM-DD, in the device's own
 * time zone (the school's day, not UTC's). Anything finer could be matched against
 * timetables or server logs and identify a pupil.
 */
export type Day = string;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day of `date` as YYYY-MM-DD. */
export function dayOf(date: Date): Day {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** True when `value` is a day and nothing finer (used to refuse a timestamp in meta). */
export function isDay(value: unknown): value is Day {
  return typeof value === 'string' && DAY_PATTERN.test(value);
}
