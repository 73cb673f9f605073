import { expect } from '@open-wc/testing';
import { AUDIENCES } from '@pupil-voice/schema';
import type { Question } from 'survey-core';
import type { PvHelpPanel } from '../help-panel/help-panel.js';
import type { PvSurvey } from '../survey/survey.js';
import { button } from '../survey/survey-test-support.js';
import { $, modelOf, settle } from '../test-helpers.js';
import { renderAudienceSurvey, stubSpeech, voice, type SpeechStub } from './audience-test-support.js';

/** Clicks a navigation button and lets the survey re-render. */
async function click(el: PvSurvey, part: string): Promise<void> {
  const target = button(el, part);
  if (!target) throw new Error(`no ${part}`);
  target.click();
  await settle(el);
}

/** Moves forward (model API: this test is about what each state looks like, not how it is reached). */
async function goToPageWith(el: PvSurvey, name: string): Promise<void> {
  const model = modelOf(el);
  while (!(model.currentPage.questions as Question[]).some((question) => question.name === name)) {
    if (!model.nextPage()) throw new Error(`cannot reach ${name}`);
    await settle(el);
  }
}

// Every preset in English, Welsh and Urdu (right to left), in its normal, error and completed
// states, with read aloud available, glossary terms in the titles and the help panel open.
describe('audience presets: axe finds nothing', function () {
  this.timeout(120000);
  let speech: SpeechStub;

  before(() => {
    speech = stubSpeech([voice('en-GB'), voice('cy-GB'), voice('ur-PK')]);
  });

  after(() => speech.restore());

  for (const audience of AUDIENCES) {
    for (const locale of ['en', 'cy', 'ur']) {
      it(`${audience} in ${locale}: intro, first page with help open, error, thank-you`, async () => {
        const el = await renderAudienceSurvey({ audience, locale });
        expect($(el, '.pv-intro'), 'intro').to.exist;
        await expect(el).to.be.accessible();

        await click(el, 'start-button');
        const help = $<PvHelpPanel>(el, 'pv-help-panel')!;
        (help.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
        await settle(el);
        await help.updateComplete;
        if (audience === 'primary') expect($(el, 'button.pv-read-aloud'), 'read aloud').to.exist;
        await expect(el).to.be.accessible();

        await goToPageWith(el, 'told');
        await click(el, button(el, 'next-button') ? 'next-button' : 'submit-button');
        expect($(el, '.pv-error-summary'), 'error summary').to.exist;
        expect($(el, 'pv-term'), 'glossary term').to.exist;
        await expect(el).to.be.accessible();

        modelOf(el).setValue('told', 'prefer_not_to_say');
        await settle(el);
        while (button(el, 'next-button')) await click(el, 'next-button');
        await click(el, 'submit-button');
        expect($(el, '.pv-completed'), 'completed').to.exist;
        const endHelp = $<PvHelpPanel>(el, 'pv-help-panel')!;
        await endHelp.updateComplete;
        expect(endHelp.hasAttribute('open')).to.equal(true);
        await expect(el).to.be.accessible();
      });
    }
  }
});
