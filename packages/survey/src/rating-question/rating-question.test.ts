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

  it('names smileys by what they mean, not by their number', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'rating', name: 'five', title: 'How do you feel at lunchtime?', rateType: 'smileys', rateMax: 5 },
        { type: 'rating', name: 'three', title: 'How was today?', rateType: 'smileys', rateMax: 3 },
        {
          type: 'rating',
          name: 'own',
          title: 'And at break?',
          rateType: 'smileys',
          rateValues: [
            { value: 1, text: 'Awful' },
            { value: 2, text: 'Great' },
          ],
        },
      ],
    });
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    expect(radiosAfterHeading(snapshot, 'How do you feel at lunchtime?').map((node) => node.name)).to.deep.equal([
      'Very unhappy',
      'Unhappy',
      'Neither happy nor unhappy',
      'Happy',
      'Very happy',
    ]);
    expect(radiosAfterHeading(snapshot, 'How was today?').map((node) => node.name)).to.deep.equal([
      'Unhappy',
      'Neither happy nor unhappy',
      'Happy',
    ]);
    // A definition's own words win.
    expect(radiosAfterHeading(snapshot, 'And at break?').map((node) => node.name)).to.deep.equal(['Awful', 'Great']);
    // The value stored is still survey-core's.
    radios(el, 'five')[3]!.click();
    await settle(el);
    expect(modelOf(el).getValue('five')).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('draws five clearly different faces', async () => {
    const el = await renderSurvey({
      elements: [{ type: 'rating', name: 'five', title: 'How do you feel?', rateType: 'smileys', rateMax: 5 }],
    });
    const faces = await Promise.all(
      Array.from(group(el, 'five').querySelectorAll('svg')).map((icon) => rasterize(icon)),
    );
    // Of the pixels inked in either of two neighbouring faces, the share inked in only one.
    // Faces that differed only in the bend of the mouth measured 21-25% here; these 38-62%.
    const differences = faces.slice(1).map((face, i) => inkDifference(faces[i]!, face));
    for (const [i, difference] of differences.entries()) {
      expect(difference, `faces ${i + 1} and ${i + 2} differ in ${(difference * 100).toFixed(0)}% of their ink`).to.be.greaterThan(0.3);
    }
  });

  it('keeps each end label under its own end on a phone (375 px)', async () => {
    const el = await renderSurvey({
      elements: [
        {
          type: 'rating',
          name: 'happy',
          title: 'How happy are you at school?',
          minRateDescription: 'Not happy at all',
          maxRateDescription: 'Very happy indeed',
        },
      ],
    });
    // A 375 px phone, less the page's margins.
    el.style.display = 'block';
    el.style.width = '343px';
    await settle(el);
    const scale = group(el, 'happy').querySelector('.pv-rating-scale')!.getBoundingClientRect();
    const min = group(el, 'happy').querySelector('.pv-rating-description--min')!.getBoundingClientRect();
    const max = group(el, 'happy').querySelector('.pv-rating-description--max')!.getBoundingClientRect();
    const options = Array.from(group(el, 'happy').querySelectorAll('.pv-rating-item')).map((item) => item.getBoundingClientRect());
    const first = options[0]!;
    const last = options[options.length - 1]!;
    expect(last.top, 'the scale stays on one row').to.equal(first.top);
    expect(Math.abs(min.left - first.left), 'the minimum label starts under the first option').to.be.lessThan(2);
    expect(Math.abs(max.right - last.right), 'the maximum label ends under the last option').to.be.lessThan(2);
    expect(max.left, 'the maximum label is on the right-hand side').to.be.greaterThan(scale.left + scale.width / 2 - 1);
    el.style.width = '';
    el.style.display = '';
  });

  it('starts a scale with no label before it where the question starts, wide and on a phone', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'rating', name: 'plain', title: 'How was lunch today?' },
        { type: 'rating', name: 'topped', title: 'How safe do you feel?', maxRateDescription: 'Very safe' },
      ],
    });
    el.style.display = 'block';
    for (const width of ['900px', '343px']) {
      el.style.width = width;
      await settle(el);
      for (const name of ['plain', 'topped']) {
        const grid = group(el, name).getBoundingClientRect();
        const first = group(el, name).querySelector('.pv-rating-item')!.getBoundingClientRect();
        // No empty column (and no gap after it) is kept for a label that is not there.
        expect(Math.abs(first.left - grid.left), `${name} at ${width}: the first option starts the row`).to.be.lessThan(1);
      }
      const plain = group(el, 'plain');
      const plainScale = plain.querySelector('.pv-rating-scale')!.getBoundingClientRect();
      expect(Math.abs(plain.getBoundingClientRect().bottom - plainScale.bottom), `plain at ${width}: no row for labels under the scale`).to.be.lessThan(1);
      const options = Array.from(group(el, 'topped').querySelectorAll('.pv-rating-item')).map((item) => item.getBoundingClientRect());
      const max = group(el, 'topped').querySelector('.pv-rating-description--max')!.getBoundingClientRect();
      if (width === '900px') {
        expect(max.left, 'wide: the label is beside the last option').to.be.greaterThan(options[options.length - 1]!.right);
        expect(Math.abs(max.top + max.height / 2 - (options[0]!.top + options[0]!.height / 2)), 'wide: on the scale\'s line').to.be.lessThan(2);
      } else {
        expect(max.top, 'on a phone: the label is under the scale').to.be.at.least(options[0]!.bottom);
        expect(Math.abs(max.right - options[options.length - 1]!.right), 'on a phone: it ends under the last option').to.be.lessThan(2);
      }
    }
    el.style.width = '';
    el.style.display = '';
  });
});

/**
 * Draws an icon (with the survey's colours made explicit) into a 48x48 bitmap: which pixels
 * inside the head are inked.
 */
async function rasterize(icon: SVGSVGElement): Promise<boolean[]> {
  const copy = icon.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', '48');
  copy.setAttribute('height', '48');
  for (const [node, original] of [[copy, icon], ...zipDescendants(copy, icon)] as Array<[Element, Element]>) {
    const style = getComputedStyle(original);
    node.setAttribute('fill', style.fill);
    node.setAttribute('stroke', style.stroke);
    node.setAttribute('stroke-width', style.strokeWidth);
    node.setAttribute('stroke-linecap', style.strokeLinecap);
  }
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = 48;
  canvas.height = 48;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, 48, 48);
  const { data } = context.getImageData(0, 0, 48, 48);
  // Only the features (eyes, brows, mouth) count: the outline of the head is the same in all.
  const ink: boolean[] = [];
  for (let i = 0; i < data.length; i += 4) {
    const x = (i / 4) % 48;
    const y = Math.floor(i / 4 / 48);
    const inside = Math.hypot(x + 0.5 - 24, y + 0.5 - 24) < 16;
    ink.push(inside && data[i + 3]! > 96);
  }
  return ink;
}

function zipDescendants(a: Element, b: Element): Array<[Element, Element]> {
  const left = Array.from(a.querySelectorAll('*'));
  const right = Array.from(b.querySelectorAll('*'));
  return left.map((node, i) => [node, right[i]!]);
}

function inkDifference(a: boolean[], b: boolean[]): number {
  let either = 0;
  let one = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] || b[i]) either += 1;
    if (a[i] !== b[i]) one += 1;
  }
  return either === 0 ? 0 : one / either;
}
