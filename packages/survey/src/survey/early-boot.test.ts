import { expect } from '@open-wc/testing';
import { openResponseStore } from '@pupil-voice/store';
import { deleteDB } from 'idb';
import { uniqueName } from '../../../store/src/test-support.js';
import { definedQuestionStyles } from '../question/question-tags.js';
import { draftPageKey, writeNote } from './draft-notes.js';
import { surveyStyles } from './survey.styles.js';
import { $, $$, boxes, holdSurveyCoreBack, PAGE_PARTS, settle } from '../test-dom.js';
import type { PvSurvey } from './survey.js';

// The embed's entry draws the first page of each <pv-survey src> already in the page before the
// element's own code has arrived (early-start.ts, early-boot.ts); the element then takes that
// page over. These surveys are in the page before the entry is imported, and <pv-survey> is held
// back from being defined (as a slow network would) until the respondent has used the page.

const FIRST = {
  title: 'Our school: your voice',
  showProgressBar: true,
  pages: [
    {
      name: 'feelings',
      elements: [
        { type: 'radiogroup', name: 'feel', title: 'How do you feel about school most days?', choices: ['Happy', 'OK', 'Sad'] },
        { type: 'text', name: 'word', title: 'One word for your school' },
        { type: 'comment', name: 'anything', title: 'Anything else?' },
      ],
    },
    { name: 'more', elements: [{ type: 'comment', name: 'later', title: 'Anything more?' }] },
  ],
};
/** A first page that depends on an answer: drawn by the element once the model is in. */
const CONDITIONAL = {
  pages: [
    {
      elements: [
        { type: 'boolean', name: 'pet', title: 'Do you have a pet?' },
        { type: 'text', name: 'pet_name', title: 'What is it called?', visibleIf: '{pet} = true' },
      ],
    },
  ],
};

const jsonUrl = (definition: unknown): string =>
  URL.createObjectURL(new Blob([JSON.stringify(definition)], { type: 'application/json' }));

const storeName = uniqueName('pv-early-boot');
const surveyId = uniqueName('early-boot-survey');
/** A survey this device's note says was left off on page 2. */
const laterId = uniqueName('early-boot-later');
const realDefine = customElements.define.bind(customElements);
let releaseSurvey: (() => void) | undefined;
const shifts: Array<{ value: number; hadRecentInput: boolean }> = [];

