import { expect } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import { $, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';

interface AxNode {
  role: string;
  name: string;
  children: AxNode[];
}

const definition = {
  elements: [
    { type: 'text', name: 'price', inputType: 'number', title: 'Price' },
    { type: 'text', name: 'count', inputType: 'number', title: 'How many' },
    {
      type: 'expression',
      name: 'total',
      title: 'Total to pay',
      expression: '{price} * {count}',
      displayStyle: 'currency',
      currency: 'GBP',
      validators: [{ type: 'expression', expression: '{total} <= 100', text: 'That is more than £100.' }],
    },
  ],
};

describe('<pv-expression-question>', () => {
  it('shows the computed value as a status named by the title, with no input', async () => {
    const el = await renderSurvey(definition);
    const model = modelOf(el);
    model.setValue('price', 2.5);
    model.setValue('count', 4);
    await settle(el);
    const output = questionElement(el, 'total').querySelector('output')!;
    expect(output.textContent!.trim()).to.equal('£10.00');
    // survey-core's own formatting, and the value stays the number.
    expect(model.getValue('total')).to.equal(10);
    expect(output.textContent!.trim()).to.equal(model.getQuestionByName('total').displayValue);
    expect(questionElement(el, 'total').querySelector('input, select, textarea')).to.be.null;

    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    const status = findAccessibilityNode<AxNode>(snapshot, (node) => node.role === 'status' && node.name.startsWith('Total to pay'));
    expect(status, 'status named by the title').to.exist;
    await expect(el).to.be.accessible();
  });

  it('follows the answers it depends on', async () => {
    const el = await renderSurvey(definition);
    const model = modelOf(el);
    const output = () => questionElement(el, 'total').querySelector('output')!.textContent!.trim();
    // Unanswered inputs count as 0 in survey-core's arithmetic.
    expect(output()).to.equal('£0.00');
    model.setValue('price', 3);
    model.setValue('count', 3);
    await settle(el);
    expect(output()).to.equal('£9.00');
    model.setValue('count', 5);
    await settle(el);
    expect(output()).to.equal('£15.00');
  });

  it('shows its validation error, linked to the value, and passes axe', async () => {
    const el = await renderSurvey(definition);
    const model = modelOf(el);
    model.setValue('price', 60);
    model.setValue('count', 2);
    await settle(el);
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const output = questionElement(el, 'total').querySelector('output')!;
    const errorsId = output.getAttribute('aria-describedby')!;
    expect($(el, `#${CSS.escape(errorsId)}`)?.textContent).to.contain('more than £100');
    await expect(el).to.be.accessible();
  });

  it('passes axe in a read-only survey', async () => {
    const el = await renderSurvey({ ...definition, mode: 'display' });
    modelOf(el).data = { price: 1, count: 1, total: 1 };
    await settle(el);
    expect(questionElement(el, 'total').querySelector('output')!.textContent!.trim()).to.equal('£1.00');
    await expect(el).to.be.accessible();
  });
});
