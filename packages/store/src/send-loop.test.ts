import { expect } from '@open-wc/testing';
import { SendLoop } from './send-loop.js';
import type { SendLoopOptions } from './send-loop.js';
import { backoffDelay } from './backoff.js';
import { deliver } from './delivery.js';
import { StoreError } from './errors.js';
import type {
  OutboxErrorEvent,
  OutboxWaitingEvent,
  ResponseFailedEvent,
  ResponseSentEvent,
  RetryScheduledEvent,
} from './events.js';
import type { ResponseStore } from './response-store.js';
import {
  closeTestStores,
  collectorEndpoint,
  collectorRecord,
  completeOne,
  nextEvent,
  openTestStore,
  scriptCollector,
  simulateFullDisk,
  uniqueName,
  unreachableEndpoint,
} from './test-support.js';

const SURVEY = 'feeling-safe';
/** Retries come at once in tests; the real schedule is checked through backoffDelay below. */
const QUICK: SendLoopOptions = { timeoutMs: 1500, backoff: { baseMs: 1, capMs: 5 } };

const loops: SendLoop[] = [];
function loopFor(store: ResponseStore, options: SendLoopOptions): SendLoop {
  const loop = new SendLoop(store, { ...QUICK, ...options });
  loops.push(loop);
  return loop;
}

/** Resolves once every id in `ids` has been acknowledged on `loop`. */
function allSent(loop: SendLoop, ids: string[]): Promise<void> {
  const waiting = new Set(ids);
  return new Promise((resolve) => {
    if (waiting.size === 0) resolve();
    loop.addEventListener('pv-response-sent', (event: ResponseSentEvent) => {
      waiting.delete(event.responseId);
      if (waiting.size === 0) resolve();
    });
  });
}

afterEach(async () => {
  for (const loop of loops.splice(0)) loop.stop();
  await closeTestStores();
});

