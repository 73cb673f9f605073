// Runs inside Chromium, driven by bench-store.mjs. Measures what a pupil's device does per
// answer and how fast a full outbox drains. Plain JS so the bench needs no build of its own
// beyond the store's dist.
import { Model } from 'survey-core';
import { openResponseStore, SendLoop } from '/packages/store/dist/index.js';

const QUESTIONS = 40;

function surveyJson() {
  return {
    pages: [
      {
        elements: Array.from({ length: QUESTIONS }, (_, i) => ({ type: 'comment', name: `q${i}` })),
      },
    ],
  };
}

function answerFor(i) {
  return `answer ${i}: ` + 'it happens mostly at break time near the field. '.repeat(1 + (i % 4));
}

/** Median and p95 of a list of milliseconds. */
function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/** Ours: every value change is written by saveAnswer and counted saved at tx.done (strict). */
async function idbAutosave(answers) {
  const store = await openResponseStore({ name: `bench-${crypto.randomUUID()}`, persist: 'never' });
  const survey = new Model(surveyJson());
  const draft = await store.startDraft('bench', {});
  let pending;
  survey.onValueChanged.add((_, options) => {
    pending = store.saveAnswer(draft.responseId, options.name, options.value, { page: survey.currentPageNo });
  });
  const samples = [];
  for (let i = 0; i < answers; i += 1) {
    const t0 = performance.now();
    survey.setValue(`q${i % QUESTIONS}`, answerFor(i));
    await pending;
    samples.push(performance.now() - t0);
  }
  store.close();
  indexedDB.deleteDatabase(store.name);
  return summarise(samples);
}

/** The anchor: survey-core's documented recipe, localStorage.setItem(survey.data) per change. */
function localStorageAutosave(answers) {
  const key = `bench-${crypto.randomUUID()}`;
  const survey = new Model(surveyJson());
  survey.onValueChanged.add((sender) => {
    localStorage.setItem(key, JSON.stringify(sender.data));
  });
  const samples = [];
  for (let i = 0; i < answers; i += 1) {
    const t0 = performance.now();
    survey.setValue(`q${i % QUESTIONS}`, answerFor(i));
    samples.push(performance.now() - t0);
  }
  localStorage.removeItem(key);
  return summarise(samples);
}

window.benchAutosave = async (answers) => {
  // Warm both paths once so module compilation and the first DB open are not measured.
  await idbAutosave(20);
  localStorageAutosave(20);
  const ours = await idbAutosave(answers);
  const anchor = localStorageAutosave(answers);
  return { ours, anchor };
};

window.benchFlush = async (count, endpoint) => {
  const store = await openResponseStore({ name: `bench-flush-${crypto.randomUUID()}`, persist: 'never' });
  const queueStart = performance.now();
  for (let i = 0; i < count; i += 1) {
    const draft = await store.startDraft('bench');
    await store.saveDraft(draft.responseId, { answers: { q0: answerFor(i), q1: 'mostly' } });
    await store.completeResponse(draft.responseId, { meta: { audience: 'pupil' } });
  }
  const queueMs = performance.now() - queueStart;
  const loop = new SendLoop(store, { endpoint });
  let sent = 0;
  const done = new Promise((resolve) => {
    loop.addEventListener('pv-response-sent', () => {
      sent += 1;
      if (sent === count) resolve();
    });
  });
  const flushStart = performance.now();
  loop.start();
  await done;
  const flushMs = performance.now() - flushStart;
  loop.stop();
  const left = await store.outboxCounts();
  store.close();
  indexedDB.deleteDatabase(store.name);
  return { queueMs, flushMs, sent, left };
};

/** Baseline: the same number of bare sequential POSTs, no storage, to the same endpoint. */
window.benchBareFetch = async (count, endpoint) => {
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    const id = crypto.randomUUID();
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
      body: JSON.stringify({ id, data: { q0: answerFor(i), q1: 'mostly' }, meta: { audience: 'pupil' } }),
      credentials: 'omit',
      cache: 'no-store',
    });
    await response.text();
  }
  return performance.now() - start;
};
