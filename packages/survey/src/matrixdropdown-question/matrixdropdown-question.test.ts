import { expect } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import type { QuestionMatrixDropdownModel } from 'survey-core';
import { loadSurveyCore } from '../survey-core-loader.js';
import { $, $$, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from '../survey/survey.js';

interface AxNode {
  role: string;
  name: string;
  children: AxNode[];
}

const clubs = {
  elements: [
    {
      type: 'matrixdropdown',
      name: 'clubs',
      title: 'Your clubs',
      columns: [
        { name: 'often', title: 'How often', choices: ['Weekly', 'Monthly'], isRequired: true },
        { name: 'mates', title: 'Friends there', cellType: 'text', inputType: 'number' },
        { name: 'fun', title: 'Fun', cellType: 'boolean' },
        { name: 'stars', title: 'Stars', cellType: 'rating', rateCount: 3 },
        { name: 'with', title: 'Who with', cellType: 'checkbox', choices: ['Friends', 'Family'] },
        { name: 'when', title: 'When', cellType: 'radiogroup', choices: ['Lunch', 'After school'] },
        { name: 'note', title: 'Anything else', cellType: 'comment', visibleIf: '{extra} = true' },
        { name: 'double', title: 'Twice', cellType: 'expression', expression: '{row.mates} * 2' },
      ],
      rows: [
        { value: 'art', text: 'Art' },
        { value: 'music', text: 'Music' },
      ],
    },
    { type: 'boolean', name: 'extra', visible: false },
  ],
};

function matrix(el: PvSurvey): QuestionMatrixDropdownModel {
  return modelOf(el).getQuestionByName('clubs') as QuestionMatrixDropdownModel;
}

/** The accessible name an aria-labelledby list gives, read from the DOM. */
function labelOf(el: PvSurvey, control: Element): string {
  return control
    .getAttribute('aria-labelledby')!
    .split(' ')
    .map((id) => $(el, `#${CSS.escape(id)}`)!.textContent!.replace(/\s+/g, ' ').trim())
    .join(' ');
}

/** The cell at a row header and a column header. */
function cell(el: PvSurvey, rowText: string, columnText: string): HTMLTableCellElement {
  const columns = $$(el, 'thead th, thead td').map((th) => th.textContent!.replace('*', '').trim());
  const index = columns.indexOf(columnText);
  const row = $$(el, 'tbody tr').find((tr) => tr.querySelector('th')?.textContent?.trim() === rowText);
  const found = row?.children[index] as HTMLTableCellElement | undefined;
  if (index < 0 || !found) throw new Error(`no cell ${rowText}/${columnText}`);
  return found;
}

function optionLabel(el: PvSurvey, rowText: string, columnText: string, optionText: string): HTMLLabelElement {
  const label = Array.from(cell(el, rowText, columnText).querySelectorAll('label')).find(
    (candidate) => candidate.textContent?.trim() === optionText,
  );
  if (!label) throw new Error(`no ${optionText} in ${rowText}/${columnText}`);
  return label;
}

describe('<pv-matrixdropdown-question>', () => {
  it('renders a table whose cell controls are named by their row and column headers', async () => {
    const el = await renderSurvey(clubs);
    const table = $(el, 'table')!;
    expect($(el, `#${CSS.escape(table.getAttribute('aria-labelledby')!)}`)?.textContent).to.contain('Your clubs');
    expect($$(el, 'th[scope="col"]').map((th) => th.textContent!.replace('*', '').trim())).to.deep.equal([
      'How often',
      'Friends there',
      'Fun',
      'Stars',
      'Who with',
      'When',
      'Twice',
    ]);
    expect($$(el, 'th[scope="row"]').map((th) => th.textContent!.trim())).to.deep.equal(['Art', 'Music']);

    const select = cell(el, 'Art', 'How often').querySelector('select')!;
    expect(labelOf(el, select)).to.equal('Art How often');
    expect(select.getAttribute('aria-required')).to.equal('true');
    expect(labelOf(el, cell(el, 'Music', 'Friends there').querySelector('input')!)).to.equal('Music Friends there');
    const who = cell(el, 'Music', 'Who with').querySelector('[role="group"]')!;
    expect(labelOf(el, who)).to.equal('Music Who with');
    expect(labelOf(el, cell(el, 'Art', 'Fun').querySelector('[role="radiogroup"]')!)).to.equal('Art Fun');

    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    expect(findAccessibilityNode<AxNode>(snapshot, (node) => node.role === 'combobox' && node.name === 'Art How often')).to.exist;
    expect(findAccessibilityNode<AxNode>(snapshot, (node) => node.role === 'spinbutton' && node.name === 'Music Friends there')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('answers with the keyboard: dropdown, number and yes/no cells', async () => {
    const el = await renderSurvey(clubs);
    cell(el, 'Art', 'How often').querySelector('select')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(cell(el, 'Art', 'Friends there').querySelector('input'));
    await sendKeys({ type: '3' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await settle(el);
    // The yes/no cell lists survey-core's labels in its order: No, then Yes.
    expect(matrix(el).value.art).to.deep.equal({ often: 'Weekly', mates: 3, fun: false, double: 6 });
    const { Model } = await loadSurveyCore();
    const bare = new Model(clubs);
    const row = (bare.getQuestionByName('clubs') as QuestionMatrixDropdownModel).visibleRows[0]!;
    row.getQuestionByColumnName('often').value = 'Weekly';
    row.getQuestionByColumnName('mates').value = 3;
    row.getQuestionByColumnName('fun').value = false;
    expect(modelOf(el).data).to.deep.equal(bare.data);
    expect(cell(el, 'Art', 'Twice').textContent!.trim()).to.equal('6');
  });

  it('answers by click, with the data survey-core gives for the same cell answers', async () => {
    const el = await renderSurvey(clubs);
    optionLabel(el, 'Music', 'Who with', 'Friends').click();
    optionLabel(el, 'Music', 'Who with', 'Family').click();
    optionLabel(el, 'Music', 'When', 'After school').click();
    optionLabel(el, 'Music', 'Stars', '2').click();
    optionLabel(el, 'Music', 'Fun', 'No').click();
    await settle(el);

    const { Model } = await loadSurveyCore();
    const bare = new Model(clubs);
    const row = (bare.getQuestionByName('clubs') as QuestionMatrixDropdownModel).visibleRows[1]!;
    row.getQuestionByColumnName('with').value = ['Friends', 'Family'];
    row.getQuestionByColumnName('when').value = 'After school';
    row.getQuestionByColumnName('stars').value = 2;
    row.getQuestionByColumnName('fun').value = false;
    expect(modelOf(el).data).to.deep.equal(bare.data);
    expect(matrix(el).value.music).to.deep.include({ with: ['Friends', 'Family'], when: 'After school', stars: 2, fun: false });
  });

  it('reflects values set on the model, and column visibility', async () => {
    const el = await renderSurvey(clubs);
    modelOf(el).setValue('clubs', { art: { often: 'Monthly', mates: 4, with: ['Family'], when: 'Lunch' } });
    await settle(el);
    const select = cell(el, 'Art', 'How often').querySelector('select')!;
    expect(select.selectedOptions[0]!.textContent!.trim()).to.equal('Monthly');
    expect(cell(el, 'Art', 'Friends there').querySelector('input')!.value).to.equal('4');
    expect(optionLabel(el, 'Art', 'Who with', 'Family').querySelector('input')!.checked).to.be.true;
    expect(optionLabel(el, 'Art', 'When', 'Lunch').querySelector('input')!.checked).to.be.true;
    expect(cell(el, 'Art', 'Twice').textContent!.trim()).to.equal('8');

    modelOf(el).setValue('extra', true);
    await settle(el);
    const note = cell(el, 'Art', 'Anything else').querySelector('textarea')!;
    expect(labelOf(el, note)).to.equal('Art Anything else');
    note.focus();
    await sendKeys({ type: 'Bring a recorder' });
    select.focus();
    await settle(el);
    expect(matrix(el).value.art.note).to.equal('Bring a recorder');
  });

  it('shows and links the errors of each cell', async () => {
    const el = await renderSurvey(clubs);
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const select = cell(el, 'Music', 'How often').querySelector('select')!;
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${CSS.escape(select.getAttribute('aria-describedby')!)}`)?.textContent).to.contain('Response required');
    expect(modelOf(el).state).to.equal('running');
    await expect(el).to.be.accessible();
    questionElement<HTMLElement & { focusControl(): void }>(el, 'clubs').focusControl();
    expect(deepActiveElement()).to.equal(cell(el, 'Art', 'How often').querySelector('select'));
  });

  it('is disabled and accessible when read-only', async () => {
    const el = await renderSurvey({ ...clubs, mode: 'display' });
    modelOf(el).data = { clubs: { art: { often: 'Weekly', with: ['Friends'] } } };
    await settle(el);
    const controls = $$<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(el, 'td input, td select, td textarea');
    expect(controls.length).to.be.greaterThan(10);
    expect(controls.every((control) => control.disabled)).to.be.true;
    expect(cell(el, 'Art', 'How often').querySelector('select')!.selectedOptions[0]!.textContent!.trim()).to.equal('Weekly');
    await expect(el).to.be.accessible();
  });

  it('names cells by both headers when rows and columns are transposed', async () => {
    const el = await renderSurvey({
      elements: [
        {
          type: 'matrixdropdown',
          name: 'm',
          title: 'Lunch',
          transposeData: true,
          columns: [{ name: 'often', title: 'How often', choices: ['Daily', 'Never'] }],
          rows: ['Salad', 'Soup'],
        },
      ],
    });
    const selects = $$(el, 'td select');
    expect(selects.map((select) => labelOf(el, select))).to.deep.equal(['How often Salad', 'How often Soup']);
    await expect(el).to.be.accessible();
  });
});
