import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import { PvCompleteEvent, PvPageChangedEvent, PvReadyEvent, PvValueChangedEvent } from '../events.js';
import { $, $$, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from './survey.js';
import { button, inputIdOf, press, tabToButton, tabToId, type, waitFor } from './survey-test-support.js';

const THREE_PAGES = {
  title: 'Our school',
  pages: [
    {
      name: 'about',
      title: 'About you',
      elements: [
        { type: 'text', name: 'year', title: 'Which year are you in?' },
        { type: 'text', name: 'club', title: 'Which club do you go to?' },
      ],
    },
    { name: 'school', title: 'School', elements: [{ type: 'text', name: 'best', title: 'What is best about school?' }] },
    { name: 'end', title: 'Last thing', elements: [{ type: 'comment', name: 'else', title: 'Anything else?' }] },
  ],
};

function numbers(el: PvSurvey): string[] {
  return $$(el, '.pv-title').map((title) => title.querySelector('.pv-number')?.textContent?.trim() ?? '');
}

function buttonLabels(el: PvSurvey): string[] {
  return $$(el, '.pv-navigation button').map((b) => b.textContent?.trim() ?? '');
}

describe('<pv-survey> shell', () => {
  it('exposes the survey-core model and fires pv-ready', async () => {
    const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
    const ready = oneEvent(el, 'pv-ready');
    el.definition = { title: 'Our school', elements: [{ type: 'signaturepad', name: 's' }] };
    const event = (await ready) as unknown as PvReadyEvent;
    expect(event).to.be.instanceOf(PvReadyEvent);
    expect(event.model).to.equal(el.model);
    expect(el.model?.getQuestionByName('s')).to.exist;
  });

  it('shows an accessible notice naming an unsupported question type', async () => {
    const el = await renderSurvey({ elements: [{ type: 'signaturepad', name: 's', title: 'Sign' }] });
    const notice = $(el, '.pv-unsupported');
    expect(notice?.textContent).to.contain('signaturepad');
    expect(notice?.getAttribute('role')).to.equal('note');
    await expect(el).to.be.accessible();
  });
});

describe('<pv-survey> question elements loaded on demand', () => {
  const tag = 'pv-multipletext-question';
  const sheetsOf = (name: string) =>
    ((customElements.get(name) as unknown as { elementStyles: Array<{ styleSheet?: CSSStyleSheet }> }).elementStyles ?? []).map(
      (style) => style.styleSheet,
    );

  it('defines a rarely used type only when a survey has one, before showing it', async () => {
    // The embed entry leaves multipletext out; no earlier test in this file uses it.
    expect(customElements.get(tag), 'not defined by the entry').to.equal(undefined);
    const el = await renderSurvey({
      elements: [{ type: 'multipletext', name: 'pets', title: 'Your pets', items: [{ name: 'cats' }, { name: 'dogs' }] }],
    });
    // At pv-ready the element is defined and drawn: no "not supported" notice came first.
    expect(customElements.get(tag)).to.exist;
    expect($(el, '.pv-unsupported')).to.equal(null);
    expect($$(el, `${tag} input`)).to.have.length(2);
    for (const sheet of sheetsOf(tag)) expect(el.shadowRoot!.adoptedStyleSheets).to.include(sheet);
  });

  it('draws a question of such a type added to the model later, and adopts its styles', async () => {
    const el = await renderSurvey({ elements: [{ type: 'text', name: 'a', title: 'A' }] });
    const added = 'pv-imagepicker-question';
    expect(customElements.get(added), 'no earlier test in this file uses imagepicker').to.equal(undefined);
    modelOf(el).pages[0]!.addNewQuestion('imagepicker', 'pick');
    // The page is drawn again on the next answer; the element upgrades in place once its chunk is in.
    modelOf(el).setValue('a', 'x');
    await waitFor(el, () => customElements.get(added) !== undefined && $(el, `${added} [role="radiogroup"]`) !== null);
    await settle(el);
    expect($(el, '.pv-unsupported')).to.equal(null);
    for (const sheet of sheetsOf(added)) expect(el.shadowRoot!.adoptedStyleSheets).to.include(sheet);
  });
});

describe('<pv-survey> element types survey-core does not know', () => {
  it('names the missing types instead of leaving a silent gap', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'text', name: 'a', title: 'A' },
        { type: 'fancyslider', name: 'b', title: 'B' },
        { type: 'panel', name: 'p', elements: [{ type: 'mood-wheel', name: 'c' }] },
      ],
    });
    const note = $(el, '[part~="unknown-types"]');
    expect(note?.getAttribute('role')).to.equal('note');
    expect(note?.textContent).to.contain('fancyslider, mood-wheel');
    await expect(el).to.be.accessible();
  });

  it('reports a survey made only of unknown types as a definition problem', async () => {
    const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
    const failed = oneEvent(el, 'pv-error');
    el.definition = { elements: [{ type: 'fancyslider', name: 'b' }] };
    await failed;
    await el.updateComplete;
    expect($(el, '[role="alert"]')?.textContent).to.contain('(fancyslider)');
  });
});

