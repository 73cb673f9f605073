import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { renderAudienceSurvey } from '../audience/audience-test-support.js';
import { press, tabUntil } from '../survey/survey-test-support.js';
import { $, $$, deepActiveElement, modelOf, settle } from '../test-helpers.js';
import type { Question } from 'survey-core';
import { createGlossary, splitAtTerms } from './glossary.js';
import type { PvTerm } from './term.js';
import './pv-term.js';

function termButton(term: PvTerm): HTMLButtonElement | null {
  return term.shadowRoot!.querySelector('button');
}

function explanation(term: PvTerm): HTMLElement {
  return term.shadowRoot!.querySelector<HTMLElement>('.pv-term-explanation')!;
}

describe('<pv-term>', function () {
  this.timeout(30000);

  it('opens and closes its explanation with the keyboard', async () => {
    const wrapper = await fixture<HTMLParagraphElement>(
      html`<p>
        <button>before</button> Has anyone explained
        <pv-term explanation="Saying yes because you really want to.">consent</pv-term>?
      </p>`,
    );
    const term = wrapper.querySelector('pv-term')!;
    await term.updateComplete;
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement() === termButton(term), 'focus on the word').to.equal(true);
    expect(termButton(term)!.getAttribute('aria-expanded')).to.equal('false');
    expect(explanation(term).hidden).to.equal(true);

    await sendKeys({ press: 'Enter' });
    await term.updateComplete;
    expect(termButton(term)!.getAttribute('aria-expanded')).to.equal('true');
    expect(explanation(term).hidden).to.equal(false);
    expect(explanation(term).textContent).to.equal('Saying yes because you really want to.');
    await expect(wrapper).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await term.updateComplete;
    expect(explanation(term).hidden).to.equal(true);
    expect(deepActiveElement() === termButton(term), 'focus stays on the word').to.equal(true);

    await sendKeys({ press: 'Space' });
    await term.updateComplete;
    expect(explanation(term).hidden).to.equal(false);
    await sendKeys({ press: 'Space' });
    await term.updateComplete;
    expect(explanation(term).hidden).to.equal(true);
  });

  it('is named by its word, so the sentence still reads as written', async () => {
    const term = await fixture<PvTerm>(html`<pv-term explanation="Nobody can tell who answered.">anonymous</pv-term>`);
    const button = termButton(term)!;
    expect(button.textContent!.replace('?', '').trim()).to.equal('');
    // The word is slotted into the button; the "?" mark is hidden from screen readers.
    expect(button.querySelector('.pv-term-mark')!.getAttribute('aria-hidden')).to.equal('true');
    expect(term.textContent).to.equal('anonymous');
  });

  it('renders a term with no explanation as the plain word', async () => {
    const wrapper = await fixture<HTMLParagraphElement>(html`<p>A <pv-term>zorbing</pv-term> day.</p>`);
    const term = wrapper.querySelector('pv-term')!;
    await term.updateComplete;
    expect(termButton(term) === null, 'no button').to.equal(true);
    expect(wrapper.textContent!.replace(/\s+/g, ' ').trim()).to.equal('A zorbing day.');
    await expect(wrapper).to.be.accessible();
  });

  describe('in a survey', () => {
    it('marks glossary words in question titles, explained for the audience', async () => {
      const el = await renderAudienceSurvey({ audience: 'primary' });
      $<HTMLButtonElement>(el, '[part~="start-button"]')!.click();
      await settle(el);
      const model = modelOf(el);
      while (!(model.currentPage.questions as Question[]).some((question) => question.name === 'told')) {
        model.nextPage();
        await settle(el);
      }
      const term = $<PvTerm>(el, 'pv-term')!;
      expect(term.textContent).to.equal('consent');
      // The built-in glossary, primary wording.
      expect(term.explanation).to.equal('Saying yes because you really want to. You can change your mind. Nobody should make you.');
      await tabUntil(el, (focused) => focused === termButton(term));
      await press(el, 'Enter');
      await term.updateComplete;
      expect(explanation(term).hidden).to.equal(false);
      await expect(el).to.be.accessible();

      const parent = await renderAudienceSurvey({ audience: 'parent' });
      $<HTMLButtonElement>(parent, '[part~="start-button"]')!.click();
      await settle(parent);
      // The definition's own term, with its parent wording.
      const feelSafe = $$<PvTerm>(parent, 'pv-term').find((t) => t.term === 'feel safe')!;
      expect(feelSafe.textContent).to.equal('feel safe');
      expect(feelSafe.explanation).to.equal('Whether your child feels free from harm and worry.');
      modelOf(parent).nextPage();
      await settle(parent);
      expect($<PvTerm>(parent, 'pv-term')!.explanation).to.match(/^Agreeing by choice/);
    });

    it('answers a <pv-term> written in a definition’s HTML from the survey’s glossary', async () => {
      const el = await renderAudienceSurvey({ audience: 'secondary' }, {
        glossary: { upstander: 'Someone who steps in when they see something wrong.' },
        pages: [
          {
            elements: [
              { type: 'html', name: 'note', html: '<p>Be an <pv-term>upstander</pv-term>, not a <pv-term>zorber</pv-term>.</p>' },
              { type: 'text', name: 'q', title: 'Anything?' },
            ],
          },
        ],
      });
      $<HTMLButtonElement>(el, '[part~="start-button"]')!.click();
      await settle(el);
      const [known, unknown] = $$<PvTerm>(el, 'pv-term');
      await known!.updateComplete;
      expect(known!.text).to.equal('Someone who steps in when they see something wrong.');
      expect(termButton(known!) !== null).to.equal(true);
      expect(termButton(unknown!) === null, 'unknown term: plain word').to.equal(true);
    });
  });
});

describe('glossary', () => {
  it('finds the first whole-word occurrence of each term, longest first, in any case', () => {
    const glossary = createGlossary({ harassment: 'x' }, 'secondary');
    const segments = splitAtTerms('Sexual harassment and harassment; harassments are not it', glossary.terms);
    expect(segments).to.deep.equal([
      { text: 'Sexual harassment', term: 'sexual harassment' },
      { text: ' and ' },
      { text: 'harassment', term: 'harassment' },
      { text: '; harassments are not it' },
    ]);
  });

  it('explains per audience and language, and lets a definition switch a built-in term off', () => {
    const glossary = createGlossary({ bullying: '' }, 'primary');
    expect(glossary.explain('Consent', 'cy')).to.equal('Dweud ie am dy fod ti wir eisiau. Gelli di newid dy feddwl. Ddylai neb dy orfodi di.');
    expect(glossary.explain('consent', 'en-GB')).to.match(/^Saying yes/);
    expect(glossary.explain('bullying', 'en')).to.equal(undefined);
    expect(glossary.terms).to.not.include('bullying');
    expect(createGlossary(undefined, 'staff').explain('consent', 'en')).to.match(/^Agreeing by choice/);
  });
});
