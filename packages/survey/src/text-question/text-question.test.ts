import { expect } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import type { QuestionTextModel } from 'survey-core';
import type { PvSurvey } from '../survey/survey.js';
import { $, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';

interface AxNode {
  role: string;
  name: string;
  value?: string | number;
  disabled?: boolean;
  invalid?: string;
  children: AxNode[];
}

function inputOf(el: PvSurvey, name: string): HTMLInputElement {
  const input = questionElement(el, name).querySelector<HTMLInputElement>('input.pv-input');
  if (!input) throw new Error(`no input for ${name}`);
  return input;
}

function questionOf(el: PvSurvey, name: string): QuestionTextModel {
  return modelOf(el).getQuestionByName(name) as QuestionTextModel;
}

function submit(el: PvSurvey): void {
  $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
}

const pupil = {
  elements: [
    { type: 'text', name: 'name', title: 'What is your first name?', placeholder: 'e.g. Sam', maxLength: 20 },
    { type: 'text', name: 'age', title: 'How old are you?', inputType: 'number', min: 4, max: 19, step: 1 },
    { type: 'text', name: 'birthday', title: 'When is your birthday?', inputType: 'date', min: '2005-01-01' },
    { type: 'text', name: 'email', title: 'Your school email', inputType: 'email' },
    { type: 'text', name: 'phone', title: 'A phone number', inputType: 'tel' },
    { type: 'text', name: 'happy', title: 'How happy are you today?', inputType: 'range', min: 0, max: 10, step: 1 },
  ],
};

describe('<pv-text-question>', () => {
  it('renders a native input of the model type, named by the title, with the rendered limits', async () => {
    const el = await renderSurvey(pupil);
    const name = inputOf(el, 'name');
    expect(name.type).to.equal('text');
    expect(name.id).to.equal(questionOf(el, 'name').inputId);
    expect(name.placeholder).to.equal('e.g. Sam');
    expect(name.maxLength).to.equal(20);
    const age = inputOf(el, 'age');
    expect([age.type, age.min, age.max, age.step]).to.deep.equal(['number', '4', '19', '1']);
    const birthday = inputOf(el, 'birthday');
    expect([birthday.type, birthday.min, birthday.max]).to.deep.equal(['date', '2005-01-01', questionOf(el, 'birthday').renderedMax]);
    expect(inputOf(el, 'email').type).to.equal('email');
    expect(inputOf(el, 'phone').type).to.equal('tel');
    expect(inputOf(el, 'happy').type).to.equal('range');

    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    const textbox = findAccessibilityNode<AxNode>(tree, (node) => node.role === 'textbox' && node.name === 'What is your first name?');
    expect(textbox, 'textbox named by the title').to.exist;
    expect(findAccessibilityNode<AxNode>(tree, (node) => node.role === 'spinbutton' && node.name === 'How old are you?')).to.exist;
    expect(findAccessibilityNode<AxNode>(tree, (node) => node.role === 'slider' && node.name === 'How happy are you today?')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('falls back to a text box for an input type no browser has, and keeps url, password and color native', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'text', name: 'odd', inputType: 'hologram' },
        { type: 'text', name: 'site', inputType: 'url' },
        { type: 'text', name: 'secret', inputType: 'password' },
        { type: 'text', name: 'colour', inputType: 'color' },
      ],
    });
    expect(['odd', 'site', 'secret', 'colour'].map((name) => inputOf(el, name).type)).to.deep.equal([
      'text',
      'url',
      'password',
      'color',
    ]);
    await expect(el).to.be.accessible();
  });

  it('answers by keyboard: the value reaches the model on blur by default (textUpdateMode onBlur)', async () => {
    const el = await renderSurvey(pupil);
    inputOf(el, 'name').focus();
    await sendKeys({ type: 'Sam' });
    expect(questionOf(el, 'name').value, 'not before blur').to.equal(undefined);
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(deepActiveElement()).to.equal(inputOf(el, 'age'));
    expect(modelOf(el).data).to.deep.equal({ name: 'Sam' });
  });

  it('stores the number 12 when "12" is typed into a number input', async () => {
    const el = await renderSurvey(pupil);
    inputOf(el, 'age').focus();
    await sendKeys({ type: '12' });
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(modelOf(el).data.age).to.equal(12);
    expect(typeof modelOf(el).data.age).to.equal('number');
    // survey-core's own key filter: "e" and "+" are not numbers.
    inputOf(el, 'age').focus();
    await sendKeys({ type: 'e+' });
    expect(inputOf(el, 'age').value).to.equal('12');
  });

  it('sends every keystroke with textUpdateMode onTyping', async () => {
    const el = await renderSurvey({ textUpdateMode: 'onTyping', elements: pupil.elements });
    inputOf(el, 'name').focus();
    await sendKeys({ type: 'Al' });
    await settle(el);
    expect(questionOf(el, 'name').value).to.equal('Al');
    await sendKeys({ type: 'ex' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ name: 'Alex' });
    expect(inputOf(el, 'name').value, 'typing is not overwritten').to.equal('Alex');
    // A number in progress ("1." is not a number yet) is not overwritten either.
    const age = inputOf(el, 'age');
    age.focus();
    await sendKeys({ type: '12.5' });
    await settle(el);
    expect(modelOf(el).data.age).to.equal(12.5);
    expect(age.value).to.equal('12.5');
  });

  it('commits on Enter without leaving the field', async () => {
    const el = await renderSurvey(pupil);
    inputOf(el, 'email').focus();
    await sendKeys({ type: 'sam@school.example' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ email: 'sam@school.example' });
  });

  it('answers by click: clicking the title focuses the input', async () => {
    const el = await renderSurvey(pupil);
    questionElement(el, 'phone').querySelector('label')!.click();
    expect(deepActiveElement()).to.equal(inputOf(el, 'phone'));
    await sendKeys({ type: '0123 456' });
    inputOf(el, 'phone').blur();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ phone: '0123 456' });
  });

  it('applies an input mask through survey-core (the model is given the input)', async () => {
    const el = await renderSurvey({
      elements: [{ type: 'text', name: 'code', title: 'Class code', maskType: 'pattern', maskSettings: { pattern: '99-99' } }],
    });
    inputOf(el, 'code').focus();
    await sendKeys({ type: '1234' });
    expect(inputOf(el, 'code').value).to.equal('12-34');
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ code: '1234' });
  });

  it('reflects values set on the model', async () => {
    const el = await renderSurvey(pupil);
    modelOf(el).setValue('name', 'Ana');
    questionOf(el, 'age').value = 9;
    modelOf(el).setValue('birthday', '2012-03-04');
    await settle(el);
    expect(inputOf(el, 'name').value).to.equal('Ana');
    expect(inputOf(el, 'age').value).to.equal('9');
    expect(inputOf(el, 'birthday').value).to.equal('2012-03-04');
    modelOf(el).clear();
    await settle(el);
    expect(inputOf(el, 'name').value).to.equal('');
  });

  it('shows a range value beside the slider and does not answer it when the slider is only tabbed past', async () => {
    const el = await renderSurvey(pupil);
    const slider = inputOf(el, 'happy');
    const output = questionElement(el, 'happy').querySelector('output')!;
    expect(output.textContent!.trim()).to.equal('Not answered yet');
    expect(slider.getAttribute('aria-valuetext')).to.equal('Not answered yet');
    slider.focus();
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(questionOf(el, 'happy').value, 'tabbing past keeps it unanswered').to.equal(undefined);

    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(output.textContent!.trim()).to.equal('6');
    expect(slider.hasAttribute('aria-valuetext'), 'the native value is announced once answered').to.be.false;
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(modelOf(el).data.happy).to.equal(6);

    questionOf(el, 'happy').value = 2;
    await settle(el);
    expect(slider.value).to.equal('2');
    expect(output.textContent!.trim()).to.equal('2');
  });

  it('is accessible with errors, linked by aria-invalid and aria-describedby', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'text', name: 'name', title: 'What is your first name?', isRequired: true },
        { type: 'text', name: 'age', title: 'How old are you?', inputType: 'number', max: 19 },
      ],
    });
    inputOf(el, 'age').focus();
    await sendKeys({ type: '30' });
    inputOf(el, 'age').blur();
    submit(el);
    await settle(el);
    for (const name of ['name', 'age']) {
      const input = inputOf(el, name);
      expect(input.getAttribute('aria-invalid'), name).to.equal('true');
      const errors = $(el, `#${CSS.escape(input.getAttribute('aria-describedby')!)}`);
      expect(errors?.textContent, name).to.match(/\S/);
    }
    expect(inputOf(el, 'name').getAttribute('aria-required')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('is disabled and accessible when read-only', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'text', name: 'name', title: 'What is your first name?', readOnly: true, defaultValue: 'Sam' },
        { type: 'text', name: 'happy', title: 'How happy?', inputType: 'range', readOnly: true },
      ],
    });
    expect(inputOf(el, 'name').disabled).to.be.true;
    expect(inputOf(el, 'name').value).to.equal('Sam');
    expect(inputOf(el, 'happy').disabled).to.be.true;
    await expect(el).to.be.accessible();
  });
});
