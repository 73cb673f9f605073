import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import { PvErrorEvent, type PvErrorKind } from '../events.js';
import { holdSurveyCoreBack } from '../test-dom.js';
import { $, settle } from '../test-helpers.js';
import type { PvSurvey } from './survey.js';
import { UncaughtErrors, waitFor } from './survey-test-support.js';

function jsonUrl(text: string): string {
  return URL.createObjectURL(new Blob([text], { type: 'application/json' }));
}

/**
 * Loads a survey that cannot be shown, through `src` or `definition`, and checks what a
 * respondent and an integrator see: an alert inside the element (never a blank box), one
 * typed pv-error that reaches the document, and no uncaught exception.
 */
async function expectLoadError(
  input: { src: string } | { definition: unknown },
  kind: PvErrorKind,
  detail?: string,
): Promise<PvSurvey> {
  const uncaught = new UncaughtErrors();
  const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
  const seen: PvErrorEvent[] = [];
  const record = (event: PvErrorEvent) => seen.push(event);
  document.addEventListener('pv-error', record);
  try {
    const failed = oneEvent(el, 'pv-error');
    if ('src' in input) el.src = input.src;
    else el.definition = input.definition;
    await failed;
    await settle(el);
  } finally {
    document.removeEventListener('pv-error', record);
  }
  expect(seen.length).to.equal(1);
  const event = seen[0]!;
  expect(event).to.be.instanceOf(PvErrorEvent);
  expect(event.kind).to.equal(kind);
  expect(event.bubbles && event.composed).to.equal(true);
  const alert = $(el, '[role="alert"]')!;
  expect(alert, 'an alert inside the element').to.exist;
  expect(alert.textContent).to.contain('Sorry, this survey cannot be shown');
  expect(alert.textContent).to.contain(event.message);
  if (detail) expect(event.message).to.contain(detail);
  expect(el.getBoundingClientRect().height, 'not a blank box').to.be.greaterThan(20);
  expect($(el, '.pv-page'), 'no half-rendered survey').to.equal(null);
  await expect(el).to.be.accessible();
  expect(uncaught.stop()).to.deep.equal([]);
  return el;
}

describe('<pv-survey> loading', () => {
  it('loads a definition from src', async () => {
    const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
    const ready = oneEvent(el, 'pv-ready');
    el.src = jsonUrl(JSON.stringify({ title: 'From a file', elements: [{ type: 'text', name: 'a', title: 'A' }] }));
    await ready;
    await settle(el);
    expect($(el, '.pv-survey-title')?.textContent?.trim()).to.equal('From a file');
  });

  it('says it is loading once loading takes a while, and not before', async () => {
    const release = holdSurveyCoreBack();
    try {
      const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
      const started = performance.now();
      // A first page that waits for the model (visibleIf), so the status line stays up.
      el.src = jsonUrl(JSON.stringify({ elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'b', visibleIf: '{a} = 1' }] }));
      await el.updateComplete;
      // The line is there from the start, so the words are announced when they come.
      const status = $(el, '[role="status"]')!;
      expect(status, 'a status line at once').to.exist;
      // (Unless this machine stalled for half a second since the load started.)
      if (performance.now() - started < 450) expect(status.textContent!.trim(), 'no words in the first half second').to.equal('');
      await waitFor(el, () => ($(el, '[role="status"]')?.textContent ?? '').includes('Loading the survey'));
      // A timer cannot run early: the words never come sooner than half a second.
      expect(performance.now() - started).to.be.greaterThan(495);
      expect($(el, '[role="status"]'), 'the same line').to.equal(status);
      await expect(el).to.be.accessible();
    } finally {
      release();
    }
  });

  it('reports a 404', async () => {
    await expectLoadError({ src: '/no-such-survey-here.json' }, 'fetch-failed');
  });

  it('reports a network error, and offers to try again', async () => {
    // Nothing listens on port 9 (discard) on loopback: the connection is refused.
    const el = await expectLoadError({ src: 'http://127.0.0.1:9/survey.json' }, 'fetch-failed');
    expect($(el, '[role="alert"]')!.textContent).to.contain('Check the connection');
    const retry = $<HTMLButtonElement>(el, '[part~="retry-button"]');
    expect(retry?.textContent?.trim()).to.equal('Try again');
    // Trying again really fetches again (and here fails again, as the network is still down).
    const again = oneEvent(el, 'pv-error');
    retry!.click();
    expect(((await again) as unknown as PvErrorEvent).kind).to.equal('fetch-failed');
  });

  it('says a cross-origin refusal is a refusal, not a connection problem', async () => {
    // The same test server under its other loopback name is another origin, and it sends no
    // CORS headers: the browser refuses to let the page read the definition.
    const otherHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const src = `${location.protocol}//${otherHost}:${location.port}/packages/survey/package.json`;
    const el = await expectLoadError({ src }, 'fetch-blocked');
    const text = $(el, '[role="alert"]')!.textContent!;
    expect(text).to.contain('not allowed to load the survey');
    expect(text).to.not.contain('Check the connection');
    expect($(el, '[part~="retry-button"]'), 'trying again would not help').to.equal(null);
  });

  it('reports invalid JSON', async () => {
    const el = await expectLoadError({ src: jsonUrl('{ "pages": [ ') }, 'invalid-json');
    expect($(el, '[role="alert"]')?.textContent).to.contain('not valid JSON');
  });

  const SHAPES: ReadonlyArray<[label: string, definition: unknown, detail: string]> = [
    ['an array', [{ type: 'text', name: 'a' }], 'JSON object'],
    ['a string', 'my survey', 'JSON object'],
    ['null', null, 'JSON object'],
    ['an unrelated object', { foo: 1 }, 'no "pages" or "elements"'],
    ['pages that are not a list', { pages: { first: { elements: [] } } }, '"pages" must be a list'],
    ['an element without a type', { pages: [{ elements: [{ name: 'q1', title: 'Q1' }] }] }, 'has no "type"'],
    ['an empty survey', { pages: [] }, 'no questions'],
    ['pages without questions', { pages: [{ name: 'p1' }, { name: 'p2', elements: [] }] }, 'no questions'],
  ];
  for (const [label, definition, detail] of SHAPES) {
    it(`reports ${label} given as the definition property`, async () => {
      await expectLoadError({ definition }, 'invalid-definition', detail);
    });
    it(`reports ${label} loaded from src`, async () => {
      await expectLoadError({ src: jsonUrl(JSON.stringify(definition)) }, 'invalid-definition', detail);
    });
  }

  it('recovers when a broken src is replaced with a good one', async () => {
    const el = await expectLoadError({ src: jsonUrl('not json') }, 'invalid-json');
    el.src = jsonUrl(JSON.stringify({ elements: [{ type: 'text', name: 'a', title: 'Working now' }] }));
    await waitFor(el, () => $(el, '.pv-page') !== null);
    expect($(el, '[role="alert"]')).to.equal(null);
    expect($(el, '.pv-page')?.textContent).to.contain('Working now');
  });

  it('shows only the newest of two overlapping loads', async () => {
    const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
    el.src = jsonUrl(JSON.stringify({ elements: [{ type: 'text', name: 'old', title: 'Old survey' }] }));
    await el.updateComplete;
    const ready = oneEvent(el, 'pv-ready');
    el.definition = { elements: [{ type: 'text', name: 'new', title: 'New survey' }] };
    await ready;
    await settle(el);
    await waitFor(el, () => $(el, '.pv-page') !== null);
    expect(el.model?.getQuestionByName('new')).to.exist;
    expect($(el, '.pv-page')?.textContent).to.contain('New survey');
  });
});
