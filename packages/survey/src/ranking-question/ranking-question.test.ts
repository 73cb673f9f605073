import { expect } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { $, $$, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from '../survey/survey.js';

interface AxNode {
  role: string;
  name: string;
  disabled?: boolean;
  children: AxNode[];
}

const lessons = {
  elements: [
    {
      type: 'ranking',
      name: 'order',
      title: 'Put these lessons in order, favourite first',
      isRequired: true,
      choices: [
        { value: 'maths', text: 'Maths' },
        { value: 'english', text: 'English' },
        { value: 'science', text: 'Science' },
      ],
    },
  ],
};

const clubs = {
  elements: [
    {
      type: 'ranking',
      name: 'clubs',
      title: 'Rank the clubs you would join',
      selectToRankEnabled: true,
      maxSelectedChoices: 2,
      choices: ['Chess', 'Choir', 'Coding'],
    },
  ],
};

function itemTexts(el: PvSurvey, name: string, selector = '.pv-ranking-list'): string[] {
  const list = questionElement(el, name).querySelector(selector)!;
  return Array.from(list.querySelectorAll('.pv-ranking-text')).map((node) => node.textContent!.trim());
}

function button(el: PvSurvey, name: string, label: string): HTMLButtonElement {
  const found = Array.from(questionElement(el, name).querySelectorAll('button')).find(
    (candidate) => candidate.getAttribute('aria-label') === label,
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

function status(el: PvSurvey, name: string): string {
  return questionElement(el, name).querySelector('[role="status"]')!.textContent!.trim();
}

describe('<pv-ranking-question>', () => {
  it('renders an ordered list in a group named by the title, with named move buttons', async () => {
    const el = await renderSurvey(lessons);
    const group = questionElement(el, 'order').querySelector('[role="group"]')!;
    expect($(el, `#${CSS.escape(group.getAttribute('aria-labelledby')!)}`)?.textContent).to.contain('Put these lessons in order');
    expect(group.querySelector('ol')).to.exist;
    expect(itemTexts(el, 'order')).to.deep.equal(['Maths', 'English', 'Science']);
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    const buttons = snapshot.children.filter((node) => node.role === 'button' && node.name.startsWith('Move'));
    expect(buttons.map((node) => node.name)).to.deep.equal([
      'Move “Maths” up',
      'Move “Maths” down',
      'Move “English” up',
      'Move “English” down',
      'Move “Science” up',
      'Move “Science” down',
    ]);
    expect(buttons[0]!.disabled, 'the top item cannot move up').to.equal(true);
    // Unanswered until the respondent moves something, as in SurveyJS.
    expect(modelOf(el).getQuestionByName('order').isEmpty()).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reorders with the keyboard, announces the new position and keeps focus on the item', async () => {
    const el = await renderSurvey(lessons);
    button(el, 'order', 'Move “Maths” down').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(modelOf(el).getValue('order')).to.deep.equal(['english', 'maths', 'science']);
    expect(itemTexts(el, 'order')).to.deep.equal(['English', 'Maths', 'Science']);
    expect(status(el, 'order')).to.equal('“Maths” is now 2 of 3');
    expect(deepActiveElement()?.getAttribute('aria-label')).to.equal('Move “Maths” down');

    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(modelOf(el).getValue('order')).to.deep.equal(['english', 'science', 'maths']);
    expect(status(el, 'order')).to.equal('“Maths” is now 3 of 3');
    // At the bottom "down" is unavailable, so focus moves to "up" on the same item.
    expect(deepActiveElement()?.getAttribute('aria-label')).to.equal('Move “Maths” up');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(modelOf(el).getValue('order')).to.deep.equal(['english', 'maths', 'science']);
  });

  it('reorders by click, and the end buttons do nothing', async () => {
    const el = await renderSurvey(lessons);
    button(el, 'order', 'Move “Science” up').click();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ order: ['maths', 'science', 'english'] });
    button(el, 'order', 'Move “Maths” up').click();
    button(el, 'order', 'Move “English” down').click();
    await settle(el);
    expect(modelOf(el).getValue('order')).to.deep.equal(['maths', 'science', 'english']);
    // The list is numbered once it is an answer.
    expect(
      Array.from(questionElement(el, 'order').querySelectorAll('.pv-ranking-number')).map((node) => node.textContent),
    ).to.deep.equal(['1', '2', '3']);
  });

  it('reflects values set on the model', async () => {
    const el = await renderSurvey(lessons);
    modelOf(el).setValue('order', ['science', 'english', 'maths']);
    await settle(el);
    expect(itemTexts(el, 'order')).to.deep.equal(['Science', 'English', 'Maths']);
  });

  it('select-to-rank: adds and removes items; the value holds only the ranked ones, up to the maximum', async () => {
    const el = await renderSurvey(clubs);
    expect(itemTexts(el, 'clubs', '.pv-ranking-list--unranked')).to.deep.equal(['Chess', 'Choir', 'Coding']);
    button(el, 'clubs', 'Add “Coding” to the ranking').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(modelOf(el).getValue('clubs')).to.deep.equal(['Coding']);
    expect(status(el, 'clubs')).to.equal('“Coding” is now 1 of 1');
    button(el, 'clubs', 'Add “Chess” to the ranking').click();
    await settle(el);
    expect(modelOf(el).getValue('clubs')).to.deep.equal(['Coding', 'Chess']);
    // The maximum is reached: adding Choir does nothing.
    const addChoir = button(el, 'clubs', 'Add “Choir” to the ranking');
    expect(addChoir.getAttribute('aria-disabled')).to.equal('true');
    addChoir.click();
    button(el, 'clubs', 'Move “Chess” up').click();
    await settle(el);
    expect(modelOf(el).getValue('clubs')).to.deep.equal(['Chess', 'Coding']);
    button(el, 'clubs', 'Take “Coding” out of the ranking').click();
    await settle(el);
    expect(modelOf(el).getValue('clubs')).to.deep.equal(['Chess']);
    expect(status(el, 'clubs')).to.equal('“Coding” is no longer ranked');
    await expect(el).to.be.accessible();
  });

  it('shows the required error and passes axe', async () => {
    const el = await renderSurvey(lessons);
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const group = questionElement(el, 'order').querySelector('[role="group"]')!;
    expect($(el, `#${CSS.escape(group.getAttribute('aria-describedby')!)}`)?.textContent).to.match(/required|answer/i);
    await expect(el).to.be.accessible();
    // The error summary's link lands on the first button that can act.
    $<HTMLAnchorElement>(el, '.pv-error-summary a')!.click();
    expect(deepActiveElement()?.getAttribute('aria-label')).to.equal('Move “Maths” down');
  });

  it('cannot be reordered in a read-only survey and passes axe', async () => {
    const el = await renderSurvey({ ...lessons, mode: 'display' });
    const buttons = $$<HTMLButtonElement>(el, '.pv-ranking-button');
    expect(buttons.every((node) => node.getAttribute('aria-disabled') === 'true')).to.equal(true);
    button(el, 'order', 'Move “Maths” down').click();
    await settle(el);
    expect(modelOf(el).getQuestionByName('order').isEmpty()).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