describe('<pv-survey> pages and navigation', () => {
  it('moves through the pages by keyboard with Back, Continue and Submit from the model texts', async () => {
    const el = await renderSurvey(THREE_PAGES);
    const model = modelOf(el);
    // First page: no Back.
    expect(buttonLabels(el)).to.deep.equal([model.locPageNextText.renderedHtml]);
    expect(buttonLabels(el)).to.deep.equal(['Next']);

    await tabToId(el, inputIdOf(el, 'year'));
    await type(el, '8');
    const changed = oneEvent(el, 'pv-page-changed');
    await tabToButton(el, 'next-button');
    await press(el, 'Enter');
    const pageEvent = (await changed) as unknown as PvPageChangedEvent;
    expect(pageEvent).to.be.instanceOf(PvPageChangedEvent);
    expect([pageEvent.pageIndex, pageEvent.pageName, pageEvent.previousPageIndex]).to.deep.equal([1, 'school', 0]);
    expect(model.currentPageNo).to.equal(1);
    // Focus lands on the new page's heading, so a screen reader starts reading there.
    expect(deepActiveElement()?.classList.contains('pv-page-heading')).to.equal(true);
    expect(deepActiveElement()?.textContent?.trim()).to.equal('School');
    expect(buttonLabels(el)).to.deep.equal(['Previous', 'Next']);

    await tabToButton(el, 'next-button');
    await press(el, 'Enter');
    expect(model.currentPageNo).to.equal(2);
    expect(buttonLabels(el)).to.deep.equal(['Previous', 'Complete']);

    await tabToButton(el, 'back-button');
    await press(el, 'Enter');
    expect(model.currentPageNo).to.equal(1);
    expect(deepActiveElement()?.textContent?.trim()).to.equal('School');

    await tabToButton(el, 'next-button');
    await press(el, 'Enter');
    await tabToId(el, inputIdOf(el, 'else'));
    await type(el, 'More trips');
    const completed = oneEvent(el, 'pv-complete');
    await tabToButton(el, 'submit-button');
    await press(el, 'Enter');
    const completeEvent = (await completed) as unknown as PvCompleteEvent;
    expect(completeEvent).to.be.instanceOf(PvCompleteEvent);
    expect(completeEvent.data).to.deep.equal({ year: '8', else: 'More trips' });
    expect(model.state).to.equal('completed');
  });

  it('uses the definition\'s own button words', async () => {
    const el = await renderSurvey({
      ...THREE_PAGES,
      pagePrevText: 'Go back',
      pageNextText: 'Continue',
      completeText: 'Send my answers',
    });
    expect(buttonLabels(el)).to.deep.equal(['Continue']);
    modelOf(el).currentPageNo = 2;
    await settle(el);
    expect(buttonLabels(el)).to.deep.equal(['Go back', 'Send my answers']);
    await expect(el).to.be.accessible();
  });

  it('takes the locale from the definition (before anything else loaded Welsh)', async () => {
    const el = await renderSurvey({ ...THREE_PAGES, locale: 'cy' });
    expect(buttonLabels(el)).to.deep.equal(['Nesaf']);
    expect($(el, '.pv-survey')?.getAttribute('lang')).to.equal('cy');
  });

  it('speaks Welsh when the locale is cy: buttons, survey text and our own words', async () => {
    const definition = {
      ...THREE_PAGES,
      title: { default: 'Our school', cy: 'Ein hysgol' },
      pages: THREE_PAGES.pages.map((page, index) =>
        index === 0
          ? { ...page, elements: [{ type: 'text', name: 'year', isRequired: true, title: { default: 'Which year?', cy: 'Pa flwyddyn?' } }] }
          : page,
      ),
    };
    const el = await renderSurvey(definition, { locale: 'cy' });
    expect(modelOf(el).locale).to.equal('cy');
    expect($(el, '.pv-survey')?.getAttribute('lang')).to.equal('cy');
    expect($(el, '.pv-survey-title')?.textContent?.trim()).to.equal('Ein hysgol');
    expect(buttonLabels(el)).to.deep.equal(['Nesaf']);
    button(el, 'next-button')!.click();
    await settle(el);
    expect($(el, '.pv-error-summary-title')?.textContent?.trim()).to.equal('Mae problem wedi codi');
    expect($(el, '.pv-error-summary a')?.textContent).to.contain('Pa flwyddyn?');
    expect($(el, '.pv-error-summary a')?.textContent).to.contain('Atebwch y cwestiwn.');
    modelOf(el).setValue('year', '9');
    modelOf(el).currentPageNo = 2;
    await settle(el);
    expect(buttonLabels(el)).to.deep.equal(['Blaenorol', 'Cwblhau']);
  });

  it('switches language when the locale property changes', async () => {
    const el = await renderSurvey(THREE_PAGES);
    expect(buttonLabels(el)).to.deep.equal(['Next']);
    el.locale = 'cy';
    await waitFor(el, () => buttonLabels(el)[0] === 'Nesaf');
    expect(modelOf(el).locale).to.equal('cy');
  });

  it('shows a progress bar only when the definition asks for one', async () => {
    const plain = await renderSurvey(THREE_PAGES);
    expect($(plain, '[role="progressbar"]')).to.equal(null);

    const el = await renderSurvey({ ...THREE_PAGES, showProgressBar: true });
    const bar = () => $(el, '[role="progressbar"]')!;
    expect(bar().getAttribute('aria-valuemin')).to.equal('0');
    expect(bar().getAttribute('aria-valuemax')).to.equal('100');
    expect(bar().getAttribute('aria-valuenow')).to.equal('0');
    expect(bar().getAttribute('aria-valuetext')).to.equal('Page 1 of 3');
    expect(bar().getAttribute('aria-label')).to.equal('Progress');
    button(el, 'next-button')!.click();
    await settle(el);
    expect(bar().getAttribute('aria-valuenow')).to.equal(String(Math.round(modelOf(el).progressValue)));
    expect(Number(bar().getAttribute('aria-valuenow'))).to.be.within(33, 34);
    expect(bar().getAttribute('aria-valuetext')).to.equal('Page 2 of 3');
    await expect(el).to.be.accessible();
  });

  it('numbers questions as configured: off, on (across pages) and onPage', async () => {
    const off = await renderSurvey(THREE_PAGES);
    expect(numbers(off)).to.deep.equal(['', '']);

    const on = await renderSurvey({ ...THREE_PAGES, showQuestionNumbers: 'on' });
    expect(numbers(on)).to.deep.equal(['1.', '2.']);
    button(on, 'next-button')!.click();
    await settle(on);
    expect(numbers(on)).to.deep.equal(['3.']);

    const onPage = await renderSurvey({ ...THREE_PAGES, showQuestionNumbers: 'onPage' });
    expect(numbers(onPage)).to.deep.equal(['1.', '2.']);
    button(onPage, 'next-button')!.click();
    await settle(onPage);
    expect(numbers(onPage)).to.deep.equal(['1.']);
  });

  it('gives an untitled page a heading to land on', async () => {
    const el = await renderSurvey({
      pages: [{ elements: [{ type: 'text', name: 'a' }] }, { elements: [{ type: 'text', name: 'b' }] }],
    });
    button(el, 'next-button')!.click();
    await settle(el);
    const heading = deepActiveElement();
    expect(heading?.classList.contains('pv-page-heading')).to.equal(true);
    expect(heading?.textContent?.trim()).to.equal('Page 2 of 2');
  });
});

