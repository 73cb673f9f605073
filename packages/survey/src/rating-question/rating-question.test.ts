import { expect } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { $, $$, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from '../survey/survey.js';

interface AxNode {
  role: string;
  name: string;
  description?: string;
  checked?: boolean;
  children: AxNode[];
}

const ratings = {
  elements: [
    {
      type: 'rating',
      name: 'happy',
      title: 'How happy are you at school?',
      isRequired: true,
      minRateDescription: 'Not at all',
      maxRateDescription: 'Very happy',
    },
    { type: 'rating', name: 'stars', title: 'Rate lunch', rateType: 'stars', rateCount: 5 },
    { type: 'rating', name: 'faces', title: 'How was today?', rateType: 'smileys', rateMax: 3 },
    { type: 'rating', name: 'even', title: 'Score', rateMin: 0, rateMax: 10, rateStep: 2 },
    {
      type: 'rating',
      name: 'words',
      title: 'How often?',
      rateValues: [
        { value: 'never', text: 'Never' },
        { value: 'sometimes', text: 'Sometimes' },
        { value: 'often', text: 'Often' },
      ],
    },
  ],
};

function group(el: PvSurvey, name: string): HTMLElement {
  return questionElement(el, name).querySelector<HTMLElement>('[role="radiogroup"]')!;
}

function radios(el: PvSurvey, name: string): HTMLInputElement[] {
  return Array.from(group(el, name).querySelectorAll('input[type="radio"]'));
}

function labels(el: PvSurvey, name: string): string[] {
  return Array.from(group(el, name).querySelectorAll('.pv-rating-item')).map((label) => label.textContent!.trim());
}

/** The radios that follow a question's heading in the (flat) accessibility snapshot. */
function radiosAfterHeading(snapshot: AxNode, title: string): AxNode[] {
  const nodes = snapshot.children ?? [];
  const start = nodes.findIndex((node) => node.role === 'heading' && node.name.startsWith(title));
  expect(start, `heading ${title}`).to.be.greaterThan(-1);
  const radios: AxNode[] = [];
  for (const node of nodes.slice(start + 1)) {
    if (node.role === 'heading') break;
    if (node.role === 'radio') radios.push(node);
  }
  return radios;
}

describe('<pv-rating-question>', () => {
  it('renders a radiogroup named by the title; min/max descriptions describe the end options', async () => {
    const el = await renderSurvey(ratings);
    const happy = group(el, 'happy');
    expect($(el, `#${CSS.escape(happy.getAttribute('aria-labelledby')!)}`)?.textContent).to.contain(
      'How happy are you at school?',
    );
    expect(labels(el, 'happy')).to.deep.equal(['1', '2', '3', '4', '5']);
    const inputs = radios(el, 'happy');
    expect(new Set(inputs.map((input) => input.name)).size).to.equal(1);
    expect($(el, `#${inputs[0]!.getAttribute('aria-describedby')}`)?.textContent).to.equal('Not at all');
    expect($(el, `#${inputs[4]!.getAttribute('aria-describedby')}`)?.textContent).to.equal('Very happy');
    expect(labels(el, 'even')).to.deep.equal(['0', '2', '4', '6', '8', '10']);
    expect(labels(el, 'words')).to.deep.equal(['Never', 'Sometimes', 'Often']);

    // Chromium's snapshot is flat (groups are not "interesting"); the group's name is checked
    // through aria-labelledby above, the options and their descriptions here.
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    const happyRadios = radiosAfterHeading(snapshot, 'How happy are you at school?');
    expect(happyRadios.map((node) => node.name)).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(happyRadios[0]!.description).to.equal('Not at all');
    expect(happyRadios[4]!.description).to.equal('Very happy');
    await expect(el).to.be.accessible();
  });

  it('draws stars and smileys as icons while the value is the accessible name', async () => {
    const el = await renderSurvey(ratings);
    expect(group(el, 'stars').querySelectorAll('svg[aria-hidden="true"]')).to.have.length(5);
    expect(group(el, 'faces').querySelectorAll('svg[aria-hidden="true"]')).to.have.length(3);
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    expect(radiosAfterHeading(snapshot, 'Rate lunch').map((node) => node.name)).to.deep.equal([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    // Selecting 3 stars fills the first three.
    radios(el, 'stars')[2]!.click();
    await settle(el);
    expect(modelOf(el).getValue('stars')).to.equal(3);
    expect(group(el, 'stars').querySelectorAll('.pv-rating-item--filled')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('answers with the keyboard: one tab stop, arrows move and select and wrap', async () => {
    const el = await renderSurvey(ratings);
    const question = modelOf(el).getQuestionByName('happy');
    radios(el, 'happy')[0]!.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(question.value).to.equal(1);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(question.value).to.equal(3);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(question.value, 'wraps from first to last').to.equal(5);
    expect(deepActiveElement()).to.equal(radios(el, 'happy')[4]);
    // Tab leaves the group in one step: the next stop is the next question's group.
    await sendKeys({ press: 'Tab' });
    expect((deepActiveElement() as HTMLInputElement).name).to.equal(radios(el, 'stars')[0]!.name);
    expect(modelOf(el).data).to.deep.equal({ happy: 5 });
  });

  it('answers by click with survey-core values (numbers, steps, and rateValues)', async () => {
    const el = await renderSurvey(ratings);
    radios(el, 'even')[3]!.closest('label')!.click();
    radios(el, 'words')[1]!.click();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ even: 6, words: 'sometimes' });
    expect(radios(el, 'words')[1]!.checked).to.equal(true);
  });

  it('reflects values set on the model', async () => {
    const el = await renderSurvey(ratings);
    modelOf(el).setValue('happy', 4);
    modelOf(el).getQuestionByName('words').value = 'often';
    await settle(el);
    expect(radios(el, 'happy').map((input) => input.checked)).to.deep.equal([false, false, false, true, false]);
    expect(radios(el, 'words')[2]!.checked).to.equal(true);
    modelOf(el).clearValue('happy');
    await settle(el);
    expect(radios(el, 'happy').some((input) => input.checked)).to.equal(false);
  });

  it('renders displayMode "dropdown" as a native select labelled by the title', async () => {
    const el = await renderSurvey({
      elements: [{ type: 'rating', name: 'r', title: 'Effort', rateMin: 1, rateMax: 4, displayMode: 'dropdown' }],
    });
    const select = questionElement(el, 'r').querySelector('select')!;
    expect(questionElement(el, 'r').querySelector(`label[for="${select.id}"]`)?.textContent).to.contain('Effort');
    expect(Array.from(select.options).map((option) => option.textContent!.trim()).slice(1)).to.deep.equal(['1', '2', '3', '4']);
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(modelOf(el).getValue('r')).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('shows the required error on the group and passes axe', async () => {
    const el = await renderSurvey(ratings);
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const happy = group(el, 'happy');
    expect(happy.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${CSS.escape(happy.getAttribute('aria-describedby')!)}`)?.textContent).to.match(/required/i);
    await expect(el).to.be.accessible();
  });

  it('is disabled in a read-only survey and passes axe', async () => {
    const el = await renderSurvey({ ...ratings, mode: 'display' });
    expect($$<HTMLInputElement>(el, 'input[type="radio"]').every((input) => input.disabled)).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
