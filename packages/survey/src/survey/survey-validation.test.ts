import { expect } from '@open-wc/testing';
import type { Question } from 'survey-core';
import '../define.js';
import { $, $$, deepActiveElement, modelOf, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from './survey.js';
import { button, inputIdOf, press, tabToButton, tabToId, tabUntil, type } from './survey-test-support.js';

const REQUIRED = {
  pages: [
    {
      name: 'p1',
      title: 'About you',
      elements: [
        { type: 'text', name: 'nickname', title: 'Your nickname', isRequired: true },
        { type: 'radiogroup', name: 'year', title: 'Your year group', isRequired: true, choices: ['Year 7', 'Year 8', 'Year 9'] },
        { type: 'comment', name: 'notes', title: 'Anything else' },
      ],
    },
    { name: 'p2', title: 'Done', elements: [{ type: 'text', name: 'last', title: 'Last' }] },
  ],
};

function summary(el: PvSurvey): HTMLElement | null {
  return $(el, '.pv-error-summary');
}

function summaryLinks(el: PvSurvey): HTMLAnchorElement[] {
  return $$<HTMLAnchorElement>(el, '.pv-error-summary a');
}

function question(el: PvSurvey, name: string): Question {
  return modelOf(el).getQuestionByName(name) as Question;
}

/** The field's own error text, found the way a screen reader does: through aria-describedby. */
function describedErrors(el: PvSurvey, control: Element): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '').join(' | ');
}

