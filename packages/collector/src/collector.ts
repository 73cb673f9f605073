import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CollectorError } from './errors.js';
import { CorsPolicy } from './http/cors.js';
import { readBody } from './http/read-body.js';
import { sendError, sendJson } from './http/send.js';
import { serveStatic, type StaticMount } from './http/static-files.js';
import { PollHub } from './polls/poll-hub.js';
import type { Acknowledgement } from '@pupil-voice/schema';
import { ballotHash, bodyFingerprint, receiptFor } from './receipt.js';
import { suppressAsync, toCSV } from '@pupil-voice/aggregate';
import { DEFAULT_K, MIN_K, type QuestionTypes } from '@pupil-voice/schema';
import { AnalystAccess } from './access/analyst-access.js';
import { StreamTickets } from './access/stream-tickets.js';
import { RESULTS_PAGE_HEADERS, resultsPage } from './results/results-page.js';
import { DEFAULT_YEAR_QUESTIONS, MAX_READER_WAIT_MS, parseResultsQuery, ResultsPublisher, SEGMENT_KEYS, tallyStored, type SegmentKey } from './results/results.js';
import { openStorage } from './storage/open-storage.js';
import type { SqliteSynchronous } from './storage/sqlite-storage.js';
import type { ResponseStorage } from './storage/storage.js';
import { SurveyRegistry, type RegisteredSurvey } from './surveys/survey-registry.js';
import { DEFAULT_ANSWER_LIMITS, type AnswerLimits } from './validation/validate-response.js';
import { isUuid, parseWireResponse, utcDay } from './wire.js';

/** Everything a collector needs; the CLI builds this from flags and environment. */
export interface CollectorConfig {
  /** Folder for the SQLite file (ignored with `databaseUrl`). */
  dataDir: string;
  /** Folder of SurveyJS JSON definitions. */
  surveysDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL replaces SQLite. */
  databaseUrl?: string | undefined;
  port: number;
  host: string;
  /** School origins allowed to call the API from a browser. */
  origins: string[];
  /** Read-only folders for demo pages and the embed bundle. */
  staticMounts: StaticMount[];
  /** Suppression threshold for published results (never below 5). */
  k: number;
  /** Polls whose live stream shows exact counts; all others stream suppressed tallies. */
  livePolls: string[];
  /** Largest accepted request body in bytes. */
  maxBodyBytes: number;
  answerLimits: AnswerLimits;
  /** SQLite durability: `full` (default, survives power loss) or `normal` (survives a killed process). */
  sqliteSynchronous: SqliteSynchronous;
  /** Questions that hold the year group, for the `year` filter. */
  yearQuestions: string[];
  /** Segment keys published jointly in results (filters and `by` may use only these). */
  resultsSegments: SegmentKey[];
  /** Surveys whose results anyone may read without an analyst token (polls). */
  publicResults: string[];
  /** Where the results page loads the charts bundle from. */
  resultsScript: string;
  /** Question types accepted and tallied (default the built-in ones; add custom ones with `QUESTION_TYPES.with`). */
  questionTypes?: QuestionTypes;
}

/** Defaults for everything but the folders. */
export const DEFAULT_CONFIG: Omit<CollectorConfig, 'dataDir' | 'surveysDir'> = {
  port: 8787,
  host: '127.0.0.1',
  origins: [],
  staticMounts: [],
  k: DEFAULT_K,
  livePolls: [],
  maxBodyBytes: 64 * 1024,
  answerLimits: DEFAULT_ANSWER_LIMITS,
  sqliteSynchronous: 'full',
  yearQuestions: DEFAULT_YEAR_QUESTIONS,
  resultsSegments: [...SEGMENT_KEYS],
  publicResults: [],
  resultsScript: '/dist/pupil-voice-charts.js',
};

/** Smallest suppression threshold the collector will publish with (from `@pupil-voice/schema`). */
export { MIN_K };

const SURVEY_PATH = /^\/v1\/surveys\/([^/]+)$/;
const RESPONSES_PATH = /^\/v1\/surveys\/([^/]+)\/responses$/;
const RESULTS_PATH = /^\/v1\/surveys\/([^/]+)\/results$/;
const PUBLISHED_PATH = /^\/v1\/surveys\/([^/]+)\/published$/;
const RESULTS_CSV_PATH = /^\/v1\/surveys\/([^/]+)\/results\.csv$/;
const RESULTS_PAGE_PATH = /^\/results\/([^/]+)\/?$/;
const POLL_STREAM_PATH = /^\/v1\/polls\/([^/]+)\/stream$/;
const POLL_TICKET_PATH = /^\/v1\/polls\/([^/]+)\/ticket$/;

