/// <reference types="mocha" />
// Every bank survey in the real <pv-survey> in Chromium, with the element's audience preset on
// (as a school would embed it: `audience="primary"` splits pages, adds Get help, an intro for a
// survey without a start page): axe on every page of every survey × audience × language (start
// page or intro, each page, thank-you), and the feeling-safe survey completed with the keyboard
// alone by each audience, answers checked on pv-complete.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Question, SurveyModel } from 'survey-core';
import '@pupil-voice/survey/define.js';
import type { PvCompleteEvent, PvSurvey } from '@pupil-voice/survey';
import type { Audience } from '@pupil-voice/schema';
import { getSurvey, listSurveys } from './index.js';

async function settle(el: PvSurvey): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await el.updateComplete;
    const children = Array.from(el.shadowRoot!.querySelectorAll('*')).filter(
      (node): node is HTMLElement & { updateComplete: Promise<unknown> } => 'updateComplete' in node,
    );
    await Promise.all(children.map((child) => child.updateComplete));
  }
}

async function render(definition: unknown, locale: string, audience: string): Promise<PvSurvey> {
  const el = await fixture<PvSurvey>(html`<pv-survey lang=${locale} audience=${audience}></pv-survey>`);
  const ready = oneEvent(el, 'pv-ready');
  el.definition = definition;
  await ready;
  await settle(el);
  return el;
}

function modelOf(el: PvSurvey): SurveyModel {
  if (!el.model) throw new Error('no model');
  return el.model;
}

function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function press(el: PvSurvey, key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle(el);
}

/** Tabs until `matches` accepts the focused element; fails with the path focus took. */
async function tabUntil(el: PvSurvey, matches: (focused: Element) => boolean, what: string): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 80; i += 1) {
    await press(el, 'Tab');
    const focused = deepActiveElement();
    if (focused && matches(focused)) return;
    seen.push(`${focused?.localName ?? '(nothing)'}${focused?.id ? `#${focused.id}` : ''}`);
  }
  throw new Error(`${what} is not reachable with Tab; focus went: ${seen.join(' → ')}`);
}

const tabToId = (el: PvSurvey, id: string) => tabUntil(el, (f) => f.id === id, `#${id}`);
const tabToButton = (el: PvSurvey, part: string) =>
  tabUntil(el, (f) => f.getAttribute('part')?.split(/\s+/).includes(part) ?? false, part);

const versions = listSurveys().flatMap((s) => s.audiences.flatMap((audience) => s.languages.map((locale) => ({ id: s.id, audience, locale }))));

describe('question bank in <pv-survey>: axe on every page', function () {
  // About 120 pages through axe on a shared two-core machine.
  this.timeout(60_000);
  for (const { id, audience, locale } of versions) {
    it(`${id} / ${audience} / ${locale}`, async () => {
      const el = await render(getSurvey(id, { audience, locale }), locale, audience);
      const model = modelOf(el);
      expect(el.shadowRoot!.querySelector('.pv-unsupported'), 'every question type is rendered').to.equal(null);
      // The survey's start page, or the element's intro for a survey without one (polls).
      const start = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="start-button"]');
      expect(start, 'a start page or intro').to.exist;
      await expect(el, 'start page').to.be.accessible();
      start!.click();
      await settle(el);
      expect(model.state).to.equal('running');
      // Consent given, so every page the audience can reach is visible.
      if (model.getQuestionByName('take_part')) model.setValue('take_part', 'yes');
      const pages = model.visiblePages.length;
      for (let i = 0; i < pages; i += 1) {
        model.currentPageNo = i;
        await settle(el);
        expect(el.shadowRoot!.querySelectorAll('[data-qid]').length, `page ${i + 1} shows its questions`).to.be.greaterThan(0);
        await expect(el, `page ${i + 1} of ${pages}`).to.be.accessible();
      }
      model.doComplete();
      await settle(el);
      expect(el.shadowRoot!.querySelector('.pv-completed')).to.exist;
      await expect(el, 'thank-you').to.be.accessible();
    });
  }
});

