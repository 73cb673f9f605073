import { mergeVersions, readDefinition, TallyBuilder, type PublishedTally, type Tally, type VersionDifference, type VersionedTally } from '@pupil-voice/aggregate';
import { createHash } from 'node:crypto';
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

/** Responses tallied between turns of the event loop. */
const TALLY_SLICE = 200;

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
  let sinceYield = 0;
  for await (const input of tallyInputs(storage, survey.id, query.filters, yearQuestions, sealed)) {
    builderFor(input.version !== undefined && definitions.has(input.version) ? input.version : survey.version).add(input);
    // SQLite pages resolve without a turn of the event loop: without this, tallying a county
    // (seconds) would hold every submission and health check until it finished.
    if (++sinceYield === TALLY_SLICE) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
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

/**
 * How long a reader waits, by default, for a survey's *first* snapshot before being told to
 * come back (503 `results_pending` with `Retry-After`); long enough for a small survey's
 * first publication, never a hang. Once a snapshot exists readers never wait by default.
 */
export const FIRST_SNAPSHOT_WAIT_MS = 2_000;

/** The longest wait a reader may ask for with `Prefer: wait=N` (RFC 7240). */
export const MAX_READER_WAIT_MS = 60_000;

/** How often the publisher checks for new responses stored by other collector instances. */
export const REFRESH_CHECK_MS = 60_000;

/**
 * Bump when what a publication means changes (e.g. the suppression engine): a kept snapshot
 * made under another format is not served after a restart.
 */
const SNAPSHOT_FORMAT = 'results-snapshot/1';

/** A finished snapshot and how many responses it covers. */
interface Kept {
  responses: number;
  published: Snapshot;
}

/** One publication: the suppressed tally and what differed between definition versions. */
export type Snapshot = PublishedTally & { differences: VersionDifference[] };

/** Options of {@link ResultsPublisher}. */
export interface PublisherOptions {
  k: number;
  yearQuestions: readonly string[];
  segments: readonly SegmentKey[];
  /** New responses needed before a new snapshot replaces the last (default k). */
  minNewResponses?: number;
  /** How often to look for new responses written elsewhere (default {@link REFRESH_CHECK_MS}; 0 = never). */
  refreshCheckMs?: number;
}

/**
 * Publishes results safely across every filter a reader can choose. One tally split by the
 * published segment keys is suppressed once (the aggregate package protects every margin of
 * it jointly against differencing); each query is then a view cut from that single
 * publication: filtered keys fixed, `by` keys split, the rest totalled. Two queries can
 * therefore never be subtracted to reveal what either one hid.
 *
 * Publications are **snapshots**, computed ahead of readers, never on their request: at
 * start-up (a snapshot kept in the database from the last run is served at once, if it was
 * made with the same settings and definitions), once at least `minNewResponses` (default k)
 * new responses have arrived, and on a timer that notices responses stored by other
 * instances. Suppression runs on a worker thread, so submissions and readers are answered
 * while it computes. A reader gets the latest finished snapshot immediately; only before a
 * survey's first one exists is it told to come back (503 `results_pending`, `Retry-After`
 * estimated from the last computation). A reader who would rather wait for a snapshot that
 * includes every response stored at the time of the request sends `Prefer: wait=N`.
 *
 * Why not recompute per request, or per school: suppression is joint over every school (a
 * county total ties all schools together), so "only the changed school" cannot be suppressed
 * on its own without publishing two separately suppressed tables of the same responses,
 * which a reader could subtract. What a new snapshot risks instead is the difference
 * between two snapshots in time: a count shown in both, minus itself, is the answers of the
 * responses that arrived in between. So a new snapshot is made only once at least
 * `minNewResponses` responses have arrived since the last one, which keeps that in-between
 * group at least k strong; readers see one snapshot at a time and the collector never serves
 * two suppressions of the same responses. An operator who wants stronger protection over
 * time publishes closed waves (the `wave` segment) or raises `minNewResponses`.
 */
export class ResultsPublisher {
  /** The latest finished snapshot per survey and the responses it covers. */
  private readonly snapshots = new Map<string, Kept>();
  /**
   * The last snapshot readers were given. A newer one is served only if it covers at least
   * `minNewResponses` more responses; otherwise readers keep getting this one (a snapshot
   * nobody has seen can be superseded freely, which lets `Prefer: wait` readers get one
   * that covers everything stored at their request).
   */
  private readonly served = new Map<string, Kept>();
  private readonly computing = new Map<string, { started: number; done: Promise<void> }>();
  /** How long each survey's last computation took, for `Retry-After`. */
  private readonly durations = new Map<string, number>();
  /** The last computation's failure, while no snapshot exists. */
  private readonly failures = new Map<string, unknown>();
  private readonly surveys = new Map<string, RegisteredSurvey>();
  private readonly checks = new Map<string, Promise<void>>();
  /** Responses stored through this instance since the last count, per survey. */
  private readonly arrivals = new Map<string, number>();
  private readonly worker = new SuppressionWorker();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly storage: ResponseStorage,
    private readonly options: PublisherOptions,
  ) {}

  private get minNew(): number {
    return this.options.minNewResponses ?? this.options.k;
  }

  /**
   * Loads each survey's kept snapshot (served at once if it still matches) and starts a new
   * one in the background where none matches or enough responses have arrived since; then
   * keeps checking on a timer. Resolves once the kept snapshots are loaded.
   */
  async start(surveys: readonly RegisteredSurvey[]): Promise<void> {
    for (const survey of surveys) {
      this.surveys.set(survey.id, survey);
      const kept = await this.storage.resultSnapshot(survey.id);
      if (kept !== undefined && kept.fingerprint === (await this.fingerprint(survey))) {
        // It may have been read before the restart: later ones must differ from it by k.
        const snapshot = { responses: kept.responses, published: JSON.parse(kept.body) as Snapshot };
        this.snapshots.set(survey.id, snapshot);
        this.served.set(survey.id, snapshot);
      }
    }
    for (const survey of surveys) void this.check(survey);
    const every = this.options.refreshCheckMs ?? REFRESH_CHECK_MS;
    if (every > 0) {
      this.timer = setInterval(() => {
        for (const survey of this.surveys.values()) void this.check(survey);
      }, every);
      this.timer.unref();
    }
  }

  /**
   * A new response was stored for this survey: once `minNewResponses` have arrived here since
   * the last check, look (one count query, not one per response) whether a snapshot is due.
   */
  changed(survey: RegisteredSurvey): void {
    this.surveys.set(survey.id, survey);
    const arrived = (this.arrivals.get(survey.id) ?? 0) + 1;
    this.arrivals.set(survey.id, arrived >= this.minNew ? 0 : arrived);
    if (arrived >= this.minNew) void this.check(survey);
  }

  /**
   * Starts a new snapshot if there is none (and none computing) or at least `minNewResponses`
   * responses have arrived since the latest; for a waiting reader (`target`: responses stored
   * at its request), also when the latest does not cover them and a newer one could be
   * served. One check per survey at a time; never throws.
   */
  private check(survey: RegisteredSurvey, target = 0): Promise<void> {
    const running = this.checks.get(survey.id);
    if (running !== undefined) return running;
    const checking = (async () => {
      if (this.closed || this.computing.has(survey.id)) return;
      const count = await this.storage.count(survey.id);
      const latest = this.snapshots.get(survey.id);
      const due = latest === undefined || count - latest.responses >= this.minNew || count < latest.responses;
      const wanted = latest !== undefined && latest.responses < Math.min(target, count) && this.servable(survey.id, count);
      if (due || wanted) this.refresh(survey, count);
    })()
      .catch(() => undefined)
      .finally(() => this.checks.delete(survey.id));
    this.checks.set(survey.id, checking);
    return checking;
  }

  /** True when a snapshot covering `responses` could be served after the last one served. */
  private servable(surveyId: string, responses: number): boolean {
    const served = this.served.get(surveyId);
    return served === undefined || responses - served.responses >= this.minNew;
  }

  /** The snapshot to give a reader now: the latest if it may be served, else the last served. */
  private serve(surveyId: string): Snapshot | undefined {
    const latest = this.snapshots.get(surveyId);
    if (latest === undefined) return undefined;
    const served = this.served.get(surveyId);
    if (served === latest) return latest.published;
    if (served !== undefined && !this.servable(surveyId, latest.responses)) return served.published;
    this.served.set(surveyId, latest);
    return latest.published;
  }

  private refresh(survey: RegisteredSurvey, count: number): void {
    const started = Date.now();
    const done = (async () => {
      try {
        const fingerprint = await this.fingerprint(survey);
        const raw = await tallyStoredVersions(this.storage, survey, { filters: {}, by: [...this.options.segments] }, this.options.yearQuestions);
        const respondents = Object.values(raw.tally.respondents).reduce((sum, n) => sum + n, 0);
        const published: Snapshot = { ...(await this.worker.suppress(raw.tally, this.options.k)), differences: raw.differences };
        const responses = Math.max(respondents, count);
        this.snapshots.set(survey.id, { responses, published });
        this.failures.delete(survey.id);
        this.durations.set(survey.id, Date.now() - started);
        if (!this.closed) await this.storage.saveResultSnapshot(survey.id, { fingerprint, responses, body: JSON.stringify(published) });
      } catch (error) {
        if (!this.snapshots.has(survey.id)) this.failures.set(survey.id, error);
        if (!this.closed) console.error(`collector: results of ${survey.id} not refreshed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        this.computing.delete(survey.id);
      }
      // Responses that arrived while this one computed may already call for the next.
      if (!this.closed) void this.check(survey);
    })();
    this.computing.set(survey.id, { started, done });
  }

  /** What a kept snapshot must match: the format, the settings and every definition version. */
  private async fingerprint(survey: RegisteredSurvey): Promise<string> {
    const versions = (await this.storage.definitions(survey.id)).map((item) => item.version);
    const { k, segments, yearQuestions } = this.options;
    return createHash('sha256')
      .update(JSON.stringify([SNAPSHOT_FORMAT, k, segments, yearQuestions, survey.version, versions]))
      .digest('hex');
  }

  /**
   * The suppressed publication of a survey, split by every published segment key: the
   * latest finished snapshot, at once. With `waitMs` (a reader's `Prefer: wait`), waits up to
   * that long for a snapshot covering every response stored now. Before a survey's first
   * snapshot: waits up to `waitMs` (default {@link FIRST_SNAPSHOT_WAIT_MS}), then refuses
   * with 503 `results_pending` and a `Retry-After` estimate.
   */
  async published(survey: RegisteredSurvey, waitMs?: number): Promise<Snapshot> {
    this.surveys.set(survey.id, survey);
    if ((waitMs ?? 0) <= 0 && this.snapshots.has(survey.id)) return this.serve(survey.id)!;
    const deadline = Date.now() + (waitMs ?? FIRST_SNAPSHOT_WAIT_MS);
    const target = waitMs !== undefined && waitMs > 0 ? await this.storage.count(survey.id) : 0;
    for (;;) {
      await this.check(survey, target);
      const latest = this.snapshots.get(survey.id);
      const running = this.computing.get(survey.id);
      // Done waiting: the latest covers the request, or nothing newer is coming or could be served.
      const settled = latest !== undefined && (latest.responses >= target || running === undefined || !this.servable(survey.id, target));
      if (settled || (latest !== undefined && Date.now() >= deadline)) return this.serve(survey.id)!;
      if (running === undefined) {
        const failure = this.failures.get(survey.id);
        if (failure !== undefined) throw failure;
        break;
      }
      const left = deadline - Date.now();
      if (left <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([running.done, new Promise<void>((resolve) => (timer = setTimeout(resolve, left)))]).finally(() => clearTimeout(timer));
    }
    const running = this.computing.get(survey.id);
    const expected = this.durations.get(survey.id) ?? 10_000;
    const elapsed = running === undefined ? 0 : Date.now() - running.started;
    // Past the estimate (a first publication, or a much larger one): a quarter of the time so far.
    const seconds = elapsed < expected ? Math.max(1, Math.ceil((expected - elapsed) / 1000)) : Math.min(60, Math.max(2, Math.ceil(elapsed / 4000)));
    throw new CollectorError(503, 'results_pending', undefined, `the results are being prepared; try again in ${seconds} s`, seconds);
  }

  /** The view a query asks for, cut from the survey's single publication. */
  async results(survey: RegisteredSurvey, query: ResultsQuery, waitMs?: number): Promise<ResultsBody> {
    for (const key of [...Object.keys(query.filters), ...query.by] as SegmentKey[]) {
      if (!this.options.segments.includes(key)) {
        throw new CollectorError(400, 'invalid_query', key, `this collector publishes results by ${this.options.segments.join(', ') || 'no segment'} only`);
      }
    }
    const published = await this.published(survey, waitMs);
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

  /** Stops the timer and the suppression worker. */
  close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
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
