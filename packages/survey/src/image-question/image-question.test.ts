import { expect } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import { questionElement, renderSurvey } from '../test-helpers.js';

interface AxNode {
  role: string;
  name: string;
  children: AxNode[];
}

// A 1×1 PNG, so the picture really loads.
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('<pv-image-question>', () => {
  it('renders the picture with altText as its accessible name, at the requested size', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'image', name: 'logo', imageLink: PIXEL, altText: 'The school crest', imageWidth: 120, imageHeight: 80 },
        { type: 'text', name: 'q', title: 'Anything else?' },
      ],
    });
    const image = questionElement(el, 'logo').querySelector('img')!;
    expect(image.getAttribute('src')).to.equal(PIXEL);
    expect(image.alt).to.equal('The school crest');
    expect(image.style.width).to.equal('120px');
    expect(image.style.height).to.equal('80px');
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    expect(findAccessibilityNode<AxNode>(snapshot, (node) => node.role === 'image' && node.name === 'The school crest')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('falls back to the title for alt, and to alt="" (decorative) without either', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'image', name: 'titled', imageLink: PIXEL, title: 'Our new playground' },
        { type: 'image', name: 'plain', imageLink: PIXEL },
      ],
    });
    expect(questionElement(el, 'titled').querySelector('img')!.alt).to.equal('Our new playground');
    const plain = questionElement(el, 'plain').querySelector('img')!;
    expect(plain.getAttribute('alt')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('never loads unsafe URLs', async () => {
    const el = await renderSurvey({
      elements: [{ type: 'image', name: 'pic', imageLink: 'javascript:alert(1)', altText: 'A map of the school' }],
    });
    const host = questionElement(el, 'pic');
    expect(host.querySelector('img')).to.be.null;
    expect(host.textContent).to.contain('A map of the school');
    await expect(el).to.be.accessible();
  });

  it('shows a notice and a safe link instead of embedding a video', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'image', name: 'yt', imageLink: 'https://www.youtube.com/watch?v=abc123' },
        { type: 'image', name: 'mp4', imageLink: 'javascript:alert(1)//x.mp4', contentMode: 'video' },
      ],
    });
    const yt = questionElement(el, 'yt');
    expect(yt.querySelector('iframe, video')).to.be.null;
    expect(yt.textContent).to.contain('cannot be played');
    const link = yt.querySelector('a')!;
    expect(link.href).to.equal('https://www.youtube.com/watch?v=abc123');
    expect(link.target).to.equal('_blank');
    const mp4 = questionElement(el, 'mp4');
    expect(mp4.querySelector('a, video')).to.be.null;
    await expect(el).to.be.accessible();
  });
});
