import { mergeVersions, readDefinition, TallyBuilder, type PublishedTally, type Tally, type VersionDifference, type VersionedTally } from '@pupil-voice/aggregate';
import { resolveAudience } from '@pupil-voice/schema';
import { CollectorError } from '../errors.js';
import type { ResponseStorage, StoredResponse } from '../storage/storage.js';
import type { RegisteredSurvey } from '../surveys/survey-registry.js';
import { SuppressionWorker } from './suppression-worker.js';

/** The segment keys results can be filtered and split by. */
export const SEGMENT_KEYS = ['audience', 'school', 'wave', 'year'] as const;
export type SegmentKey = (typeof SEGMENT_KEYS)[number];

/** Filters (exact match) and the segments to split the published tally by. */
export interface ResultsQuery {
  filters: Partial<Record<SegmentKey, string>>;
  by: SegmentKey[];
}

/** A response shaped for `tally`: the wire format, with the segment values in `meta`. */
export interface TallyInput {
  id: string;
  data: Record<string, unknown>;
  meta: Record<string, string | undefined>;
  /** The definition version the response was answered against (absent before schema version 3). */
  version?: string;
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

/**
 * Opens a sealed response (the analyst's private key, at export time). Without one, sealed
 * responses cannot be counted: they are skipped and reported through `onSealed`.
 */
export interface SealedResponses {
  unseal?: (response: StoredResponse) => Promise<Record<string, unknown>>;
  onSealed?: (response: StoredResponse) => void;
}

/** Streams stored responses as `tally` input, with the year group copied into `meta`. */
export async function* tallyInputs(
  storage: ResponseStorage,
  surveyId: string,
  filters: ResultsQuery['filters'],
  yearQuestions: readonly string[],
  sealed: SealedResponses = {},
): AsyncIterable<TallyInput> {
  const stored: AsyncIterable<StoredResponse> = storage.responses(surveyId, filters);
  for await (const row of stored) {
    let response = row;
    if (response.encrypted !== undefined) {
      if (sealed.unseal === undefined) {
        sealed.onSealed?.(response);
        continue;
      }
      response = { ...response, data: await sealed.unseal(response) };
    }
    const year = yearGroupOf(response.data, yearQuestions);
    if (filters.year !== undefined && year !== filters.year) continue;
    const input: TallyInput = { id: response.id, data: response.data, meta: { ...response.meta, year } };
    if (response.definitionVersion !== undefined) input.version = response.definitionVersion;
    yield input;
  }
}

/**
 * Tallies one survey's stored responses (filtered, split by `by`), each against the definition
 * version it was answered (kept in storage), then merges the versions: questions that are the
 * same in every version add up, a question whose choices changed is kept once per version, and
 * the differences say what was left out. Responses stored before versions were kept count
 * against the current definition. Unsuppressed: never publish directly.
 */
export async function tallyStoredVersions(
  storage: ResponseStorage,
  survey: RegisteredSurvey,
  query: ResultsQuery,
  yearQuestions: readonly string[],
  sealed: SealedResponses = {},
  audience?: string,
): Promise<VersionedTally> {
  const types = survey.validator.reading.types;
  const stored = await storage.definitions(survey.id);
  const definitions = new Map<string, Record<string, unknown>>(stored.map((item) => [item.version, item.definition]));
  definitions.set(survey.version, survey.definition);
  // One audience's results read in that audience's words (docs/audience-wording.md).
  if (audience !== undefined) for (const [version, definition] of definitions) definitions.set(version, resolveAudience(definition, audience));
  const order = [...stored.map((item) => item.version).filter((version) => version !== survey.version), survey.version];
  const builders = new Map<string, TallyBuilder>();
  const builderFor = (version: string): TallyBuilder => {
    let builder = builders.get(version);
    if (builder === undefined) {
      builder = new TallyBuilder(readDefinition(definitions.get(version) ?? definitions.get(survey.version), { types }), { segments: query.by });
      builders.set(version, builder);
      if (!order.includes(version)) order.unshift(version);
    }
    return builder;
  };
  for await (const input of tallyInputs(storage, survey.id, query.filters, yearQuestions, sealed)) {
    builderFor(input.version !== undefined && definitions.has(input.version) ? input.version : survey.version).add(input);
  }
  if (builders.size <= 1) {
    const [version, builder] = [...builders][0] ?? [survey.version, builderFor(survey.version)];
    return { tally: builder.result(), versions: [version], differences: [] };
  }
  return mergeVersions(order.filter((version) => builders.has(version)).map((version) => ({ version, tally: builders.get(version)!.result() })));
}

/** Tallies one survey's stored responses across its definition versions; unsuppressed: never publish directly. */
export async function tallyStored(
  storage: ResponseStorage,
  survey: RegisteredSurvey,
  query: ResultsQuery,
  yearQuestions: readonly string[],
  sealed: SealedResponses = {},
): Promise<Tally> {
  return (await tallyStoredVersions(storage, survey, query, yearQuestions, sealed)).tally;
}

/** The JSON body of `GET /v1/surveys/:id/results`. */
export interface ResultsBody {
  survey: string;
  k: number;
  filters: ResultsQuery['filters'];
  /** The segments the cells are split by; cell keys are JSON arrays of their values in this order. */
  segments: SegmentKey[];
  respondents: Record<string, unknown>;
  questions: Array<Record<string, unknown>>;
  unknownQuestions: Array<{ name: string; cells: Record<string, unknown> }>;
  /** When responses answered different definition versions: what differed and how it is shown. */
  differences?: VersionDifference[];
}

/** How long a reader waits for a new snapshot before getting the previous one. */
export const STALE_WAIT_MS = 3_000;

/** How long a results request waits for a survey's first publication before answering 503 (it keeps computing). */
export const RESULTS_WAIT_MS = 20_000;

/**
 * Publishes results safely across every filter a reader can choose. One tally split by the
 * published segment keys is suppressed once (the aggregate package protects every margin of
 * it jointly against differencing); each query is then a view cut from that single
 * publication: filtered keys fixed, `by` keys split, the rest totalled. Two queries can
 * therefore never be subtracted to reveal what either one hid.
 *
 * Publications are **snapshots**, computed on a worker thread ahead of the readers who ask
 * for them, so a reader is answered from the latest snapshot instead of waiting (no
 * `results_pending` once a survey has one; `precompute` starts them when the collector
 * starts). Why not recompute per request, or per school: suppression is joint over every
 * school (a county total ties all schools together), so "only the changed school" cannot be
 * suppressed on its own without publishing two separately suppressed tables of the same
 * responses, which a reader could subtract. What a new snapshot risks instead is the
 * difference between two snapshots in time: a count shown in both, minus itself, is the
 * answers of the responses that arrived in between. So a new snapshot is made only once at
 * least `minNewResponses` (default k) responses have arrived since the last one, which keeps
 * that in-between group at least k strong; readers see one snapshot at a time and the
 * collector never serves two suppressions of the same responses. An operator who wants
 * stronger protection over time publishes closed waves (the `wave` segment) or raises
 * `minNewResponses`.
 */
/** One publication: the suppressed tally and what differed between definition versions. */
type Snapshot = PublishedTally & { differences: VersionDifference[] };

export class ResultsPublisher {
  /** The latest completed snapshot per survey, and the one being computed. */
  private readonly snapshots = new Map<string, { count: number; published: Snapshot }>();
  private readonly computing = new Map<string, Promise<Snapshot>>();
  private readonly worker = new SuppressionWorker();

