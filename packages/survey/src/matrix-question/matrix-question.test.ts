import { expect } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import type { QuestionMatrixModel } from 'survey-core';
import { $, $$, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from '../survey/survey.js';

interface AxNode {
  role: string;
  name: string;
  checked?: boolean;
  invalid?: string;
  children: AxNode[];
}

const likert = {
  elements: [
    {
      type: 'matrix',
      name: 'feel',
      title: 'How do you feel about these subjects?',
      columns: [
        { value: 1, text: 'Dislike' },
        { value: 2, text: 'Okay' },
        { value: 3, text: 'Like' },
        { value: 4, text: 'Love' },
      ],
      columnsVisibleIf: '{item} < 4 or {strong} = true',
      rows: [
        { value: 'maths', text: 'Maths' },
        { value: 'art', text: 'Art' },
        { value: 'pe', text: 'PE' },
      ],
      rowsVisibleIf: "{item} <> 'pe' or {sporty} = true",
    },
    { type: 'boolean', name: 'sporty', visible: false },
    { type: 'boolean', name: 'strong', visible: false },
  ],
};

function matrixOf(el: PvSurvey, name = 'feel'): QuestionMatrixModel {
  return modelOf(el).getQuestionByName(name) as QuestionMatrixModel;
}

function rowGroup(el: PvSurvey, rowText: string): HTMLElement {
  const group = $$(el, '[role="radiogroup"], [role="group"]').find(
    (candidate) => candidate.closest('tr')?.querySelector('th')?.textContent?.includes(rowText),
  );
  if (!group) throw new Error(`no row ${rowText}`);
  return group;
}

function radio(el: PvSurvey, rowText: string, columnText: string): HTMLInputElement {
  const input = Array.from(rowGroup(el, rowText).querySelectorAll('input')).find((candidate) =>
    candidate.closest('label')?.textContent?.includes(columnText),
  );
  if (!input) throw new Error(`no ${columnText} in ${rowText}`);
  return input;
}

function submit(el: PvSurvey): void {
  $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
}

describe('<pv-matrix-question>', () => {
  it('renders a table named by the title, with column and row headers and a radio group per row', async () => {
    const el = await renderSurvey(likert);
    const table = $<HTMLTableElement>(el, 'table')!;
    const title = $(el, `#${CSS.escape(table.getAttribute('aria-labelledby')!)}`);
    expect(title?.textContent).to.contain('How do you feel about these subjects?');
    expect($$(el, 'th[scope="col"]').map((th) => th.textContent!.trim())).to.deep.equal(['Dislike', 'Okay', 'Like']);
    expect($$(el, 'th[scope="row"]').map((th) => th.textContent!.trim())).to.deep.equal(['Maths', 'Art']);

    // The snapshot flattens groups and tables; it shows the radios and their names.
    const names = (await a11ySnapshot({})) as unknown as AxNode;
    expect(findAccessibilityNode<AxNode>(names, (node) => node.role === 'radio' && node.name === 'Okay')).to.exist;
    const maths = rowGroup(el, 'Maths');
    expect(maths.getAttribute('role')).to.equal('radiogroup');
    expect($(el, `#${CSS.escape(maths.getAttribute('aria-labelledby')!)}`)?.textContent?.trim()).to.equal('Maths');
    expect(Array.from(maths.querySelectorAll('label')).map((label) => label.textContent!.trim())).to.deep.equal(['Dislike', 'Okay', 'Like']);
    expect(new Set(Array.from(maths.querySelectorAll('input')).map((input) => input.name)).size).to.equal(1);
    expect(rowGroup(el, 'Maths').getAttribute('aria-describedby')).to.contain(title!.id);
    await expect(el).to.be.accessible();
  });

  it('answers with the keyboard: one tab stop per row, arrows move and select', async () => {
    const el = await renderSurvey(likert);
    radio(el, 'Maths', 'Dislike').focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(radio(el, 'Art', 'Dislike'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(matrixOf(el).value).to.deep.equal({ maths: 2, art: 3 });
    expect(modelOf(el).data).to.deep.equal({ feel: { maths: 2, art: 3 } });
    // Arrows wrap within the row.
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(matrixOf(el).value).to.deep.equal({ maths: 2, art: 1 });
    expect(radio(el, 'Art', 'Dislike').checked).to.be.true;
  });

  it('answers by click, like survey-core cellClick', async () => {
    const el = await renderSurvey(likert);
    radio(el, 'Art', 'Like').closest('label')!.click();
    radio(el, 'Maths', 'Okay').click();
    await settle(el);
    expect(matrixOf(el).value).to.deep.equal({ art: 3, maths: 2 });
  });

  it('reflects values set on the model', async () => {
    const el = await renderSurvey(likert);
    modelOf(el).setValue('feel', { maths: 3, art: 1 });
    await settle(el);
    expect(radio(el, 'Maths', 'Like').checked).to.be.true;
    expect(radio(el, 'Art', 'Dislike').checked).to.be.true;
    matrixOf(el).value = { maths: 1 };
    await settle(el);
    expect(radio(el, 'Maths', 'Dislike').checked).to.be.true;
    expect(radio(el, 'Art', 'Dislike').checked).to.be.false;
  });

  it('shows and hides rows and columns live (rowsVisibleIf, columnsVisibleIf)', async () => {
    const el = await renderSurvey(likert);
    modelOf(el).setValue('sporty', true);
    await settle(el);
    expect($$(el, 'th[scope="row"]').map((th) => th.textContent!.trim())).to.deep.equal(['Maths', 'Art', 'PE']);
    modelOf(el).setValue('strong', true);
    await settle(el);
    expect($$(el, 'th[scope="col"]').map((th) => th.textContent!.trim())).to.deep.equal(['Dislike', 'Okay', 'Like', 'Love']);
    radio(el, 'PE', 'Love').click();
    await settle(el);
    expect(matrixOf(el).value).to.deep.equal({ pe: 4 });
    modelOf(el).setValue('sporty', false);
    await settle(el);
    expect($$(el, 'th[scope="row"]').map((th) => th.textContent!.trim())).to.deep.equal(['Maths', 'Art']);
  });

  it('marks and links the error of each unanswered row (eachRowRequired)', async () => {
    const el = await renderSurvey({
      elements: [{ ...likert.elements[0], isAllRowRequired: true }],
    });
    radio(el, 'Maths', 'Like').click();
    await settle(el);
    submit(el);
    await settle(el);
    const art = rowGroup(el, 'Art');
    expect(art.getAttribute('aria-invalid')).to.equal('true');
    expect(art.getAttribute('aria-required')).to.equal('true');
    const errorIds = art.getAttribute('aria-describedby')!.split(' ');
    const rowError = errorIds.map((id) => $(el, `#${CSS.escape(id)}`)).find((node) => node?.classList.contains('pv-matrix-row-error'));
    expect(rowError?.textContent).to.contain('Response required');
    expect(rowGroup(el, 'Maths').getAttribute('aria-invalid')).to.equal(null);
    await expect(el).to.be.accessible();
    // The error summary's link focuses the first row that needs an answer.
    questionElement<HTMLElement & { focusControl(): void }>(el, 'feel').focusControl();
    expect(deepActiveElement()).to.equal(radio(el, 'Art', 'Dislike'));
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(rowGroup(el, 'Art').getAttribute('aria-invalid')).to.equal(null);
  });

  it('is disabled and accessible when read-only', async () => {
    const el = await renderSurvey({ ...likert, mode: 'display' });
    matrixOf(el).value = { maths: 2 };
    await settle(el);
    expect($$<HTMLInputElement>(el, 'input[type="radio"]').every((input) => input.disabled)).to.be.true;
    expect(radio(el, 'Maths', 'Okay').checked).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('stacks each row as a labelled group on a narrow screen', async () => {
    const el = await renderSurvey(likert);
    el.style.width = '20rem';
    await settle(el);
    const label = radio(el, 'Maths', 'Okay').closest('label')!;
    const text = label.querySelector('span')!;
    expect(text.getBoundingClientRect().width).to.be.greaterThan(10);
    expect(getComputedStyle($(el, 'thead')!).display).to.equal('none');
    expect(label.getBoundingClientRect().height).to.be.at.least(24);
    el.style.width = '60rem';
    await settle(el);
    expect(text.getBoundingClientRect().width).to.be.at.most(1);
    await expect(el).to.be.accessible();
  });

  it('paints each row on its own layer, with a focused answer\'s ring inside its row (wide and stacked)', async () => {
    // Rows are positioned (their own paint layers: one row repaints per answer), so a later row
    // paints over anything of an earlier row that spills into it: the focus ring must fit.
    const el = await renderSurvey(likert);
    const ringInsideRow = (input: HTMLInputElement): void => {
      const style = getComputedStyle(input);
      const spread = Number(/(-?[\d.]+)px\s*$/.exec(style.boxShadow.replace(/\s*inset/, ''))?.[1] ?? 0);
      const reach = Math.max(parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset), spread);
      expect(reach, 'focus ring drawn').to.be.greaterThan(0);
      const box = input.getBoundingClientRect();
      const row = input.closest('tr')!.getBoundingClientRect();
      expect(box.top - reach, 'ring top').to.be.at.least(row.top);
      expect(box.bottom + reach, 'ring bottom').to.be.at.most(row.bottom);
      expect(box.left - reach, 'ring left').to.be.at.least(row.left);
      expect(box.right + reach, 'ring right').to.be.at.most(row.right);
    };
    for (const width of ['60rem', '20rem']) {
      el.style.width = width;
      await settle(el);
      expect($$(el, 'tbody tr').map((row) => getComputedStyle(row).position)).to.deep.equal(['relative', 'relative']);
      radio(el, 'Art', 'Okay').focus();
      // From the keyboard, so the ring shows (:focus-visible): to the first answer, then wrap to the last.
      await sendKeys({ press: 'ArrowLeft' });
      expect(deepActiveElement()).to.equal(radio(el, 'Art', 'Dislike'));
      expect(radio(el, 'Art', 'Dislike').matches(':focus-visible')).to.be.true;
      ringInsideRow(radio(el, 'Art', 'Dislike'));
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      expect(deepActiveElement()).to.equal(radio(el, 'Art', 'Like'));
      ringInsideRow(radio(el, 'Art', 'Like'));
    }
  });

  it('renders checkbox cells as a group per row', async () => {
    const el = await renderSurvey({
      elements: [{ type: 'matrix', name: 'm', title: 'Which apply?', cellType: 'checkbox', columns: ['Yes', 'Sometimes'], rows: ['Lunch', 'Clubs'] }],
    });
    const group = rowGroup(el, 'Lunch');
    expect(group.getAttribute('role')).to.equal('group');
    radio(el, 'Lunch', 'Yes').click();
    radio(el, 'Lunch', 'Sometimes').click();
    await settle(el);
    expect(matrixOf(el, 'm').value).to.deep.equal({ Lunch: ['Yes', 'Sometimes'] });
    await expect(el).to.be.accessible();
  });

  describe('work per answer', () => {
    const grid = {
      type: 'matrix',
      name: 'grid',
      title: 'Agree or disagree?',
      columns: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'],
      rows: Array.from({ length: 60 }, (_, i) => ({ value: `s${i + 1}`, text: `Statement ${i + 1}` })),
    };
    const pet = { type: 'text', name: 'pet', title: 'Your pet' };
    const sixty = { elements: [grid, pet] };

    /** Counts, per row, how often the element draws it (it asks the row which answer is checked). */
    function countRowDraws(el: PvSurvey, name: string): Map<string, number> {
      const draws = new Map<string, number>();
      for (const row of matrixOf(el, name).visibleRows) {
        const isChecked = row.isChecked.bind(row);
        draws.set(String(row.name), 0);
        row.isChecked = (column) => {
          draws.set(String(row.name), draws.get(String(row.name))! + 1);
          return isChecked(column);
        };
      }
      return draws;
    }

    it('answering one row of sixty by keyboard redraws that row only, and keeps focus on it', async () => {
      const el = await renderSurvey(sixty);
      const draws = countRowDraws(el, 'grid');
      radio(el, 'Statement 30', 'Disagree').focus();
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(matrixOf(el, 'grid').value).to.deep.equal({ s30: 'Neither' });
      expect(deepActiveElement()).to.equal(radio(el, 'Statement 30', 'Neither'));
      expect(radio(el, 'Statement 30', 'Neither').checked).to.be.true;
      const redrawn = [...draws].filter(([, count]) => count > 0).map(([row]) => row);
      expect(redrawn).to.deep.equal(['s30']);
      // Another answer elsewhere on the page redraws no row.
      draws.forEach((_, row) => draws.set(row, 0));
      modelOf(el).setValue('pet', 'cat');
      await settle(el);
      expect([...draws.values()].every((count) => count === 0)).to.be.true;
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(matrixOf(el, 'grid').value).to.deep.equal({ s30: 'Neither', s31: 'Disagree' });
      expect([...draws].filter(([, count]) => count > 0).map(([row]) => row)).to.deep.equal(['s31']);
    });

    it('still redraws every row when what rows share changes, and rows whose text pipes an answer', async () => {
      const el = await renderSurvey({
        elements: [{ ...grid, rows: [...grid.rows.slice(0, 3), { value: 'pet', text: 'My {pet} is kind' }] }, pet],
      });
      const draws = countRowDraws(el, 'grid');
      modelOf(el).setValue('pet', 'dog');
      await settle(el);
      expect($$(el, 'th[scope="row"]').map((th) => th.textContent!.trim())).to.include('My dog is kind');
      expect([...draws].filter(([, count]) => count > 0).map(([row]) => row)).to.deep.equal(['pet']);
      draws.forEach((_, row) => draws.set(row, 0));
      modelOf(el).mode = 'display';
      await settle(el);
      expect([...draws.values()].every((count) => count > 0)).to.be.true;
      expect($$<HTMLInputElement>(el, 'input[type="radio"]').every((input) => input.disabled)).to.be.true;
    });
  });
});

