// Shared fixtures for the store's browser tests (not part of the published package): a unique
// database per test, and a client for the scripted collector in test-server/.
import { deleteDB } from 'idb';
import { openResponseStore } from './response-store.js';
import type { OpenResponseStoreOptions, ResponseStore } from './response-store.js';

/** What the scripted collector saw for one scenario. */
export interface CollectorRecord {
  requests: { surveyId: string; id: string; step: string; outcome: string; idempotencyKeyMatches: boolean }[];
  stored: Record<string, string>;
  storedIds: string[];
  maxInFlightPerId: Record<string, number>;
  stepsLeft: number;
}

const opened: { store: ResponseStore; name: string }[] = [];

/** A database name no other test (or concurrently running test file) uses. */
export function uniqueName(prefix = 'pv-test'): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** Opens a store on a fresh database; `closeTestStores()` closes and deletes it. */
export async function openTestStore(options: OpenResponseStoreOptions = {}): Promise<ResponseStore> {
  const name = options.name ?? uniqueName();
  const store = await openResponseStore({ persist: 'never', ...options, name });
  opened.push({ store, name });
  return store;
}

/** Closes every store opened by `openTestStore` and deletes their databases. */
export async function closeTestStores(): Promise<void> {
  const names = new Set<string>();
  for (const { store, name } of opened.splice(0)) {
    store.close();
    names.add(name);
  }
  await Promise.all([...names].map((name) => deleteDB(name)));
}

/** A fresh scenario name for the scripted collector, with its script set. */
export async function scriptCollector(steps: string[], otherwise = 'accept'): Promise<string> {
  const scenario = uniqueName('scenario');
  const response = await fetch(`/test-collector/${scenario}/_script`, {
    method: 'PUT',
    body: JSON.stringify({ steps, otherwise }),
  });
  if (!response.ok) throw new Error(`could not script the collector: ${response.status}`);
  return scenario;
}

/** The scenario's endpoint for one survey, as `<pv-survey endpoint>` would name it. */
export function collectorEndpoint(scenario: string, surveyId: string): string {
  return new URL(`/test-collector/${scenario}/v1/surveys/${surveyId}/responses`, location.href).href;
}

export async function collectorRecord(scenario: string): Promise<CollectorRecord> {
  const response = await fetch(`/test-collector/${scenario}/_record`, { cache: 'no-store' });
  return (await response.json()) as CollectorRecord;
}

/** Resolves with the next event of `type` on `target` that satisfies `accept`. */
export function nextEvent<E extends Event>(
  target: EventTarget,
  type: string,
  accept: (event: E) => boolean = () => true,
): Promise<E> {
  return new Promise((resolve) => {
    const listener = (event: Event): void => {
      if (!accept(event as E)) return;
      target.removeEventListener(type, listener);
      resolve(event as E);
    };
    target.addEventListener(type, listener);
  });
}

/** Starts and completes one response with the given answers; resolves with its id. */
export async function completeOne(
  store: ResponseStore,
  surveyId: string,
  answers: Record<string, unknown>,
): Promise<string> {
  const draft = await store.startDraft(surveyId);
  await store.saveDraft(draft.responseId, { answers });
  await store.completeResponse(draft.responseId, { meta: { audience: 'pupil', wave: '2026-autumn' } });
  return draft.responseId;
}

/**
 * Makes every IndexedDB put/add throw a real QuotaExceededError until the returned function
 * is called: how a full device looks to the store's write path.
 */
export function simulateFullDisk(): () => void {
  const { put, add } = IDBObjectStore.prototype;
  const full = (): never => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  IDBObjectStore.prototype.put = full;
  IDBObjectStore.prototype.add = full;
  return () => {
    IDBObjectStore.prototype.put = put;
    IDBObjectStore.prototype.add = add;
  };
}

/** An endpoint on a loopback port nobody listens on: the request fails as a network error. */
export async function unreachableEndpoint(surveyId: string): Promise<string> {
  const { port } = (await (await fetch('/test-collector/_closed-port')).json()) as { port: number };
  return `http://127.0.0.1:${port}/v1/surveys/${surveyId}/responses`;
}
