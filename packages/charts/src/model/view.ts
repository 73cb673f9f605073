import type { PublishedQuestion, PublishedTally } from '@pupil-voice/aggregate';
import { shown, type PublishedNumber } from './hidden.js';
import { keyValues, type KeyValue } from './publication.js';

/** Filters of a view: a segment key fixed to one of its values (`null` = no value given). */
export type ViewFilters = Readonly<Record<string, string | null>>;

/**
 * A view of one publication: the cells where each filtered segment has its chosen value, the
 * kept segments any value or their total, and every other segment its total. Nothing is
 * computed: every number is one the publication already shows, so no two views can be
 * subtracted to reveal what either hides (they come from one `suppress` call). The result is
 * itself a publication over the kept segments, so `compare` and `<pv-chart>` read it as one.
 */
export function viewOf(published: PublishedTally, filters: ViewFilters, keep: readonly string[] = []): PublishedTally {
  const segments = published.segments;
  const select = (key: string): string | undefined => {
    const values = keyValues(key);
    if (values === undefined || values.length !== segments.length) return undefined;
    for (let d = 0; d < segments.length; d++) {
      const name = segments[d]!;
      const value = values[d];
      if (Object.hasOwn(filters, name)) {
        if (value !== filters[name]) return undefined;
      } else if (!keep.includes(name) && value !== true) {
        return undefined;
      }
    }
    return JSON.stringify(keep.map((name) => values[segments.indexOf(name)] as KeyValue));
  };
  const mapCells = <T>(cells: Readonly<Record<string, T>>): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const [key, cell] of Object.entries(cells)) {
      const viewKey = select(key);
      if (viewKey !== undefined) out[viewKey] = cell;
    }
    return out;
  };
  return {
    ...published,
    segments: [...keep],
    totals: published.totals.filter((name) => keep.includes(name)),
    segmentValues: keep.map((name) => [...(published.segmentValues[segments.indexOf(name)] ?? [])]),
    respondents: mapCells(published.respondents),
    questions: published.questions.map((question) => ({ ...question, cells: mapCells<unknown>(question.cells) }) as PublishedQuestion),
    unknownQuestions: published.unknownQuestions.map((unknown) => ({ name: unknown.name, cells: mapCells(unknown.cells) })),
  };
}

/** True when a published cell shows anything: its respondents, or the base of any question. */
export function cellShowsNumbers(published: PublishedTally, key: string): boolean {
  if (shown(published.respondents[key]) !== null) return true;
  return published.questions.some((question) => {
    const cell = (question.cells as Record<string, unknown>)[key] as { base?: PublishedNumber; rows?: Array<{ base: PublishedNumber }> } | undefined;
    return cell !== undefined && (shown(cell.base) !== null || (cell.rows ?? []).some((row) => shown(row.base) !== null));
  });
}

/**
 * The values a reader may pick for a segment: those shown with a number in at least one
 * published cell (their respondents or a question's base, with any other filters). A value
 * whose numbers are hidden everywhere is not named, so a filter list never says that a small
 * group exists.
 */
export function filterValues(published: PublishedTally, segment: string): string[] {
  const d = published.segments.indexOf(segment);
  if (d < 0) return [];
  const present = new Set<string>();
  for (const key of Object.keys(published.respondents)) {
    const value = keyValues(key)?.[d];
    if (typeof value === 'string' && !present.has(value) && cellShowsNumbers(published, key)) present.add(value);
  }
  return (published.segmentValues[d] ?? []).filter((value): value is string => value !== null && present.has(value));
}