/**
 * Answers every question on the page by keyboard and returns what was chosen: radio groups
 * and matrix rows by Space (first) or arrows, checkboxes by Tab and Space.
 */
async function answerPage(el: PvSurvey, questions: Question[], data: Record<string, unknown>): Promise<void> {
  for (const [index, question] of questions.entries()) {
    const name = question.name;
    const type = question.getType();
    await tabToId(el, question.inputId);
    if (type === 'radiogroup') {
      const choices = (question as unknown as { visibleChoices: Array<{ value: unknown }> }).visibleChoices;
      const position = name === 'take_part' ? 0 : (index + 1) % (choices.length - 1);
      if (position === 0) await press(el, 'Space');
      for (let i = 0; i < position; i += 1) await press(el, 'ArrowDown');
      data[name] = choices[position]!.value;
    } else if (type === 'checkbox') {
      const choices = (question as unknown as { visibleChoices: Array<{ value: unknown }> }).visibleChoices;
      await press(el, 'Space');
      await press(el, 'Tab');
      await press(el, 'Tab');
      await press(el, 'Space');
      data[name] = [choices[0]!.value, choices[2]!.value];
    } else if (type === 'matrix') {
      // `rows` and `columns` are the definition's items (visibleRows are row models holding answers).
      const matrix = question as unknown as { rows: Array<{ value: unknown }>; columns: Array<{ value: unknown }> };
      const answer: Record<string, unknown> = {};
      for (const [r, row] of matrix.rows.entries()) {
        if (r > 0) await press(el, 'Tab');
        const column = r % 4;
        if (column === 0) await press(el, 'Space');
        for (let i = 0; i < column; i += 1) await press(el, 'ArrowRight');
        answer[String(row.value)] = matrix.columns[column]!.value;
      }
      data[name] = answer;
    } else {
      throw new Error(`no keyboard recipe for ${type} (${name})`);
    }
    expect(modelOf(el).getValue(name), `${name} answered by keyboard`).to.deep.equal(data[name]);
  }
}

describe('question bank in <pv-survey>: feeling-safe completed with the keyboard alone', function () {
  // A whole survey by real key presses per audience: slow on a busy machine.
  this.timeout(300_000);
  const runs: Array<[Audience, string]> = [['primary', 'en'], ['secondary', 'en'], ['post16', 'en'], ['parent', 'cy'], ['staff', 'en']];
  for (const [audience, locale] of runs) {
    it(`${audience} (${locale})`, async () => {
      const definition = getSurvey('feeling-safe', { audience, locale });
      const el = await render(definition, locale, audience);
      const model = modelOf(el);
      const data: Record<string, unknown> = {};
      await tabToButton(el, 'start-button');
      await press(el, 'Enter');
      let pagesSeen = 0;
      for (;;) {
        pagesSeen += 1;
        expect(deepActiveElement()?.classList.contains('pv-page-heading'), 'focus on the page heading').to.equal(true);
        const questions = (model.currentPage.questions as Question[]).filter((q) => q.isVisible && q.getType() !== 'html');
        await answerPage(el, questions, data);
        if (model.isLastPage) break;
        await tabToButton(el, 'next-button');
        await press(el, 'Enter');
      }
      const completed = oneEvent(el, 'pv-complete');
      await tabToButton(el, 'submit-button');
      await press(el, 'Enter');
      const event = (await completed) as unknown as PvCompleteEvent;
      expect(event.data).to.deep.equal(data);
      // Every page the audience can reach (the primary preset puts each question on its own page).
      expect(pagesSeen).to.equal(model.visiblePages.length);
      if (audience === 'primary') expect(pagesSeen).to.equal(Object.keys(data).length);
      expect(Object.keys(data).length).to.be.greaterThan(8);
    });
  }
});