describe('<pv-survey> validation and the error summary', function () {
  // Real keyboard through whole pages: slow on a busy two-core machine.
  this.timeout(60_000);
  it('on a failed Continue shows an error summary that takes focus and links to each field', async () => {
    const el = await renderSurvey(REQUIRED);
    await tabToButton(el, 'next-button');
    await press(el, 'Enter');
    expect(modelOf(el).currentPageNo, 'stays on the page').to.equal(0);

    const box = summary(el)!;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(deepActiveElement() === box, "focus is on box").to.equal(true);
    // It sits before the page, so reading on from it reaches the questions.
    expect(box.compareDocumentPosition($(el, '.pv-page')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(box.textContent).to.contain('There is a problem');
    const links = summaryLinks(el);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      `#${inputIdOf(el, 'nickname')}`,
      `#${inputIdOf(el, 'year')}`,
    ]);
    const requiredText = question(el, 'nickname').errors[0]!.getText();
    expect(links[0]!.textContent).to.contain('Your nickname').and.to.contain(requiredText);
    expect(links[1]!.textContent).to.contain('Your year group');

    // Each field shows its own error, marked invalid and described by the message.
    const input = el.shadowRoot!.getElementById(inputIdOf(el, 'nickname'))!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(describedErrors(el, input)).to.contain(requiredText);
    const group = $(el, `[data-qid="${question(el, 'year').id}"] [role="radiogroup"]`)!;
    expect(group.getAttribute('aria-invalid')).to.equal('true');
    expect(describedErrors(el, group)).to.contain(question(el, 'year').errors[0]!.getText());
    const notes = el.shadowRoot!.getElementById(inputIdOf(el, 'notes'))!;
    expect(notes.getAttribute('aria-invalid')).to.not.equal('true');
    await expect(el).to.be.accessible();

    // The second link, by keyboard: focus moves to the radio group's first radio.
    await tabUntil(el, (focused) => focused === links[1]);
    await press(el, 'Enter');
    expect(deepActiveElement()?.id).to.equal(inputIdOf(el, 'year'));
    expect((deepActiveElement() as HTMLInputElement).type).to.equal('radio');
    // The first link, by keyboard, back up through the summary.
    await tabUntil(el, (focused) => focused === links[0], { backwards: true });
    await press(el, 'Enter');
    expect(deepActiveElement()?.id).to.equal(inputIdOf(el, 'nickname'));

    // Fixing the answers and continuing clears everything and moves on.
    await type(el, 'Sky');
    await tabToId(el, inputIdOf(el, 'year'));
    await press(el, 'Space');
    expect(modelOf(el).getValue('year')).to.equal('Year 7');
    await tabToButton(el, 'next-button');
    await press(el, 'Enter');
    expect(modelOf(el).currentPageNo).to.equal(1);
    expect(summary(el)).to.equal(null);
  });

  it('shows each validator\'s own words, in the field and in the summary', async () => {
    const el = await renderSurvey({
      pages: [
        {
          name: 'p1',
          elements: [
            {
              type: 'text',
              name: 'age',
              title: 'How old are you?',
              validators: [{ type: 'numeric', minValue: 11, maxValue: 18, text: 'Enter an age from 11 to 18' }],
            },
            {
              type: 'text',
              name: 'word',
              title: 'One word for school',
              validators: [{ type: 'text', minLength: 3, text: 'Write at least 3 letters' }],
            },
            { type: 'text', name: 'email', title: 'Teacher email', validators: [{ type: 'email', text: 'That is not an email address' }] },
            {
              type: 'text',
              name: 'form',
              title: 'Form code',
              validators: [{ type: 'regex', regex: '^[0-9][A-Z]$', text: 'A number then a capital letter, like 8B' }],
            },
            { type: 'text', name: 'start', title: 'Start hour', inputType: 'number' },
            {
              type: 'text',
              name: 'end',
              title: 'End hour',
              inputType: 'number',
              validators: [{ type: 'expression', expression: '{end} >= {start}', text: 'The end cannot be before the start' }],
            },
            { type: 'text', name: 'nickname', title: 'Nickname' },
          ],
        },
        { name: 'p2', elements: [{ type: 'text', name: 'last' }] },
      ],
    });
    modelOf(el).onValidateQuestion.add((_, options) => {
      if (options.name === 'nickname' && options.value === 'admin') options.error = 'Pick a different nickname';
    });
    const answers: Array<[string, string]> = [
      ['age', '9'],
      ['word', 'ok'],
      ['email', 'miss.jones@'],
      ['form', '8b'],
      ['start', '10'],
      ['end', '9'],
      ['nickname', 'admin'],
    ];
    for (const [name, text] of answers) {
      await tabToId(el, inputIdOf(el, name));
      await type(el, text);
    }
    await tabToButton(el, 'next-button');
    await press(el, 'Enter');
    expect(modelOf(el).currentPageNo).to.equal(0);
    expect(deepActiveElement() === summary(el), "focus is on summary(el)").to.equal(true);
    const expected: Record<string, string> = {
      age: 'Enter an age from 11 to 18',
      word: 'Write at least 3 letters',
      email: 'That is not an email address',
      form: 'A number then a capital letter, like 8B',
      end: 'The end cannot be before the start',
      nickname: 'Pick a different nickname',
    };
    expect(summaryLinks(el).map((a) => a.getAttribute('href'))).to.deep.equal(
      Object.keys(expected).map((name) => `#${inputIdOf(el, name)}`),
    );
    for (const [name, message] of Object.entries(expected)) {
      const control = el.shadowRoot!.getElementById(inputIdOf(el, name))!;
      expect(control.getAttribute('aria-invalid'), name).to.equal('true');
      expect(describedErrors(el, control), name).to.contain(message);
      expect(summaryLinks(el).find((a) => a.hash === `#${inputIdOf(el, name)}`)?.textContent, name).to.contain(message);
    }
    expect(el.shadowRoot!.getElementById(inputIdOf(el, 'start'))!.getAttribute('aria-invalid')).to.not.equal('true');
    await expect(el).to.be.accessible();

    // Correct every answer by keyboard; Continue now moves on.
    const fixes: Array<[string, string]> = [
      ['age', '12'],
      ['word', 'kind'],
      ['email', 'miss.jones@school.example'],
      ['form', '8B'],
      ['end', '11'],
      ['nickname', 'sky'],
    ];
    for (const [name, text] of fixes) {
      const control = el.shadowRoot!.getElementById(inputIdOf(el, name)) as HTMLInputElement;
      await tabToId(el, control.id);
      control.select();
      await type(el, text);
    }
    await tabToButton(el, 'next-button');
    await press(el, 'Enter');
    expect(modelOf(el).currentPageNo).to.equal(1);
    expect(modelOf(el).data).to.deep.equal({
      age: '12',
      word: 'kind',
      email: 'miss.jones@school.example',
      form: '8B',
      start: 10,
      end: 11,
      nickname: 'sky',
    });
  });

  it('uses a definition\'s custom required text and checks again on Submit', async () => {
    const el = await renderSurvey({
      elements: [{ type: 'text', name: 'q', title: 'Your answer', isRequired: true, requiredErrorText: 'Please answer this one' }],
    });
    button(el, 'submit-button')!.click();
    await settle(el);
    expect(modelOf(el).state).to.equal('running');
    expect(deepActiveElement() === summary(el), "focus is on summary(el)").to.equal(true);
    expect(summaryLinks(el)[0]!.textContent).to.contain('Please answer this one');
    // A mouse click on a link focuses the field too.
    summaryLinks(el)[0]!.click();
    await settle(el);
    expect(deepActiveElement()?.id).to.equal(inputIdOf(el, 'q'));
  });

  it('links an error inside a panel to the field inside the panel', async () => {
    const el = await renderSurvey({
      pages: [
        {
          elements: [
            {
              type: 'panel',
              name: 'box',
              title: 'Travel',
              elements: [{ type: 'text', name: 'how', title: 'How do you get to school?', isRequired: true }],
            },
          ],
        },
        { elements: [{ type: 'text', name: 'x' }] },
      ],
    });
    await tabToButton(el, 'next-button');
    await press(el, 'Enter');
    const [link] = summaryLinks(el);
    expect(link?.hash).to.equal(`#${inputIdOf(el, 'how')}`);
    await tabUntil(el, (focused) => focused === link);
    await press(el, 'Enter');
    expect(deepActiveElement()?.id).to.equal(inputIdOf(el, 'how'));
  });
});

