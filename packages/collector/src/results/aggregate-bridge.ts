import type { Tally } from '@pupil-voice/aggregate';
import { CollectorError } from '../errors.js';

/** A response shaped for `tally`: the wire format, with segment values in `meta`. */
export interface TallyInput {
  id: string;
  data: Record<string, unknown>;
  meta: Record<string, string | undefined>;
}

/** The part of `@pupil-voice/aggregate`'s documented public API the collector relies on. */
export interface AggregateApi {
  tally(
    definition: Record<string, unknown>,
    responses: Iterable<TallyInput> | AsyncIterable<TallyInput>,
    options: { segments: string[] },
  ): Tally | Promise<Tally>;
  suppress(tally: Tally, options: { k: number }): PublishedView;
}

/**
 * The parts of a published (suppressed) tally the collector reads to cut views out of it:
 * every cell map is keyed by the JSON array of segment values, `true` standing for a total.
 */
export interface PublishedView {
  segments: string[];
  k: number;
  respondents: Record<string, unknown>;
  questions: Array<{ cells: Record<string, unknown> } & Record<string, unknown>>;
  unknownQuestions: Array<{ name: string; cells: Record<string, unknown> }>;
  [other: string]: unknown;
}

let loaded: Promise<AggregateApi> | undefined;

/**
 * Loads the aggregation functions once. Refuses with 503 (rather than crashing the
 * collector) when the installed `@pupil-voice/aggregate` lacks `tally` or `suppress`.
 */
export function aggregateApi(): Promise<AggregateApi> {
  loaded ??= import('@pupil-voice/aggregate').then((module: Record<string, unknown>) => {
    if (typeof module.tally !== 'function' || typeof module.suppress !== 'function') {
      loaded = undefined;
      throw new CollectorError(503, 'results_unavailable', undefined, '@pupil-voice/aggregate does not provide tally and suppress');
    }
    return module as unknown as AggregateApi;
  });
  return loaded;
}
