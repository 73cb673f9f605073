import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { openResponseStore, type ResponseStore } from '@pupil-voice/store';
import { deleteDB } from 'idb';
import { uniqueName } from '../../../store/src/test-support.js';
// The embed bundle's entry, and nothing else of ours that defines elements: this page is what a
// school's page gets from dist/pupil-voice.js (no question element defined until they load).
import '../embed.js';
import type { PvQuickExitEvent } from '../events.js';
import { $, $$, boxes, holdSurveyCoreBack, settle } from '../test-dom.js';
import type { PvSurvey } from './survey.js';

// The embed entry defines <pv-survey> but no question element: the first page is drawn from the
// JSON, then survey-core and the question elements are fetched, and the model's page replaces
// the early one without anything moving.

const SURVEY = {
  title: 'Our school: your voice',
  showProgressBar: true,
  pages: [
    {
      name: 'feelings',
      title: 'How you feel',
      elements: [
        { type: 'radiogroup', name: 'feel', title: 'How do you feel about school most days?', isRequired: true, choices: ['Happy', 'OK', 'Sad'] },
        { type: 'rating', name: 'safe', title: 'How safe do you feel at school?', rateCount: 5 },
        { type: 'boolean', name: 'trusted_adult', title: 'Is there an adult you could talk to?' },
        { type: 'checkbox', name: 'enjoy', title: 'Which lessons do you enjoy?', choices: ['English', 'Maths'], colCount: 2 },
        { type: 'text', name: 'word', title: 'One word for your school' },
        { type: 'comment', name: 'anything', title: 'Anything else?' },
      ],
    },
    { name: 'more', elements: [{ type: 'comment', name: 'later', title: 'Anything more?' }] },
  ],
};

/** Every script this page fetched, as it starts (resource timing, unaffected by the buffer's size). */
const fetched: Array<{ name: string; startTime: number }> = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) fetched.push({ name: entry.name, startTime: entry.startTime });
}).observe({ type: 'resource', buffered: true });

const databases: string[] = [];
const stores: ResponseStore[] = [];

// The entry loads the elements once the pages it could draw first are painted (none here).
before(() => customElements.whenDefined('pv-survey'));
let release: (() => void) | undefined;

function hold(): void {
  release = holdSurveyCoreBack();
}

afterEach(() => {
  release?.();
  release = undefined;
  for (const el of document.querySelectorAll('pv-survey')) el.remove();
  for (const store of stores.splice(0)) store.close();
});
after(async () => {
  await Promise.all(databases.map((name) => deleteDB(name).catch(() => undefined)));
});

function storeName(): string {
  const name = uniqueName('pv-embed-entry');
  databases.push(name);
  return name;
}

interface Mounted {
  readonly el: PvSurvey;
  /** performance.now() when the early page entered the survey's shadow root. */
  readonly drawnAt: number;
  /** Whether the radiogroup's element was defined then. */
  readonly elementsThen: boolean;
}

/**
 * Mounts a survey with survey-core held back and waits, task by task, for the early page
 * (and, with a survey-id, for its draft to be read: the "saved on this device" line).
 */