describe('SendLoop delivery', () => {
  it('delivers a response completed offline exactly once through a refused connection, 503, a timeout and portal pages', async () => {
    const scenario = await scriptCollector(['503', 'hang', 'html', 'wrong-id']);
    const store = await openTestStore();
    const id = await completeOne(store, SURVEY, { feel_safe: 'mostly', comments: 'fine' });
    // Offline first: the collector's address does not answer at all.
    const offline = await unreachableEndpoint(SURVEY);
    let connected = false;
    const loop = loopFor(store, { endpoint: () => (connected ? collectorEndpoint(scenario, SURVEY) : offline) });
    const retries: string[] = [];
    loop.addEventListener('pv-retry-scheduled', (event: RetryScheduledEvent) => {
      retries.push(event.reason);
      connected = true; // the Wi-Fi comes back, behind a flaky server and a captive portal
    });

    const sent = nextEvent<ResponseSentEvent>(loop, 'pv-response-sent');
    loop.start();
    expect((await sent).responseId).to.equal(id);

    const record = await collectorRecord(scenario);
    expect(record.requests.map((request) => request.outcome)).to.deep.equal([
      'status 503', 'hung', 'portal', 'wrong-id', 'stored',
    ]);
    expect(record.requests.every((request) => request.id === id && request.idempotencyKeyMatches)).to.equal(true);
    expect(record.storedIds).to.deep.equal([id]);
    const wire = JSON.parse(record.stored[id]!) as Record<string, unknown>;
    expect(wire).to.deep.include({ id, data: { feel_safe: 'mostly', comments: 'fine' } });
    expect(Object.keys(wire).sort(), 'nothing but id, data and meta on the wire').to.deep.equal(['data', 'id', 'meta']);
    expect(Object.keys(wire['meta'] as object).sort()).to.deep.equal(['audience', 'day', 'wave']);
    expect((wire['meta'] as { day: string }).day).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(retries).to.have.length(5);
    expect(retries[0]).to.match(/Network error/);
    expect(retries[1]).to.equal('HTTP 503');
    expect(retries[2]).to.match(/No answer within 1500 ms/);
    expect(retries[3]).to.match(/HTTP 200 without an acknowledgement/);
    expect(retries[4]).to.match(/HTTP 200 without an acknowledgement/);
    expect(await store.listOutbox()).to.deep.equal([]);
    expect(await store.hasReceipt(id)).to.equal(true);
    const receipts = await (await store.database()).getAll('receipts');
    expect(receipts, 'a receipt is the id and nothing else').to.deep.equal([{ responseId: id }]);
  });

  it('sends every re-send of a response byte-identical with the same Idempotency-Key', async () => {
    const scenario = await scriptCollector(['500', '502']);
    const store = await openTestStore();
    const id = await completeOne(store, SURVEY, { feel_safe: 'never' });
    const loop = loopFor(store, { endpoint: collectorEndpoint(scenario, SURVEY) });
    const sent = allSent(loop, [id]);
    loop.start();
    await sent;
    const record = await collectorRecord(scenario);
    expect(record.requests).to.have.length(3);
    expect(record.requests.map((request) => request.outcome)).to.deep.equal(['status 500', 'status 502', 'stored']);
  });

  it('waits after a failure, then resumes at once when the browser comes back online', async () => {
    // (Chromium silently retries a POST whose reused connection drops, so use a 503 here.)
    const scenario = await scriptCollector(['503']);
    const store = await openTestStore();
    const id = await completeOne(store, SURVEY, { feel_safe: 'mostly' });
    // A backoff of ten minutes: only the `online` event can explain a prompt delivery.
    const loop = loopFor(store, {
      endpoint: collectorEndpoint(scenario, SURVEY),
      backoff: { baseMs: 600_000, capMs: 600_000 },
      random: () => 0.999,
    });
    const retry = nextEvent<RetryScheduledEvent>(loop, 'pv-retry-scheduled');
    loop.start();
    expect((await retry).delayMs).to.be.greaterThan(500_000);
    expect((await store.outboxCounts()).queued).to.equal(1);

    const sent = nextEvent<ResponseSentEvent>(loop, 'pv-response-sent');
    window.dispatchEvent(new Event('online'));
    expect((await sent).responseId).to.equal(id);
    expect((await collectorRecord(scenario)).storedIds).to.deep.equal([id]);
  });

  it('sends what an earlier page left queued, oldest first, when it starts', async () => {
    const scenario = await scriptCollector([]);
    const name = uniqueName();
    const earlierPage = await openTestStore({ name });
    const ids = [
      await completeOne(earlierPage, SURVEY, { feel_safe: 'always' }),
      await completeOne(earlierPage, SURVEY, { feel_safe: 'never' }),
      await completeOne(earlierPage, SURVEY, { feel_safe: 'mostly' }),
    ];
    earlierPage.close();

    const nextPage = await openTestStore({ name });
    const loop = loopFor(nextPage, { endpoint: collectorEndpoint(scenario, SURVEY) });
    const sent = allSent(loop, ids);
    loop.start();
    await sent;
    expect((await collectorRecord(scenario)).requests.map((request) => request.id)).to.deep.equal(ids);
    expect(await nextPage.outboxCounts()).to.deep.equal({ queued: 0, failed: 0 });
  });

  it('sends a response completed while the loop runs, without being asked', async () => {
    const scenario = await scriptCollector([]);
    const store = await openTestStore();
    const loop = loopFor(store, { endpoint: collectorEndpoint(scenario, SURVEY) });
    loop.start();
    await loop.flushNow();
    const sent = nextEvent<ResponseSentEvent>(loop, 'pv-response-sent');
    const id = await completeOne(store, SURVEY, { feel_safe: 'sometimes' });
    expect((await sent).responseId).to.equal(id);
  });

  it('keeps responses and says so when there is no endpoint', async () => {
    const store = await openTestStore();
    await completeOne(store, SURVEY, { feel_safe: 'mostly' });
    const loop = loopFor(store, { endpoint: (surveyId) => (surveyId === 'another' ? '/nowhere' : undefined) });
    const waiting = nextEvent<OutboxWaitingEvent>(loop, 'pv-outbox-waiting');
    loop.start();
    const event = await waiting;
    expect(event.reason).to.equal('no-endpoint');
    expect(event.waiting).to.equal(1);
    expect(await store.outboxCounts()).to.deep.equal({ queued: 1, failed: 0 });
  });
});

