import { openResponseStore, SendLoop, type ResponseStore } from '@pupil-voice/store';

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

/** The page's store and send loop for a database, opened and started on first use. */
export function sharedDelivery(databaseName: string): Promise<SharedDelivery> {
  let delivery = deliveries.get(databaseName);
  if (!delivery) {
    delivery = open(databaseName);
    deliveries.set(databaseName, delivery);
    // A failed open (private mode, storage off) is retried by the next caller.
    delivery.catch(() => deliveries.delete(databaseName));
  }
  return delivery;
}

async function open(databaseName: string): Promise<SharedDelivery> {
  const store = await openResponseStore({ name: databaseName });
  const endpoints = new Map<string, string>();
  let fallback: string | undefined;
  const resolve = (surveyId: string) => endpoints.get(surveyId) ?? fallback;
  const loop = new SendLoop(store, { endpoint: resolve });
  loop.start();
  return {
    store,
    loop,
    setEndpoint(surveyId, endpoint) {
      if (endpoint) endpoints.set(surveyId, absolute(endpoint));
      else endpoints.delete(surveyId);
      void loop.flushNow().catch(() => undefined);
    },
    setDefaultEndpoint(endpoint) {
      fallback = endpoint ? absolute(endpoint) : undefined;
      void loop.flushNow().catch(() => undefined);
    },
  };
}

function absolute(url: string): string {
  return new URL(url, document.baseURI).href;
}
