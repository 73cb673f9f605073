import { expect } from '@open-wc/testing';
import { openResponseStore } from './response-store.js';
import { StoreError } from './errors.js';
import { closeTestStores, completeOne, openTestStore, simulateFullDisk, uniqueName } from './test-support.js';

const SURVEY = 'feeling-safe';

describe('ResponseStore drafts', () => {
  afterEach(closeTestStores);

  it('resumes the same response, answers and page after a reload', async () => {
    const name = uniqueName();
    const first = await openTestStore({ name });
    const draft = await first.startDraft(SURVEY);
    await first.saveAnswer(draft.responseId, 'feel_safe', 'mostly', { page: 0 });
    await first.saveAnswer(draft.responseId, 'places', ['corridor', 'online'], { page: 2 });
    first.close(); // the tab goes away

    const reloaded = await openTestStore({ name });
    const resumed = await reloaded.loadDraft(SURVEY);
    expect(resumed?.responseId).to.equal(draft.responseId);
    expect(resumed?.answers).to.deep.equal({ feel_safe: 'mostly', places: ['corridor', 'online'] });
    expect(resumed?.page).to.equal(2);
    const restarted = await reloaded.startDraft(SURVEY);
    expect(restarted.responseId, 'startDraft resumes rather than starting over').to.equal(draft.responseId);
  });

  it('has written the answer durably by the time saveAnswer resolves', async () => {
    const name = uniqueName();
    const store = await openTestStore({ name });
    const other = await openTestStore({ name }); // another connection, as another tab has
    const draft = await store.startDraft(SURVEY);
    await store.saveAnswer(draft.responseId, 'feel_safe', 'never');
    expect((await other.loadDraft(SURVEY))?.answers).to.deep.equal({ feel_safe: 'never' });
    await store.saveAnswer(draft.responseId, 'feel_safe', undefined);
    expect((await other.loadDraft(SURVEY))?.answers, 'undefined clears an answer').to.deep.equal({});
  });

  it('gives each respondent a new random response id', async () => {
    const store = await openTestStore();
    const first = await store.startDraft(SURVEY, { kiosk: true });
    const second = await store.startDraft(SURVEY, { kiosk: true });
    expect(first.responseId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.responseId).to.not.equal(first.responseId);
  });

  it('keeps only the day, never a time or the user agent, in storage', async () => {
    const store = await openTestStore({ clock: () => new Date(2026, 10, 23, 14, 37, 12) });
    const draft = await store.startDraft(SURVEY);
    await store.saveAnswer(draft.responseId, 'feel_safe', 'mostly');
    const pending = await store.startDraft('other-survey');
    await store.completeResponse(draft.responseId);
    const db = await store.database();
    const everything = JSON.stringify([
      await db.getAll('drafts'),
      await db.getAll('outbox'),
      await db.getAll('receipts'),
    ]);
    expect(everything).to.include('2026-11-23');
    expect(everything).to.not.match(/\d{2}:\d{2}|T\d{2}|17\d{11}/);
    expect(everything).to.not.include(navigator.userAgent);
    expect(JSON.parse((await store.listOutbox())[0]!.body).meta).to.deep.equal({ day: '2026-11-23' });
    expect(pending.createdDay).to.equal('2026-11-23');
  });

  it('refuses a meta day finer than a calendar day, and keeps the draft', async () => {
    const store = await openTestStore();
    const draft = await store.startDraft(SURVEY);
    const error = await store
      .completeResponse(draft.responseId, { meta: { day: '2026-11-23T10:15:00Z' } })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TypeError);
    expect((await store.loadDraft(SURVEY))?.responseId).to.equal(draft.responseId);
    expect(await store.listOutbox()).to.deep.equal([]);
  });

  it('refuses a late save into a draft that was completed or wiped', async () => {
    const store = await openTestStore();
    const draft = await store.startDraft(SURVEY, { kiosk: true });
    await store.wipeForNextRespondent();
    const error = await store.saveAnswer(draft.responseId, 'feel_safe', 'never').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(StoreError);
    expect((error as StoreError).kind).to.equal('not-found');
    expect(await store.loadDraft(SURVEY)).to.equal(undefined);
  });

  it('reopens a connection the browser closed and still saves', async () => {
    const store = await openTestStore();
    const draft = await store.startDraft(SURVEY);
    // What Safari does to a background tab: the connection is closed under us.
    (await store.database()).close();
    await store.saveAnswer(draft.responseId, 'feel_safe', 'always');
    // And the abnormal-close path, signalled by the connection's `close` event.
    const db = await store.database();
    db.close();
    db.dispatchEvent(new Event('close'));
    await store.saveAnswer(draft.responseId, 'comments', 'ok');
    expect((await store.loadDraft(SURVEY))?.answers).to.deep.equal({ feel_safe: 'always', comments: 'ok' });
    expect(await store.database()).to.not.equal(db);
  });
});

