import { expect } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { $, $$, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from '../survey/survey.js';

interface AxNode {
  role: string;
  name: string;
  checked?: boolean;
  children: AxNode[];
}

// 1×1 PNGs, so the pictures really load.
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const pets = {
  elements: [
    {
      type: 'imagepicker',
      name: 'pet',
      title: 'Which pet would you like?',
      isRequired: true,
      showLabel: true,
      imageWidth: 120,
      imageHeight: 90,
      choices: [
        { value: 'cat', text: 'Cat', imageLink: PIXEL },
        { value: 'dog', text: 'Dog', imageLink: PIXEL },
        { value: 'fish', text: 'Fish', imageLink: PIXEL },
      ],
    },
    {
      type: 'imagepicker',
      name: 'clubs',
      title: 'Which clubs?',
      multiSelect: true,
      choices: [
        { value: 'art', text: 'Art', imageLink: PIXEL },
        { value: 'chess', text: 'Chess', imageLink: PIXEL },
        { value: 'choir', text: 'Choir', imageLink: 'javascript:alert(1)' },
      ],
    },
  ],
};

function inputs(el: PvSurvey, name: string): HTMLInputElement[] {
  return Array.from(questionElement(el, name).querySelectorAll('input'));
}

function group(el: PvSurvey, name: string): HTMLElement {
  return questionElement(el, name).querySelector<HTMLElement>('.pv-imagepicker')!;
}

describe('<pv-imagepicker-question>', () => {
  it('renders native radios (or checkboxes for multiSelect) in a group named by the title, images with alt', async () => {
    const el = await renderSurvey(pets);
    const pet = group(el, 'pet');
    expect(pet.getAttribute('role')).to.equal('radiogroup');
    expect($(el, `#${CSS.escape(pet.getAttribute('aria-labelledby')!)}`)?.textContent).to.contain('Which pet would you like?');
    expect(inputs(el, 'pet').map((input) => input.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(group(el, 'clubs').getAttribute('role')).to.equal('group');
    expect(inputs(el, 'clubs').map((input) => input.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
    const images = Array.from(pet.querySelectorAll('img'));
    expect(images.map((image) => image.alt)).to.deep.equal(['Cat', 'Dog', 'Fish']);
    expect(images[0]!.style.width).to.equal('120px');
    // The unsafe image URL is never loaded; the option keeps its name.
    expect(group(el, 'clubs').querySelectorAll('img')).to.have.length(2);

    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    const radios = snapshot.children.filter((node) => node.role === 'radio').map((node) => node.name);
    expect(radios).to.deep.equal(['Cat', 'Dog', 'Fish']);
    const boxes = snapshot.children.filter((node) => node.role === 'checkbox').map((node) => node.name);
    expect(boxes).to.deep.equal(['Art', 'Chess', 'Choir']);
    await expect(el).to.be.accessible();
  });

  it('answers with the keyboard: arrows select a picture, Space ticks a checkbox', async () => {
    const el = await renderSurvey(pets);
    inputs(el, 'pet')[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(modelOf(el).getValue('pet')).to.equal('dog');
    expect(deepActiveElement()).to.equal(inputs(el, 'pet')[1]);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ pet: 'dog', clubs: ['art', 'chess'] });
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(modelOf(el).getValue('clubs')).to.deep.equal(['art']);
  });

  it('answers by clicking the picture', async () => {
    const el = await renderSurvey(pets);
    group(el, 'pet').querySelectorAll('img')[2]!.click();
    group(el, 'clubs').querySelectorAll('img')[1]!.click();
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ pet: 'fish', clubs: ['chess'] });
    expect(questionElement(el, 'pet').querySelectorAll('.pv-image-choice--selected')).to.have.length(1);
  });

  it('reflects values set on the model', async () => {
    const el = await renderSurvey(pets);
    modelOf(el).setValue('pet', 'cat');
    modelOf(el).getQuestionByName('clubs').value = ['art', 'chess'];
    await settle(el);
    expect(inputs(el, 'pet').map((input) => input.checked)).to.deep.equal([true, false, false]);
    expect(inputs(el, 'clubs').map((input) => input.checked)).to.deep.equal([true, true, false]);
  });

  it('shows the required error on the radiogroup and passes axe', async () => {
    const el = await renderSurvey(pets);
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    const pet = group(el, 'pet');
    expect(pet.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${CSS.escape(pet.getAttribute('aria-describedby')!)}`)?.textContent).to.match(/required/i);
    await expect(el).to.be.accessible();
  });

  it('is disabled in a read-only survey and passes axe', async () => {
    const el = await renderSurvey({ ...pets, mode: 'display' });
    expect($$<HTMLInputElement>(el, 'input').every((input) => input.disabled)).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
