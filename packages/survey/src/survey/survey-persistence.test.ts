import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openResponseStore, type ResponseStore } from '@pupil-voice/store';
import { deleteDB } from 'idb';
import {
  collectorEndpoint,
  collectorRecord,
  scriptCollector,
  simulateFullDisk,
  uniqueName,
} from '../../../store/src/test-support.js';
import '../define.js';
import type { PvSurvey } from './survey.js';
import type { PvErrorEvent } from '../events.js';
import { $, $$, deepActiveElement, settle } from '../test-helpers.js';

const DEFINITION = {
  title: 'How safe do you feel?',
  pages: [
    {
      name: 'safety',
      elements: [
        {
          type: 'radiogroup',
          name: 'feel_safe',
          title: 'Do you feel safe at school?',
          isRequired: true,
          choices: ['always', 'mostly', 'sometimes', 'never'],
        },
      ],
    },
    {
      name: 'more',
      elements: [{ type: 'comment', name: 'anything_else', title: 'Is there anything else you want to tell us?' }],
    },
  ],
};

/** oneEvent, typed by the event map. */
function on<K extends keyof GlobalEventHandlersEventMap>(
  target: HTMLElement,
  type: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return oneEvent(target, type) as unknown as Promise<GlobalEventHandlersEventMap[K]>;
}

const databases: string[] = [];
const stores: ResponseStore[] = [];

afterEach(async () => {
  for (const el of document.querySelectorAll('pv-survey')) el.remove();
  for (const store of stores.splice(0)) store.close();
});
after(async () => {
  await Promise.all(databases.map((name) => deleteDB(name).catch(() => undefined)));
});

interface Options {
  storeName?: string;
  endpoint?: string;
  kiosk?: boolean;
  kioskReset?: number;
}

async function mount({ storeName, endpoint, kiosk = false, kioskReset = 10 }: Options = {}): Promise<PvSurvey> {
  const name = storeName ?? uniqueName('pv-survey-store');
  if (!databases.includes(name)) databases.push(name);
  const el = await fixture<PvSurvey>(html`<pv-survey
    survey-id="safety-2026"
    store-name=${name}
    endpoint=${endpoint ?? ''}
    ?kiosk=${kiosk}
    kiosk-reset=${kioskReset}
    audience="secondary"
    school="S123"
  ></pv-survey>`);
  if (!endpoint) el.removeAttribute('endpoint');
  const ready = on(el, 'pv-ready');
  el.definition = DEFINITION;
  await ready;
  await settle(el);
  // A pupil survey opens on its intro (not when a draft is resumed): press Start.
  $<HTMLButtonElement>(el, '.pv-intro ~ .pv-navigation [part~="start-button"]')?.click();
  await settle(el);
  return el;
}

async function chooseByClick(el: PvSurvey, value: string): Promise<void> {
  const saved = on(el, 'pv-answer-saved');
  const label = $$<HTMLLabelElement>(el, 'label.pv-option').find((l) => l.textContent?.trim() === value);
  label!.querySelector('input')!.click();
  await saved;
}

async function openStore(el: PvSurvey): Promise<ResponseStore> {
  const store = await openResponseStore({ name: el.storeName });
  stores.push(store);
  return store;
}

async function pressContinue(el: PvSurvey): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="next-button"]')!.click();
  await settle(el);
}

