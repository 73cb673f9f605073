import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openResponseStore, type ResponseStore } from '@pupil-voice/store';
import { deleteDB, openDB } from 'idb';
import { uniqueName } from '../../../store/src/test-support.js';
import '../define.js';
import { holdSurveyCoreBack } from '../test-dom.js';
import { $, $$, deepActiveElement, modelOf, renderSurvey, settle } from '../test-helpers.js';
import { planFirstPaint, type EarlyPage } from './first-paint-plan.js';
import { render as litRender, nothing } from 'lit';
import { translationFor } from '../strings/localize-controller.js';
import { FirstPaint, firstScreen } from './first-paint.js';
import { clickWithMouse, press, waitFor } from './survey-test-support.js';
import type { PvSurvey } from './survey.js';

// The early page: <pv-survey> draws the first page from the JSON while survey-core is held back
// (as on a slow network, through the loader's own seam), then hands over to the model.

const PUPIL = {
  title: 'Our school: your voice',
  description: 'There are no right or wrong answers.',
  showProgressBar: true,
  pages: [
    {
      name: 'feelings',
      title: 'How you feel',
      elements: [
        { type: 'radiogroup', name: 'feel', title: 'How do you feel about school most days?', isRequired: true, choices: ['Happy', 'OK', 'Sad'] },
        { type: 'rating', name: 'safe', title: 'How safe do you feel at school?', rateCount: 5, minRateDescription: 'Not safe', maxRateDescription: 'Very safe' },
        { type: 'boolean', name: 'trusted_adult', title: 'Is there an adult you could talk to?' },
        { type: 'checkbox', name: 'enjoy', title: 'Which lessons do you enjoy?', description: 'Tick all you like.', choices: ['English', 'Maths', { value: 3, text: 'Science' }], colCount: 2 },
        { type: 'text', name: 'nickname_for_school', title: 'One word for your school' },
        { type: 'comment', name: 'anything', title: 'Anything else?' },
      ],
    },
    { name: 'more', elements: [{ type: 'comment', name: 'later', title: 'Anything more?' }] },
  ],
};

/** A pupil survey opening on a dropdown and an agree/disagree grid. */
const GRID = {
  title: 'Agree or disagree',
  pages: [
    {
      name: 'grid',
      elements: [
        { type: 'dropdown', name: 'year', title: 'Which year are you in?', choices: ['Year 7', 'Year 8', { value: 9, text: 'Year 9' }] },
        {
          type: 'matrix',
          name: 'agree',
          title: 'How much do you agree with each statement?',
          description: 'One answer in each row.',
          isAllRowRequired: true,
          columns: ['Disagree', 'Not sure', { value: 3, text: 'Agree' }],
          rows: [{ value: 'safe', text: 'I feel safe at school.' }, 'Adults listen to me.', { value: 'friends', text: 'I have friends at school.' }],
        },
      ],
    },
    { name: 'more', elements: [{ type: 'comment', name: 'later', title: 'Anything more?' }] },
  ],
};

/** A survey opening on a start page of instructions, then the pupil pages. */
const START = {
  title: 'Our school: your voice',
  firstPageIsStartPage: true,
  startSurveyText: 'Start the survey',
  pages: [
    {
      name: 'intro',
      elements: [{ type: 'html', name: 'welcome', html: '<p>This survey is <strong>anonymous</strong>.</p><p>It takes about five minutes.</p>' }],
    },
    PUPIL.pages[0]!,
    PUPIL.pages[1]!,
  ],
};

/** A grid far longer than any window, and a question after it. */
const LONG = {
  title: 'Agree or disagree',
  pages: [
    {
      name: 'grid',
      elements: [
        {
          type: 'matrix',
          name: 'agree',
          title: 'How much do you agree with each statement?',
          columns: ['Disagree', 'Not sure', 'Agree'],
          rows: Array.from({ length: 60 }, (_, index) => ({ value: `s${index + 1}`, text: `Statement ${index + 1}` })),
        },
        { type: 'radiogroup', name: 'after', title: 'And one more?', choices: ['Yes', 'No'] },
      ],
    },
    { name: 'more', elements: [{ type: 'comment', name: 'later', title: 'Anything more?' }] },
  ],
};

const databases: string[] = [];
const stores: ResponseStore[] = [];
let release: (() => void) | undefined;

/** Holds survey-core back for surveys that start loading from now on; returns the release. */
function hold(): () => void {
  release = holdSurveyCoreBack();
  return release;
}

afterEach(() => {
  release?.();
  release = undefined;
  for (const el of document.querySelectorAll('pv-survey')) el.remove();
  for (const store of stores.splice(0)) store.close();
});
// The early page's code and the store are chunks loaded on demand; a cold dev server under load
// can take longer to serve them than the task-by-task waits below allow, so load them first.
before(async () => {
  await Promise.all([import('./first-paint.js'), import('../delivery/open-delivery.js')]);
});
after(async () => {
  await Promise.all(databases.map((name) => deleteDB(name).catch(() => undefined)));
});

function storeName(): string {
  const name = uniqueName('pv-first-paint');
  databases.push(name);
  return name;
}

/** The early page, or null. */
function earlyPage(el: PvSurvey): Element | null {
  return $(el, '[data-early-page]');
}

/**
 * Mounts a survey while survey-core is held back and waits, task by task (never by a clock),
 * until what it shows before the model is settled: the early page with the draft read (its
 * "saved on this device" line), the loading line, or the model.
 */
