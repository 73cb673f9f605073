import { expect } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import type { QuestionMultipleTextModel } from 'survey-core';
import { $, $$, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from '../survey/survey.js';

interface AxNode {
  role: string;
  name: string;
  value?: string;
  children: AxNode[];
}

const aboutYou = {
  elements: [
    {
      type: 'multipletext',
      name: 'about',
      title: 'About you',
      description: 'We only use this to group answers.',
      items: [
        { name: 'nickname', title: 'Nickname', isRequired: true },
        { name: 'age', title: 'Age in years', inputType: 'number', validators: [{ type: 'numeric', minValue: 4, maxValue: 19 }] },
        { name: 'email', title: 'School email', inputType: 'email', validators: [{ type: 'email' }] },
      ],
    },
  ],
};

function question(el: PvSurvey): QuestionMultipleTextModel {
  return modelOf(el).getQuestionByName('about') as QuestionMultipleTextModel;
}

function input(el: PvSurvey, labelText: string): HTMLInputElement {
  const label = $$<HTMLLabelElement>(el, 'label').find((candidate) => candidate.textContent?.includes(labelText));
  const found = label && $<HTMLInputElement>(el, `#${CSS.escape(label.htmlFor)}`);
  if (!found) throw new Error(`no input labelled ${labelText}`);
  return found;
}

describe('<pv-multipletext-question>', () => {
  it('renders a group named by the title with one labelled input per item', async () => {
    const el = await renderSurvey(aboutYou);
    const group = $(el, '[role="group"]')!;
    expect($(el, `#${CSS.escape(group.getAttribute('aria-labelledby')!)}`)?.textContent).to.contain('About you');
    expect(group.getAttribute('aria-describedby')).to.contain(`${question(el).id}_description`);
    expect(input(el, 'Age').type).to.equal('number');
    expect(input(el, 'School email').type).to.equal('email');
    expect(input(el, 'Nickname').getAttribute('aria-required')).to.equal('true');
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    for (const name of ['Nickname', 'Age in years', 'School email']) {
      const node = findAccessibilityNode<AxNode>(snapshot, (n) => (n.role === 'textbox' || n.role === 'spinbutton') && n.name.startsWith(name));
      expect(node, name).to.exist;
    }
    await expect(el).to.be.accessible();
  });

  it('answers with the keyboard and keeps the value types survey-core gives', async () => {
    const el = await renderSurvey(aboutYou);
    input(el, 'Nickname').focus();
    await sendKeys({ type: 'Sam' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(input(el, 'Age'));
    await sendKeys({ type: '11' });
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(question(el).value).to.deep.equal({ nickname: 'Sam', age: 11 });
    expect(modelOf(el).data).to.deep.equal({ about: { nickname: 'Sam', age: 11 } });
  });

  it('answers by click and typing', async () => {
    const el = await renderSurvey(aboutYou);
    $$(el, 'label').find((label) => label.textContent?.includes('School email'))!.click();
    expect(deepActiveElement()).to.equal(input(el, 'School email'));
    await sendKeys({ type: 'sam@school.example' });
    // Moving on commits the answer (textUpdateMode onBlur).
    input(el, 'Nickname').focus();
    await settle(el);
    expect(question(el).value).to.deep.equal({ email: 'sam@school.example' });
  });

  it('reflects values set on the model', async () => {
    const el = await renderSurvey(aboutYou);
    modelOf(el).setValue('about', { nickname: 'Jo', age: 9 });
    await settle(el);
    expect(input(el, 'Nickname').value).to.equal('Jo');
    expect(input(el, 'Age').value).to.equal('9');
    question(el).value = { email: 'a@b.example' };
    await settle(el);
    expect(input(el, 'Nickname').value).to.equal('');
    expect(input(el, 'School email').value).to.equal('a@b.example');
  });

  it('shows and links each item error from its validators and required flag', async () => {
    const el = await renderSurvey(aboutYou);
    input(el, 'School email').focus();
    await sendKeys({ type: 'not-an-email' });
    input(el, 'Age').focus();
    await sendKeys({ type: '40' });
    await sendKeys({ press: 'Tab' });
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    for (const label of ['Nickname', 'Age', 'School email']) {
      const field = input(el, label);
      expect(field.getAttribute('aria-invalid'), label).to.equal('true');
      const message = $(el, `#${CSS.escape(field.getAttribute('aria-describedby')!)}`);
      expect(message?.textContent?.trim().length, label).to.be.greaterThan(8);
    }
    expect($(el, `#${CSS.escape(input(el, 'School email').getAttribute('aria-describedby')!)}`)?.textContent).to.match(/e-?mail/i);
    expect(modelOf(el).state).to.equal('running');
    await expect(el).to.be.accessible();
    questionElement<HTMLElement & { focusControl(): void }>(el, 'about').focusControl();
    expect(deepActiveElement()).to.equal(input(el, 'Nickname'));
  });

  it('is disabled and accessible when read-only', async () => {
    const el = await renderSurvey({ ...aboutYou, mode: 'display' });
    modelOf(el).data = { about: { nickname: 'Jo' } };
    await settle(el);
    expect($$<HTMLInputElement>(el, 'input').every((field) => field.disabled)).to.be.true;
    expect(input(el, 'Nickname').value).to.equal('Jo');
    await expect(el).to.be.accessible();
  });
});