async function mountHeld(attributes: Record<string, string> = {}): Promise<Mounted> {
  const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  let drawnAt = -1;
  let elementsThen = true;
  const observer = new MutationObserver(() => {
    if (drawnAt < 0 && $(el, '[data-early-page]')) {
      drawnAt = performance.now();
      elementsThen = customElements.get('pv-radiogroup-question') !== undefined;
    }
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  el.definition = SURVEY;
  for (let i = 0; i < 500 && !(drawnAt >= 0 && (!('survey-id' in attributes) || $(el, '.pv-save-state'))); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  observer.disconnect();
  await settle(el);
  return { el, drawnAt, elementsThen };
}

async function handOver(el: PvSurvey): Promise<void> {
  const ready = oneEvent(el, 'pv-ready');
  release?.();
  await ready;
  await settle(el);
}

describe('the embed entry (dist/pupil-voice.js) draws the first page before any question element or survey-core', function () {
  this.timeout(30000);

  it('draws the first page with no question element defined, and fetches survey-core and the elements only after it', async () => {
    expect(customElements.get('pv-survey'), 'the entry defines <pv-survey>').to.exist;
    expect(customElements.get('pv-outbox-status'), 'and <pv-outbox-status>').to.exist;
    expect(customElements.get('pv-radiogroup-question'), 'but no question element').to.equal(undefined);
    hold();
    const { el, drawnAt, elementsThen } = await mountHeld();
    expect(drawnAt, 'the early page was drawn').to.be.greaterThan(0);
    expect(elementsThen, 'no question element was defined when it was drawn').to.equal(false);
    expect($$(el, 'pv-early-question')).to.have.length(6);
    await handOver(el);
    const surveyCore = fetched.filter((entry) => /\/survey-core\/.*\.m?js/.test(entry.name));
    const elements = fetched.filter((entry) => /common-questions/.test(entry.name));
    expect(surveyCore, 'survey-core was fetched').to.not.be.empty;
    expect(elements, 'the question elements were fetched').to.not.be.empty;
    for (const entry of [...surveyCore, ...elements]) {
      expect(entry.startTime, `${entry.name} started after the early page was drawn`).to.be.greaterThan(drawnAt);
    }
    expect(customElements.get('pv-radiogroup-question'), 'defined for the model’s page').to.exist;
    expect($(el, '[data-early-page]')).to.equal(null);
    expect($$(el, 'pv-radiogroup-question, pv-rating-question, pv-boolean-question, pv-checkbox-question, pv-text-question, pv-comment-question')).to.have.length(6);
  });

  it('adopts the question elements’ stylesheets before they are defined, in the order they bring them, so nothing moves', async () => {
    hold();
    const { el } = await mountHeld({ 'survey-id': 'embed-entry-cls', 'store-name': storeName(), 'quick-exit': '' });
    const earlySheets = [...el.shadowRoot!.adoptedStyleSheets];
    const option = $$<HTMLLabelElement>(el, 'pv-early-question[data-name="enjoy"] label').find((label) => label.textContent?.trim() === 'Maths')!;
    option.querySelector('input')!.click();
    await settle(el);
    const early = boxes(el);
    expect(early.length).to.be.greaterThan(15);
    await handOver(el);
    expect(boxes(el), 'the same boxes in the same places').to.deep.equal(early);
    expect(el.model!.data).to.deep.equal({ enjoy: ['Maths'] });
    // The early page's sheets are the model page's, in the same order; panels' and the
    // "not supported" notice's come after them once defined.
    const lateSheets = el.shadowRoot!.adoptedStyleSheets;
    expect(lateSheets.slice(0, earlySheets.length)).to.deep.equal(earlySheets);
    const extra = lateSheets.slice(earlySheets.length);
    const own = (tag: string) =>
      ((customElements.get(tag) as unknown as { elementStyles: Array<{ styleSheet?: CSSStyleSheet }> }).elementStyles ?? []).map((style) => style.styleSheet);
    for (const sheet of extra) expect([...own('pv-panel'), ...own('pv-unsupported-question')]).to.include(sheet);
    await expect(el).to.be.accessible();
  });

  it('has the quick exit on the first page, before survey-core, and it wipes what was answered', async () => {
    hold();
    const name = storeName();
    const { el } = await mountHeld({ 'survey-id': 'embed-entry-exit', 'store-name': name, 'quick-exit': 'https://example.org/' });
    expect(el.model, 'no model yet').to.equal(undefined);
    const saved = oneEvent(el, 'pv-answer-saved');
    $$<HTMLLabelElement>(el, 'pv-early-question[data-name="feel"] label').find((label) => label.textContent?.trim() === 'Happy')!.querySelector('input')!.click();
    await saved;
    const store = await openResponseStore({ name });
    stores.push(store);
    expect(await (await store.database()).count('drafts'), 'the early answer is on the device').to.equal(1);
    const leaving = oneEvent(el, 'pv-quick-exit') as unknown as Promise<PvQuickExitEvent>;
    // The test page must not navigate away; cancelling is what an integrator may do.
    el.addEventListener('pv-quick-exit', (event) => event.preventDefault(), { once: true });
    $<HTMLButtonElement>(el, '[part~="quick-exit-button"]')!.click();
    expect(el.style.visibility, 'hidden at once').to.equal('hidden');
    await leaving;
    expect(await (await store.database()).count('drafts'), 'wiped before leaving').to.equal(0);
  });

  it('has the quick exit before the draft is read too: nothing answered then is kept', async () => {
    hold();
    const name = storeName();
    const el = await fixture<PvSurvey>(html`<pv-survey survey-id="embed-entry-exit-soon" store-name=${name} quick-exit=""></pv-survey>`);
    el.definition = SURVEY;
    for (let i = 0; i < 500 && !$(el, '[data-early-page]'); i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    $$<HTMLLabelElement>(el, 'pv-early-question[data-name="feel"] label').find((label) => label.textContent?.trim() === 'Sad')!.querySelector('input')!.click();
    const leaving = oneEvent(el, 'pv-quick-exit');
    el.addEventListener('pv-quick-exit', (event) => event.preventDefault(), { once: true });
    $<HTMLButtonElement>(el, '[part~="quick-exit-button"]')!.click();
    await leaving;
    // Let the draft read that was under way finish, and anything it might have written.
    for (let i = 0; i < 50; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    await el.whenSaved();
    const store = await openResponseStore({ name });
    stores.push(store);
    const drafts = await (await store.database()).getAll('drafts');
    expect(drafts.filter((draft: { answers?: Record<string, unknown> }) => Object.keys(draft.answers ?? {}).length > 0), 'no answers on the device').to.deep.equal([]);
  });
});
