import { expect } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { QuestionCheckboxModel } from 'survey-core';
import type { PvSurvey } from '../survey/survey.js';
import { $, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';

interface AxNode {
  role: string;
  name: string;
  checked?: boolean;
  disabled?: boolean;
  children: AxNode[];
}

function questionOf(el: PvSurvey, name: string): QuestionCheckboxModel {
  return modelOf(el).getQuestionByName(name) as QuestionCheckboxModel;
}

function groupOf(el: PvSurvey, name: string): HTMLElement {
  return questionElement(el, name).querySelector<HTMLElement>('[role="group"]')!;
}

function boxes(el: PvSurvey, name: string): HTMLInputElement[] {
  return Array.from(groupOf(el, name).querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
}

function box(el: PvSurvey, name: string, text: string): HTMLInputElement {
  const found = boxes(el, name).find((input) => input.closest('label')!.textContent!.trim() === text);
  if (!found) throw new Error(`no checkbox ${text} in ${name}`);
  return found;
}

function labels(el: PvSurvey, name: string): string[] {
  return boxes(el, name).map((input) => input.closest('label')!.textContent!.trim());
}

async function clickCentre(element: Element): Promise<void> {
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

const clubs = {
  elements: [
    { type: 'text', name: 'class', title: 'Your class' },
    {
      type: 'checkbox',
      name: 'clubs',
      title: 'Which clubs do you go to?',
      description: 'Tick all that apply.',
      choices: [
        { value: 'art', text: 'Art' },
        { value: 'chess', text: 'Chess' },
        { value: 'choir', text: 'Choir' },
      ],
      showSelectAllItem: true,
      showNoneItem: true,
      showOtherItem: true,
    },
    { type: 'text', name: 'after', title: 'Anything else?' },
  ],
};

describe('<pv-checkbox-question>', () => {
  it('renders a group named by the title, described by its description, with one named checkbox per choice', async () => {
    const el = await renderSurvey(clubs);
    const group = groupOf(el, 'clubs');
    expect($(el, `#${CSS.escape(group.getAttribute('aria-labelledby')!)}`)!.textContent).to.contain(
      'Which clubs do you go to?',
    );
    expect($(el, `#${CSS.escape(group.getAttribute('aria-describedby')!)}`)!.textContent!.trim()).to.equal(
      'Tick all that apply.',
    );
    expect(labels(el, 'clubs')).to.deep.equal(['Select All', 'Art', 'Chess', 'Choir', 'None', 'Other (describe)']);
    expect(boxes(el, 'clubs')[0]!.id).to.equal(questionOf(el, 'clubs').inputId);
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    expect(findAccessibilityNode<AxNode>(tree, (node) => node.role === 'checkbox' && node.name === 'Chess')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('answers by keyboard: each checkbox is a tab stop and Space toggles it', async () => {
    const el = await renderSurvey(clubs);
    questionElement(el, 'class').querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(box(el, 'clubs', 'Select All'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ clubs: ['art', 'choir'] });
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(questionOf(el, 'clubs').value).to.deep.equal(['art']);
  });

  it('answers by click; Select All ticks every choice and None clears the rest', async () => {
    const el = await renderSurvey(clubs);
    await clickCentre(box(el, 'clubs', 'Chess').closest('label')!);
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ clubs: ['chess'] });
    box(el, 'clubs', 'Select All').click();
    await settle(el);
    expect(questionOf(el, 'clubs').value).to.have.members(['art', 'chess', 'choir']);
    expect(box(el, 'clubs', 'Select All').checked).to.be.true;
    expect(['Art', 'Chess', 'Choir'].every((text) => box(el, 'clubs', text).checked)).to.be.true;
    box(el, 'clubs', 'None').click();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ clubs: ['none'] });
    expect(boxes(el, 'clubs').filter((input) => input.checked)).to.deep.equal([box(el, 'clubs', 'None')]);
    box(el, 'clubs', 'Select All').click();
    await settle(el);
    box(el, 'clubs', 'Select All').click();
    await settle(el);
    expect(questionOf(el, 'clubs').isEmpty(), 'Select All again unticks all').to.be.true;
  });

  it('asks for a labelled description with Other and stores it as the comment', async () => {
    const el = await renderSurvey(clubs);
    box(el, 'clubs', 'Art').click();
    box(el, 'clubs', 'Other (describe)').click();
    await settle(el);
    const textarea = questionElement(el, 'clubs').querySelector<HTMLTextAreaElement>('textarea')!;
    expect($(el, `label[for="${CSS.escape(textarea.id)}"]`)!.textContent!.trim()).to.equal(
      'Other: please describe',
    );
    // Tab order: the box follows the Other checkbox.
    box(el, 'clubs', 'Other (describe)').focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(textarea);
    await sendKeys({ type: 'Coding' });
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ clubs: ['art', 'other'], 'clubs-Comment': 'Coding' });
    await expect(el).to.be.accessible();
    box(el, 'clubs', 'Other (describe)').click();
    await settle(el);
    expect(questionElement(el, 'clubs').querySelector('textarea')).to.equal(null);
    expect(modelOf(el).data).to.deep.equal({ clubs: ['art'] });
  });

  it('disables the unticked choices once maxSelectedChoices is reached', async () => {
    const el = await renderSurvey({
      elements: [
        {
          type: 'checkbox',
          name: 'top',
          title: 'Pick your two favourite subjects',
          choices: ['Maths', 'English', 'Science', 'Art'],
          maxSelectedChoices: 2,
        },
      ],
    });
    box(el, 'top', 'Maths').click();
    await settle(el);
    expect(boxes(el, 'top').some((input) => input.disabled)).to.be.false;
    box(el, 'top', 'Art').click();
    await settle(el);
    expect(boxes(el, 'top').map((input) => input.disabled)).to.deep.equal([false, true, true, false]);
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    expect(findAccessibilityNode<AxNode>(tree, (node) => node.name === 'English' && node.disabled === true)).to.exist;
    await expect(el).to.be.accessible();
    box(el, 'top', 'Maths').click();
    await settle(el);
    expect(boxes(el, 'top').some((input) => input.disabled)).to.be.false;
    expect(modelOf(el).data).to.deep.equal({ top: ['Art'] });
  });

  it('shows and hides choices live with choicesVisibleIf', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'boolean', name: 'sporty', title: 'Do you like sport?' },
        {
          type: 'checkbox',
          name: 'clubs',
          title: 'Clubs',
          choices: ['Chess', 'Football', 'Netball'],
          choicesVisibleIf: "{item} = 'Chess' or {sporty} = true",
        },
      ],
    });
    expect(labels(el, 'clubs')).to.deep.equal(['Chess']);
    modelOf(el).setValue('sporty', true);
    await settle(el);
    expect(labels(el, 'clubs')).to.deep.equal(['Chess', 'Football', 'Netball']);
    box(el, 'clubs', 'Netball').click();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ sporty: true, clubs: ['Netball'] });
  });

  it('reflects values set on the model', async () => {
    const el = await renderSurvey(clubs);
    modelOf(el).setValue('clubs', ['chess', 'choir']);
    await settle(el);
    expect(boxes(el, 'clubs').filter((input) => input.checked).map((input) => input.closest('label')!.textContent!.trim())).to
      .deep.equal(['Chess', 'Choir']);
    questionOf(el, 'clubs').value = ['art', 'chess', 'choir'];
    await settle(el);
    expect(box(el, 'clubs', 'Select All').checked).to.be.true;
    modelOf(el).clear();
    await settle(el);
    expect(boxes(el, 'clubs').some((input) => input.checked)).to.be.false;
  });

  it('lays choices out in colCount columns', async () => {
    const el = await renderSurvey({
      elements: [{ type: 'checkbox', name: 'pets', title: 'Pets', colCount: 3, choices: ['Cat', 'Dog', 'Fish'] }],
    });
    const [cat, dog, fish] = boxes(el, 'pets').map((input) => input.closest('label')!.getBoundingClientRect());
    expect(Math.round(dog!.top)).to.equal(Math.round(cat!.top));
    expect(fish!.left).to.be.greaterThan(dog!.right);
  });

  it('is accessible with an error, described by the error', async () => {
    const el = await renderSurvey({ elements: [{ ...clubs.elements[1], isRequired: true }] });
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const described = groupOf(el, 'clubs')
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => $(el, `#${CSS.escape(id)}`)?.textContent ?? '')
      .join(' ');
    expect(described).to.contain('Response required');
    await expect(el).to.be.accessible();
  });

  it('is disabled and accessible when read-only', async () => {
    const el = await renderSurvey({ elements: [{ ...clubs.elements[1], readOnly: true, defaultValue: ['art'] }] });
    expect(boxes(el, 'clubs').every((input) => input.disabled)).to.be.true;
    expect(box(el, 'clubs', 'Art').checked).to.be.true;
    await expect(el).to.be.accessible();
  });
});
