import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { openResponseStore } from '@pupil-voice/store';
import { deleteDB } from 'idb';
import {
  collectorEndpoint,
  collectorRecord,
  completeOne,
  scriptCollector,
  uniqueName,
} from '../../../store/src/test-support.js';
import '../define.js';
import type { PvOutboxStatus } from './outbox-status.js';

const SURVEY = 'teacher-poll';
const names: string[] = [];

after(async () => {
  await Promise.all(names.map((name) => deleteDB(name).catch(() => undefined)));
});

/** Queues completed responses on "this device" as earlier surveys would have. */
async function queue(count: number): Promise<{ storeName: string; ids: string[] }> {
  const storeName = uniqueName('pv-outbox-status');
  names.push(storeName);
  const store = await openResponseStore({ name: storeName });
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push(await completeOne(store, SURVEY, { vote: `option-${i}` }));
  store.close();
  return { storeName, ids };
}

const text = (el: PvOutboxStatus) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const button = (el: PvOutboxStatus, label: string) =>
  Array.from(el.shadowRoot!.querySelectorAll('button')).find((b) => b.textContent!.trim() === label)!;

describe('<pv-outbox-status>', () => {
  it('tells a teacher how many responses are waiting when there is nowhere to send them', async () => {
    const { storeName } = await queue(2);
    const el = await fixture<PvOutboxStatus>(html`<pv-outbox-status store-name=${storeName}></pv-outbox-status>`);
    await waitUntil(() => text(el).includes('2 responses are waiting'), 'count shown');
    expect(button(el, 'Send now')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('sends at once on "Send now" after the network failed, and then says all are sent', async () => {
    const { storeName, ids } = await queue(2);
    // School Wi-Fi is down: every automatic attempt fails and the loop backs off.
    const scenario = await scriptCollector([], '503');
    const el = await fixture<PvOutboxStatus>(html`<pv-outbox-status
      store-name=${storeName}
      endpoint=${collectorEndpoint(scenario, SURVEY)}
    ></pv-outbox-status>`);
    await waitUntil(async () => (await collectorRecord(scenario)).requests.length >= 1, 'first attempt made');
    expect(text(el)).to.include('2 responses are waiting');
    // The connection is back; the teacher does not wait for the backoff.
    await fetch(`/test-collector/${scenario}/_script`, {
      method: 'PUT',
      body: JSON.stringify({ steps: [], otherwise: 'accept' }),
    });
    const sendNow = button(el, 'Send now');
    if (!sendNow.disabled) sendNow.click();
    await waitUntil(() => text(el).includes('All responses have been sent.'), 'all sent', { timeout: 10000 });
    const record = await collectorRecord(scenario);
    expect([...record.storedIds].sort()).to.deep.equal([...ids].sort());
    await expect(el).to.be.accessible();
  });

  it('keeps refused responses, says so, and offers them for download', async () => {
    const { storeName } = await queue(1);
    const scenario = await scriptCollector([], '422');
    const el = await fixture<PvOutboxStatus>(html`<pv-outbox-status
      store-name=${storeName}
      endpoint=${collectorEndpoint(scenario, SURVEY)}
    ></pv-outbox-status>`);
    await waitUntil(() => text(el).includes('refused by the server'), 'refusal shown', { timeout: 10000 });
    expect(button(el, 'Download refused responses')).to.exist;
    const store = await openResponseStore({ name: storeName });
    expect((await store.exportFailed()).responses).to.have.length(1);
    store.close();
    await expect(el).to.be.accessible();
  });
});
