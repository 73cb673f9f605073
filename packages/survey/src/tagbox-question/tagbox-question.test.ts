import { expect } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { $, $$, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from '../survey/survey.js';

interface AxNode {
  role: string;
  name: string;
  checked?: boolean;
  disabled?: boolean;
  children: AxNode[];
}

const subjects = {
  elements: [
    {
      type: 'tagbox',
      name: 'subjects',
      title: 'Which subjects do you enjoy?',
      isRequired: true,
      maxSelectedChoices: 3,
      choices: [
        { value: 'maths', text: 'Maths' },
        { value: 'english', text: 'English' },
        { value: 'science', text: 'Science' },
        { value: 'music', text: 'Music' },
        { value: 'art', text: 'Art' },
        { value: 'welsh', text: 'Welsh', visibleIf: '{inWales} = true' },
      ],
    },
    { type: 'boolean', name: 'inWales', visible: false },
  ],
};

function host(el: PvSurvey): HTMLElement {
  return questionElement(el, 'subjects');
}

function box(el: PvSurvey, text: string): HTMLInputElement {
  const label = Array.from(host(el).querySelectorAll('.pv-option')).find((node) => node.textContent!.trim() === text);
  if (!label) throw new Error(`no choice ${text}`);
  return label.querySelector('input')!;
}

function shownChoices(el: PvSurvey): string[] {
  return Array.from(host(el).querySelectorAll('.pv-option')).map((node) => node.textContent!.trim());
}

function chips(el: PvSurvey): HTMLButtonElement[] {
  return Array.from(host(el).querySelectorAll('.pv-tagbox-chip'));
}

describe('<pv-tagbox-question>', () => {
  it('renders a group named by the title with a labelled filter box and native checkboxes', async () => {
    const el = await renderSurvey(subjects);
    const group = host(el).querySelector('[role="group"]')!;
    expect($(el, `#${CSS.escape(group.getAttribute('aria-labelledby')!)}`)?.textContent).to.contain('Which subjects do you enjoy?');
    const filter = host(el).querySelector<HTMLInputElement>('input[type="text"]')!;
    expect(filter.id).to.equal(modelOf(el).getQuestionByName('subjects').inputId);
    expect(host(el).querySelector(`label[for="${filter.id}"]`)?.textContent).to.contain('Type to filter');
    expect(shownChoices(el)).to.deep.equal(['Maths', 'English', 'Science', 'Music', 'Art']);
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    const names = snapshot.children.filter((node) => node.role === 'checkbox').map((node) => node.name);
    expect(names).to.deep.equal(['Maths', 'English', 'Science', 'Music', 'Art']);
    await expect(el).to.be.accessible();
  });

  it('answers with the keyboard: type to filter, Tab to a choice, Space to tick; value is survey-core’s array', async () => {
    const el = await renderSurvey(subjects);
    host(el).querySelector<HTMLInputElement>('input[type="text"]')!.focus();
    await sendKeys({ type: 'sc' });
    await settle(el);
    expect(shownChoices(el)).to.deep.equal(['Science']);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ subjects: ['science'] });

    // A filter that matches nothing says so in a status message.
    const filter = host(el).querySelector<HTMLInputElement>('input[type="text"]')!;
    filter.focus();
    filter.select();
    await sendKeys({ type: 'zzz' });
    await settle(el);
    expect(shownChoices(el)).to.deep.equal([]);
    expect(host(el).querySelector('[role="status"]')?.textContent).to.contain('No choices match');

    filter.select();
    await sendKeys({ press: 'Backspace' });
    await settle(el);
    await sendKeys({ press: 'Tab' }); // chips come before the filter, the list after it
    expect(deepActiveElement()).to.equal(box(el, 'Maths'));
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(modelOf(el).getValue('subjects')).to.deep.equal(['science', 'maths']);
  });

  it('shows each answer as a chip whose button removes it, keeping focus in the chip row', async () => {
    const el = await renderSurvey(subjects);
    box(el, 'Maths').click();
    box(el, 'Art').click();
    await settle(el);
    expect(chips(el).map((chip) => chip.getAttribute('aria-label'))).to.deep.equal(['Remove “Maths”', 'Remove “Art”']);
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    expect(snapshot.children.filter((node) => node.role === 'button').map((node) => node.name)).to.include.members([
      'Remove “Maths”',
      'Remove “Art”',
    ]);
    chips(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(modelOf(el).getValue('subjects')).to.deep.equal(['art']);
    expect(deepActiveElement()).to.equal(chips(el)[0]);
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(modelOf(el).getValue('subjects') ?? []).to.deep.equal([]);
    expect(deepActiveElement()?.id).to.equal(modelOf(el).getQuestionByName('subjects').inputId);
    await expect(el).to.be.accessible();
  });

  it('stops at maxSelectedChoices by disabling the other choices', async () => {
    const el = await renderSurvey(subjects);
    for (const text of ['Maths', 'English', 'Science']) box(el, text).click();
    await settle(el);
    expect(box(el, 'Music').disabled).to.equal(true);
    expect(box(el, 'Maths').disabled).to.equal(false);
    box(el, 'Music').click();
    await settle(el);
    expect(modelOf(el).getValue('subjects')).to.deep.equal(['maths', 'english', 'science']);
    box(el, 'Maths').click();
    await settle(el);
    expect(box(el, 'Music').disabled).to.equal(false);
  });

  it('follows choicesVisibleIf and reflects values set on the model', async () => {
    const el = await renderSurvey(subjects);
    modelOf(el).setValue('inWales', true);
    await settle(el);
    expect(shownChoices(el)).to.include('Welsh');
    modelOf(el).setValue('subjects', ['welsh', 'music']);
    await settle(el);
    expect(box(el, 'Welsh').checked).to.equal(true);
    expect(box(el, 'Music').checked).to.equal(true);
    expect(chips(el).map((chip) => chip.textContent!.replace('×', '').trim())).to.deep.equal(['Welsh', 'Music']);
  });

  it('shows the required error and passes axe', async () => {
    const el = await renderSurvey(subjects);
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const group = host(el).querySelector('[role="group"]')!;
    expect($(el, `#${CSS.escape(group.getAttribute('aria-describedby')!)}`)?.textContent).to.match(/required/i);
    expect(host(el).querySelector('input[type="text"]')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    $<HTMLAnchorElement>(el, '.pv-error-summary a')!.click();
    expect(deepActiveElement()).to.equal(host(el).querySelector('input[type="text"]'));
  });

  it('is disabled in a read-only survey and passes axe', async () => {
    const el = await renderSurvey({ ...subjects, mode: 'display' });
    modelOf(el).data = { subjects: ['art'] };
    await settle(el);
    expect($$<HTMLInputElement>(el, 'input').every((input) => input.disabled)).to.equal(true);
    expect(chips(el).every((chip) => chip.disabled)).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
