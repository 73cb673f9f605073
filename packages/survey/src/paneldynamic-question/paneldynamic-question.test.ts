import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionMultipleTextModel, QuestionPanelDynamicModel } from 'survey-core';
import { loadSurveyCore } from '../survey-core-loader.js';
import { $, $$, deepActiveElement, modelOf, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from '../survey/survey.js';

const clubs = {
  elements: [
    {
      type: 'paneldynamic',
      name: 'clubs',
      title: 'Clubs you go to',
      templateTitle: 'Club {panelIndex}',
      panelCount: 1,
      minPanelCount: 1,
      maxPanelCount: 3,
      templateElements: [
        {
          type: 'multipletext',
          name: 'club',
          title: 'The club',
          items: [
            { name: 'name', title: 'Club name', isRequired: true },
            { name: 'day', title: 'Day' },
          ],
        },
        {
          type: 'matrix',
          name: 'feel',
          title: 'How does it feel?',
          visibleIf: '{panel.club.name} notempty',
          columns: [
            { value: 1, text: 'Not great' },
            { value: 2, text: 'Fine' },
            { value: 3, text: 'Great' },
          ],
          rows: [{ value: 'fun', text: 'Fun' }],
        },
      ],
    },
  ],
};

function question(el: PvSurvey): QuestionPanelDynamicModel {
  return modelOf(el).getQuestionByName('clubs') as QuestionPanelDynamicModel;
}

function entries(el: PvSurvey): HTMLElement[] {
  return $$(el, '.pv-dynamic-panel');
}

function entryName(el: PvSurvey, entry: HTMLElement): string {
  return $(el, `#${CSS.escape(entry.getAttribute('aria-labelledby')!)}`)!.textContent!.trim();
}

function addButton(el: PvSurvey): HTMLButtonElement | null {
  return $<HTMLButtonElement>(el, '.pv-paneldynamic-add');
}

function removeButtons(el: PvSurvey): HTMLButtonElement[] {
  return $$<HTMLButtonElement>(el, '.pv-paneldynamic-remove');
}

function nameInput(entry: HTMLElement): HTMLInputElement {
  const label = Array.from(entry.querySelectorAll('label')).find((candidate) => candidate.textContent?.includes('Club name'))!;
  return entry.querySelector<HTMLInputElement>(`#${CSS.escape(label.htmlFor)}`)!;
}

describe('<pv-paneldynamic-question>', () => {
  it('renders a group named by the title, each entry a group named by its templateTitle', async () => {
    const el = await renderSurvey(clubs);
    const outer = $(el, '.pv-paneldynamic')!;
    expect(outer.getAttribute('role')).to.equal('group');
    expect($(el, `#${CSS.escape(outer.getAttribute('aria-labelledby')!)}`)?.textContent).to.contain('Clubs you go to');
    expect(entries(el)).to.have.length(1);
    expect(entries(el)[0]!.getAttribute('role')).to.equal('group');
    expect(entryName(el, entries(el)[0]!)).to.equal('Club 1');
    // Nested questions go through the normal dispatch.
    expect(entries(el)[0]!.querySelector('pv-multipletext-question')).to.exist;
    expect(addButton(el)?.textContent?.trim()).to.equal(question(el).panelAddText);
    expect(removeButtons(el), 'minPanelCount keeps the only entry').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('adds and removes entries with the keyboard, moving focus sensibly', async () => {
    const el = await renderSurvey(clubs);
    addButton(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(entries(el)).to.have.length(2);
    expect(entryName(el, entries(el)[1]!)).to.equal('Club 2');
    expect(deepActiveElement(), 'focus on the new entry').to.equal(nameInput(entries(el)[1]!));
    await sendKeys({ type: 'Chess' });
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(question(el).value).to.deep.equal([{}, { club: { name: 'Chess' } }]);

    // The Remove buttons name their entry.
    const remove = removeButtons(el);
    expect(remove).to.have.length(2);
    expect(remove[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`${question(el).panelRemoveText}: Club 1`);
    remove[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(entries(el)).to.have.length(1);
    expect(question(el).value).to.deep.equal([{ club: { name: 'Chess' } }]);
    expect(deepActiveElement(), 'focus on the entry that took its place').to.equal(
      $(el, `#${CSS.escape(entries(el)[0]!.getAttribute('aria-labelledby')!)}`),
    );
    expect(removeButtons(el)).to.have.length(0);
  });

  it('answers nested questions by click, with the data survey-core computes for the same answers', async () => {
    const el = await renderSurvey(clubs);
    addButton(el)!.click();
    await settle(el);
    addButton(el)!.click();
    await settle(el);
    expect(entries(el)).to.have.length(3);
    expect(addButton(el), 'maxPanelCount reached').to.equal(null);
    const second = entries(el)[1]!;
    nameInput(second).focus();
    await sendKeys({ type: 'Choir' });
    nameInput(entries(el)[0]!).focus();
    await settle(el);
    // The matrix appears once the club has a name (visibleIf on {panel.club.name}).
    const great = Array.from(entries(el)[1]!.querySelectorAll('label')).find((label) => label.textContent?.includes('Great'))!;
    great.click();
    await settle(el);

    const { Model } = await loadSurveyCore();
    const bare = new Model(clubs);
    const pd = bare.getQuestionByName('clubs') as QuestionPanelDynamicModel;
    pd.addPanel();
    pd.addPanel();
    (pd.panels[1]!.getQuestionByName('club') as QuestionMultipleTextModel).items[0]!.value = 'Choir';
    pd.panels[1]!.getQuestionByName('feel').value = { fun: 3 };
    expect(modelOf(el).data).to.deep.equal(bare.data);
    expect(modelOf(el).data).to.deep.equal({ clubs: [{}, { club: { name: 'Choir' }, feel: { fun: 3 } }, {}] });
  });

  it('reflects entries and answers set on the model', async () => {
    const el = await renderSurvey(clubs);
    modelOf(el).setValue('clubs', [{ club: { name: 'Art' } }, { club: { name: 'Choir', day: 'Friday' } }]);
    await settle(el);
    expect(entries(el)).to.have.length(2);
    expect(nameInput(entries(el)[1]!).value).to.equal('Choir');
    expect(entries(el)[1]!.querySelector('pv-matrix-question'), 'nested visibleIf').to.exist;
    question(el).value = [{ club: { name: 'Drama' } }];
    await settle(el);
    expect(entries(el)).to.have.length(1);
    expect(nameInput(entries(el)[0]!).value).to.equal('Drama');
  });

  it('shows nested errors and stays accessible', async () => {
    const el = await renderSurvey(clubs);
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const input = nameInput(entries(el)[0]!);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${CSS.escape(input.getAttribute('aria-describedby')!)}`)?.textContent).to.contain('Response required');
    expect(modelOf(el).state).to.equal('running');
    await expect(el).to.be.accessible();
  });

  it('offers no buttons and disables nested controls when read-only', async () => {
    const el = await renderSurvey({ ...clubs, mode: 'display' });
    modelOf(el).data = { clubs: [{ club: { name: 'Art' } }, { club: { name: 'Choir' } }] };
    await settle(el);
    expect(entries(el)).to.have.length(2);
    expect(addButton(el)).to.equal(null);
    expect(removeButtons(el)).to.have.length(0);
    expect($$<HTMLInputElement>(el, '.pv-dynamic-panel input').every((input) => input.disabled)).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('falls back to "Entry N", shows the no-entries text, and focuses Add when the last entry goes', async () => {
    const el = await renderSurvey({
      elements: [
        {
          type: 'paneldynamic',
          name: 'pets',
          title: 'Pets',
          panelCount: 1,
          templateElements: [{ type: 'multipletext', name: 'pet', items: [{ name: 'kind', title: 'Kind of pet' }] }],
        },
      ],
    });
    expect(entryName(el, entries(el)[0]!)).to.equal('Entry 1');
    removeButtons(el)[0]!.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(entries(el)).to.have.length(0);
    expect($(el, '.pv-paneldynamic-empty')?.textContent?.trim()).to.equal(
      (modelOf(el).getQuestionByName('pets') as QuestionPanelDynamicModel).noEntriesText,
    );
    expect(deepActiveElement()).to.equal(addButton(el));
    await expect(el).to.be.accessible();
  });
});
