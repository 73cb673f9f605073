import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { PvSurvey } from '../survey/survey.js';
import { press, tabToButton, button } from '../survey/survey-test-support.js';
import { $, $$, modelOf, settle } from '../test-helpers.js';
import { audienceDefinition, renderAudienceSurvey, stubSpeech, voice, type SpeechStub } from './audience-test-support.js';
import { PvAuthoringWarningEvent } from './audience-events.js';

/** Presses Start on the intro with the keyboard. */
async function start(el: PvSurvey): Promise<void> {
  await tabToButton(el, 'start-button');
  await press(el, 'Enter');
}

/** Question elements on the current page. */
function questionsShown(el: PvSurvey): Element[] {
  return $$(el, '[data-qid]');
}

function readAloudButtons(el: PvSurvey): HTMLButtonElement[] {
  return $$<HTMLButtonElement>(el, 'button.pv-read-aloud');
}

describe('audience presets', function () {
  this.timeout(30000);
  let speech: SpeechStub | undefined;
  let warn: typeof console.warn;
  let warnings: string[];

  beforeEach(() => {
    warnings = [];
    warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
  });

  afterEach(() => {
    console.warn = warn;
    speech?.restore();
    speech = undefined;
  });

  describe('primary', () => {
    it('shows one question per page, with faces, large targets and picture-and-words progress', async () => {
      speech = stubSpeech([voice('en-GB')]);
      const el = await renderAudienceSurvey({ audience: 'primary' });
      expect($(el, '.pv-survey')!.getAttribute('data-preset')).to.equal('primary');
      await start(el);
      const model = modelOf(el);
      // Two questions on the first page of the definition, three on the second (one only for
      // parents): the primary preset splits them into one page each.
      expect(model.visiblePages.length).to.equal(4);
      expect(questionsShown(el)).to.have.length(1);
      // The rating is a row of faces, with words under them.
      expect($(el, '.pv-rating--smileys.pv-rating--faces')).to.exist;
      expect($(el, '.pv-progress--pictures .pv-steps')).to.exist;
      expect($(el, '.pv-progress-words')!.textContent!.trim()).to.equal('Question 1 of 4');
      expect($(el, '[role="progressbar"]')!.getAttribute('aria-valuetext')).to.equal('Question 1 of 4');
      for (const target of [...$$(el, '.pv-rating-item'), ...$$(el, 'button')]) {
        if (target.closest('[hidden]')) continue;
        const box = target.getBoundingClientRect();
        expect(box.width, `${target.className} width`).to.be.at.least(44);
        expect(box.height, `${target.className} height`).to.be.at.least(44);
      }
      // Short navigation words.
      expect(button(el, 'next-button')!.textContent!.trim()).to.equal('Next');
      await press(el, 'Enter');
      await tabToButton(el, 'next-button');
      await press(el, 'Enter');
      // The agree/disagree question: faces beside the words, none for "Prefer not to say".
      expect(questionsShown(el)).to.have.length(1);
      const faces = $$(el, '.pv-face');
      expect(faces).to.have.length(3);
      const preferNot = $$(el, 'label.pv-option').find((label) => label.textContent!.includes('Prefer not to say'))!;
      expect(preferNot.querySelector('.pv-face')).to.equal(null);
      expect($(el, '.pv-progress-words')!.textContent!.trim()).to.equal('Question 2 of 4');
    });

    it('has a "Read aloud" button on every question that speaks the question and its answers in British English', async () => {
      speech = stubSpeech([voice('en-US'), voice('en-GB'), voice('cy-GB')]);
      const el = await renderAudienceSurvey({ audience: 'primary' });
      await start(el);
      const model = modelOf(el);
      for (let page = 0; page < model.visiblePages.length; page += 1) {
        const buttons = readAloudButtons(el);
        expect(buttons, `page ${page + 1}`).to.have.length(questionsShown(el).length);
        if (page === 0) {
          expect(buttons[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Read aloud/);
          buttons[0]!.click();
          await settle(el);
          expect(speech.spoken).to.have.length(1);
          expect(speech.spoken[0]!.text).to.equal('How happy are you at school? The answers are: 1. 2. 3. 4. 5.');
          expect(speech.spoken[0]!.lang).to.equal('en-GB');
          expect(buttons[0]!.getAttribute('aria-pressed')).to.equal('true');
        }
        if (page === 1) {
          buttons[0]!.click();
          await settle(el);
          expect(speech.spoken.at(-1)!.text).to.equal(
            'I feel safe at school. The answers are: Agree. Not sure. Disagree. Prefer not to say.',
          );
        }
        if (model.isLastPage) break;
        model.nextPage();
        await settle(el);
      }
    });

    it('reads Welsh with a Welsh voice, and shows no button when there is no voice for the language', async () => {
      speech = stubSpeech([voice('cy-GB'), voice('en-GB')]);
      let el = await renderAudienceSurvey({ audience: 'primary', locale: 'cy' });
      await start(el);
      const [welsh] = readAloudButtons(el);
      expect(welsh!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Darllen yn uchel/);
      welsh!.click();
      await settle(el);
      expect(speech.spoken[0]!.text).to.equal('Pa mor hapus wyt ti yn yr ysgol? Yr atebion yw: 1. 2. 3. 4. 5.');
      expect(speech.spoken[0]!.lang).to.equal('cy-GB');
      speech.restore();

      speech = stubSpeech([voice('en-GB')]);
      el = await renderAudienceSurvey({ audience: 'primary', locale: 'cy' });
      await start(el);
      expect(readAloudButtons(el), 'no Welsh voice').to.have.length(0);
      expect(questionsShown(el)).to.have.length(1);
      speech.restore();

      speech = stubSpeech([]);
      el = await renderAudienceSurvey({ audience: 'primary' });
      await start(el);
      expect(readAloudButtons(el), 'no voice at all').to.have.length(0);
      expect(button(el, 'next-button')).to.exist;
    });
  });

  describe('secondary and post16', () => {
    it('keep the definition’s pages, with no faces and no read aloud', async () => {
      speech = stubSpeech([voice('en-GB')]);
      for (const audience of ['secondary', 'post16']) {
        const el = await renderAudienceSurvey({ audience });
        expect($(el, '.pv-survey')!.getAttribute('data-preset')).to.equal(audience);
        await start(el);
        expect(modelOf(el).visiblePages.length).to.equal(2);
        expect(questionsShown(el)).to.have.length(2);
        expect($$(el, '.pv-face')).to.have.length(0);
        expect($(el, '.pv-rating--smileys')).to.equal(null);
        expect(readAloudButtons(el)).to.have.length(0);
        expect(button(el, 'next-button')!.textContent!.trim()).to.equal('Continue');
      }
    });
  });

  describe('parent and staff', () => {
    it('use the adult wording, several questions per page, and questions for their audience', async () => {
      const el = await renderAudienceSurvey({ audience: 'parent' });
      expect($(el, '.pv-intro')!.textContent).to.include('parents and carers');
      await start(el);
      expect(questionsShown(el)).to.have.length(2);
      expect($(el, '.pv-title')!.textContent).to.include('How happy do you think your child is at school?');
      modelOf(el).nextPage();
      await settle(el);
      // `{audience}` is set for visibleIf: the parent-only question shows.
      expect(questionsShown(el)).to.have.length(3);
      expect(button(el, 'submit-button')!.textContent!.trim()).to.equal('Submit');

      const staff = await renderAudienceSurvey({ audience: 'staff' });
      await start(staff);
      expect($(staff, '.pv-title')!.textContent).to.include('How happy do you think pupils are at school?');
      modelOf(staff).nextPage();
      await settle(staff);
      expect(questionsShown(staff)).to.have.length(2);
    });
  });

  describe('choosing the audience', () => {
    it('takes the definition’s own audience, and the attribute wins over it', async () => {
      const definition = { ...audienceDefinition(), audience: 'parent' };
      const own = await renderAudienceSurvey({}, definition);
      expect($(own, '.pv-survey')!.getAttribute('data-preset')).to.equal('parent');
      const overridden = await renderAudienceSurvey({ audience: 'staff' }, definition);
      expect($(overridden, '.pv-survey')!.getAttribute('data-preset')).to.equal('staff');
    });

    it('warns about an unknown audience and shows the secondary preset', async () => {
      const events: PvAuthoringWarningEvent[] = [];
      document.addEventListener('pv-authoring-warning', (event) => events.push(event), { once: true });
      const el = await renderAudienceSurvey({ audience: 'pupils' });
      expect($(el, '.pv-survey')!.getAttribute('data-preset')).to.equal('secondary');
      expect(warnings.join('\n')).to.include('unknown audience "pupils"');
      expect(warnings.join('\n')).to.include('secondary');
      expect(events[0]?.kind).to.equal('unknown-audience');
      // Still a working survey.
      await start(el);
      expect(questionsShown(el)).to.have.length(2);
    });

    it('reports a required sensitive question in a pupil survey as an authoring warning', async () => {
      const definition = audienceDefinition();
      const pages = definition['pages'] as Array<{ elements: Array<Record<string, unknown>> }>;
      pages[1]!.elements.push({
        type: 'radiogroup',
        name: 'harassed',
        isRequired: true,
        title: 'Has anyone made sexual comments about you at school?',
        choices: ['Yes', 'No'],
      });
      const events: PvAuthoringWarningEvent[] = [];
      const listener = (event: PvAuthoringWarningEvent) => events.push(event);
      document.addEventListener('pv-authoring-warning', listener);
      try {
        await renderAudienceSurvey({ audience: 'secondary' }, definition);
        expect(events.map((event) => event.kind)).to.deep.equal(['required-sensitive']);
        expect(events[0]!.questions).to.deep.equal(['harassed']);
        expect(warnings.join('\n')).to.include('harassed');
        // Adults are not pupils: no warning.
        events.length = 0;
        await renderAudienceSurvey({ audience: 'staff' }, definition);
        expect(events).to.have.length(0);
      } finally {
        document.removeEventListener('pv-authoring-warning', listener);
      }
    });

    it('leaves a survey with no audience as it was: no intro, no preset', async () => {
      const el = await renderAudienceSurvey({});
      expect($(el, '.pv-intro')).to.equal(null);
      expect($(el, '.pv-survey')!.hasAttribute('data-preset')).to.equal(false);
      expect(questionsShown(el)).to.have.length(2);
    });
  });

  describe('intro', () => {
    it('explains purpose, anonymity, skipping and telling, with a heading and Start', async () => {
      const el = await renderAudienceSurvey({ audience: 'secondary' });
      const intro = $(el, '.pv-intro')!;
      expect(intro.querySelector('h3')!.textContent!.trim()).to.equal('Before you start');
      const text = intro.textContent!;
      expect(text).to.include('anonymous');
      expect(text).to.include('skip any question');
      expect(text).to.include('What happens if I tell?');
      expect(button(el, 'start-button')!.textContent!.trim()).to.equal('Start');
      expect(questionsShown(el)).to.have.length(0);
      await start(el);
      expect($(el, '.pv-intro')).to.equal(null);
      expect(questionsShown(el)).to.have.length(2);
    });

    it('takes the school’s own text and Start words from the definition', async () => {
      const definition = {
        ...audienceDefinition(),
        startSurveyText: 'Begin',
        intro: {
          purpose: { default: 'Riverside wants to hear from you.', cy: 'Mae Glan yr Afon eisiau clywed gennyt ti.' },
          'tell': 'Mrs Patel in Room 4 is always there to listen.',
        },
      };
      const el = await renderAudienceSurvey({ audience: 'primary' }, definition);
      const text = $(el, '.pv-intro')!.textContent!;
      expect(text).to.include('Riverside wants to hear from you.');
      expect(text).to.include('Mrs Patel in Room 4');
      expect(text).to.include('Nobody will know it was you');
      expect(button(el, 'start-button')!.textContent!.trim()).to.equal('Begin');
      const welsh = await renderAudienceSurvey({ audience: 'primary', locale: 'cy' }, definition);
      expect($(welsh, '.pv-intro')!.textContent).to.include('Mae Glan yr Afon eisiau clywed gennyt ti.');
      expect($(welsh, '.pv-intro h3')!.textContent!.trim()).to.equal('Cyn i ti ddechrau');
    });
  });

  it('follows a locale set while the definition is still loading (a language switcher)', async () => {
    const el = await fixture<PvSurvey>(html`<pv-survey audience="primary"></pv-survey>`);
    const ready = oneEvent(el, 'pv-ready');
    el.definition = audienceDefinition();
    await el.updateComplete;
    el.setAttribute('locale', 'cy');
    await ready;
    await settle(el);
    expect($(el, '.pv-intro h3')!.textContent!.trim()).to.equal('Cyn i ti ddechrau');
  });

  describe('right to left', () => {
    it('lays out Urdu and Arabic right to left (survey-core does not flag Urdu)', async () => {
      for (const locale of ['ur', 'ar']) {
        const el = await renderAudienceSurvey({ audience: 'primary', locale });
        const root = $(el, '.pv-survey')!;
        expect(root.getAttribute('dir'), locale).to.equal('rtl');
        expect(getComputedStyle(root).direction).to.equal('rtl');
        await start(el);
        const steps = $$(el, '.pv-step');
        // The first step is at the right in a right-to-left survey.
        expect(steps[0]!.getBoundingClientRect().left).to.be.greaterThan(steps[1]!.getBoundingClientRect().left);
      }
      const welsh = await renderAudienceSurvey({ audience: 'primary', locale: 'cy' });
      expect($(welsh, '.pv-survey')!.getAttribute('dir')).to.equal('ltr');
    });
  });
});