describe('SendLoop and a full device', () => {
  it('keeps the response when its receipt cannot be written, then delivers it once there is space', async () => {
    const scenario = await scriptCollector([]);
    const store = await openTestStore();
    const id = await completeOne(store, SURVEY, { feel_safe: 'mostly' });
    let restore: (() => void) | undefined;
    const loop = loopFor(store, {
      endpoint: collectorEndpoint(scenario, SURVEY),
      // The device fills up while the first request is on the wire.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        restore ??= simulateFullDisk();
        return response;
      },
    });
    const failure = nextEvent<OutboxErrorEvent>(loop, 'pv-outbox-error');
    loop.start();
    const { error } = await failure;
    let kept;
    try {
      kept = await store.listOutbox();
    } finally {
      restore?.();
    }
    expect(error).to.be.instanceOf(StoreError);
    expect((error as StoreError).kind).to.equal('quota');
    expect(kept.map((entry) => entry.responseId), 'not deleted without its receipt').to.deep.equal([id]);

    const sent = nextEvent<ResponseSentEvent>(loop, 'pv-response-sent');
    expect((await sent).responseId).to.equal(id);
    const record = await collectorRecord(scenario);
    expect(record.storedIds).to.deep.equal([id]);
    expect(record.requests.map((request) => request.outcome)[0]).to.equal('stored');
    expect(record.requests.slice(1).every((request) => request.outcome === 'replayed')).to.equal(true);
    expect(await store.hasReceipt(id)).to.equal(true);
  });
});

describe('SendLoop permanent failures', () => {
  it('keeps a refused response, marks it failed with the reason, exports it and does not retry it', async () => {
    const scenario = await scriptCollector(['422']);
    const store = await openTestStore();
    const refused = await completeOne(store, SURVEY, { feel_safe: 'purple' });
    const behind = await completeOne(store, SURVEY, { feel_safe: 'mostly' });
    const loop = loopFor(store, { endpoint: collectorEndpoint(scenario, SURVEY) });
    const failed = nextEvent<ResponseFailedEvent>(loop, 'pv-response-failed');
    const sentBehind = allSent(loop, [behind]);
    loop.start();

    const event = await failed;
    expect(event.responseId).to.equal(refused);
    expect(event.httpStatus).to.equal(422);
    expect(event.reason).to.equal('HTTP 422: scripted_422 (data): scripted failure 422');
    await sentBehind; // a refused response does not block the queue

    const [entry] = await store.listOutbox();
    expect(entry).to.deep.include({ responseId: refused, status: 'failed', httpStatus: 422, attempts: 1 });
    const exported = await store.exportFailed();
    expect(exported.responses).to.have.length(1);
    expect(exported.responses[0]).to.deep.include({ responseId: refused, httpStatus: 422 });
    expect(exported.responses[0]!.body).to.deep.include({ id: refused, data: { feel_safe: 'purple' } });

    await loop.flushNow();
    await loop.flushNow();
    const record = await collectorRecord(scenario);
    expect(record.requests.filter((request) => request.id === refused), 'never retried by itself').to.have.length(1);
    expect(await store.outboxCounts()).to.deep.equal({ queued: 0, failed: 1 });

    // Once the survey is fixed at the collector, a teacher can re-queue it.
    const resent = nextEvent<ResponseSentEvent>(loop, 'pv-response-sent');
    expect(await store.retryFailed()).to.equal(1);
    expect((await resent).responseId).to.equal(refused);
    expect((await collectorRecord(scenario)).storedIds.sort()).to.deep.equal([refused, behind].sort());
  });

  it('retries 429 and 503 rather than giving up', async () => {
    const scenario = await scriptCollector(['429', '503']);
    const store = await openTestStore();
    const id = await completeOne(store, SURVEY, { feel_safe: 'mostly' });
    const loop = loopFor(store, { endpoint: collectorEndpoint(scenario, SURVEY) });
    const sent = allSent(loop, [id]);
    loop.start();
    await sent;
    expect((await store.exportFailed()).responses).to.deep.equal([]);
    expect((await collectorRecord(scenario)).requests.map((request) => request.outcome)).to.deep.equal([
      'status 429', 'status 503', 'stored',
    ]);
  });
});