  constructor(
    private readonly storage: ResponseStorage,
    private readonly options: {
      k: number;
      yearQuestions: readonly string[];
      segments: readonly SegmentKey[];
      /** New responses needed before a new snapshot replaces the last (default k). */
      minNewResponses?: number;
    },
  ) {}

  /** Starts a snapshot of each survey in the background (e.g. at start-up). */
  precompute(surveys: readonly RegisteredSurvey[]): void {
    for (const survey of surveys) this.published(survey).catch(() => undefined);
  }

  /**
   * The suppressed publication of a survey, split by every published segment key: the
   * latest snapshot, refreshed in the background once enough new responses have arrived.
   */
  async published(survey: RegisteredSurvey): Promise<Snapshot> {
    const count = await this.storage.count(survey.id);
    const latest = this.snapshots.get(survey.id);
    const fresh = latest !== undefined && count - latest.count < (this.options.minNewResponses ?? this.options.k) && count >= latest.count;
    if (latest !== undefined && fresh) return latest.published;
    const next = this.refresh(survey, count);
    if (latest === undefined) return next;
    // A reader waits a moment for the new snapshot, then gets the last one: never pending.
    let timer: NodeJS.Timeout | undefined;
    const stale = new Promise<Snapshot>((resolve) => {
      timer = setTimeout(() => resolve(latest.published), STALE_WAIT_MS);
    });
    return Promise.race([next.catch(() => latest.published), stale]).finally(() => clearTimeout(timer));
  }

