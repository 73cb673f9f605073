import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Question } from 'survey-core';
import { deleteDB } from 'idb';
import { uniqueName } from '../../../store/src/test-support.js';
import '../define.js';
import type { PvSurvey } from './survey.js';
import { boxes } from '../test-dom.js';
import { $, $$, deepActiveElement, modelOf, settle } from '../test-helpers.js';

// After Continue or Back, a long page shows what fits in the window first and draws the rest
// below the window once that is painted (page-drawing.ts). Nothing the respondent can see
// moves, nothing they do meanwhile is lost, and `updateComplete` waits for the whole page.

const LONG = Array.from({ length: 12 }, (_, i) =>
  i % 2 === 0
    ? { type: 'radiogroup', name: `q${i + 1}`, title: `Question ${i + 1}: how often do you feel safe?`, choices: ['Always', 'Usually', 'Sometimes', 'Rarely', 'Never'] }
    : { type: 'rating', name: `q${i + 1}`, title: `Question ${i + 1}: how much do adults listen?`, rateCount: 5 },
);
const DEFINITION = {
  title: 'Our school',
  showProgressBar: true,
  pages: [
    { name: 'start', elements: [{ type: 'radiogroup', name: 'year', title: 'Which year are you in?', choices: ['Year 7', 'Year 8'] }] },
    { name: 'long', elements: LONG },
    { name: 'end', elements: [{ type: 'comment', name: 'else', title: 'Anything else?' }] },
  ],
};

const storeName = uniqueName('pv-page-drawing');
const shifts: number[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
});

before(() => observer.observe({ type: 'layout-shift' }));
after(async () => {
  observer.disconnect();
  await setViewport({ width: 800, height: 600 });
  await deleteDB(storeName).catch(() => undefined);
});
afterEach(() => {
  for (const el of document.querySelectorAll('pv-survey')) el.remove();
});

async function mount(): Promise<PvSurvey> {
  const el = await fixture<PvSurvey>(html`<pv-survey survey-id=${uniqueName('drawing')} store-name=${storeName}></pv-survey>`);
  const ready = oneEvent(el, 'pv-ready');
  el.definition = DEFINITION;
  await ready;
  await settle(el);
  return el;
}

const drawnNames = (el: PvSurvey): string[] =>
  $$(el, '.pv-page > [data-qid]').map((node) => (node as HTMLElement & { question: Question }).question.name);

/** What is in the window: the boxes of the page's parts that start above its bottom edge. */
const inView = (el: PvSurvey): string[] => boxes(el).filter((box) => Number(/ -?\d+,(-?\d+) /.exec(box)![1]) < window.innerHeight);

/** A task after the survey's render: the first screen is drawn, the rest waits for a painted frame. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

for (const [label, size] of [
  ['a laptop', { width: 1280, height: 720 }],
  ['a phone', { width: 375, height: 667 }],
] as const) {
  describe(`a long page after Continue, on ${label} (${size.width}×${size.height})`, function () {
    this.timeout(30000);
    before(() => setViewport(size));

    it('shows what fits in the window first, then the rest below it: nothing in view moves', async () => {
      const el = await mount();
      const next = $<HTMLButtonElement>(el, 'button[part~="next-button"]')!;
      next.scrollIntoView({ block: 'end' });
      next.click();
      await nextTask();

      const first = drawnNames(el);
      expect(first.length, 'only the first screen is drawn').to.be.within(1, LONG.length - 1);
      expect(first).to.deep.equal(LONG.slice(0, first.length).map((q) => q.name));
      const last = $$(el, '.pv-page > [data-qid]').at(-1)!;
      expect(last.getBoundingClientRect().bottom, 'the first screen reaches the window bottom').to.be.at.least(window.innerHeight);
      expect($(el, '.pv-navigation')!.getBoundingClientRect().top, 'Continue is below the window').to.be.at.least(window.innerHeight);
      expect(deepActiveElement()?.id, 'focus is on the new page heading').to.equal('pv-page-heading');

      // The respondent answers on the first screen before the rest is drawn.
      const view = inView(el);
      shifts.length = 0;
      const options = (): HTMLInputElement[] =>
        $$<HTMLInputElement>(el, `[data-qid="${modelOf(el).getQuestionByName('q1').id}"] input`);
      options()[2].click();
      await el.updateComplete;

      expect(drawnNames(el)).to.deep.equal(LONG.map((q) => q.name));
      expect(inView(el), 'what was in view is where it was').to.deep.equal(view);
      expect(shifts.reduce((sum, value) => sum + value, 0), 'layout shift').to.equal(0);
      expect(modelOf(el).data).to.include({ q1: 'Sometimes' });
      expect(options()[2].checked).to.equal(true);
    });

    it('draws a page that fits in the window whole, at once', async () => {
      const el = await mount();
      $<HTMLButtonElement>(el, 'button[part~="next-button"]')!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'button[part~="next-button"]')!.click();
      await nextTask();
      expect(drawnNames(el)).to.deep.equal(['else']);
      expect($(el, '.pv-navigation button[part~="submit-button"]')).to.exist;
    });

    it('draws the first screen first after Back too, and keyboard users reach it at once', async () => {
      const el = await mount();
      $<HTMLButtonElement>(el, 'button[part~="next-button"]')!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'button[part~="next-button"]')!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'button[part~="back-button"]')!.click();
      await nextTask();
      expect(drawnNames(el).length).to.be.within(1, LONG.length - 1);
      expect(deepActiveElement()?.id).to.equal('pv-page-heading');
      // Tab from the heading goes to the first question's first option.
      await sendKeys({ press: 'Tab' });
      const focused = deepActiveElement() as HTMLInputElement;
      expect(focused.closest('[data-qid]')).to.equal($(el, `[data-qid="${modelOf(el).getQuestionByName('q1').id}"]`));
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(drawnNames(el)).to.deep.equal(LONG.map((q) => q.name));
      expect(modelOf(el).getValue('q1')).to.equal('Usually');
    });
  });
}
