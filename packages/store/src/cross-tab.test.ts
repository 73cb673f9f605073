import { expect } from '@open-wc/testing';
import { SendLoop } from './send-loop.js';
import type { OutboxChangeEvent, ResponseSentEvent, StorageLowEvent } from './events.js';
import {
  closeTestStores,
  collectorEndpoint,
  collectorRecord,
  completeOne,
  nextEvent,
  openTestStore,
  scriptCollector,
  uniqueName,
} from './test-support.js';

const SURVEY = 'feeling-safe';

function messageFromFrame(accept: (data: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent): void => {
      const data = event.data as Record<string, unknown>;
      if (data?.['tab'] !== 'second' || !accept(data)) return;
      window.removeEventListener('message', listener);
      resolve(data);
    };
    window.addEventListener('message', listener);
  });
}

describe('two tabs on one device', () => {
  let frame: HTMLIFrameElement | undefined;
  const loops: SendLoop[] = [];
  afterEach(async () => {
    frame?.remove();
    frame = undefined;
    for (const loop of loops.splice(0)) loop.stop();
    await closeTestStores();
  });

  it('a real second window draining the same outbox never sends a response twice at once', async () => {
    const scenario = await scriptCollector([], 'slow:100');
    const name = uniqueName();
    const store = await openTestStore({ name });
    const ids: string[] = [];
    for (const feel of ['always', 'mostly', 'sometimes', 'rarely']) ids.push(await completeOne(store, SURVEY, { feel_safe: feel }));
    const endpoint = collectorEndpoint(scenario, SURVEY);

    frame = document.createElement('iframe');
    const ready = messageFromFrame((data) => data['ready'] === true);
    frame.src = `/packages/store/test-server/second-tab.html?db=${encodeURIComponent(name)}&endpoint=${encodeURIComponent(endpoint)}`;
    document.body.append(frame);
    await ready;

    const loop = new SendLoop(store, { endpoint, backoff: { baseMs: 1, capMs: 5 } });
    loops.push(loop);
    const frameFlushed = messageFromFrame((data) => data['flushed'] !== undefined);
    frame.contentWindow!.postMessage('flush', '*');
    loop.start();
    await Promise.all([loop.flushNow(), frameFlushed]);

    const record = await collectorRecord(scenario);
    expect(record.storedIds.sort()).to.deep.equal([...ids].sort());
    expect(record.requests, 'each response sent once').to.have.length(ids.length);
    expect(Object.values(record.maxInFlightPerId).every((n) => n === 1)).to.equal(true);
    expect(record.requests.map((request) => request.id), 'still oldest first').to.deep.equal(ids);
    expect(await store.outboxCounts()).to.deep.equal({ queued: 0, failed: 0 });
  });

  it('tells a teacher display in another tab that the outbox changed', async () => {
    const name = uniqueName();
    const pupilTab = await openTestStore({ name });
    const teacherTab = await openTestStore({ name });
    const changed = nextEvent<OutboxChangeEvent>(teacherTab, 'pv-outbox-change');
    await completeOne(pupilTab, SURVEY, { feel_safe: 'mostly' });
    expect((await changed).counts).to.deep.equal({ queued: 1, failed: 0 });
  });
});

describe('storage health and resuming', () => {
  const loops: SendLoop[] = [];
  afterEach(async () => {
    for (const loop of loops.splice(0)) loop.stop();
    await closeTestStores();
  });

  it('asks for persistent storage once, at the first completed response, and warns when space is low', async () => {
    const storage = navigator.storage;
    const originalPersist = storage.persist;
    let asked = 0;
    storage.persist = () => {
      asked += 1;
      return Promise.resolve(false);
    };
    try {
      const store = await openTestStore({ persist: 'on-first-completion', lowSpaceBytes: Number.MAX_SAFE_INTEGER });
      const draft = await store.startDraft(SURVEY);
      await store.saveAnswer(draft.responseId, 'feel_safe', 'mostly');
      expect(asked, 'not while merely answering').to.equal(0);
      const low = nextEvent<StorageLowEvent>(store, 'pv-storage-low');
      await store.completeResponse(draft.responseId);
      await completeOne(store, SURVEY, { feel_safe: 'never' });
      expect(asked).to.equal(1);
      expect((await low).quota).to.be.greaterThan(0);
      expect((await store.checkStorage()).low).to.equal(true);
    } finally {
      storage.persist = originalPersist;
    }
  });

  it('resumes sending when the page becomes visible again', async () => {
    const scenario = await scriptCollector(['503']);
    const store = await openTestStore();
    const id = await completeOne(store, SURVEY, { feel_safe: 'mostly' });
    const visibility = Object.assign(new EventTarget(), { visibilityState: 'hidden' as DocumentVisibilityState });
    const loop = new SendLoop(store, {
      endpoint: collectorEndpoint(scenario, SURVEY),
      backoff: { baseMs: 600_000, capMs: 600_000 },
      random: () => 0.999,
      visibility,
    });
    loops.push(loop);
    const retry = nextEvent(loop, 'pv-retry-scheduled');
    loop.start();
    await retry;
    const sent = nextEvent<ResponseSentEvent>(loop, 'pv-response-sent');
    visibility.visibilityState = 'visible';
    visibility.dispatchEvent(new Event('visibilitychange'));
    expect((await sent).responseId).to.equal(id);
  });
});
