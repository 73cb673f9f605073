import type { ResponseStore, SendLoop } from '@pupil-voice/store';

/**
 * One store and one send loop per database per page, shared by every `<pv-survey>` and
 * `<pv-outbox-status>` on it. The loop asks this registry where each survey's responses go,
 * so a survey added later (or a teacher's status panel with its own `endpoint`) just adds an
 * entry; responses of a survey with no endpoint wait in the outbox.
 */
export interface SharedDelivery {
  readonly store: ResponseStore;
  readonly loop: SendLoop;
  /** Where completed responses of a survey are POSTed. */
  setEndpoint(surveyId: string, endpoint: string | undefined): void;
  /** Endpoint for surveys that did not name one (a status panel's `endpoint`). */
  setDefaultEndpoint(endpoint: string | undefined): void;
}

const deliveries = new Map<string, Promise<SharedDelivery>>();
let engine: Promise<typeof import('./open-delivery.js')> | undefined;

/**
 * Starts downloading the store and send loop (their own chunk in the embed) without opening
 * anything: `<pv-survey>` calls this when it starts loading, so the chunk arrives alongside
 * survey-core instead of one round trip after it.
 */
export function preloadDelivery(): Promise<typeof import('./open-delivery.js')> {
  if (!engine) {
    engine = import('./open-delivery.js');
    // A failed download (offline) is tried again by the next caller.
    engine.catch(() => (engine = undefined));
  }
  return engine;
}

/** The page's store and send loop for a database, opened and started on first use. */
export function sharedDelivery(databaseName: string): Promise<SharedDelivery> {
  let delivery = deliveries.get(databaseName);
  if (!delivery) {
    delivery = preloadDelivery().then(({ openDelivery }) => openDelivery(databaseName));
    deliveries.set(databaseName, delivery);
    // A failed open (private mode, storage off) is retried by the next caller.
    delivery.catch(() => deliveries.delete(databaseName));
  }
  return delivery;
}
