import { expect } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import { $, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from '../survey/survey.js';

interface AxNode {
  role: string;
  name: string;
  value?: string;
  children: AxNode[];
}

const fruit = {
  elements: [
    {
      type: 'dropdown',
      name: 'fruit',
      title: 'Favourite fruit',
      isRequired: true,
      choices: [
        { value: 'apple', text: 'Apple' },
        { value: 'banana', text: 'Banana' },
        { value: 'cherry', text: 'Cherry' },
        { value: 'kiwi', text: 'Kiwi', visibleIf: '{adventurous} = true' },
      ],
      showNoneItem: true,
      showOtherItem: true,
      placeholder: 'Pick a fruit',
    },
    { type: 'boolean', name: 'adventurous', visible: false },
  ],
};

function selectOf(el: PvSurvey): HTMLSelectElement {
  return questionElement(el, 'fruit').querySelector('select')!;
}

function optionTexts(el: PvSurvey): string[] {
  return Array.from(selectOf(el).options).map((option) => option.textContent!.trim());
}

/** Chooses an option the way the platform picker does: the select's value, then `change`. */
function pick(select: HTMLSelectElement, text: string): void {
  const option = Array.from(select.options).find((candidate) => candidate.textContent!.trim() === text);
  if (!option) throw new Error(`no option ${text}`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function submit(el: PvSurvey): void {
  $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
}

describe('<pv-dropdown-question>', () => {
  it('renders a native select named by the title, the placeholder first, then None and Other', async () => {
    const el = await renderSurvey(fruit);
    const select = selectOf(el);
    expect(select.id).to.equal(modelOf(el).getQuestionByName('fruit').inputId);
    expect(questionElement(el, 'fruit').querySelector('label')!.htmlFor).to.equal(select.id);
    expect(select.getAttribute('aria-required')).to.equal('true');
    expect(optionTexts(el)).to.deep.equal(['Pick a fruit', 'Apple', 'Banana', 'Cherry', 'None', 'Other (describe)']);
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    const combo = findAccessibilityNode<AxNode>(
      snapshot,
      (node) => node.role === 'combobox' && node.name.startsWith('Favourite fruit'),
    );
    expect(combo, 'combobox named by the title').to.exist;
    await expect(el).to.be.accessible();
  });

  it('answers with the keyboard: arrows and type-ahead on the focused select', async () => {
    const el = await renderSurvey(fruit);
    const question = modelOf(el).getQuestionByName('fruit');
    selectOf(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(question.value).to.equal('apple');
    await sendKeys({ type: 'c' });
    await settle(el);
    expect(question.value).to.equal('cherry');
    expect(modelOf(el).data).to.deep.equal({ fruit: 'cherry' });
    expect(deepActiveElement()).to.equal(selectOf(el));
  });

  it('answers by choosing, asks for a description of Other, and stores it as survey-core does', async () => {
    const el = await renderSurvey(fruit);
    pick(selectOf(el), 'Banana');
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ fruit: 'banana' });
    expect(questionElement(el, 'fruit').querySelector('textarea')).to.be.null;

    pick(selectOf(el), 'Other (describe)');
    await settle(el);
    const box = questionElement(el, 'fruit').querySelector('textarea')!;
    const label = questionElement(el, 'fruit').querySelector(`label[for="${box.id}"]`)!;
    expect(label.textContent!.trim()).to.equal('Other: please describe');
    box.focus();
    await sendKeys({ type: 'Mango' });
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ fruit: 'other', 'fruit-Comment': 'Mango' });
    await expect(el).to.be.accessible();

    pick(selectOf(el), 'None');
    await settle(el);
    expect(modelOf(el).getValue('fruit')).to.equal('none');
  });

  it('shows choices made visible by choicesVisibleIf as soon as the condition holds', async () => {
    const el = await renderSurvey(fruit);
    expect(optionTexts(el)).not.to.include('Kiwi');
    modelOf(el).setValue('adventurous', true);
    await settle(el);
    expect(optionTexts(el)).to.include('Kiwi');
    pick(selectOf(el), 'Kiwi');
    await settle(el);
    expect(modelOf(el).getValue('fruit')).to.equal('kiwi');
  });

  it('reflects values set on the model, and clears through the placeholder when allowClear is on', async () => {
    const el = await renderSurvey(fruit);
    const question = modelOf(el).getQuestionByName('fruit');
    question.value = 'banana';
    await settle(el);
    expect(selectOf(el).selectedOptions[0]!.textContent!.trim()).to.equal('Banana');
    modelOf(el).setValue('fruit', 'cherry');
    await settle(el);
    expect(selectOf(el).selectedOptions[0]!.textContent!.trim()).to.equal('Cherry');

    pick(selectOf(el), 'Pick a fruit');
    await settle(el);
    expect(question.isEmpty()).to.equal(true);
    expect(selectOf(el).selectedIndex).to.equal(0);
  });

  it('keeps the placeholder as a prompt only when allowClear is off', async () => {
    const el = await renderSurvey({ elements: [{ ...fruit.elements[0], allowClear: false, defaultValue: 'apple' }] });
    expect(selectOf(el).options[0]!.disabled).to.equal(true);
  });

  it('shows the required error on the select and passes axe', async () => {
    const el = await renderSurvey(fruit);
    submit(el);
    await settle(el);
    const select = selectOf(el);
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = select.getAttribute('aria-describedby')!;
    expect($(el, `#${CSS.escape(describedBy)}`)?.textContent).to.match(/required/i);
    await expect(el).to.be.accessible();
    $<HTMLAnchorElement>(el, '.pv-error-summary a')!.click();
    expect(deepActiveElement()).to.equal(selectOf(el));
  });

  it('is disabled in a read-only survey and passes axe', async () => {
    const el = await renderSurvey({ ...fruit, mode: 'display' });
    expect(selectOf(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
