import { expect } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys, sendMouse } from '@web/test-runner-commands';
import { settings, type QuestionRadiogroupModel } from 'survey-core';
import type { PvSurvey } from '../survey/survey.js';
import { $, $$, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';

interface AxNode {
  role: string;
  name: string;
  checked?: boolean;
  disabled?: boolean;
  children: AxNode[];
}

function questionOf(el: PvSurvey, name: string): QuestionRadiogroupModel {
  return modelOf(el).getQuestionByName(name) as QuestionRadiogroupModel;
}

function groupOf(el: PvSurvey, name: string): HTMLElement {
  return questionElement(el, name).querySelector<HTMLElement>('[role="radiogroup"]')!;
}

function radios(el: PvSurvey, name: string): HTMLInputElement[] {
  return Array.from(groupOf(el, name).querySelectorAll<HTMLInputElement>('input[type="radio"]'));
}

function radio(el: PvSurvey, name: string, text: string): HTMLInputElement {
  const found = radios(el, name).find((input) => input.closest('label')!.textContent!.trim() === text);
  if (!found) throw new Error(`no radio ${text} in ${name}`);
  return found;
}

function labels(el: PvSurvey, name: string): string[] {
  return radios(el, name).map((input) => input.closest('label')!.textContent!.trim());
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** A real mouse click (mousedown, mouseup, click) in the middle of an element. */
async function clickCentre(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

const lunch = {
  elements: [
    { type: 'text', name: 'class', title: 'Your class' },
    {
      type: 'radiogroup',
      name: 'lunch',
      title: 'What do you usually have for lunch?',
      description: 'Choose one.',
      choices: [
        { value: 'school', text: 'School dinner' },
        { value: 'packed', text: 'Packed lunch' },
        { value: 'home', text: 'I go home' },
      ],
      showOtherItem: true,
      showNoneItem: true,
      showClearButton: true,
    },
    { type: 'text', name: 'after', title: 'Anything else?' },
  ],
};

describe('<pv-radiogroup-question>', () => {
  it('renders a radiogroup named by the title, described by its description, with one named radio per choice', async () => {
    const el = await renderSurvey(lunch);
    const group = groupOf(el, 'lunch');
    expect($(el, `#${CSS.escape(group.getAttribute('aria-labelledby')!)}`)!.textContent).to.contain(
      'What do you usually have for lunch?',
    );
    expect($(el, `#${CSS.escape(group.getAttribute('aria-describedby')!)}`)!.textContent!.trim()).to.equal('Choose one.');
    expect(labels(el, 'lunch')).to.deep.equal(['School dinner', 'Packed lunch', 'I go home', 'None', 'Other (describe)']);
    expect(new Set(radios(el, 'lunch').map((input) => input.name)).size, 'one shared name').to.equal(1);
    expect(radios(el, 'lunch')[0]!.id).to.equal(questionOf(el, 'lunch').inputId);

    expect(group.getAttribute('aria-required'), 'not required').to.equal(null);
    // Chromium's snapshot flattens groups; it shows each radio with the name of its label.
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    const packed = findAccessibilityNode<AxNode>(tree, (node) => node.role === 'radio' && node.name === 'Packed lunch');
    expect(packed, 'radio named by its choice').to.exist;
    expect(packed!.checked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('is one tab stop; arrows move and select, and wrap from last to first', async () => {
    const el = await renderSurvey(lunch);
    const before = questionElement(el, 'class').querySelector('input')!;
    const next = questionElement(el, 'after').querySelector('input')!;
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement(), 'Tab enters on the first radio').to.equal(radio(el, 'lunch', 'School dinner'));
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement(), 'a second Tab leaves the group').to.equal(next);

    await shiftTab();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(questionOf(el, 'lunch').value).to.equal('packed');
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ lunch: 'home' });
    expect(radio(el, 'lunch', 'I go home').checked).to.be.true;

    await sendKeys({ press: 'ArrowDown' }); // None
    await sendKeys({ press: 'ArrowDown' }); // Other
    await settle(el);
    expect(questionOf(el, 'lunch').value).to.equal('other');
    // The description box of Other follows it in the tab order; arrows stay in the group.
    radio(el, 'lunch', 'Other (describe)').focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(questionOf(el, 'lunch').value, 'wraps from last to first').to.equal('school');
    expect(deepActiveElement()).to.equal(radio(el, 'lunch', 'School dinner'));
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(questionOf(el, 'lunch').value, 'and from first to last').to.equal('other');

    // Coming back, Tab lands on the checked radio.
    // Coming back from below: Clear, then the Other box, then the checked radio.
    next.focus();
    await shiftTab();
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Clear');
    await shiftTab();
    expect(deepActiveElement()?.tagName).to.equal('TEXTAREA');
    await shiftTab();
    expect(deepActiveElement()).to.equal(radio(el, 'lunch', 'Other (describe)'));
    await shiftTab();
    expect(deepActiveElement(), 'one stop for the whole group').to.equal(questionElement(el, 'class').querySelector('input'));
  });

  it('selects with Space when nothing is selected yet', async () => {
    const el = await renderSurvey(lunch);
    radio(el, 'lunch', 'School dinner').focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ lunch: 'school' });
  });

  it('swaps Left and Right in a right-to-left survey (an ancestor with dir="rtl")', async () => {
    const el = await renderSurvey(lunch, { dir: 'rtl' });
    expect(getComputedStyle(groupOf(el, 'lunch')).direction).to.equal('rtl');
    radio(el, 'lunch', 'School dinner').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(questionOf(el, 'lunch').value, 'Left is forward in RTL').to.equal('packed');
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(questionOf(el, 'lunch').value, 'Right is back in RTL').to.equal('school');
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(questionOf(el, 'lunch').value, 'and wraps').to.equal('other');
  });

  it('swaps Left and Right when the survey locale is Arabic', async () => {
    await import('survey-core/i18n/arabic');
    const el = await renderSurvey({ ...lunch, locale: 'ar' });
    expect(modelOf(el).localeDir).to.equal('rtl');
    expect(getComputedStyle(groupOf(el, 'lunch')).direction).to.equal('rtl');
    radio(el, 'lunch', 'School dinner').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(questionOf(el, 'lunch').value).to.equal('packed');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(questionOf(el, 'lunch').value).to.equal(questionOf(el, 'lunch').visibleChoices.at(-1)!.value);
  });

  it('answers by click, and Other asks for a labelled description stored as the comment', async () => {
    const el = await renderSurvey(lunch);
    await clickCentre(radio(el, 'lunch', 'Packed lunch').closest('label')!);
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ lunch: 'packed' });
    expect(questionElement(el, 'lunch').querySelector('textarea')).to.equal(null);

    radio(el, 'lunch', 'Other (describe)').click();
    await settle(el);
    const box = questionElement(el, 'lunch').querySelector<HTMLTextAreaElement>('textarea')!;
    expect(box, 'Other reveals a box').to.exist;
    const label = $(el, `label[for="${CSS.escape(box.id)}"]`);
    expect(label?.textContent?.trim()).to.equal('Other: please describe');
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    expect(
      findAccessibilityNode<AxNode>(tree, (node) => node.role === 'textbox' && node.name === 'Other: please describe'),
    ).to.exist;
    box.focus();
    await sendKeys({ type: 'Sandwiches from the shop' });
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ lunch: 'other', 'lunch-Comment': 'Sandwiches from the shop' });
    await expect(el).to.be.accessible();

    radio(el, 'lunch', 'None').click();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ lunch: 'none' });
    expect(questionElement(el, 'lunch').querySelector('textarea')).to.equal(null);
  });

  it('clears with the Clear button and puts focus back in the group', async () => {
    const el = await renderSurvey(lunch);
    expect(questionElement(el, 'lunch').querySelector('button'), 'nothing to clear yet').to.equal(null);
    radio(el, 'lunch', 'I go home').click();
    await settle(el);
    const clear = questionElement(el, 'lunch').querySelector<HTMLButtonElement>('button')!;
    expect(clear.textContent!.trim()).to.equal('Clear');
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    expect(
      findAccessibilityNode<AxNode>(tree, (node) => node.role === 'button' && node.name.startsWith('Clear What do you usually')),
    ).to.exist;
    clear.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(questionOf(el, 'lunch').isEmpty()).to.be.true;
    expect(radios(el, 'lunch').some((input) => input.checked)).to.be.false;
    expect(deepActiveElement()).to.equal(radio(el, 'lunch', 'School dinner'));
  });

  it('reflects values set on the model', async () => {
    const el = await renderSurvey(lunch);
    modelOf(el).setValue('lunch', 'home');
    await settle(el);
    expect(radio(el, 'lunch', 'I go home').checked).to.be.true;
    questionOf(el, 'lunch').value = 'school';
    await settle(el);
    expect(radios(el, 'lunch').filter((input) => input.checked)).to.deep.equal([radio(el, 'lunch', 'School dinner')]);
    modelOf(el).clear();
    await settle(el);
    expect(radios(el, 'lunch').some((input) => input.checked)).to.be.false;
  });

  it('shows, hides, enables and disables choices live with choicesVisibleIf and choicesEnableIf', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'radiogroup', name: 'year', title: 'Your year', choices: [7, 8, 9] },
        {
          type: 'radiogroup',
          name: 'club',
          title: 'Which club?',
          choices: [
            { value: 'chess', text: 'Chess' },
            { value: 'drama', text: 'Drama' },
            { value: 'robots', text: 'Robotics' },
          ],
          choicesVisibleIf: "{item} != 'robots' or {year} = 9",
          choicesEnableIf: "{item} != 'drama' or {year} >= 8",
        },
      ],
    });
    expect(labels(el, 'club')).to.deep.equal(['Chess', 'Drama']);
    expect(radio(el, 'club', 'Drama').disabled).to.be.true;
    radio(el, 'year', '9').click();
    await settle(el);
    expect(labels(el, 'club')).to.deep.equal(['Chess', 'Drama', 'Robotics']);
    expect(radio(el, 'club', 'Drama').disabled).to.be.false;
    radio(el, 'club', 'Robotics').click();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ year: 9, club: 'robots' });
    radio(el, 'year', '7').click();
    await settle(el);
    expect(labels(el, 'club')).to.deep.equal(['Chess', 'Drama']);
    expect(radio(el, 'club', 'Drama').disabled).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('lays choices out in colCount columns, filled top to bottom in reading order', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'radiogroup', name: 'pet', title: 'Your pet', colCount: 2, choices: ['Cat', 'Dog', 'Fish', 'Rabbit'] },
        { type: 'radiogroup', name: 'row', title: 'Inline', colCount: 0, choices: ['A', 'B'] },
      ],
    });
    const [cat, dog, fish] = radios(el, 'pet').map((input) => input.closest('label')!.getBoundingClientRect());
    expect(Math.round(dog!.left), 'Dog under Cat').to.equal(Math.round(cat!.left));
    expect(dog!.top).to.be.greaterThan(cat!.top);
    expect(fish!.left, 'Fish starts the second column').to.be.greaterThan(cat!.right);
    const [a, b] = radios(el, 'row').map((input) => input.closest('label')!.getBoundingClientRect());
    expect(Math.round(a!.top), 'colCount 0 flows in a row').to.equal(Math.round(b!.top));
    await expect(el).to.be.accessible();
  });

  it('is accessible with an error, marked invalid and described by the error', async () => {
    const el = await renderSurvey({
      elements: [{ ...lunch.elements[1], isRequired: true }],
    });
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const group = groupOf(el, 'lunch');
    expect(group.getAttribute('aria-invalid')).to.equal('true');
    expect(group.getAttribute('aria-required')).to.equal('true');
    const described = group
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => $(el, `#${CSS.escape(id)}`)?.textContent ?? '')
      .join(' ');
    expect(described).to.contain('Response required');
    await expect(el).to.be.accessible();

    // Other without a description is an error of its own.
    radio(el, 'lunch', 'Other (describe)').click();
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const box = questionElement(el, 'lunch').querySelector('textarea')!;
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(box.getAttribute('aria-required')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('is disabled and accessible when read-only', async () => {
    const el = await renderSurvey({
      elements: [{ ...lunch.elements[1], readOnly: true, defaultValue: 'packed' }],
    });
    expect(radios(el, 'lunch').every((input) => input.disabled)).to.be.true;
    expect(radio(el, 'lunch', 'Packed lunch').checked).to.be.true;
    expect(questionElement(el, 'lunch').querySelector('button'), 'no Clear when read-only').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('advances the page on a click answer with autoAdvanceEnabled, but not on arrow keys', async () => {
    // survey-core advances after settings.autoAdvanceDelay; with 0 it does so at once.
    const delay = settings.autoAdvanceDelay;
    settings.autoAdvanceDelay = 0;
    try {
      const el = await renderSurvey({
        autoAdvanceEnabled: true,
        pages: [
          { elements: [{ type: 'radiogroup', name: 'a', title: 'First', choices: ['x', 'y'] }] },
          { elements: [{ type: 'radiogroup', name: 'b', title: 'Second', choices: ['x', 'y'] }] },
        ],
      });
      radio(el, 'a', 'x').focus();
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(modelOf(el).data).to.deep.equal({ a: 'y' });
      expect(modelOf(el).currentPageNo, 'arrows let the pupil look at every choice').to.equal(0);
      await clickCentre(radio(el, 'a', 'x').closest('label')!);
      await settle(el);
      expect(modelOf(el).data).to.deep.equal({ a: 'x' });
      expect(modelOf(el).currentPageNo).to.equal(1);
      expect($$(el, '[role="radiogroup"]').length).to.equal(1);
    } finally {
      settings.autoAdvanceDelay = delay;
    }
  });
});
