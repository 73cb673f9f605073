import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AUDIENCES } from '@pupil-voice/schema';
import type { Question } from 'survey-core';
import type { PvHelpPanel } from '../help-panel/help-panel.js';
import type { PvSurvey } from '../survey/survey.js';
import { button, press, tabToButton, tabToId, tabUntil } from '../survey/survey-test-support.js';
import { $, modelOf, settle } from '../test-helpers.js';
import { renderAudienceSurvey, stubSpeech, voice, type SpeechStub } from './audience-test-support.js';
import type { PvQuickExitEvent } from '../events.js';

/** Completes the survey with the keyboard only: Start, answer what is required, Next…, Submit. */
async function completeByKeyboard(el: PvSurvey): Promise<void> {
  await tabToButton(el, 'start-button');
  await press(el, 'Enter');
  for (let page = 0; page < 10; page += 1) {
    const model = modelOf(el);
    for (const question of model.currentPage.questions as Question[]) {
      if (!question.isVisible || !question.isRequired) continue;
      await tabToId(el, question.inputId);
      await press(el, 'Space');
    }
    const last = !button(el, 'next-button');
    await tabToButton(el, last ? 'submit-button' : 'next-button');
    await press(el, 'Enter');
    if (last) break;
  }
}

/** Catches the quick exit's navigation so the test page stays. */
function catchQuickExit(el: PvSurvey): PvQuickExitEvent[] {
  const exits: PvQuickExitEvent[] = [];
  el.addEventListener('pv-quick-exit', (event) => {
    event.preventDefault();
    exits.push(event);
  });
  return exits;
}

describe('audience presets by keyboard', function () {
  this.timeout(60000);
  let speech: SpeechStub;

  before(() => {
    speech = stubSpeech([voice('en-GB')]);
  });

  after(() => speech.restore());

  for (const audience of AUDIENCES) {
    it(`${audience}: from the intro to "Thank you" with the keyboard only`, async () => {
      const el = await renderAudienceSurvey({ audience });
      const completed = new Promise<Record<string, unknown>>((resolve) =>
        el.addEventListener('pv-complete', (event) => resolve(event.data), { once: true }),
      );
      await completeByKeyboard(el);
      const data = await completed;
      expect(data['told']).to.equal('yes');
      await settle(el);
      expect($(el, '.pv-completed')!.textContent).to.include('Thank you');
    });
  }

  it('"Get help" opens and closes from the keyboard on every page', async () => {
    const el = await renderAudienceSurvey({ audience: 'secondary' });
    const isHelpButton = (focused: Element) =>
      focused.getAttribute('part') === 'button' && focused.getRootNode() !== el.shadowRoot && focused.textContent!.trim() === 'Get help';
    const helpButton = await tabUntil(el, isHelpButton);
    expect(helpButton.getAttribute('aria-expanded')).to.equal('false');
    await press(el, 'Enter');
    const panel = $<PvHelpPanel>(el, 'pv-help-panel')!;
    await panel.updateComplete;
    expect(helpButton.getAttribute('aria-expanded')).to.equal('true');
    const region = panel.shadowRoot!.querySelector('[role="region"]')!;
    expect(region.hasAttribute('hidden')).to.equal(false);
    await press(el, 'Escape');
    await panel.updateComplete;
    expect(region.hasAttribute('hidden')).to.equal(true);
  });

  describe('quick exit', () => {
    it('leaves from the intro by its button', async () => {
      const el = await renderAudienceSurvey({ audience: 'primary' });
      const exits = catchQuickExit(el);
      expect($(el, '.pv-intro')).to.exist;
      await tabToButton(el, 'quick-exit-button');
      await press(el, 'Enter');
      expect(exits).to.have.length(1);
      expect(exits[0]!.url).to.equal('https://www.bbc.co.uk/weather');
    });

    it('leaves from a middle page by pressing Shift three times', async () => {
      const el = await renderAudienceSurvey({ audience: 'parent', 'quick-exit': 'https://example.org/weather' });
      const exits = catchQuickExit(el);
      button(el, 'start-button')!.click();
      await settle(el);
      modelOf(el).nextPage();
      await settle(el);
      expect(button(el, 'back-button'), 'a middle page').to.exist;
      for (let i = 0; i < 3; i += 1) await sendKeys({ press: 'Shift' });
      expect(exits.map((exit) => exit.url)).to.deep.equal(['https://example.org/weather']);
    });

    it('leaves from the thank-you page', async () => {
      const el = await renderAudienceSurvey({ audience: 'staff' });
      const exits = catchQuickExit(el);
      button(el, 'start-button')!.click();
      await settle(el);
      const model = modelOf(el);
      model.setValue('told', 'no');
      while (model.nextPage()) await settle(el);
      button(el, 'submit-button')!.click();
      await settle(el);
      expect($(el, '.pv-completed')).to.exist;
      await tabToButton(el, 'quick-exit-button');
      await press(el, 'Enter');
      expect(exits).to.have.length(1);
    });

    it('says plainly that browser history is not erased, and how to clear it', async () => {
      const el = await renderAudienceSurvey({ audience: 'secondary' });
      expect($(el, '.pv-history-note')!.textContent).to.include('does not clear your browser history');
      expect($(el, '.pv-history-note')!.textContent).to.include('Ctrl+Shift+Delete');
    });
  });
});
