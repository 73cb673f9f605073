import type { PublishedQuestion } from '@pupil-voice/aggregate';
import { shown, type PublishedNumber } from './hidden.js';

/**
 * What a chart can be given: a published tally as `suppress` returns it, or the body of the
 * collector's `GET /v1/surveys/:id/results` (a view cut from one publication). Both have
 * `k`, `segments`, `respondents` and `questions` with cells keyed by JSON arrays of segment
 * values; a full publication also lists `totals` and `segmentValues`, and marks a totalled
 * segment with `true`.
 */
export interface PublicationInput {
  readonly k: number;
  readonly segments: readonly string[];
  readonly respondents: Readonly<Record<string, PublishedNumber>>;
  readonly questions: readonly PublishedQuestion[];
  readonly survey?: string;
  readonly format?: string;
  readonly totals?: readonly string[];
  readonly segmentValues?: ReadonlyArray<ReadonlyArray<string | null>>;
}

/** A segment value in a cell key: a value, `null` (no value) or `true` (all values). */
export type KeyValue = string | null | true;

/** True when the input looks like a publication charts can read. */
export function isPublication(value: unknown): value is PublicationInput {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<PublicationInput>;
  return Array.isArray(candidate.segments) && Array.isArray(candidate.questions) && typeof candidate.respondents === 'object';
}

/** The values of a cell key (a JSON array); an unreadable key gives `undefined`. */
export function keyValues(key: string): KeyValue[] | undefined {
  try {
    const parsed: unknown = JSON.parse(key);
    if (Array.isArray(parsed) && parsed.every((v) => v === null || v === true || typeof v === 'string')) return parsed as KeyValue[];
  } catch {
    // not a key
  }
  return undefined;
}

/**
 * The cell a chart shows when no `segment` is given: the overall one (every segment
 * totalled), else the first cell of the publication.
 */
export function defaultSegment(data: PublicationInput): string | undefined {
  const overall = JSON.stringify(data.segments.map(() => true));
  if (data.segments.length === 0 && '[]' in data.respondents) return '[]';
  if (overall in data.respondents) return overall;
  return Object.keys(data.respondents)[0];
}

/** The published respondents of a cell (`null` when hidden). */
export function respondentsOf(data: PublicationInput, key: string): number | null {
  return shown(data.respondents[key]);
}

/** The question with this name, if the publication has it. */
export function questionOf(data: PublicationInput, name: string): PublishedQuestion | undefined {
  return data.questions.find((question) => question.name === name);
}
