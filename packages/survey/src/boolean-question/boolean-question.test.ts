import { expect } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { QuestionBooleanModel } from 'survey-core';
import type { PvSurvey } from '../survey/survey.js';
import { $, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';

interface AxNode {
  role: string;
  name: string;
  checked?: boolean;
  disabled?: boolean;
  children: AxNode[];
}

function questionOf(el: PvSurvey, name: string): QuestionBooleanModel {
  return modelOf(el).getQuestionByName(name) as QuestionBooleanModel;
}

function radios(el: PvSurvey, name: string): HTMLInputElement[] {
  return Array.from(questionElement(el, name).querySelectorAll<HTMLInputElement>('[role="radiogroup"] input[type="radio"]'));
}

function radio(el: PvSurvey, name: string, text: string): HTMLInputElement {
  const found = radios(el, name).find((input) => input.closest('label')!.textContent!.trim() === text);
  if (!found) throw new Error(`no radio ${text} in ${name}`);
  return found;
}

function labels(el: PvSurvey, name: string): string[] {
  return radios(el, name).map((input) => input.closest('label')!.textContent!.trim());
}

const safety = {
  elements: [
    { type: 'text', name: 'class', title: 'Your class' },
    { type: 'boolean', name: 'safe', title: 'Do you feel safe at school?', description: 'Think about this week.' },
    {
      type: 'boolean',
      name: 'walk',
      title: 'Do you walk to school?',
      labelTrue: 'I walk',
      labelFalse: 'I do not walk',
      valueTrue: 'walks',
      valueFalse: 'does-not-walk',
      swapOrder: true,
    },
    { type: 'boolean', name: 'rules', title: 'I have read the class rules', renderAs: 'checkbox' },
  ],
};

describe('<pv-boolean-question>', () => {
  it('renders two radios labelled labelFalse/labelTrue in survey-core order, in a radiogroup named by the title', async () => {
    const el = await renderSurvey(safety);
    const group = questionElement(el, 'safe').querySelector('[role="radiogroup"]')!;
    expect($(el, `#${CSS.escape(group.getAttribute('aria-labelledby')!)}`)!.textContent).to.contain(
      'Do you feel safe at school?',
    );
    expect($(el, `#${CSS.escape(group.getAttribute('aria-describedby')!)}`)!.textContent!.trim()).to.equal(
      'Think about this week.',
    );
    expect(labels(el, 'safe')).to.deep.equal(['No', 'Yes']);
    expect(labels(el, 'walk'), 'swapOrder puts true first').to.deep.equal(['I walk', 'I do not walk']);
    expect(radios(el, 'safe')[0]!.id).to.equal(questionOf(el, 'safe').inputId);
    expect(radios(el, 'safe').some((input) => input.checked), 'unanswered is visible').to.be.false;
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    expect(findAccessibilityNode<AxNode>(tree, (node) => node.role === 'radio' && node.name === 'Yes')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('answers by keyboard: one tab stop, arrows select, the survey receives true/false', async () => {
    const el = await renderSurvey(safety);
    questionElement(el, 'class').querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(radio(el, 'safe', 'No'));
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ safe: true });
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(modelOf(el).data, 'wraps').to.deep.equal({ safe: false });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement(), 'next group').to.equal(radio(el, 'walk', 'I walk'));
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ safe: false, walk: 'walks' });
  });

  it('answers by click with valueTrue and valueFalse', async () => {
    const el = await renderSurvey(safety);
    const label = radio(el, 'walk', 'I do not walk').closest('label')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(label.left + 20), Math.round(label.top + label.height / 2)] });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ walk: 'does-not-walk' });
    radio(el, 'safe', 'Yes').click();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ walk: 'does-not-walk', safe: true });
  });

  it('reflects values set on the model', async () => {
    const el = await renderSurvey(safety);
    modelOf(el).setValue('walk', 'walks');
    questionOf(el, 'safe').value = false;
    await settle(el);
    expect(radio(el, 'walk', 'I walk').checked).to.be.true;
    expect(radio(el, 'safe', 'No').checked).to.be.true;
    expect(radio(el, 'safe', 'Yes').checked).to.be.false;
    modelOf(el).clear();
    await settle(el);
    expect(radios(el, 'safe').some((input) => input.checked)).to.be.false;
  });

  it('renders as one native checkbox labelled by the title with renderAs "checkbox"', async () => {
    const el = await renderSurvey(safety);
    const question = questionElement(el, 'rules');
    expect(question.querySelector('[role="radiogroup"]')).to.equal(null);
    expect(question.querySelector('h4'), 'no second copy of the title').to.equal(null);
    const checkbox = question.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(checkbox.id).to.equal(questionOf(el, 'rules').inputId);
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    expect(
      findAccessibilityNode<AxNode>(tree, (node) => node.role === 'checkbox' && node.name === 'I have read the class rules'),
    ).to.exist;
    checkbox.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ rules: true });
    checkbox.closest('label')!.click();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ rules: false });
    modelOf(el).setValue('rules', true);
    await settle(el);
    expect(checkbox.checked).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('is accessible with errors in both forms', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'boolean', name: 'safe', title: 'Do you feel safe at school?', isRequired: true },
        { type: 'boolean', name: 'rules', title: 'I have read the class rules', renderAs: 'checkbox', isRequired: true },
      ],
    });
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const group = questionElement(el, 'safe').querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-invalid')).to.equal('true');
    expect(group.getAttribute('aria-required')).to.equal('true');
    const checkbox = questionElement(el, 'rules').querySelector('input')!;
    expect(checkbox.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${CSS.escape(checkbox.getAttribute('aria-describedby')!)}`)!.textContent).to.contain('Response required');
    expect(checkbox.closest('label')!.textContent).to.contain('(required)');
    await expect(el).to.be.accessible();
  });

  it('is disabled and accessible when read-only', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'boolean', name: 'safe', title: 'Do you feel safe at school?', readOnly: true, defaultValue: true },
        { type: 'boolean', name: 'rules', title: 'I have read the rules', renderAs: 'checkbox', readOnly: true },
      ],
    });
    expect(radios(el, 'safe').every((input) => input.disabled)).to.be.true;
    expect(radio(el, 'safe', 'Yes').checked).to.be.true;
    expect(questionElement(el, 'rules').querySelector('input')!.disabled).to.be.true;
    await expect(el).to.be.accessible();
  });
});
