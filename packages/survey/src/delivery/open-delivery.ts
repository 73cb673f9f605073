import { openResponseStore, SendLoop } from '@pupil-voice/store';
import type { SharedDelivery } from './shared-delivery.js';

/**
 * Opens a database's store and starts its send loop. This module (with the store, idb and the
 * send loop, about a third of the embed) is imported dynamically by `sharedDelivery`: nothing
 * in it is needed before the first question, and it loads while survey-core does.
 */
export async function openDelivery(databaseName: string): Promise<SharedDelivery> {
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