describe('<pv-survey> keeps answers on the device', () => {
  it('resumes the same page with the same answers after a reload', async () => {
    const first = await mount();
    await chooseByClick(first, 'sometimes');
    await pressContinue(first);
    const responseId = first.responseId;
    expect(responseId).to.match(/^[0-9a-f-]{36}$/);
    const textarea = $<HTMLTextAreaElement>(first, 'textarea')!;
    textarea.focus();
    const typed = on(first, 'pv-answer-saved');
    await sendKeys({ type: 'It is fine' });
    await typed;
    await first.whenSaved();
    const storeName = first.storeName;
    first.remove();

    // A reload: a new element on the same device.
    const second = await mount({ storeName });
    expect(second.responseId).to.equal(responseId);
    expect(second.model!.currentPageNo, 'same page').to.equal(1);
    expect($<HTMLTextAreaElement>(second, 'textarea')!.value).to.equal('It is fine');
    expect(second.model!.data).to.deep.equal({ feel_safe: 'sometimes', anything_else: 'It is fine' });
  });

  it('writes the response to the outbox before the thank-you page shows', async () => {
    const el = await mount();
    await chooseByClick(el, 'mostly');
    await pressContinue(el);
    const queued = on(el, 'pv-response-queued');
    const completed = on(el, 'pv-complete');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    await queued;
    const store = await openStore(el);
    // pv-complete (and the thank-you page) come after the outbox write.
    const outbox = await store.listOutbox();
    expect(outbox).to.have.length(1);
    const body = JSON.parse(outbox[0]!.body) as { id: string; data: unknown; meta: Record<string, unknown> };
    expect(body.data).to.deep.equal({ feel_safe: 'mostly' });
    expect(body.meta).to.include({ audience: 'secondary', school: 'S123' });
    expect(String(body.meta.day)).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(body).sort()).to.deep.equal(['data', 'id', 'meta']);
    await completed;
    await settle(el);
    expect($(el, '.pv-completed')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('delivers the response exactly once through failures when an endpoint is set', async () => {
    const scenario = await scriptCollector(['503', 'html', 'accept']);
    const endpoint = collectorEndpoint(scenario, 'safety-2026');
    const el = await mount({ endpoint });
    await chooseByClick(el, 'always');
    await pressContinue(el);
    const sent = on(el, 'pv-response-sent');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    const event = await sent;
    expect(event.responseId).to.equal(el.responseId ?? event.responseId);
    const record = await collectorRecord(scenario);
    expect(record.storedIds).to.deep.equal([event.responseId]);
    const store = await openStore(el);
    expect(await store.listOutbox()).to.have.length(0);
    expect(await store.hasReceipt(event.responseId)).to.equal(true);
  }).timeout(20000);

  it('keeps the answers on screen with a clear message when the device is full', async () => {
    const el = await mount();
    await chooseByClick(el, 'never');
    await pressContinue(el);
    const restore = simulateFullDisk();
    const errors: PvErrorEvent[] = [];
    el.addEventListener('pv-error', (event) => errors.push(event));
    try {
      $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await waitUntil(() => $(el, '.pv-storage-error'), 'the completion failure is shown');
    } finally {
      restore();
    }
    expect(errors.map((error) => error.kind)).to.include('storage-failed');
    await settle(el);
    expect(el.model!.state, 'no thank-you page').to.equal('running');
    const alert = $(el, '.pv-storage-error[role="alert"]');
    expect(alert?.textContent).to.contain('full');
    expect(el.model!.data).to.deep.equal({ feel_safe: 'never' });
    await expect(el).to.be.accessible();

    // With space again, pressing Submit completes.
    const completed = on(el, 'pv-complete');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    await completed;
  });

  it('in kiosk mode, the next respondent sees nothing of the last', async () => {
    const el = await mount({ kiosk: true, kioskReset: 0.2 });
    await chooseByClick(el, 'sometimes');
    const firstId = el.responseId;
    await pressContinue(el);
    const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
    textarea.focus();
    await sendKeys({ type: 'private words' });
    await el.whenSaved();
    const completed = on(el, 'pv-complete');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    await completed;
    // The thank-you page, then a fresh survey for the next person.
    await on(el, 'pv-ready');
    await settle(el);
    expect(el.responseId).to.not.equal(firstId);
    expect(el.model!.data).to.deep.equal({});
    expect(el.model!.currentPageNo).to.equal(0);
    expect($$<HTMLInputElement>(el, 'input[type="radio"]').some((input) => input.checked)).to.equal(false);
    expect(el.shadowRoot!.textContent).to.not.contain('private words');
    const store = await openStore(el);
    const draft = await store.loadDraft('safety-2026');
    expect(draft, 'kiosk drafts are never offered for resume').to.equal(undefined);
    expect((await store.listOutbox()).map((entry) => entry.responseId)).to.deep.equal([firstId]);

    // Even a reload of a kiosk page starts empty.
    const storeName = el.storeName;
    el.remove();
    const next = await mount({ storeName, kiosk: true });
    expect(next.model!.data).to.deep.equal({});
  });

  it('warns gently before sending an answer that looks like a name, email or phone number', async () => {
    const el = await mount();
    await chooseByClick(el, 'mostly');
    await pressContinue(el);
    $<HTMLTextAreaElement>(el, 'textarea')!.focus();
    await sendKeys({ type: 'email me at sam.jones@example.com' });
    await el.whenSaved();
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    await settle(el);
    const warning = $(el, '.pv-personal-information');
    expect(warning, 'warning shown').to.exist;
    // Booleans: chai would describe a failing element by walking the whole survey-core model.
    expect(deepActiveElement() === warning, 'focus on the warning').to.equal(true);
    expect(el.model!.state).to.equal('running');
    await expect(el).to.be.accessible();

    // "Change my answer" takes the respondent to the field.
    const change = Array.from(warning!.querySelectorAll('button'))[0]!;
    change.click();
    await settle(el);
    expect(deepActiveElement()?.localName).to.equal('textarea');

    // Submitting again asks again; "Send anyway" sends.
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    await settle(el);
    const completed = on(el, 'pv-complete');
    Array.from($(el, '.pv-personal-information')!.querySelectorAll('button'))[1]!.click();
    const { data } = await completed;
    expect(data).to.deep.equal({ feel_safe: 'mostly', anything_else: 'email me at sam.jones@example.com' });
  });

  it('without an endpoint, keeps completed responses in the outbox and says so', async () => {
    const el = await mount();
    await chooseByClick(el, 'always');
    await pressContinue(el);
    const waiting = on(el, 'pv-outbox-waiting');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    const event = await waiting;
    expect(event.waiting).to.be.greaterThan(0);
    const store = await openStore(el);
    expect((await store.outboxCounts()).queued).to.equal(1);
  });
});

describe('<pv-survey> moved in the page', () => {
  it('keeps saving and completing after being re-parented (a tab widget, a framework re-render)', async () => {
    const el = await mount();
    const responseId = el.responseId;
    // Move it, as a tab widget or a framework does: disconnect, then connect elsewhere.
    const tab = document.createElement('section');
    document.body.append(tab);
    tab.append(el);
    await settle(el);
    // And once more: detached for a while, then attached again.
    el.remove();
    await settle(el);
    document.body.append(el);
    await settle(el);
    await chooseByClick(el, 'sometimes');
    await el.whenSaved();
    const store = await openStore(el);
    const draft = await store.loadDraft('safety-2026');
    expect(draft?.answers, 'the answer reached the device').to.deep.equal({ feel_safe: 'sometimes' });
    expect($(el, '[part~="save-state"]')?.textContent).to.contain('saved on this device');
    await pressContinue(el);
    const queued = on(el, 'pv-response-queued');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    await queued;
    expect((await store.listOutbox()).map((entry) => entry.responseId), 'completed into the outbox').to.deep.equal([
      responseId,
    ]);
    tab.remove();
  });
});

describe('<pv-survey quick-exit>', () => {
  it('leaves at once from the button or Shift pressed three times, wiping a kiosk draft', async () => {
    const el = await mount({ kiosk: true });
    el.setAttribute('quick-exit', 'https://example.org/');
    await settle(el);
    await chooseByClick(el, 'sometimes');
    const before = await openStore(el);
    expect(await (await before.database()).count('drafts'), 'a draft exists').to.equal(1);
    const exitButton = $<HTMLButtonElement>(el, '[part~="quick-exit-button"]')!;
    expect(exitButton.textContent).to.contain('Leave this page');
    await expect(el).to.be.accessible();

    // The test page must not actually navigate away: cancel, as an integrator may.
    const exit = on(el, 'pv-quick-exit');
    el.addEventListener('pv-quick-exit', (event) => event.preventDefault(), { once: true });
    $<HTMLTextAreaElement>(el, 'input')!.focus();
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    const event = await exit;
    expect(event.url).to.equal('https://example.org/');
    expect(el.style.visibility, 'hidden at once').to.equal('hidden');
    const store = await openStore(el);
    // loadDraft never offers kiosk drafts, so look at the database itself.
    await waitUntil(async () => (await (await store.database()).count('drafts')) === 0, 'draft wiped');
  });
});

describe('<pv-survey public-key>', () => {
  it('encrypts the response before it reaches the outbox; the analyst can decrypt it', async () => {
    const { decryptResponse } = await import('../../../aggregate/src/decrypt.js');
    const pair = (await crypto.subtle.generateKey(
      { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['encrypt', 'decrypt'],
    )) as CryptoKeyPair;
    const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const el = await mount();
    el.setAttribute('public-key', JSON.stringify(publicJwk));
    await chooseByClick(el, 'never');
    await pressContinue(el);
    $<HTMLTextAreaElement>(el, 'textarea')!.focus();
    await sendKeys({ type: 'something happened on the bus' });
    await el.whenSaved();
    const queued = on(el, 'pv-response-queued');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    expect((await queued).encrypted).to.equal(true);
    const store = await openStore(el);
    const [entry] = await store.listOutbox();
    expect(entry!.body, 'no plaintext on the device').to.not.contain('bus');
    const body = JSON.parse(entry!.body) as { id: string; encrypted: never; data?: unknown };
    expect(body.data).to.equal(undefined);
    const opened = await decryptResponse(body.encrypted, privateJwk, { responseId: body.id });
    expect(opened.data).to.deep.equal({ feel_safe: 'never', anything_else: 'something happened on the bus' });
  });
});

describe('<pv-survey> draft writes per answer', () => {
  const ROWS = Array.from({ length: 20 }, (_, i) => `r${i + 1}`);
  const GRID = {
    elements: [{ type: 'matrix', name: 'grid', title: 'Do you agree?', columns: ['No', 'Yes'], rows: ROWS }],
  };

  async function mountGrid(): Promise<PvSurvey> {
    const name = uniqueName('pv-survey-writes');
    databases.push(name);
    const el = await fixture<PvSurvey>(html`<pv-survey survey-id="grid-2026" store-name=${name}></pv-survey>`);
    const ready = on(el, 'pv-ready');
    el.definition = GRID;
    await ready;
    await settle(el);
    return el;
  }

  function countWrites(el: PvSurvey): { count: number } {
    const writes = { count: 0 };
    el.addEventListener('pv-answer-saved', () => (writes.count += 1));
    return writes;
  }

  function yes(el: PvSurvey, row: string): HTMLInputElement {
    const group = $$(el, '[role="radiogroup"]').find((candidate) => candidate.closest('tr')?.querySelector('th')?.textContent?.trim() === row);
    return Array.from(group!.querySelectorAll('input')).find((input) => input.closest('label')?.textContent?.trim() === 'Yes')!;
  }

  it('writes a burst of answers as one draft write that holds every answer', async () => {
    const el = await mountGrid();
    const writes = countWrites(el);
    for (const row of ROWS) yes(el, row).click();
    await el.whenSaved();
    expect(writes.count).to.equal(1);
    const store = await openStore(el);
    expect((await store.loadDraft('grid-2026'))?.answers).to.deep.equal({ grid: Object.fromEntries(ROWS.map((row) => [row, 'Yes'])) });
    // The next answer after that write is a write of its own.
    $$<HTMLInputElement>(el, 'input[type="radio"]')[0]!.click();
    await el.whenSaved();
    expect(writes.count).to.equal(2);
    expect(((await store.loadDraft('grid-2026'))?.answers as { grid: Record<string, string> }).grid.r1).to.equal('No');
  });

  it('begins a waiting write at once when the page is left, so an answer just given is not held back', async () => {
    const el = await mountGrid();
    const writes = countWrites(el);
    yes(el, 'r1').click();
    // pagehide: the write waiting for the next paint reads the answers now; r2 needs a write of its own.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    yes(el, 'r2').click();
    await el.whenSaved();
    expect(writes.count).to.equal(2);
    const store = await openStore(el);
    expect((await store.loadDraft('grid-2026'))?.answers).to.deep.equal({ grid: { r1: 'Yes', r2: 'Yes' } });
  });

  it('puts answers given just before Submit in the response', async () => {
    const el = await mountGrid();
    const completed = on(el, 'pv-complete');
    for (const row of ROWS) yes(el, row).click();
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    const { data } = await completed;
    const expected = { grid: Object.fromEntries(ROWS.map((row) => [row, 'Yes'])) };
    expect(data).to.deep.equal(expected);
    const store = await openStore(el);
    const outbox = await store.listOutbox();
    expect(outbox).to.have.length(1);
    expect((JSON.parse(outbox[0]!.body) as { data: unknown }).data).to.deep.equal(expected);
  });
});