/** A running collector: its URL, and a graceful `close`. */
export interface RunningCollector {
  /** Base URL with the port actually bound (useful with port 0). */
  url: string;
  port: number;
  /** The underlying `node:http` server, for embedding. */
  server: Server;
  /** The migrated storage; admin tools and tests read counts from it, HTTP never serves rows. */
  storage: ResponseStorage;
  /** The surveys loaded at start, with the files that could not be loaded. */
  surveys: SurveyRegistry;
  /** Stops accepting, ends poll streams, finishes in-flight writes, then closes storage. */
  close(): Promise<void>;
}

/**
 * A reader's `Prefer: wait=N` (RFC 7240): how long, in ms, it would rather wait for results
 * that include every response stored now than get the latest snapshot at once.
 */
function preferredWait(req: IncomingMessage): number | undefined {
  const match = /(?:^|[,;\s])wait\s*=\s*(\d+)/i.exec(String(req.headers.prefer ?? ''));
  return match === null ? undefined : Math.min(Number(match[1]) * 1000, MAX_READER_WAIT_MS);
}

function waitApplied(wait: number | undefined): Record<string, string> {
  return wait === undefined ? {} : { 'Preference-Applied': `wait=${wait / 1000}` };
}

/**
 * The reference collector: receives completed responses, validates them against their
 * SurveyJS definition, stores each exactly once under its client-generated id, and serves
 * definitions, suppressed results and live poll tallies. It listens first (so `/healthz`
 * answers during start-up) and reports ready once storage is migrated and surveys loaded.
 */
