import type { Tally } from '@pupil-voice/aggregate';
import { CollectorError } from '../errors.js';
import type { ResponseStorage, StoredResponse } from '../storage/storage.js';
import type { RegisteredSurvey } from '../surveys/survey-registry.js';
import { aggregateApi, type TallyInput } from './aggregate-bridge.js';

/** The segment keys results can be filtered and split by. */
export const SEGMENT_KEYS = ['audience', 'school', 'wave', 'year'] as const;
export type SegmentKey = (typeof SEGMENT_KEYS)[number];

/** Filters (exact match) and the segments to split the published tally by. */
export interface ResultsQuery {
  filters: Partial<Record<SegmentKey, string>>;
  by: SegmentKey[];
}

/** Where the year group lives: the answer to the first of these questions present in a response. */
export const DEFAULT_YEAR_QUESTIONS = ['year', 'yearGroup', 'year_group'];

/** Reads `?audience=&school=&wave=&year=&by=audience,school` into a query, refusing unknown keys. */
export function parseResultsQuery(params: URLSearchParams): ResultsQuery {
  const query: ResultsQuery = { filters: {}, by: [] };
  for (const [key, value] of params) {
    if (key === 'by') {
      for (const part of value.split(',').filter((item) => item !== '')) {
        if (!(SEGMENT_KEYS as readonly string[]).includes(part)) {
          throw new CollectorError(400, 'invalid_query', 'by', `segments are ${SEGMENT_KEYS.join(', ')}`);
        }
        if (!query.by.includes(part as SegmentKey)) query.by.push(part as SegmentKey);
      }
    } else if ((SEGMENT_KEYS as readonly string[]).includes(key)) {
      if (value !== '') query.filters[key as SegmentKey] = value;
    } else {
      throw new CollectorError(400, 'invalid_query', key, `filters are ${SEGMENT_KEYS.join(', ')} and by`);
    }
  }
  return query;
}

/** The year group of a response as a string, or undefined when it gave none. */
export function yearGroupOf(data: Record<string, unknown>, yearQuestions: readonly string[]): string | undefined {
  for (const name of yearQuestions) {
    const value = data[name];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
}

/** Streams stored responses as `tally` input, applying the year filter storage cannot see. */
export async function* tallyInputs(
  storage: ResponseStorage,
  surveyId: string,
  filters: ResultsQuery['filters'],
  yearQuestions: readonly string[],
): AsyncIterable<TallyInput> {
  const stored: AsyncIterable<StoredResponse> = storage.responses(surveyId, filters);
  for await (const response of stored) {
    const year = yearGroupOf(response.data, yearQuestions);
    if (filters.year !== undefined && year !== filters.year) continue;
    yield { id: response.id, data: response.data, meta: { ...response.meta, year } };
  }
}

/** Tallies one survey's stored responses (filtered, split by `by`); unsuppressed: never publish directly. */
export async function tallyStored(
  storage: ResponseStorage,
  survey: RegisteredSurvey,
  query: ResultsQuery,
  yearQuestions: readonly string[],
): Promise<Tally> {
  const api = await aggregateApi();
  return api.tally(survey.definition, tallyInputs(storage, survey.id, query.filters, yearQuestions), { segments: query.by });
}

/**
 * The only results that leave over HTTP: the tally suppressed with `k`, so no small number
 * and no cell recoverable by subtraction is published. Raw responses never leave.
 */
export async function publishedResults(
  storage: ResponseStorage,
  survey: RegisteredSurvey,
  query: ResultsQuery,
  options: { k: number; yearQuestions: readonly string[] },
): Promise<{ survey: string; k: number; filters: ResultsQuery['filters']; segments: SegmentKey[]; tally: unknown }> {
  const api = await aggregateApi();
  const raw = await tallyStored(storage, survey, query, options.yearQuestions);
  return { survey: survey.id, k: options.k, filters: query.filters, segments: query.by, tally: api.suppress(raw, { k: options.k }) };
}