describe('<pv-survey> start and completed pages', () => {
  it('starts on the start page with its Start button, then focuses the first page', async () => {
    const el = await renderSurvey({
      firstPageIsStartPage: true,
      startSurveyText: 'Start the survey',
      pages: [
        { name: 'intro', title: 'Welcome', elements: [{ type: 'html', name: 'info', html: '<p>Your answers are anonymous.</p>' }] },
        ...THREE_PAGES.pages,
      ],
    });
    const model = modelOf(el);
    expect(model.state).to.equal('starting');
    expect(buttonLabels(el)).to.deep.equal(['Start the survey']);
    expect($(el, '.pv-page-heading')?.textContent?.trim()).to.equal('Welcome');
    await expect(el).to.be.accessible();
    await tabToButton(el, 'start-button');
    await press(el, 'Enter');
    expect(model.state).to.equal('running');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('About you');
    expect(buttonLabels(el)).to.deep.equal(['Next']);
  });

  it('shows completedHtml, piped and sanitised, and moves focus to it', async () => {
    const el = await renderSurvey({
      completedHtml:
        '<h3>Thank you, {nick}!</h3><p>Talk to <a href="tel:08001111">Childline</a>.</p>' +
        '<img src="x" onerror="window.pvCompletedXss = true"><script>window.pvCompletedXss = true</script>',
      elements: [{ type: 'text', name: 'nick', title: 'Nickname' }],
    });
    await tabToId(el, inputIdOf(el, 'nick'));
    await type(el, 'Sky<img src=y onerror="window.pvCompletedXss=true">');
    await tabToButton(el, 'submit-button');
    await press(el, 'Enter');
    const completed = $(el, '.pv-completed')!;
    expect(deepActiveElement() === completed, "focus is on completed").to.equal(true);
    expect(completed.querySelector('h3')?.textContent).to.equal('Thank you, Sky!');
    expect(completed.querySelector('a')?.getAttribute('href')).to.equal('tel:08001111');
    expect(completed.querySelector('script')).to.equal(null);
    expect(completed.querySelector('[onerror]')).to.equal(null);
    expect((window as unknown as { pvCompletedXss?: boolean }).pvCompletedXss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});

describe('<pv-survey> events', () => {
  it('fires typed, bubbling, composed events a host page can listen to on document', async () => {
    const el = await renderSurvey(THREE_PAGES);
    const seen: Event[] = [];
    const record = (event: Event) => seen.push(event);
    const names = ['pv-value-changed', 'pv-page-changed', 'pv-complete'] as const;
    for (const name of names) document.addEventListener(name, record);
    try {
      await tabToId(el, inputIdOf(el, 'year'));
      await type(el, '7');
      await tabToButton(el, 'next-button');
      await press(el, 'Enter');
      modelOf(el).currentPageNo = 2;
      await settle(el);
      button(el, 'submit-button')!.click();
      await settle(el);
    } finally {
      for (const name of names) document.removeEventListener(name, record);
    }
    const valueChanged = seen.find((event) => event.type === 'pv-value-changed') as PvValueChangedEvent;
    expect(valueChanged).to.be.instanceOf(PvValueChangedEvent);
    expect([valueChanged.name, valueChanged.value]).to.deep.equal(['year', '7']);
    expect(seen.map((event) => event.type)).to.deep.equal([
      'pv-value-changed',
      'pv-page-changed',
      'pv-page-changed',
      'pv-complete',
    ]);
    for (const event of seen) {
      expect(event.bubbles && event.composed, event.type).to.equal(true);
      // Crossed the shadow boundary: the page sees the element, not its insides.
      expect(event.target === el, `${event.type} target`).to.equal(true);
    }
    expect((seen.at(-1) as PvCompleteEvent).data).to.deep.equal({ year: '7' });
  });
});

describe('<pv-survey> work per answer', () => {
  const PAGE = {
    elements: [
      { type: 'radiogroup', name: 'pet', title: 'Which pet?', choices: ['dog', 'cat'] },
      { type: 'radiogroup', name: 'plain', title: { default: 'Do you like school?', cy: "Wyt ti'n hoffi'r ysgol?" }, choices: ['yes', 'no'] },
      { type: 'text', name: 'piped', title: 'What is your {pet} called?' },
      { type: 'text', name: 'gated', title: 'What does it eat?', enableIf: "{pet} = 'dog'" },
      { type: 'comment', name: 'welsh', title: { default: 'Anything else?', cy: 'Unrhyw beth arall, {pet}?' } },
    ],
  };

  /** Counts Lit updates per question element, by question name. */
  function countUpdates(el: PvSurvey, names: string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const name of names) {
      const element = questionElement(el, name) as HTMLElement & { updated(changed: unknown): void };
      const updated = element.updated.bind(element);
      counts.set(name, 0);
      element.updated = (changed: unknown) => {
        counts.set(name, counts.get(name)! + 1);
        updated(changed);
      };
    }
    return counts;
  }

  function option(el: PvSurvey, name: string, value: string): HTMLInputElement {
    const found = Array.from(questionElement(el, name).querySelectorAll('input')).find(
      (input) => input.closest('label')?.textContent?.trim() === value,
    );
    if (!found) throw new Error(`no option ${value} in ${name}`);
    return found;
  }

  it('an answer updates only the elements that may show it; piped titles still follow', async () => {
    const el = await renderSurvey(PAGE);
    const names = ['pet', 'plain', 'piped', 'gated', 'welsh'];
    const counts = countUpdates(el, names);
    option(el, 'pet', 'dog').click();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ pet: 'dog' });
    // The answered question, the piped title, the condition and a `{` in another language follow.
    expect(counts.get('pet')).to.be.greaterThan(0);
    expect(counts.get('piped')).to.be.greaterThan(0);
    expect(counts.get('gated')).to.be.greaterThan(0);
    expect(counts.get('welsh')).to.be.greaterThan(0);
    // A question showing nothing of other answers is not updated.
    expect(counts.get('plain')).to.equal(0);
    expect(questionElement(el, 'piped').querySelector('.pv-title')?.textContent).to.contain('What is your dog called?');
    expect(questionElement(el, 'gated').querySelector('input')?.disabled).to.equal(false);
    // Its own answer still draws it.
    option(el, 'plain', 'no').click();
    await settle(el);
    expect(counts.get('plain')).to.be.greaterThan(0);
    expect(option(el, 'plain', 'no').checked).to.equal(true);
    // A language change (not an answer) still updates every element.
    el.locale = 'cy';
    await waitFor(el, () => modelOf(el).locale === 'cy');
    await settle(el);
    expect(questionElement(el, 'welsh').querySelector('.pv-title')?.textContent).to.contain('Unrhyw beth arall, dog?');
    expect(questionElement(el, 'plain').querySelector('.pv-title')?.textContent).to.contain("Wyt ti'n hoffi'r ysgol?");
  });
});