describe('SendLoop across tabs', () => {
  it('never sends one response twice at once from two tabs draining the same outbox', async () => {
    const scenario = await scriptCollector([], 'slow:150');
    const name = uniqueName();
    const tabA = await openTestStore({ name });
    const tabB = await openTestStore({ name });
    const ids = [
      await completeOne(tabA, SURVEY, { feel_safe: 'always' }),
      await completeOne(tabA, SURVEY, { feel_safe: 'never' }),
      await completeOne(tabA, SURVEY, { feel_safe: 'mostly' }),
    ];
    // A tab that crashed mid-send leaves an entry marked `sending`: it must still go, once.
    expect((await tabA.claimNext(() => 'take'))?.responseId).to.equal(ids[0]);
    const endpoint = collectorEndpoint(scenario, SURVEY);
    const loopA = loopFor(tabA, { endpoint });
    const loopB = loopFor(tabB, { endpoint });
    const delivered: string[] = [];
    for (const loop of [loopA, loopB]) {
      loop.addEventListener('pv-response-sent', (event: ResponseSentEvent) => delivered.push(event.responseId));
    }
    loopA.start();
    loopB.start();
    await Promise.all([loopA.flushNow(), loopB.flushNow(), loopA.flushNow(), loopB.flushNow()]);

    const record = await collectorRecord(scenario);
    expect(record.storedIds.sort()).to.deep.equal([...ids].sort());
    expect(record.requests, 'one request per response').to.have.length(3);
    expect(Object.values(record.maxInFlightPerId)).to.deep.equal([1, 1, 1]);
    expect(delivered.sort()).to.deep.equal([...ids].sort());
    expect(await tabB.listOutbox()).to.deep.equal([]);
  });
});

describe('deliver', () => {
  it('tells permanent refusals from failures worth retrying', async () => {
    const refused = ['400', '404', '409', '410', '413', '422'];
    // (408 is left out: Chromium itself re-sends a request answered 408 on a reused connection.)
    const retried = ['500', '502', '503', '504', '425', '429', 'html', 'wrong-id'];
    const scenario = await scriptCollector([...refused, ...retried]);
    const endpoint = collectorEndpoint(scenario, SURVEY);
    const outcomes: string[] = [];
    for (let i = 0; i < refused.length + retried.length; i += 1) {
      const id = crypto.randomUUID();
      const body = JSON.stringify({ id, data: {}, meta: {} });
      outcomes.push((await deliver(endpoint, id, body, { timeoutMs: 2000 })).kind);
    }
    expect(outcomes).to.deep.equal([...refused.map(() => 'refused'), ...retried.map(() => 'retry')]);
    const id = crypto.randomUUID();
    const accepted = await deliver(endpoint, id, JSON.stringify({ id, data: {}, meta: {} }), { timeoutMs: 2000 });
    expect(accepted.kind).to.equal('acknowledged');
  });
});

describe('backoffDelay', () => {
  it('grows exponentially, is capped, and is jittered over the whole range', () => {
    const top = () => 0.9999999;
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, { baseMs: 1000, capMs: 180_000 }, top))).to.deep.equal([
      999, 1999, 3999, 7999,
    ]);
    expect(backoffDelay(40, { baseMs: 1000, capMs: 180_000 }, top)).to.equal(179_999);
    expect(backoffDelay(5, { baseMs: 1000, capMs: 180_000 }, () => 0)).to.equal(0);
    expect(backoffDelay(5, {}, () => 0.5)).to.equal(8000);
  });
});