describe('<pv-survey> error summary for errors inside composite questions', () => {
  const COMPOSITES = {
    pages: [
      {
        elements: [
          {
            type: 'multipletext',
            name: 'contact',
            title: 'Your favourites',
            items: [{ name: 'subject', title: 'Subject', isRequired: true }, { name: 'sport', title: 'Sport' }],
          },
          {
            type: 'matrixdropdown',
            name: 'hours',
            title: 'Hours of homework',
            columns: [{ name: 'h', title: 'Hours', cellType: 'text', isRequired: true }],
            rows: ['Maths'],
          },
          {
            type: 'paneldynamic',
            name: 'clubs',
            title: 'Your clubs',
            panelCount: 1,
            templateElements: [{ type: 'text', name: 'club', title: 'Club name', isRequired: true }],
          },
        ],
      },
      { elements: [{ type: 'text', name: 'last' }] },
    ],
  };

  it('lists every composite question with a problem inside it and focuses the field', async () => {
    const el = await renderSurvey(COMPOSITES);
    await tabToButton(el, 'next-button');
    await press(el, 'Enter');
    expect(modelOf(el).currentPageNo).to.equal(0);
    const box = summary(el);
    expect(box, 'a summary is shown').to.exist;
    expect(deepActiveElement() === box, "focus is on box").to.equal(true);
    const links = summaryLinks(el);
    expect(links.map((a) => (a.textContent ?? '').split(':')[0]!.trim())).to.deep.equal([
      'Your favourites',
      'Hours of homework',
      'Your clubs',
    ]);
    for (const link of links) expect(link.textContent).to.match(/:\s*\S/);
    for (const [index, link] of links.entries()) {
      link.click();
      await settle(el);
      const focused = deepActiveElement() as HTMLElement;
      expect(focused.getAttribute('aria-invalid'), `link ${index + 1} focuses the invalid field`).to.equal('true');
      // Booleans, not elements: chai would walk a failing element's whole survey-core model.
      const owner = $(el, `[data-qid="${question(el, ['contact', 'hours', 'clubs'][index]!).id}"]`)!;
      expect(owner.contains(focused), `link ${index + 1} focuses a field of its own question`).to.equal(true);
    }
    await expect(el).to.be.accessible();
  });
});
