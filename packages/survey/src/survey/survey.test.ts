import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { PvSurvey } from './survey.js';
import { PvErrorEvent, PvReadyEvent } from '../events.js';

async function renderSurvey(definition: unknown): Promise<PvSurvey> {
  const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
  const ready = oneEvent(el, 'pv-ready');
  el.definition = definition;
  await ready;
  await el.updateComplete;
  return el;
}

describe('<pv-survey> shell', () => {
  it('exposes the survey-core model and fires pv-ready', async () => {
    const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
    const ready = oneEvent(el, 'pv-ready');
    el.definition = { title: 'Our school', elements: [{ type: 'signaturepad', name: 's' }] };
    const event = (await ready) as unknown as PvReadyEvent;
    expect(event.model).to.equal(el.model);
    expect(el.model?.getQuestionByName('s')).to.exist;
  });

  it('shows an accessible notice naming an unsupported question type', async () => {
    const el = await renderSurvey({ elements: [{ type: 'signaturepad', name: 's', title: 'Sign' }] });
    const notice = el.shadowRoot!.querySelector('.pv-unsupported');
    expect(notice?.textContent).to.contain('signaturepad');
    expect(notice?.getAttribute('role')).to.equal('note');
    await expect(el).to.be.accessible();
  });

  it('reports invalid JSON from src with pv-error and a visible alert', async () => {
    const blob = URL.createObjectURL(new Blob(['{ not json'], { type: 'application/json' }));
    const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
    const failed = oneEvent(el, 'pv-error');
    el.src = blob;
    const event = (await failed) as unknown as PvErrorEvent;
    expect(event.kind).to.equal('invalid-json');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('not valid JSON');
    await expect(el).to.be.accessible();
  });
});
