import { expect, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import type { PvSurvey } from '../survey/survey.js';
import { $, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';

interface AxNode {
  role: string;
  name: string;
  description?: string;
  children: AxNode[];
}

function textareaOf(el: PvSurvey, name: string): HTMLTextAreaElement {
  const textarea = questionElement(el, name).querySelector<HTMLTextAreaElement>('textarea');
  if (!textarea) throw new Error(`no textarea for ${name}`);
  return textarea;
}

const feedback = {
  elements: [
    { type: 'text', name: 'before', title: 'Your class' },
    {
      type: 'comment',
      name: 'ideas',
      title: 'How could break times be better?',
      description: 'Write as much or as little as you like.',
      placeholder: 'Your ideas',
      maxLength: 30,
      rows: 3,
    },
    { type: 'comment', name: 'other', title: 'Anything else?' },
  ],
};

describe('<pv-comment-question>', () => {
  it('renders a textarea named by the title and described by the description and the limit', async () => {
    const el = await renderSurvey(feedback);
    const textarea = textareaOf(el, 'ideas');
    expect(textarea.id).to.equal(modelOf(el).getQuestionByName('ideas').inputId);
    expect(textarea.rows).to.equal(3);
    expect(textarea.maxLength).to.equal(30);
    expect(textarea.placeholder).to.equal('Your ideas');
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    const box = findAccessibilityNode<AxNode>(
      tree,
      (node) => node.role === 'textbox' && node.name === 'How could break times be better?',
    );
    expect(box).to.exist;
    expect(box!.description).to.contain('Write as much or as little as you like.');
    expect(box!.description).to.contain('You can enter up to 30 characters');
    expect(textareaOf(el, 'other').maxLength, 'no limit unless asked').to.equal(-1);
    expect(questionElement(el, 'other').querySelector('.pv-character-count')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('answers by keyboard: Tab in, type, Tab out stores the text', async () => {
    const el = await renderSurvey(feedback);
    $<HTMLInputElement>(el, 'input')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(textareaOf(el, 'ideas'));
    await sendKeys({ type: 'More games' });
    expect(modelOf(el).getValue('ideas'), 'onBlur mode: not yet').to.equal(undefined);
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ ideas: 'More games' });
  });

  it('keeps line breaks typed with Enter', async () => {
    const el = await renderSurvey({ textUpdateMode: 'onTyping', elements: feedback.elements });
    textareaOf(el, 'other').focus();
    await sendKeys({ type: 'one' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'two' });
    await settle(el);
    expect(modelOf(el).getValue('other')).to.equal('one\ntwo');
  });

  it('counts the characters left and announces the count politely after a pause', async () => {
    const el = await renderSurvey(feedback);
    const question = questionElement(el, 'ideas');
    const count = question.querySelector('.pv-character-count')!;
    const status = question.querySelector('[role="status"]')!;
    expect(count.textContent!.trim()).to.equal('You have 30 characters remaining');
    expect(count.getAttribute('aria-hidden'), 'the visible count is not read twice').to.equal('true');
    textareaOf(el, 'ideas').focus();
    await sendKeys({ type: 'Longer lunch' });
    await settle(el);
    expect(count.textContent!.trim()).to.equal('You have 18 characters remaining');
    await waitUntil(() => status.textContent!.trim() === 'You have 18 characters remaining', 'announced after a pause');
    // The browser enforces the limit.
    await sendKeys({ type: ' and a football pitch and more' });
    expect(textareaOf(el, 'ideas').value.length).to.equal(30);
    await settle(el);
    expect(count.textContent!.trim()).to.equal('You have 0 characters remaining');
  });

  it('answers by click', async () => {
    const el = await renderSurvey(feedback);
    questionElement(el, 'other').querySelector('label')!.click();
    expect(deepActiveElement()).to.equal(textareaOf(el, 'other'));
    await sendKeys({ type: 'No' });
    textareaOf(el, 'other').blur();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ other: 'No' });
  });

  it('reflects values set on the model, including the count', async () => {
    const el = await renderSurvey(feedback);
    modelOf(el).setValue('ideas', 'Benches');
    await settle(el);
    expect(textareaOf(el, 'ideas').value).to.equal('Benches');
    expect(questionElement(el, 'ideas').querySelector('.pv-character-count')!.textContent!.trim()).to.equal(
      'You have 23 characters remaining',
    );
    modelOf(el).getQuestionByName('ideas').value = '';
    await settle(el);
    expect(textareaOf(el, 'ideas').value).to.equal('');
  });

  it('is accessible with an error, linked by aria-invalid and aria-describedby', async () => {
    const el = await renderSurvey({
      elements: [{ type: 'comment', name: 'why', title: 'Why?', isRequired: true, maxLength: 100 }],
    });
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const textarea = textareaOf(el, 'why');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea.getAttribute('aria-required')).to.equal('true');
    const ids = textarea.getAttribute('aria-describedby')!.split(' ');
    expect(ids.map((id) => $(el, `#${CSS.escape(id)}`)?.textContent ?? '').join(' ')).to.contain('Response required');
    await expect(el).to.be.accessible();
  });

  it('is disabled and accessible when read-only', async () => {
    const el = await renderSurvey({
      elements: [{ type: 'comment', name: 'why', title: 'Why?', readOnly: true, defaultValue: 'Because', maxLength: 50 }],
    });
    expect(textareaOf(el, 'why').disabled).to.be.true;
    expect(textareaOf(el, 'why').value).to.equal('Because');
    await expect(el).to.be.accessible();
  });
});