function make(attributes: Record<string, string>): PvSurvey {
  const el = document.createElement('pv-survey') as PvSurvey;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

/** Waits, task by task, until `check` holds. */
async function until(check: () => unknown, what: string): Promise<void> {
  for (let i = 0; i < 1000; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting until ${what}`);
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Where the page's parts are. Not the save line: it appears below everything once the element
 * has opened the draft, which moves nothing.
 */
const parts = (el: PvSurvey): string[] => boxes(el, PAGE_PARTS.replace(', .pv-save-state', ''));

describe('the embed draws the first page before <pv-survey> is defined, and the element takes it over', function () {
  this.timeout(60000);
  let drawn: PvSurvey;
  let audience: PvSurvey;
  let conditional: PvSurvey;
  let missing: PvSurvey;
  let replaced: PvSurvey;
  let later: PvSurvey;
  let laterUrl: string;
  let pressed: PvSurvey;
  let releaseCore: () => void;
  /** Every URL the page requested from here on (the embed's own requests and the element's). */
  const fetches: string[] = [];
  const realFetch = window.fetch;
  const realOpen = XMLHttpRequest.prototype.open;

  before(async () => {
    drawn = make({ src: jsonUrl(FIRST), 'survey-id': surveyId, 'store-name': storeName });
    audience = make({ src: jsonUrl(FIRST), audience: 'secondary' });
    conditional = make({ src: jsonUrl(CONDITIONAL) });
    missing = make({ src: '/no-such-early-survey.json' });
    replaced = make({ src: jsonUrl(FIRST) });
    writeNote(draftPageKey(storeName, laterId), '1');
    laterUrl = jsonUrl(FIRST);
    later = make({ src: laterUrl, 'survey-id': laterId, 'store-name': storeName });
    // Last in the page: taking it out moves nothing else.
    pressed = make({ src: jsonUrl(FIRST) });
    window.fetch = (input, init) => {
      fetches.push(input instanceof Request ? input.url : String(input));
      return realFetch(input, init);
    };
    XMLHttpRequest.prototype.open = function open(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      fetches.push(String(url));
      return (realOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof realOpen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        shifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    customElements.define = (name, constructor, options) => {
      if (name === 'pv-survey') releaseSurvey = () => realDefine(name, constructor, options);
      else realDefine(name, constructor, options);
    };
    releaseCore = holdSurveyCoreBack();
    await import('../embed.js');
    await until(() => releaseSurvey, 'the embed has loaded <pv-survey>');
  });

  after(async () => {
    customElements.define = realDefine;
    window.fetch = realFetch;
    XMLHttpRequest.prototype.open = realOpen;
    writeNote(draftPageKey(storeName, laterId), undefined);
    releaseCore?.();
    for (const el of [drawn, audience, conditional, missing, replaced, later, pressed]) el?.remove();
    await deleteDB(storeName).catch(() => undefined);
  });

  it('draws a first page that qualifies, and only that', async () => {
    expect(customElements.get('pv-survey'), 'the element is not defined yet').to.equal(undefined);
    expect($$(drawn, 'pv-early-question')).to.have.length(3);
    expect($(drawn, '.pv-survey-title')?.textContent).to.contain('Our school: your voice');
    expect($(drawn, '[role="progressbar"]')?.getAttribute('aria-valuetext')).to.equal('Page 1 of 2');
    expect($(drawn, 'button[part~="next-button"]')?.textContent?.trim()).to.equal('Next');
    expect(audience.shadowRoot, 'an audience opens on its intro: the element draws it').to.equal(null);
    expect(conditional.shadowRoot, 'a first page with visibleIf waits for the model').to.equal(null);
    expect(missing.shadowRoot).to.equal(null);
    expect(later.shadowRoot, 'a respondent who left off on page 2 is shown page 2, by the element').to.equal(null);
    expect(fetches, 'but its definition is already on its way').to.include(laterUrl);
    // The stylesheets of the kinds of question on the page, and no other: the rest are neither
    // built nor matched against the page before its first frame.
    expect(drawn.shadowRoot!.adoptedStyleSheets).to.deep.equal([
      surveyStyles.styleSheet,
      ...definedQuestionStyles(new Set(['pv-radiogroup-question', 'pv-text-question', 'pv-comment-question'])),
    ]);
    expect(drawn.shadowRoot!.adoptedStyleSheets.length).to.be.lessThan(1 + definedQuestionStyles().length);
    // The frame as the embed writes it, before any template has drawn it.
    expect($(drawn, '.pv-survey')!.firstChild instanceof Comment, 'no template marker in the first frame').to.equal(false);
    await expect(drawn).to.be.accessible();
  });

  it('shows Continue busy when it is pressed before the element is in, and keeps focus on it', async () => {
    const next = $<HTMLButtonElement>(pressed, 'button[part~="next-button"]')!;
    next.focus({ preventScroll: true });
    next.click();
    const busy = $<HTMLButtonElement>(pressed, 'button[part~="next-button"]')!;
    expect(busy.getAttribute('aria-disabled')).to.equal('true');
    expect($(pressed, '[role="status"]')?.textContent).to.match(/loading/i);
    expect(deepActive() === busy, 'focus is on Continue, drawn again busy').to.equal(true);
    expect($$(pressed, '.pv-survey')).to.have.length(1);
    // Carried out once the model is in (first-paint.test.ts): here its page change would scroll
    // the surveys the next test measures.
    pressed.remove();
  });

  it('keeps answers, focus, the caret and every box when the element takes the page over', async () => {
    const options = $$<HTMLInputElement>(drawn, 'input[type="radio"]');
    options[1]!.click();
    const field = $<HTMLInputElement>(drawn, 'input.pv-input')!;
    field.focus();
    field.value = 'kind';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    field.setSelectionRange(1, 3);
    const before = parts(drawn);
    expect(before).to.have.length.greaterThan(6);
    const earlySheets = [...drawn.shadowRoot!.adoptedStyleSheets];
    const frames = $$(drawn, '.pv-survey').length;
    replaced.definition = { elements: [{ type: 'comment', name: 'given', title: 'Given by script instead' }] };

    releaseSurvey!();
    await customElements.whenDefined('pv-survey');
    await settle(drawn);
    expect(frames).to.equal(1);
    expect($$(drawn, '.pv-survey'), 'one frame: the element drew nothing beside it').to.have.length(1);
    expect($$(drawn, 'pv-early-question')).to.have.length(3);
    expect(parts(drawn), 'nothing moved').to.deep.equal(before);
    // The element adopts every question element's sheets; the early page's keep their order.
    const lateSheets = drawn.shadowRoot!.adoptedStyleSheets;
    expect(lateSheets.length).to.be.greaterThan(earlySheets.length);
    expect(lateSheets.filter((sheet) => earlySheets.includes(sheet))).to.deep.equal(earlySheets);
    expect($$<HTMLInputElement>(drawn, 'input[type="radio"]')[1]!.checked).to.equal(true);
    expect(deepActive() === field, 'focus stayed in the field').to.equal(true);
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([1, 3]);

    // The model arrives: the answers are in it, focus and caret are where they were, nothing moved.
    const ready = new Promise((resolve) => drawn.addEventListener('pv-ready', resolve, { once: true }));
    releaseCore();
    await ready;
    await settle(drawn);
    expect(drawn.model!.data).to.deep.equal({ feel: 'OK', word: 'kind' });
    expect($(drawn, '[data-early-page]')).to.equal(null);
    expect($$(drawn, '.pv-survey'), 'the element’s own frame, only').to.have.length(1);
    expect(parts(drawn), 'nothing moved at the model’s page either').to.deep.equal(before);
    const active = deepActive() as HTMLInputElement | null;
    expect(active?.classList.contains('pv-input')).to.equal(true);
    expect([active?.selectionStart, active?.selectionEnd]).to.deep.equal([1, 3]);
    expect(shifts.reduce((sum, shift) => sum + shift.value, 0), 'no layout shift at all').to.equal(0);

    // And in the draft, for a reload.
    await drawn.whenSaved();
    const store = await openResponseStore({ name: storeName });
    try {
      const draft = await store.loadDraft(surveyId);
      expect(draft?.answers).to.deep.equal({ feel: 'OK', word: 'kind' });
    } finally {
      store.close();
    }
  });

  it('leaves the rest to the element: an intro, a conditional page, a failed request, a definition given by script', async () => {
    await settle(audience);
    await until(() => $(audience, '.pv-page, .pv-intro, [part~="intro"]'), 'the audience survey shows');
    await until(() => $(missing, '[role="alert"]'), 'the missing survey says so');
    expect($(missing, '[role="alert"]')?.textContent).to.match(/could not|couldn|load/i);
    const requests = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/no-such-early-survey.json'));
    expect(requests, 'the definition was requested once').to.have.length(1);
    await until(() => conditional.model, 'the conditional survey has its model');
    expect($(conditional, '[data-early-page]')).to.equal(null);
    await until(() => replaced.model, 'the scripted survey has its model');
    expect(replaced.model!.getQuestionByName('given'), 'the definition given by script wins').to.exist;
    expect($$(replaced, '.pv-survey')).to.have.length(1);
    expect($(replaced, '[data-early-page]')).to.equal(null);
    await until(() => later.model, 'the survey left off on page 2 has its model');
    expect($(later, '[data-early-page]')).to.equal(null);
    expect(fetches.filter((url) => url === laterUrl), 'its definition was requested once, by the embed, for the element').to.have.length(1);
  });
});