async function mountHeld(definition: unknown, attributes: Record<string, string> = {}): Promise<PvSurvey> {
  const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.definition = definition;
  const stored = 'survey-id' in attributes;
  let sawEarly = false;
  for (let i = 0; i < 200 && !el.model; i += 1) {
    await settle(el);
    if (earlyPage(el)) sawEarly = true;
    if (sawEarly && (!stored || !earlyPage(el) || $(el, '.pv-save-state'))) break;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await settle(el);
  return el;
}

/** Lets survey-core through and waits for the model's page. */
async function handOver(el: PvSurvey): Promise<void> {
  const ready = oneEvent(el, 'pv-ready');
  release?.();
  await ready;
  await settle(el);
}

/** The label of an option (early or the model's) in the question with this name, by its text. */
function option(el: PvSurvey, name: string, text: string): HTMLElement {
  const holder = earlyPage(el)
    ? $(el, `pv-early-question[data-name="${name}"]`)
    : $(el, `[data-qid="${modelOf(el).getQuestionByName(name).id}"]`);
  const label = Array.from(holder!.querySelectorAll<HTMLElement>('label')).find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no option "${text}" in ${name}`);
  return label;
}

/** The answer in this row and column of a grid question (early or the model's). */
function cell(el: PvSurvey, name: string, row: number, column: number): HTMLInputElement {
  const holder = earlyPage(el)
    ? $(el, `pv-early-question[data-name="${name}"]`)
    : $(el, `[data-qid="${modelOf(el).getQuestionByName(name).id}"]`);
  return holder!.querySelectorAll('tbody tr')[row]!.querySelectorAll('input')[column]!;
}

/**
 * The same answers to the grid page, by keyboard and mouse: Year 9 with the arrows, the first
 * row with Space and arrows, the second with Space, the third by mouse.
 */
async function answerGridPage(el: PvSurvey): Promise<void> {
  control(el, 'year', 'select').focus();
  for (let i = 0; i < 3; i += 1) await press(el, 'ArrowDown');
  await press(el, 'Tab');
  await press(el, 'Space');
  await press(el, 'ArrowRight');
  await press(el, 'ArrowRight');
  await press(el, 'Tab');
  await press(el, 'Space');
  await clickWithMouse(el, cell(el, 'agree', 2, 1).closest('label')!);
}

function control(el: PvSurvey, name: string, selector: string): HTMLElement {
  const holder = earlyPage(el)
    ? $(el, `pv-early-question[data-name="${name}"]`)
    : $(el, `[data-qid="${modelOf(el).getQuestionByName(name).id}"]`);
  return holder!.querySelector<HTMLElement>(selector)!;
}

/** The same answers, given by mouse and keyboard, to whichever page is on screen. */
async function answerPupilPage(el: PvSurvey): Promise<void> {
  await clickWithMouse(el, option(el, 'feel', 'OK'));
  await clickWithMouse(el, option(el, 'safe', '4'));
  await clickWithMouse(el, option(el, 'trusted_adult', 'Yes'));
  await clickWithMouse(el, option(el, 'enjoy', 'Science'));
  await clickWithMouse(el, option(el, 'enjoy', 'English'));
  await clickWithMouse(el, option(el, 'enjoy', 'Maths'));
  await clickWithMouse(el, option(el, 'enjoy', 'English'));
  await clickWithMouse(el, control(el, 'nickname_for_school', 'input'));
  await sendKeys({ type: 'Friendly ' });
  await clickWithMouse(el, control(el, 'anything', 'textarea'));
  await sendKeys({ type: 'No' });
  await press(el, 'Tab');
}

/**
 * Holds every draft read and write of this database back, as a slow disk or a store chunk
 * still downloading would: a read-write transaction on `drafts` kept busy (real IndexedDB
 * queues the survey's own transaction behind it) until the returned release is called.
 */
async function holdDrafts(name: string): Promise<() => Promise<void>> {
  const db = await openDB(name);
  const tx = db.transaction('drafts', 'readwrite');
  let held = true;
  const spin = (): void => {
    if (held) void tx.objectStore('drafts').count().then(spin);
  };
  spin();
  return async () => {
    held = false;
    await tx.done;
    db.close();
  };
}

/** Mounts a survey and waits, task by task, until its early page is on screen. */
async function mountUntilEarly(definition: unknown, attributes: Record<string, string>): Promise<PvSurvey> {
  const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.definition = definition;
  for (let i = 0; i < 500 && !earlyPage(el); i += 1) {
    await settle(el);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  expect(earlyPage(el), 'the early page').to.exist;
  return el;
}

/**
 * Waits, task by task, until the early page has read its draft: its "saved on this device" line
 * shows, or the page has gone back to waiting for the model.
 */
async function untilDraftRead(el: PvSurvey): Promise<void> {
  const read = () => !!$(el, '.pv-save-state') || !earlyPage(el);
  for (let i = 0; i < 500 && !read(); i += 1) {
    await settle(el);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  expect(read(), 'the draft was read').to.equal(true);
}

/** Records layout shifts of anything in the survey from now; the returned function stops and reports them. */
function watchShifts(el: PvSurvey): () => Promise<number[]> {
  const shifts: number[] = [];
  const inSurvey = (node: Node | null | undefined) => !!node && (el.contains(node) || el.shadowRoot!.contains(node));
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Array<{ value: number; sources: Array<{ node?: Node | null }> }>) {
      if (entry.sources.some((source) => inSurvey(source.node))) shifts.push(entry.value);
    }
  });
  observer.observe({ type: 'layout-shift' });
  return async () => {
    // Layout shifts are measured when frames are drawn, which a hidden test page never gets.
    if (document.visibilityState === 'visible') {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }
    observer.disconnect();
    return shifts;
  };
}

/** Records whether the early page was ever drawn in this survey. */
function watchEarly(el: PvSurvey): () => boolean {
  let seen = !!earlyPage(el);
  const observer = new MutationObserver(() => (seen ||= !!earlyPage(el)));
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    return seen || !!earlyPage(el);
  };
}

async function openStore(name: string): Promise<ResponseStore> {
  const store = await openResponseStore({ name });
  stores.push(store);
  return store;
}

/** Boxes of everything a respondent sees on the first page, in document order. */
function boxes(el: PvSurvey): string[] {
  return $$(
    el,
    '.pv-survey-title, .pv-header .pv-description, .pv-progress, .pv-page-heading, .pv-title, .pv-question > .pv-description, .pv-option, .pv-rating-item, .pv-rating-description, .pv-input, textarea, select, .pv-matrix-column-header, .pv-matrix-row-header, .pv-html p, .pv-navigation .pv-button, .pv-save-state',
  ).map(
    (node) => {
      const box = node.getBoundingClientRect();
      return `${node.className.split(' ')[0]} ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`;
    },
  );
}

/**
 * What each question on the page shows, element by element: tag, classes, role, state and
 * ARIA (ids left out: the early page has its own), and text. The early page draws from its own
 * markup (early-markup.ts), which must stay the question elements' own.
 */
function shapes(el: PvSurvey): string[] {
  return $$(el, '.pv-question').map((question) =>
    [question, ...question.querySelectorAll('*')]
      .map((node) => {
        const classes = [...node.classList].sort().join('.');
        const attributes = [...node.attributes]
          .filter((a) => !/^(id|for|name|class|data-qid|data-name|value|aria-labelledby|aria-describedby|style)$/.test(a.name))
          .map((a) => `${a.name}=${a.value}`)
          .sort();
        const labelled = ['aria-labelledby', 'aria-describedby'].filter((a) => node.hasAttribute(a)).join(',');
        const state = node instanceof HTMLInputElement ? ` checked=${node.checked} disabled=${node.disabled}` : node instanceof HTMLOptionElement ? ` selected=${node.selected} disabled=${node.disabled}` : '';
        const text = node.children.length === 0 ? ` "${node.textContent!.trim()}"` : '';
        return `${node.localName}.${classes} [${attributes.join(' ')}] {${labelled}}${state}${text}`;
      })
      .join('\n'),
  );
}

describe('<pv-survey> draws the first page before survey-core arrives', () => {
  it('paints the first page from the JSON, accessibly, without survey-core', async () => {
    hold();
    const el = await mountHeld(PUPIL, { 'survey-id': 'first-paint-a11y', 'store-name': storeName() });
    expect(earlyPage(el), 'early page').to.exist;
    expect(el.model, 'no model yet').to.equal(undefined);
    expect($(el, '.pv-loading')).to.equal(null);
    expect($$(el, 'pv-early-question')).to.have.length(6);
    expect($(el, '.pv-page-heading')!.textContent!.trim()).to.equal('How you feel');
    expect($(el, '.pv-progress-text')!.textContent!.trim()).to.equal('Page 1 of 2');
    await expect(el).to.be.accessible();
  });

  it('gives the model exactly what survey-core stores for the same clicks and keys', async () => {
    // Answered on the model's own page: the reference.
    const reference = await renderSurvey(PUPIL);
    await answerPupilPage(reference);
    const expected = { ...(modelOf(reference).data as Record<string, unknown>) };
    reference.remove();
    expect(expected).to.deep.equal({ feel: 'OK', safe: 4, trusted_adult: true, enjoy: [3, 'Maths'], nickname_for_school: 'Friendly ', anything: 'No' });

    hold();
    const el = await mountHeld(PUPIL, { 'survey-id': 'first-paint-exact', 'store-name': storeName() });
    expect(earlyPage(el)).to.exist;
    await answerPupilPage(el);
    expect(el.model).to.equal(undefined);
    await handOver(el);
    expect(modelOf(el).data).to.deep.equal(expected);
    await el.whenSaved();
    const draft = await (await openStore(el.storeName)).loadDraft('first-paint-exact');
    expect(draft?.answers).to.deep.equal(expected);
  });

  it('keeps answers given before the model through a reload, into the draft and the response', async () => {
    const name = storeName();
    hold();
    const first = await mountHeld(PUPIL, { 'survey-id': 'first-paint-reload', 'store-name': name });
    await clickWithMouse(first, option(first, 'feel', 'Sad'));
    await clickWithMouse(first, control(first, 'nickname_for_school', 'input'));
    await sendKeys({ type: 'Big' });
    await first.whenSaved();
    expect(first.model, 'still no model').to.equal(undefined);
    const draft = await (await openStore(name)).loadDraft('first-paint-reload');
    expect(draft?.answers).to.deep.equal({ feel: 'Sad', nickname_for_school: 'Big' });
    first.remove();

    // A reload while survey-core is still on its way: the early page shows the saved answers.
    const second = await mountHeld(PUPIL, { 'survey-id': 'first-paint-reload', 'store-name': name });
    expect(earlyPage(second)).to.exist;
    expect((control(second, 'feel', 'input[value="2"]') as HTMLInputElement).checked, 'Sad still ticked').to.equal(true);
    expect((control(second, 'nickname_for_school', 'input') as HTMLInputElement).value).to.equal('Big');
    await clickWithMouse(second, option(second, 'trusted_adult', 'No'));
    await handOver(second);
    expect(second.responseId).to.equal(draft?.responseId);
    expect(modelOf(second).data).to.deep.equal({ feel: 'Sad', nickname_for_school: 'Big', trusted_adult: false });

    // Through to the response.
    $<HTMLButtonElement>(second, '[part~="next-button"]')!.click();
    await settle(second);
    const complete = oneEvent(second, 'pv-complete');
    const queued = oneEvent(second, 'pv-response-queued');
    $<HTMLButtonElement>(second, '[part~="submit-button"]')!.click();
    const { data } = (await complete) as unknown as { data: Record<string, unknown> };
    await queued;
    expect(data).to.deep.equal({ feel: 'Sad', nickname_for_school: 'Big', trusted_adult: false });
    const outbox = await (await openStore(name)).listOutbox();
    expect(outbox.map((entry) => entry.responseId)).to.include(draft?.responseId);
  });

  it('waits for the model when a draft resumes on a later page', async () => {
    const name = storeName();
    const first = await renderSurvey(PUPIL, { 'survey-id': 'first-paint-later', 'store-name': name });
    await clickWithMouse(first, option(first, 'feel', 'Happy'));
    $<HTMLButtonElement>(first, '[part~="next-button"]')!.click();
    await settle(first);
    await first.whenSaved();
    first.remove();

    // The device notes the draft's page (a number, no answer), readable before the store opens.
    expect(localStorage.getItem(`pv-draft-page:${name}:first-paint-later`)).to.equal('1');

    hold();
    const second = await fixture<PvSurvey>(html`<pv-survey survey-id="first-paint-later" store-name=${name}></pv-survey>`);
    const sawEarly = watchEarly(second);
    second.definition = PUPIL;
    await handOver(second);
    expect(sawEarly(), 'page one, where the respondent was not, never flashed up').to.equal(false);
    expect(modelOf(second).currentPageNo).to.equal(1);
    expect(modelOf(second).data).to.deep.equal({ feel: 'Happy' });

    // The quick exit (a wipe) forgets the note with the draft.
    await second.whenSaved();
    second.addEventListener('pv-quick-exit', (event) => event.preventDefault());
    await second.leave();
    expect(localStorage.getItem(`pv-draft-page:${name}:first-paint-later`)).to.equal(null);
  });

  it('does not paint early a first page with visibleIf, piping or requiredIf', async () => {
    hold();
    const plain = await mountHeld(PUPIL);
    expect(earlyPage(plain), 'the control case paints early').to.exist;
    plain.remove();
    const variants: Array<[string, (page: Record<string, unknown>[]) => void]> = [
      ['visibleIf', (elements) => (elements[2]!['visibleIf'] = '{feel} = "Sad"')],
      ['piping', (elements) => (elements[1]!['title'] = 'Why do you feel {feel}?')],
      ['requiredIf', (elements) => (elements[5]!['requiredIf'] = '{trusted_adult} = false')],
      ['enableIf', (elements) => (elements[0]!['enableIf'] = '{safe} > 2')],
      ['choicesByUrl', (elements) => (elements[3]!['choicesByUrl'] = { url: 'https://example.org/choices' })],
    ];
    for (const [label, change] of variants) {
      const definition = structuredClone(PUPIL) as { pages: Array<{ elements: Record<string, unknown>[] }> };
      change(definition.pages[0]!.elements);
      const el = await mountHeld(definition);
      expect(earlyPage(el), label).to.equal(null);
      expect($(el, '.pv-loading'), label).to.exist;
      el.remove();
    }
    // Calculated values and a page the count depends on wait too.
    expect(planFirstPaint({ ...PUPIL, calculatedValues: [{ name: 'x', expression: '1' }] })).to.have.property('reason');
    expect(planFirstPaint({ ...PUPIL, pages: [PUPIL.pages[0], { ...PUPIL.pages[1], visibleIf: '{feel} = "Sad"' }] })).to.have.property('reason');
    expect(planFirstPaint(PUPIL)).to.have.property('page');
  });

  it('keeps keyboard focus and the caret at hand-over, and no keystroke is lost', async () => {
    hold();
    const el = await mountHeld(PUPIL, { 'survey-id': 'first-paint-caret', 'store-name': storeName() });
    await clickWithMouse(el, control(el, 'nickname_for_school', 'input'));
    await sendKeys({ type: 'hello world' });
    for (let i = 0; i < 3; i += 1) await sendKeys({ press: 'ArrowLeft' });
    const before = deepActiveElement() as HTMLInputElement;
    expect(before.selectionStart).to.equal(8);
    await handOver(el);
    const after = deepActiveElement() as HTMLInputElement;
    expect(after, 'a new input, the model’s').to.not.equal(before);
    expect(after.closest('pv-text-question'), 'focus is in the model’s text question').to.exist;
    expect(after.value).to.equal('hello world');
    expect([after.selectionStart, after.selectionEnd]).to.deep.equal([8, 8]);
    await sendKeys({ type: 'X' });
    await settle(el);
    expect(after.value).to.equal('hello woXrld');
    expect(modelOf(el).getValue('nickname_for_school')).to.equal('hello woXrld');
  });

  it('keeps focus on a chosen radio at hand-over', async () => {
    hold();
    const el = await mountHeld(PUPIL);
    await clickWithMouse(el, option(el, 'safe', '3'));
    await press(el, 'ArrowRight');
    await handOver(el);
    const focused = deepActiveElement() as HTMLInputElement;
    expect(focused.closest('pv-rating-question'), 'focus in the model’s rating').to.exist;
    expect(focused.checked).to.equal(true);
    expect(modelOf(el).getValue('safe')).to.equal(4);
  });

  it('draws the question elements’ own markup, answered as they show it', async () => {
    for (const [definition, answer] of [
      [
        PUPIL,
        async (el: PvSurvey) => {
          await clickWithMouse(el, option(el, 'feel', 'OK'));
          await clickWithMouse(el, option(el, 'safe', '4'));
          await clickWithMouse(el, option(el, 'trusted_adult', 'Yes'));
          await clickWithMouse(el, option(el, 'enjoy', 'Science'));
          await clickWithMouse(el, option(el, 'enjoy', 'English'));
        },
      ],
      [
        GRID,
        async (el: PvSurvey) => {
          $<HTMLSelectElement>(el, 'select')!.focus();
          await press(el, 'ArrowDown');
          await clickWithMouse(el, cell(el, 'agree', 1, 2).closest('label')!);
        },
      ],
    ] as const) {
      hold();
      const el = await mountHeld(definition, { 'survey-id': 'fp-markup', 'store-name': storeName() });
      await answer(el);
      const early = shapes(el);
      await handOver(el);
      expect(earlyPage(el)).to.equal(null);
      const late = shapes(el);
      expect(early.length).to.be.greaterThan(1);
      early.forEach((shape, index) => expect(shape, `question ${index + 1}`).to.equal(late[index]));
      el.remove();
    }
  });

  it('shows hostile text from the definition as text', async () => {
    const hostile = '<img src=x onerror="window.__pvEarlyPwned=1">"\'&';
    hold();
    const el = await mountHeld({
      pages: [
        {
          elements: [
            { type: 'radiogroup', name: 'a"b<c', title: hostile, description: `<b>${hostile}</b>`, choices: [{ value: 1, text: hostile }, 'Two'] },
            { type: 'matrix', name: 'grid', title: 'Grid', columns: [{ value: 1, text: hostile }], rows: [{ value: 'r', text: hostile }] },
            { type: 'text', name: 't', title: 'T', placeholder: hostile },
          ],
        },
      ],
    });
    expect(earlyPage(el), 'early page').to.exist;
    expect(el.shadowRoot!.querySelector('img, b'), 'no element from the text').to.equal(null);
    expect((window as { __pvEarlyPwned?: number }).__pvEarlyPwned).to.equal(undefined);
    expect($(el, '.pv-title')!.textContent).to.contain(hostile);
    expect($(el, '.pv-option-label')!.textContent).to.equal(hostile);
    expect($(el, '.pv-matrix-row-header')!.textContent!.trim()).to.equal(hostile);
    expect($(el, '.pv-matrix-column-header')!.textContent).to.equal(hostile);
    expect($<HTMLInputElement>(el, '.pv-input')!.placeholder).to.equal(hostile);
    expect($(el, 'pv-early-question')!.dataset['name']).to.equal('a"b<c');
    await clickWithMouse(el, $(el, '.pv-option')!);
    await handOver(el);
    expect(modelOf(el).getValue('a"b<c')).to.equal(1);
  });

  it('moves nothing on screen when the model’s page replaces the early one (CLS 0)', async () => {
    hold();
    const el = await mountHeld(PUPIL, { 'survey-id': 'first-paint-cls', 'store-name': storeName() });
    await clickWithMouse(el, option(el, 'enjoy', 'Maths'));
    const early = boxes(el);
    const shifts = watchShifts(el);
    await handOver(el);
    const late = boxes(el);
    expect(late, 'the same boxes in the same places').to.deep.equal(early);
    expect(early.length).to.be.greaterThan(20);
    expect(await shifts(), 'layout shifts in the survey').to.deep.equal([]);
  });

  it('holds Continue until the model is there, says so, then validates and proceeds', async () => {
    hold();
    const el = await mountHeld(PUPIL);
    const next = $<HTMLButtonElement>(el, '[part~="next-button"]')!;
    next.focus();
    await press(el, 'Enter');
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '.pv-navigation ~ [role="status"]')!.textContent).to.contain('Loading');
    expect(el.model).to.equal(undefined);
    await handOver(el);
    // The required question is unanswered: the error summary, with focus on it.
    expect(modelOf(el).currentPageNo).to.equal(0);
    expect(deepActiveElement()?.classList.contains('pv-error-summary')).to.equal(true);

    // Answered, then Continue early: the next page once the model is there.
    hold();
    const again = await mountHeld(PUPIL);
    await clickWithMouse(again, option(again, 'feel', 'Happy'));
    $<HTMLButtonElement>(again, '[part~="next-button"]')!.click();
    await settle(again);
    await handOver(again);
    expect(modelOf(again).currentPageNo).to.equal(1);
    expect(deepActiveElement()?.classList.contains('pv-page-heading')).to.equal(true);
  });
  describe('answers given before the draft is read', () => {
    /** A draft on page two, saved by an earlier visit (by an earlier version: no hint of its page). */
    async function draftOnPageTwo(name: string, surveyId: string, kiosk = false): Promise<string> {
      const store = await openStore(name);
      const draft = await store.startDraft(surveyId, { kiosk });
      await store.saveDraft(draft.responseId, { answers: { feel: 'Happy', safe: 2, later: 'From before' }, page: 1 });
      store.close();
      return draft.responseId;
    }

    /** Answers on the early page while the draft read is held back: "Sad" (the draft says "Happy") and a nickname. */
    async function answerInTheWindow(el: PvSurvey): Promise<void> {
      await clickWithMouse(el, option(el, 'feel', 'Sad'));
      await clickWithMouse(el, control(el, 'nickname_for_school', 'input'));
      await sendKeys({ type: 'Big' });
      await settle(el);
    }

    /** Continue to page two, check what it shows, then Submit: resolves with the response's data. */
    async function submit(el: PvSurvey): Promise<Record<string, unknown>> {
      $<HTMLButtonElement>(el, '[part~="next-button"]')!.click();
      await settle(el);
      expect(modelOf(el).currentPageNo).to.equal(1);
      expect((control(el, 'later', 'textarea') as HTMLTextAreaElement).value, 'page two keeps its answer').to.equal('From before');
      const complete = oneEvent(el, 'pv-complete');
      const queued = oneEvent(el, 'pv-response-queued');
      $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      const { data } = (await complete) as unknown as { data: Record<string, unknown> };
      await queued;
      return data;
    }

    it('keeps them when the draft turns out to be on a later page: merged, newer wins, the page stays', async () => {
      const name = storeName();
      const responseId = await draftOnPageTwo(name, 'fp-window');
      hold();
      const releaseDrafts = await holdDrafts(name);
      const el = await mountUntilEarly(PUPIL, { 'survey-id': 'fp-window', 'store-name': name });
      await answerInTheWindow(el);
      await releaseDrafts();
      await untilDraftRead(el);
      // The respondent is answering page one: it stays, with the draft's answers under theirs.
      expect(earlyPage(el), 'page one stays where the respondent answered').to.exist;
      expect((control(el, 'feel', 'input[value="2"]') as HTMLInputElement).checked, 'Sad, given now, wins').to.equal(true);
      expect((control(el, 'safe', 'input[value="1"]') as HTMLInputElement).checked, 'the draft’s 2 is filled in').to.equal(true);
      await handOver(el);
      const expected = { feel: 'Sad', safe: 2, later: 'From before', nickname_for_school: 'Big' };
      expect(modelOf(el).data).to.deep.equal(expected);
      expect(modelOf(el).currentPageNo, 'the page the respondent is on').to.equal(0);
      expect(deepActiveElement()?.closest('pv-text-question'), 'focus kept in the nickname').to.exist;
      expect(el.responseId).to.equal(responseId);
      await el.whenSaved();
      const draft = await (await openStore(name)).loadDraft('fp-window');
      expect(draft?.answers).to.deep.equal(expected);
      expect(draft?.page).to.equal(0);
      expect(await submit(el)).to.deep.equal(expected);
      const outbox = await (await openStore(name)).listOutbox();
      expect(outbox.map((entry) => entry.responseId)).to.include(responseId);
    });

    it('keeps them in a kiosk survey (which never resumes the last person’s draft)', async () => {
      const name = storeName();
      const earlier = await draftOnPageTwo(name, 'fp-window-kiosk', true);
      hold();
      const releaseDrafts = await holdDrafts(name);
      const el = await mountUntilEarly(PUPIL, { 'survey-id': 'fp-window-kiosk', 'store-name': name, kiosk: '' });
      await answerInTheWindow(el);
      await releaseDrafts();
      await untilDraftRead(el);
      expect(earlyPage(el)).to.exist;
      expect((control(el, 'safe', 'input[value="1"]') as HTMLInputElement).checked, 'nothing of the last person').to.equal(false);
      await handOver(el);
      const expected = { feel: 'Sad', nickname_for_school: 'Big' };
      expect(modelOf(el).data).to.deep.equal(expected);
      expect(el.responseId).to.not.equal(earlier);
      await el.whenSaved();
      // The only draft of this survey is this person's, holding what they gave.
      const db = await openDB(name);
      const drafts = (await db.getAllFromIndex('drafts', 'by-survey', 'fp-window-kiosk')) as Array<{ responseId: string; answers: unknown }>;
      db.close();
      expect(drafts.map((draft) => [draft.responseId, draft.answers])).to.deep.equal([[el.responseId, expected]]);
      $<HTMLButtonElement>(el, '[part~="next-button"]')!.click();
      await settle(el);
      const complete = oneEvent(el, 'pv-complete');
      $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      const { data } = (await complete) as unknown as { data: Record<string, unknown> };
      expect(data).to.deep.equal(expected);
    });

    it('keeps them through a reload before survey-core arrives', async () => {
      const name = storeName();
      const responseId = await draftOnPageTwo(name, 'fp-window-reload');
      hold();
      const releaseDrafts = await holdDrafts(name);
      const first = await mountUntilEarly(PUPIL, { 'survey-id': 'fp-window-reload', 'store-name': name });
      await answerInTheWindow(first);
      await releaseDrafts();
      await untilDraftRead(first);
      await first.whenSaved();
      expect(first.model, 'still no model').to.equal(undefined);
      first.remove();

      // The reload: page one again, early, with everything the respondent has given.
      const second = await mountHeld(PUPIL, { 'survey-id': 'fp-window-reload', 'store-name': name });
      expect(earlyPage(second), 'page one, where the respondent last was').to.exist;
      expect((control(second, 'feel', 'input[value="2"]') as HTMLInputElement).checked, 'Sad').to.equal(true);
      expect((control(second, 'nickname_for_school', 'input') as HTMLInputElement).value).to.equal('Big');
      await handOver(second);
      const expected = { feel: 'Sad', safe: 2, later: 'From before', nickname_for_school: 'Big' };
      expect(second.responseId).to.equal(responseId);
      expect(modelOf(second).data).to.deep.equal(expected);
      expect(await submit(second)).to.deep.equal(expected);
    });
  });
  describe('a page longer than the window', () => {
    /** What each drawing of the early page showed, recorded as it was drawn. */
    interface Drawn {
      readonly rows: number;
      readonly after: boolean;
      readonly navigation: boolean;
      /** Bottom edge of the last grid row drawn, in the window's coordinates. */
      readonly bottom: number;
    }

    function recordDrawings(el: PvSurvey): { drawn: Drawn[]; stop: () => void } {
      const drawn: Drawn[] = [];
      const observer = new MutationObserver(() => {
        const rows = $$(el, 'pv-early-question[data-name="agree"] tbody tr');
        if (!earlyPage(el) || rows.length === 0) return;
        const state = {
          rows: rows.length,
          after: !!$(el, 'pv-early-question[data-name="after"]'),
          navigation: !!$(el, '.pv-navigation'),
          bottom: rows.at(-1)!.getBoundingClientRect().bottom,
        };
        const last = drawn.at(-1);
        if (!last || last.rows !== state.rows || last.navigation !== state.navigation) drawn.push(state);
      });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      return { drawn, stop: () => observer.disconnect() };
    }

    it('draws what can be on screen first, then the rest, moving nothing in view', async () => {
      hold();
      const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
      const { drawn, stop } = recordDrawings(el);
      const shifts = watchShifts(el);
      el.definition = LONG;
      await waitFor(el, () => !!$(el, '[data-early-page] ~ .pv-navigation'));
      stop();
      expect(drawn.length, 'drawn in two steps').to.equal(2);
      const [first, rest] = drawn as [Drawn, Drawn];
      expect(first.rows, 'part of the grid first').to.be.within(1, 59);
      expect(first.after, 'not the question after it').to.equal(false);
      expect(first.navigation, 'nor Continue').to.equal(false);
      // Everything drawn later starts below the last row drawn first, which reaches past the window.
      expect(first.bottom, 'the first drawing fills the window').to.be.at.least(window.innerHeight);
      expect(rest).to.include({ rows: 60, after: true, navigation: true });
      expect(await shifts(), 'layout shifts in the survey').to.deep.equal([]);
      await expect(el).to.be.accessible();

      // Answers on the whole early page reach the model.
      await clickWithMouse(el, cell(el, 'agree', 0, 2).closest('label')!);
      cell(el, 'agree', 59, 0).click();
      await handOver(el);
      expect(modelOf(el).data).to.deep.equal({ agree: { s1: 'Agree', s60: 'Disagree' } });
    });

    it('draws a page that fits the window whole, at once', async () => {
      hold();
      const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
      const { drawn, stop } = recordDrawings(el);
      el.definition = GRID;
      await waitFor(el, () => !!$(el, '[data-early-page] ~ .pv-navigation'));
      stop();
      expect(drawn).to.have.length(1);
      expect(drawn[0]).to.include({ rows: 3, navigation: true });
    });

    it('counts each question at the least height it can take', () => {
      const page = (questions: unknown[]): EarlyPage => {
        const plan = planFirstPaint({ pages: [{ name: 'p', elements: questions }] });
        if (!('page' in plan)) throw new Error(plan.reason);
        return plan.page;
      };
      const five = ['Always', 'Usually', 'Sometimes', 'Rarely', 'Never'];
      const ten = Array.from({ length: 10 }, (_, index) => ({ type: 'radiogroup', name: `q${index}`, choices: five }));
      // Each: a 16 px title and five 44 px options, stacked: 236 px. Three reach 600 px.
      expect(firstScreen(page(ten), { height: 600, target: 44 })).to.deep.equal({ questions: 3 });
      // Options in a row take one line: 60 px each, so ten fit in 600 px.
      const rows = ten.map((question) => ({ ...question, colCount: 0 }));
      expect(firstScreen(page(rows), { height: 600, target: 44 })).to.equal(undefined);
      // A grid: rows to the window's bottom edge and one more.
      expect(firstScreen(page(LONG.pages[0]!.elements), { height: 600, target: 44 })).to.deep.equal({ questions: 1, rows: 15 });
      // Below the window (a negative room): the first question, and a grid's first row.
      expect(firstScreen(page(ten), { height: -100, target: 44 })).to.deep.equal({ questions: 1 });
      expect(firstScreen(page(LONG.pages[0]!.elements), { height: -100, target: 44 })).to.deep.equal({ questions: 1, rows: 1 });
    });
  });

  describe('a dropdown, an agree/disagree grid and a start page', () => {
    it('paints them early, accessibly', async () => {
      hold();
      const grid = await mountHeld(GRID, { 'survey-id': 'fp-grid-a11y', 'store-name': storeName() });
      expect(earlyPage(grid), 'the grid page').to.exist;
      expect($$(grid, 'pv-early-question select option').map((o) => o.textContent!.trim())).to.deep.equal(['Select...', 'Year 7', 'Year 8', 'Year 9']);
      expect($$(grid, 'pv-early-question tbody [role="radiogroup"]')).to.have.length(3);
      expect($$(grid, 'pv-early-question [role="radiogroup"][aria-required="true"]'), 'each row required').to.have.length(3);
      await expect(grid).to.be.accessible();
      grid.remove();

      const start = await mountHeld(START, { 'survey-id': 'fp-start-a11y', 'store-name': storeName() });
      expect(earlyPage(start), 'the start page').to.exist;
      expect($(start, '.pv-html')!.textContent).to.contain('anonymous');
      expect($(start, '.pv-progress'), 'no progress on a start page').to.equal(null);
      expect($(start, '[part~="start-button"]')!.textContent!.trim()).to.equal('Start the survey');
      await expect(start).to.be.accessible();
    });

    it('gives the model exactly what survey-core stores for the same keys and clicks, and keeps focus', async () => {
      const reference = await renderSurvey(GRID);
      await answerGridPage(reference);
      const expected = structuredClone(modelOf(reference).data as Record<string, unknown>);
      reference.remove();
      expect(expected).to.deep.equal({ year: 9, agree: { safe: 3, 'Adults listen to me.': 'Disagree', friends: 'Not sure' } });

      hold();
      const name = storeName();
      const el = await mountHeld(GRID, { 'survey-id': 'fp-grid-exact', 'store-name': name });
      expect(earlyPage(el)).to.exist;
      await answerGridPage(el);
      expect(el.model).to.equal(undefined);
      await handOver(el);
      expect(modelOf(el).data).to.deep.equal(expected);
      const focused = deepActiveElement() as HTMLInputElement;
      expect(focused.closest('pv-matrix-question'), 'focus in the model’s grid').to.exist;
      expect(focused, 'on the answer clicked').to.equal(cell(el, 'agree', 2, 1));
      await el.whenSaved();
      expect((await (await openStore(name)).loadDraft('fp-grid-exact'))?.answers).to.deep.equal(expected);
      // The keyboard goes on where it was: the next row's group is one Tab back, and the arrows answer it.
      await press(el, 'ArrowRight');
      expect(modelOf(el).getValue('agree')).to.deep.equal({ ...(expected['agree'] as object), friends: 3 });
    });

    it('keeps focus on the dropdown at hand-over', async () => {
      hold();
      const el = await mountHeld(GRID);
      control(el, 'year', 'select').focus();
      await press(el, 'ArrowDown');
      await handOver(el);
      const focused = deepActiveElement() as HTMLSelectElement;
      expect(focused.closest('pv-dropdown-question'), 'the model’s select').to.exist;
      expect(modelOf(el).getValue('year')).to.equal('Year 7');
      await press(el, 'ArrowDown');
      expect(modelOf(el).getValue('year')).to.equal('Year 8');
    });

    for (const [label, definition, answer] of [
      ['grid', GRID, (el: PvSurvey) => clickWithMouse(el, cell(el, 'agree', 1, 2).closest('label')!)],
      ['start page', START, async () => undefined],
    ] as const) {
      it(`moves nothing on screen when the model’s ${label} replaces the early one (CLS 0)`, async () => {
        hold();
        const el = await mountHeld(definition, { 'survey-id': `fp-cls-${label}`, 'store-name': storeName() });
        await answer(el);
        const early = boxes(el);
        const shifts = watchShifts(el);
        await handOver(el);
        expect(boxes(el), 'the same boxes in the same places').to.deep.equal(early);
        expect(early.length).to.be.greaterThan(label === 'grid' ? 15 : 4);
        expect(await shifts(), 'layout shifts in the survey').to.deep.equal([]);
      });
    }

    it('holds Start until the model is there, then starts on the first page', async () => {
      hold();
      const name = storeName();
      const el = await mountHeld(START, { 'survey-id': 'fp-start', 'store-name': name });
      const start = $<HTMLButtonElement>(el, '[part~="start-button"]')!;
      start.focus();
      await press(el, 'Enter');
      expect(start.getAttribute('aria-disabled')).to.equal('true');
      await handOver(el);
      expect(modelOf(el).state).to.equal('running');
      expect(modelOf(el).currentPage.name).to.equal('feelings');
      expect(deepActiveElement()?.classList.contains('pv-page-heading'), 'focus on the first page').to.equal(true);
      await el.whenSaved();
      // Started: the next visit resumes past the start page, which is then not painted early.
      expect(localStorage.getItem(`pv-draft-page:${name}:fp-start`)).to.equal('1');
    });

    it('does not paint early a grid or dropdown that needs the model', () => {
      const variants: Array<[string, Record<string, unknown>]> = [
        ['tick-box grid', { cellType: 'checkbox' }],
        ['rowsVisibleIf', { rowsVisibleIf: '{item} != "safe"' }],
        ['columnsVisibleIf', { columnsVisibleIf: '{item} != 3' }],
        ['random rows', { rowsOrder: 'random' }],
        ['cell texts', { cells: { safe: { 3: 'Yes!' } } }],
      ];
      for (const [label, change] of variants) {
        const definition = structuredClone(GRID) as { pages: Array<{ elements: Record<string, unknown>[] }> };
        Object.assign(definition.pages[0]!.elements[1]!, change);
        expect(planFirstPaint(definition), label).to.have.property('reason');
      }
      for (const [label, change] of [
        ['Other', { showOtherItem: true }],
        ['choicesVisibleIf', { choicesVisibleIf: '{item} != 1' }],
        ['choicesByUrl', { choicesByUrl: { url: 'https://example.org/years' } }],
      ] as const) {
        const definition = structuredClone(GRID) as { pages: Array<{ elements: Record<string, unknown>[] }> };
        Object.assign(definition.pages[0]!.elements[0]!, change);
        expect(planFirstPaint(definition), label).to.have.property('reason');
      }
      const piped = structuredClone(START) as { pages: Array<{ elements: Record<string, unknown>[] }> };
      piped.pages[0]!.elements[0]!['html'] = '<p>Hello {name}</p>';
      expect(planFirstPaint(piped), 'piped html').to.have.property('reason');
      const shown = structuredClone(START) as { pages: Array<{ elements: Record<string, unknown>[] }> };
      shown.pages[0]!.elements[0]!['visibleIf'] = '{x} = 1';
      expect(planFirstPaint(shown), 'start page with visibleIf').to.have.property('reason');
      expect(planFirstPaint(GRID)).to.have.property('page');
      expect(planFirstPaint(START)).to.have.property('page');
    });
  });

  describe("the embed's first frame, written as markup", () => {
    /** Elements in order, with tag, attributes (classes sorted) and trimmed text; no comments or blank text. */
    function shape(root: Element): string[] {
      const out: string[] = [];
      const walk = (node: Node): void => {
        if (node instanceof Element) {
          const attributes = Array.from(node.attributes)
            .map((a) => (a.name === 'class' ? `class=${a.value.split(/\s+/).filter(Boolean).sort().join('.')}` : `${a.name}=${a.value}`))
            .sort();
          out.push(`<${node.localName} ${attributes.join(' ')}>`);
        } else if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) {
          out.push(node.textContent!.trim().replace(/\s+/g, ' '));
        }
        node.childNodes.forEach(walk);
      };
      root.childNodes.forEach(walk);
      return out;
    }

    for (const [name, definition] of Object.entries({ PUPIL, GRID, START })) {
      it(`is what the template draws, part for part: ${name}`, () => {
        const plan = planFirstPaint(definition);
        if (!('page' in plan)) throw new Error(plan.reason);
        const strings = translationFor('en');
        const host = { requestUpdate: () => undefined, renderRoot: document.createElement('div') };
        const firstPaint = new FirstPaint(host, { strings: () => strings, save: () => undefined });
        firstPaint.show(plan.page);
        const plain = document.createElement('div');
        firstPaint.drawPlain(plain);
        const written = shape(plain);
        // The template takes the same question elements, so the markup's shape is read first.
        const drawn = document.createElement('div');
        litRender(firstPaint.render({ before: nothing, after: nothing }), drawn);
        expect(written.length).to.be.greaterThan(10);
        expect(written).to.deep.equal(shape(drawn));
      });
    }
  });
});