export async function startCollector(config: CollectorConfig): Promise<RunningCollector> {
  if (config.k < MIN_K) throw new Error(`k must be at least ${MIN_K}`);
  const cors = new CorsPolicy(config.origins);
  let storage: ResponseStorage | undefined;
  let results: ResultsPublisher | undefined;
  let surveys = new SurveyRegistry();
  let ready = false;
  let draining = false;
  const inFlightWrites = new Set<Promise<unknown>>();
  const livePolls = new Set(config.livePolls);

  const polls = new PollHub(async (pollId) => {
    const survey = surveys.get(pollId);
    if (survey === undefined || storage === undefined) throw new Error('unknown poll');
    const live = livePolls.has(pollId);
    const tally = await tallyStored(storage, survey, { filters: {}, by: [] }, config.yearQuestions);
    if (live) return { poll: pollId, live, k: null, tally };
    return { poll: pollId, live, k: config.k, tally: await suppressAsync(tally, { k: config.k }) };
  });

  const access = new AnalystAccess(() => storage, config.publicResults);
  const tickets = new StreamTickets();
  /** Anyone may watch a live poll or a public-results survey; any other stream is its results. */
  const isOpenPoll = (id: string): boolean => livePolls.has(decodeId(id)) || access.isPublic(decodeId(id));
  const decodeId = (id: string): string => {
    try {
      return decodeURIComponent(id);
    } catch {
      return '';
    }
  };
  /** Token first, survey second: a refused request learns nothing, not even whether the id exists. */
  const requireResults = async (req: IncomingMessage, id: string): Promise<RegisteredSurvey> => {
    await access.require(req, decodeId(id));
    return requireSurvey(id);
  };
  const publisher = (): ResultsPublisher =>
    (results ??= new ResultsPublisher(storage!, { k: config.k, yearQuestions: config.yearQuestions, segments: config.resultsSegments }));

  const requireSurvey = (id: string): RegisteredSurvey => {
    const decoded = decodeId(id);
    const survey = surveys.get(decoded);
    if (survey === undefined) throw new CollectorError(404, 'unknown_survey', 'survey', 'no survey with this id');
    return survey;
  };

  async function receive(req: IncomingMessage, res: ServerResponse, survey: RegisteredSurvey): Promise<void> {
    if (cors.isRefused(req)) throw new CollectorError(403, 'origin_not_allowed', 'Origin', 'this origin is not on the collector allowlist');
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      throw new CollectorError(415, 'unsupported_media_type', 'Content-Type', 'send application/json');
    }
    const key = req.headers['idempotency-key'];
    if (key === undefined || key === '') {
      throw new CollectorError(400, 'missing_idempotency_key', 'Idempotency-Key', 'send the response id as the Idempotency-Key header');
    }
    if (typeof key !== 'string' || !isUuid(key.replace(/^"|"$/g, ''))) {
      throw new CollectorError(400, 'invalid_idempotency_key', 'Idempotency-Key', 'the key must be the response UUID');
    }
    const text = await readBody(req, config.maxBodyBytes);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CollectorError(400, 'invalid_json', undefined, 'the body is not valid JSON');
    }
    const response = parseWireResponse(parsed);
    if (key.replace(/^"|"$/g, '').toLowerCase() !== response.id) {
      throw new CollectorError(400, 'idempotency_key_mismatch', 'Idempotency-Key', 'the key must equal the body id');
    }
    const fingerprint = bodyFingerprint(response);
    const receipt = receiptFor(survey.id, response, fingerprint);
    try {
      // A sealed response cannot be read here: the analyst validates it after decrypting.
      if (response.encrypted === undefined) survey.validator.validate(response.data, response.meta);
    } catch (error) {
      // A response stored before the definition changed is still acknowledged on re-send.
      const stored = await storage!.lookup(response.id);
      if (stored && stored.surveyId === survey.id && stored.bodyHash === fingerprint) {
        acknowledge(res, 200, { status: 'stored', id: response.id, receipt: stored.receipt });
        return;
      }
      throw error;
    }
    const { ballot, ...answers } = response;
    const write = storage!.save({
      ...answers,
      surveyId: survey.id,
      bodyHash: fingerprint,
      receipt,
      receivedDay: utcDay(),
      ...(ballot === undefined ? {} : { ballotHash: ballotHash(survey.id, ballot) }),
      definitionVersion: survey.version,
    });
    inFlightWrites.add(write);
    let outcome;
    try {
      outcome = await write;
    } finally {
      inFlightWrites.delete(write);
    }
    if (outcome.kind === 'conflict') throw new CollectorError(409, 'idempotency_conflict', 'Idempotency-Key', outcome.reason);
    if (outcome.kind === 'already-voted') {
      throw new CollectorError(409, 'already_voted', 'ballot', 'this device has already voted in this poll; the first vote still counts');
    }
    acknowledge(res, outcome.kind === 'created' ? 201 : 200, { status: 'stored', id: response.id, receipt: outcome.receipt });
    if (outcome.kind === 'created') {
      polls.notify(survey.id);
      if (!livePolls.has(survey.id)) publisher().changed(survey);
    }
  }

  function acknowledge(res: ServerResponse, status: number, body: Acknowledgement): void {
    sendJson(res, status, body);
  }

  function serveDefinition(req: IncomingMessage, res: ServerResponse, survey: RegisteredSurvey): void {
    const headers = {
      ETag: survey.etag,
      'Cache-Control': 'public, max-age=60, stale-while-revalidate=600',
    };
    if (req.headers['if-none-match']?.split(',').some((tag) => tag.trim() === survey.etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(survey.body),
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : survey.body);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      return sendJson(res, ready && !draining ? 200 : 503, {
        status: ready && !draining ? 'ready' : draining ? 'draining' : 'starting',
        storage: storage?.kind ?? null,
        surveys: surveys.ids.length,
      });
    }
    if (path.startsWith('/v1/')) {
      cors.decorate(req, res);
      if (method === 'OPTIONS') return cors.preflight(req, res);
      if (draining) throw new CollectorError(503, 'shutting_down', undefined, 'the collector is shutting down; retry shortly');
      if (!ready || storage === undefined) throw new CollectorError(503, 'starting', undefined, 'the collector is starting; retry shortly');
      let match: RegExpExecArray | null;
      if ((match = RESPONSES_PATH.exec(path))) {
        if (method !== 'POST') throw new CollectorError(405, 'method_not_allowed', undefined, 'POST a response here');
        return receive(req, res, requireSurvey(match[1]!));
      }
      if ((match = SURVEY_PATH.exec(path)) && (method === 'GET' || method === 'HEAD')) {
        return serveDefinition(req, res, requireSurvey(match[1]!));
      }
      if ((match = RESULTS_PATH.exec(path)) && method === 'GET') {
        const survey = await requireResults(req, match[1]!);
        const query = parseResultsQuery(url.searchParams);
        const wait = preferredWait(req);
        return sendJson(res, 200, await publisher().results(survey, query, wait), waitApplied(wait));
      }
      if ((match = PUBLISHED_PATH.exec(path)) && method === 'GET') {
        // The whole publication, for a results page that cuts its filters as views of it.
        const survey = await requireResults(req, match[1]!);
        const wait = preferredWait(req);
        return sendJson(res, 200, { ...(await publisher().published(survey, wait)), surveyId: survey.id }, waitApplied(wait));
      }
      if ((match = RESULTS_CSV_PATH.exec(path)) && method === 'GET') {
        const survey = await requireResults(req, match[1]!);
        const layout = url.searchParams.get('layout') ?? 'tidy';
        const hidden = url.searchParams.get('hidden') ?? 'drop';
        if (layout !== 'tidy' && layout !== 'wide') throw new CollectorError(400, 'invalid_query', 'layout', 'layout is tidy or wide');
        if (hidden !== 'drop' && hidden !== 'keep') throw new CollectorError(400, 'invalid_query', 'hidden', 'hidden is drop or keep');
        const csv = toCSV(await publisher().published(survey, preferredWait(req)), { layout, hidden, labels: true });
        res.writeHead(200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${survey.id.replace(/[^\w.-]/g, '_')}-results-${layout}.csv"`,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(csv);
        return;
      }
      if ((match = POLL_TICKET_PATH.exec(path)) && method === 'POST') {
        // EventSource cannot send a header: a projector page trades its analyst token (in a
        // header) for a one-use, one-minute ticket that goes in the stream's URL instead.
        if (isOpenPoll(match[1]!)) {
          requireSurvey(match[1]!);
          return sendJson(res, 200, { ticket: null, public: true }, { 'Cache-Control': 'no-store' });
        }
        const survey = await requireResults(req, match[1]!);
        return sendJson(res, 200, tickets.issue(survey.id), { 'Cache-Control': 'no-store' });
      }
      if ((match = POLL_STREAM_PATH.exec(path)) && method === 'GET') {
        // A poll's stream is public only for a live poll (exact counts) or a survey marked
        // public-results (its suppressed publication); any other survey's stream is its
        // results, so it needs the analyst token like the results endpoint: in a header, or
        // through a ticket bought with it (`?ticket=`, spent on first use).
        const ticket = url.searchParams.get('ticket');
        let survey: RegisteredSurvey;
        if (isOpenPoll(match[1]!)) survey = requireSurvey(match[1]!);
        else if (ticket !== null) {
          tickets.redeem(ticket, decodeId(match[1]!));
          survey = requireSurvey(match[1]!);
        } else survey = await requireResults(req, match[1]!);
        const lastEventId = req.headers['last-event-id'];
        return polls.subscribe(survey.id, res, typeof lastEventId === 'string' ? lastEventId : undefined);
      }
      throw new CollectorError(404, 'not_found', undefined, 'no such endpoint');
    }
    let page: RegExpExecArray | null;
    if ((page = RESULTS_PAGE_PATH.exec(path)) && (method === 'GET' || method === 'HEAD')) {
      const body = resultsPage(decodeId(page[1]!), config.resultsScript);
      res.writeHead(200, { ...RESULTS_PAGE_HEADERS, 'Content-Length': Buffer.byteLength(body) });
      res.end(method === 'HEAD' ? undefined : body);
      return;
    }
    if (await serveStatic(req, res, config.staticMounts)) return;
    throw new CollectorError(404, 'not_found', undefined, 'no such endpoint');
  }

  const server = createServer((req, res) => {
    if (draining) res.setHeader('Connection', 'close');
    route(req, res).catch((error: unknown) => sendError(res, error));
  });
  // Slow or stalled uploads must not hold a worker forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  try {
    surveys = SurveyRegistry.fromFolder(config.surveysDir, config.answerLimits, config.questionTypes);
    for (const problem of surveys.problems) console.error(`collector: skipped survey ${problem.file}: ${problem.reason}`);
    storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, sqliteSynchronous: config.sqliteSynchronous });
    for (const id of surveys.ids) {
      const survey = surveys.get(id)!;
      for (const element of survey.unsupported) {
        console.error(`collector: survey ${id}: question "${element.name}" is a ${element.type}, which <pv-survey> does not render; its answers are refused`);
      }
      // Every definition that can be served is kept under its content hash, so responses stay
      // readable after the file changes (export and results work from the data folder alone).
      await storage.saveDefinition(id, survey.version, survey.definition);
    }
  } catch (error) {
    server.close();
    throw error;
  }
  if (storage.kind === 'postgres') polls.watchCounts((pollId) => storage!.count(pollId));
  // Results are snapshots computed ahead of readers: start each survey's first one now.
  // Results are snapshots computed ahead of readers: the last run's kept ones are served at
  // once, and new ones start now in the background where they are missing or out of date.
  results = new ResultsPublisher(storage, { k: config.k, yearQuestions: config.yearQuestions, segments: config.resultsSegments });
  await results.start(surveys.ids.map((id) => surveys.get(id)!).filter((survey) => !livePolls.has(survey.id)));
  ready = true;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      polls.close();
      server.closeIdleConnections();
      while (inFlightWrites.size > 0) await Promise.allSettled([...inFlightWrites]);
      await results?.close();
      const timeout = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(timeout);
      await storage?.close();
    })());

  return { url, port: address.port, server, storage, surveys, close };
}