describe('ResponseStore completion', () => {
  afterEach(closeTestStores);

  it('moves the draft to the outbox in one step, oldest first', async () => {
    const store = await openTestStore();
    const first = await completeOne(store, SURVEY, { feel_safe: 'mostly' });
    const second = await completeOne(store, SURVEY, { feel_safe: 'never' });
    expect(await store.loadDraft(SURVEY)).to.equal(undefined);
    const outbox = await store.listOutbox();
    expect(outbox.map((entry) => entry.responseId)).to.deep.equal([first, second]);
    expect(outbox.map((entry) => entry.status)).to.deep.equal(['queued', 'queued']);
    expect(JSON.parse(outbox[0]!.body)).to.deep.include({ id: first, data: { feel_safe: 'mostly' } });
    expect(await store.outboxCounts()).to.deep.equal({ queued: 2, failed: 0 });
  });

  it('treats completing the same response twice (a double tap) as one', async () => {
    const store = await openTestStore();
    const draft = await store.startDraft(SURVEY);
    const [a, b] = await Promise.all([store.completeResponse(draft.responseId), store.completeResponse(draft.responseId)]);
    expect([a.alreadyCompleted, b.alreadyCompleted].sort()).to.deep.equal([false, true]);
    expect(await store.listOutbox()).to.have.length(1);
  });

  it('reports a full disk as a quota error and keeps everything already saved', async () => {
    const store = await openTestStore();
    const queued = await completeOne(store, SURVEY, { feel_safe: 'mostly' });
    const draft = await store.startDraft(SURVEY);
    await store.saveAnswer(draft.responseId, 'feel_safe', 'sometimes');

    const restore = simulateFullDisk();
    let saveError: unknown;
    let completeError: unknown;
    try {
      saveError = await store.saveAnswer(draft.responseId, 'comments', 'a long answer').catch((e: unknown) => e);
      completeError = await store.completeResponse(draft.responseId).catch((e: unknown) => e);
    } finally {
      restore();
    }
    for (const error of [saveError, completeError]) {
      expect(error).to.be.instanceOf(StoreError);
      expect((error as StoreError).kind).to.equal('quota');
    }
    expect((await store.loadDraft(SURVEY))?.answers, 'answers stay for the respondent').to.deep.equal({
      feel_safe: 'sometimes',
    });
    expect((await store.listOutbox()).map((entry) => entry.responseId)).to.deep.equal([queued]);
  });

  it('reports storage switched off as unavailable before anyone starts', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    let error: unknown;
    try {
      error = await openResponseStore({ name: uniqueName() }).catch((e: unknown) => e);
    } finally {
      if (descriptor) Object.defineProperty(window, 'indexedDB', descriptor);
      else delete (window as { indexedDB?: unknown }).indexedDB;
    }
    expect(error).to.be.instanceOf(StoreError);
    expect((error as StoreError).kind).to.equal('unavailable');
  });
});

describe('ResponseStore kiosk mode', () => {
  afterEach(closeTestStores);

  it('shows the next respondent nothing of the last, and still delivers the last one', async () => {
    const name = uniqueName();
    const store = await openTestStore({ name });
    const done = await store.startDraft(SURVEY, { kiosk: true });
    await store.saveAnswer(done.responseId, 'feel_safe', 'never');
    await store.completeResponse(done.responseId);
    const abandoned = await store.startDraft(SURVEY, { kiosk: true });
    await store.saveAnswer(abandoned.responseId, 'comments', 'my name is Sam');

    // The idle timeout or quick exit fires, or the page is simply reloaded for the next pupil.
    expect(await store.wipeForNextRespondent()).to.equal(1);
    const reloaded = await openTestStore({ name });
    expect(await reloaded.loadDraft(SURVEY)).to.equal(undefined);
    const next = await reloaded.startDraft(SURVEY, { kiosk: true });
    expect(next.answers).to.deep.equal({});
    expect([done.responseId, abandoned.responseId]).to.not.include(next.responseId);
    expect((await reloaded.listOutbox()).map((entry) => entry.responseId)).to.deep.equal([done.responseId]);
  });

  it('never resumes a kiosk draft, even without a wipe', async () => {
    const store = await openTestStore();
    const previous = await store.startDraft(SURVEY, { kiosk: true });
    await store.saveAnswer(previous.responseId, 'feel_safe', 'never');
    expect(await store.loadDraft(SURVEY)).to.equal(undefined);
    const next = await store.startDraft(SURVEY, { kiosk: true });
    expect(next.responseId).to.not.equal(previous.responseId);
    expect(next.answers).to.deep.equal({});
    const db = await store.database();
    expect(await db.count('drafts'), 'the earlier draft is deleted, not just hidden').to.equal(1);
  });
});