  private refresh(survey: RegisteredSurvey, count: number): Promise<Snapshot> {
    const running = this.computing.get(survey.id);
    if (running !== undefined) return running;
    const published = (async () => {
      const raw = await tallyStoredVersions(this.storage, survey, { filters: {}, by: [...this.options.segments] }, this.options.yearQuestions);
      const respondents = Object.values(raw.tally.respondents).reduce((sum, n) => sum + n, 0);
      return { published: { ...(await this.worker.suppress(raw.tally, this.options.k)), differences: raw.differences }, respondents };
    })();
    const done = published.then(({ published: snapshot, respondents }) => {
      this.snapshots.set(survey.id, { count: Math.max(respondents, count), published: snapshot });
      return snapshot;
    });
    this.computing.set(survey.id, done);
    const settle = () => {
      if (this.computing.get(survey.id) === done) this.computing.delete(survey.id);
    };
    done.then(settle, settle);
    return done;
  }

  /** The view a query asks for, cut from the survey's single publication. */
  async results(survey: RegisteredSurvey, query: ResultsQuery): Promise<ResultsBody> {
    for (const key of [...Object.keys(query.filters), ...query.by] as SegmentKey[]) {
      if (!this.options.segments.includes(key)) {
        throw new CollectorError(400, 'invalid_query', key, `this collector publishes results by ${this.options.segments.join(', ') || 'no segment'} only`);
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const published = await Promise.race([
      this.published(survey),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new CollectorError(503, 'results_pending', undefined, 'the results are still being computed; retry shortly')),
          RESULTS_WAIT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    const select = viewSelector(published.segments, query);
    const view = (cells: Record<string, unknown>): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (const [key, cell] of Object.entries(cells)) {
        const viewKey = select(key);
        if (viewKey !== undefined) out[viewKey] = cell;
      }
      return out;
    };
    return {
      survey: survey.id,
      k: published.k,
      filters: query.filters,
      segments: query.by,
      respondents: view(published.respondents),
      questions: published.questions.map((question) => ({ ...question, cells: view(question.cells) })),
      unknownQuestions: published.unknownQuestions.map((unknown) => ({ name: unknown.name, cells: view(unknown.cells) })),
      ...(published.differences.length > 0 ? { differences: published.differences } : {}),
    };
  }

  /** Stops the suppression worker. */
  close(): Promise<void> {
    return this.worker.close();
  }
}

/**
 * Maps a published key (values with `true` for totals, in `segments` order) to its key in the
 * view (values of the `by` segments only), or undefined when the cell is not in the view.
 */
function viewSelector(segments: readonly string[], query: ResultsQuery): (key: string) => string | undefined {
  return (key) => {
    const values = JSON.parse(key) as Array<string | null | true>;
    const kept: Array<string | null> = [];
    for (let index = 0; index < segments.length; index++) {
      const segment = segments[index] as SegmentKey;
      const value = values[index];
      const filter = query.filters[segment];
      if (filter !== undefined) {
        if (value !== filter) return undefined;
      } else if (query.by.includes(segment)) {
        if (value === true) return undefined;
      } else if (value !== true) {
        return undefined;
      }
    }
    for (const segment of query.by) {
      const value = values[segments.indexOf(segment)];
      kept.push(value === true || value === undefined ? null : value);
    }
    return JSON.stringify(kept);
  };
}
