// The school-website example (examples/school-website/): a realistic secondary-school
// wellbeing survey completed with the keyboard alone, axe on every page; and the real example
// page, loaded with the built bundle when it exists, completed end to end.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { PvCompleteEvent } from '../events.js';
import { $, deepActiveElement, modelOf, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from './survey.js';
import { inputIdOf, press, tabToButton, tabToId, type, UncaughtErrors, waitFor } from './survey-test-support.js';

const EXAMPLE = '/examples/school-website/';
const SURVEY_JSON = '/examples/surveys/wellbeing.json';

async function wellbeingSurvey(): Promise<Record<string, unknown>> {
  const response = await fetch(SURVEY_JSON);
  expect(response.ok, `${SURVEY_JSON} is served`).to.equal(true);
  return (await response.json()) as Record<string, unknown>;
}

function pageHeading(el: PvSurvey): string {
  return $(el, '.pv-page-heading')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Moves on with the keyboard and checks focus went to the new page's heading. */
async function continueTo(el: PvSurvey, heading: string): Promise<void> {
  await tabToButton(el, 'next-button');
  await press(el, 'Enter');
  expect(pageHeading(el)).to.equal(heading);
  expect(deepActiveElement()?.classList.contains('pv-page-heading')).to.equal(true);
  await expect(el, `axe on "${heading}"`).to.be.accessible();
}

/** Chooses the nth option of a radio group by keyboard (Space for the first, arrows after). */
async function chooseRadio(el: PvSurvey, name: string, position: number): Promise<void> {
  await tabToId(el, inputIdOf(el, name));
  if (position === 0) await press(el, 'Space');
  for (let i = 0; i < position; i += 1) await press(el, 'ArrowDown');
}

describe('examples/school-website: the wellbeing survey', function () {
  // A whole survey by keyboard with axe on eight pages: slow on a busy two-core machine.
  this.timeout(120_000);
  it('is completed with the keyboard alone, passing axe on every page', async () => {
    const uncaught = new UncaughtErrors();
    const el = await renderSurvey(await wellbeingSurvey());
    const model = modelOf(el);

    // The start page: the reassurance and the helpline come before any question.
    expect(model.state).to.equal('starting');
    expect(pageHeading(el)).to.equal('Before you start');
    const intro = $(el, '.pv-page')!.textContent ?? '';
    expect(intro).to.contain('Nobody will know it was you');
    expect(intro).to.contain('Childline');
    expect(intro).to.contain('0800 1111');
    expect(intro).to.contain('Prefer not to say');
    await expect(el, 'axe on the start page').to.be.accessible();
    await tabToButton(el, 'start-button');
    await press(el, 'Enter');
    expect(pageHeading(el)).to.equal('Taking part');
    expect(deepActiveElement()?.classList.contains('pv-page-heading')).to.equal(true);
    const progress = $(el, '[role="progressbar"]');
    expect(progress?.getAttribute('aria-valuetext')).to.match(/^Page 1 of \d+$/);

    // Continue without answering: the error summary takes focus; its link leads to the question.
    await tabToButton(el, 'next-button');
    await press(el, 'Enter');
    const summary = $(el, '.pv-error-summary')!;
    expect(deepActiveElement() === summary, "focus is on summary").to.equal(true);
    expect(summary.textContent).to.contain('Choose yes or no');
    await expect(el, 'axe with the error summary').to.be.accessible();
    await press(el, 'Tab');
    await press(el, 'Enter');
    expect(deepActiveElement()?.id).to.equal(inputIdOf(el, 'consent'));
    await press(el, 'Space');
    expect(model.getValue('consent')).to.equal('yes');
    await continueTo(el, 'About you');

    await chooseRadio(el, 'year', 2);
    await chooseRadio(el, 'gender', 3);
    await continueTo(el, 'How you feel');

    await chooseRadio(el, 'happy-at-school', 3);
    // The grid: one radio group per row, Tab from row to row, arrows along a row.
    await tabToId(el, inputIdOf(el, 'last-two-weeks'));
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    await press(el, 'Tab');
    await press(el, 'Space');
    await press(el, 'Tab');
    await press(el, 'ArrowRight');
    await press(el, 'Tab');
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    await chooseRadio(el, 'trusted-adult', 0);
    await continueTo(el, 'Feeling safe');

    await chooseRadio(el, 'safe-at-school', 2);
    // "Sometimes" brings up the follow-up; each checkbox is its own tab stop.
    await tabToId(el, inputIdOf(el, 'less-safe-places'));
    await press(el, 'Space');
    for (let i = 0; i < 5; i += 1) await press(el, 'Tab');
    await press(el, 'Space');
    await continueTo(el, 'Unkind behaviour');

    await chooseRadio(el, 'bullied', 0);
    await tabToId(el, inputIdOf(el, 'bullied-how'));
    await press(el, 'Tab');
    await press(el, 'Space');
    await chooseRadio(el, 'told-adult', 1);
    expect(el.shadowRoot!.textContent).to.contain('0800 1111');
    await continueTo(el, 'Your ideas');

    await tabToId(el, inputIdOf(el, 'one-change'));
    await type(el, 'More quiet places at lunch');
    const completed = oneEvent(el, 'pv-complete');
    await tabToButton(el, 'submit-button');
    await press(el, 'Enter');
    const { data } = (await completed) as unknown as PvCompleteEvent;
    expect(data).to.deep.equal({
      consent: 'yes',
      year: '9',
      gender: 'prefer-not',
      'happy-at-school': 4,
      'last-two-weeks': { cheerful: 'often', calm: 'never', lonely: 'sometimes', worried: 'prefer-not' },
      'trusted-adult': 'yes',
      'safe-at-school': 'sometimes',
      'less-safe-places': ['corridors', 'online'],
      bullied: 'yes',
      'bullied-how': ['left-out'],
      'told-adult': 'no',
      'one-change': 'More quiet places at lunch',
    });

    // The thank-you has focus and repeats where to get help.
    const thanks = $(el, '.pv-completed')!;
    expect(deepActiveElement() === thanks, "focus is on thanks").to.equal(true);
    expect(thanks.textContent).to.contain('Thank you for your answers');
    expect(thanks.textContent).to.contain('0800 1111');
    expect(thanks.textContent).to.contain('85258');
    await expect(el, 'axe on the thank-you').to.be.accessible();
    expect(uncaught.stop()).to.deep.equal([]);
  });

  it('lets a pupil say no and go straight to the end', async () => {
    const el = await renderSurvey(await wellbeingSurvey());
    await tabToButton(el, 'start-button');
    await press(el, 'Enter');
    await chooseRadio(el, 'consent', 1);
    const completed = oneEvent(el, 'pv-complete');
    // Every other page depends on consent, so this page now ends the survey.
    await tabToButton(el, 'submit-button');
    await press(el, 'Enter');
    const { data } = (await completed) as unknown as PvCompleteEvent;
    expect(data).to.deep.equal({ consent: 'no' });
    expect($(el, '.pv-completed')?.textContent).to.contain('you do not have to take part');
    await expect(el).to.be.accessible();
  });
});

describe('examples/school-website: the page a school copies', function () {
  this.timeout(60_000);
  it('loads and completes the real page', async () => {
    const bundle = await fetch('/dist/pupil-voice.js', { method: 'HEAD' });
    let survey: PvSurvey;
    let errors: string[] = [];
    if (bundle.ok) {
      // The built bundle: the page exactly as a school would publish it.
      const frame = await fixture<HTMLIFrameElement>(html`<iframe title="School website example" style="width: 800px; height: 900px"></iframe>`);
      const loaded = oneEvent(frame, 'load');
      frame.src = `${EXAMPLE}index.html`;
      await loaded;
      const frameWindow = frame.contentWindow!;
      frameWindow.addEventListener('error', (event) => errors.push(String(event.message)));
      const doc = frame.contentDocument!;
      const source = await (await fetch(`${EXAMPLE}index.html`)).text();
      // The test server appends its own web-socket script; the school's page has just one.
      const ours = source.replace(/<!-- injected by web-dev-server -->[\s\S]*?<\/script>/, '');
      expect(ours.match(/<script\b/g)?.length, 'one script tag in the page').to.equal(1);
      expect(source).to.contain('<script type="module" src="../../dist/pupil-voice.js"></script>');
      survey = doc.querySelector('pv-survey') as PvSurvey;
      await frameWindow.customElements.whenDefined('pv-survey');
    } else {
      // Before `npm run build`: the same element from source, same definition URL.
      const uncaught = new UncaughtErrors();
      survey = await fixture<PvSurvey>(html`<pv-survey src=${SURVEY_JSON} quick-exit></pv-survey>`);
      errors = uncaught.errors;
    }
    // The bundle's chunks (survey-core among them) load and compile inside the frame: on two busy
    // cores that has outlasted waitFor's default 500 turns (a full run, 30 Nov). The bound is a
    // fail-safe below this suite's 60 s timeout, not a timing.
    await waitFor(survey, () => survey.model !== undefined && survey.shadowRoot?.querySelector('.pv-page') !== null, 4000);
    const model = survey.model!;
    expect(model.title).to.equal('How are you? Our wellbeing survey');
    expect(survey.shadowRoot!.querySelector('.pv-quick-exit'), 'the Leave this page button').to.exist;

    const click = async (selector: string) => {
      (survey.shadowRoot!.querySelector(selector) as HTMLElement).click();
      await settle(survey);
    };
    const chooseLabel = async (name: string, text: string) => {
      const host = survey.shadowRoot!.querySelector(`[data-qid="${model.getQuestionByName(name).id}"]`)!;
      const label = Array.from(host.querySelectorAll('label')).find((l) => l.textContent?.replace(/\s+/g, ' ').trim() === text);
      label!.click();
      await settle(survey);
    };
    await click('button[part~="start-button"]');
    await chooseLabel('consent', 'Yes, I want to take part');
    await click('button[part~="next-button"]');
    await chooseLabel('year', 'Year 7');
    await click('button[part~="next-button"]');
    await chooseLabel('trusted-adult', 'Yes');
    await click('button[part~="next-button"]');
    await chooseLabel('safe-at-school', 'Always');
    await click('button[part~="next-button"]');
    await chooseLabel('bullied', 'No');
    await click('button[part~="next-button"]');
    const completed = new Promise<Record<string, unknown>>((resolve) => {
      survey.addEventListener('pv-complete', (event) => resolve((event as PvCompleteEvent).data), { once: true });
    });
    await click('button[part~="submit-button"]');
    const data = await completed;
    expect(data).to.deep.equal({ consent: 'yes', year: '7', 'trusted-adult': 'yes', 'safe-at-school': 'always', bullied: 'no' });
    await waitFor(survey, () => survey.shadowRoot!.querySelector('.pv-completed') !== null);
    expect(survey.shadowRoot!.querySelector('.pv-completed')!.textContent).to.contain('0800 1111');
    expect(errors).to.deep.equal([]);
  });
});
