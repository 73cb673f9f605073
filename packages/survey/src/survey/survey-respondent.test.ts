import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openResponseStore, type ResponseStore } from '@pupil-voice/store';
import { deleteDB } from 'idb';
import { collectorEndpoint, scriptCollector, uniqueName } from '../../../store/src/test-support.js';
import '../define.js';
import type { PvSurvey } from './survey.js';
import { $, $$, deepActiveElement, settle } from '../test-helpers.js';
import { press } from './survey-test-support.js';

// What a respondent sees of their answers' fate: clearing them, and where they are after
// Submit. Real IndexedDB, a real collector on loopback.

const DEFINITION = {
  title: 'Feeling safe',
  pages: [
    { name: 'first', elements: [{ type: 'radiogroup', name: 'safe', title: 'Do you feel safe at school?', choices: ['yes', 'no'] }] },
    { name: 'second', elements: [{ type: 'comment', name: 'why', title: 'Why?' }] },
  ],
};

const databases: string[] = [];
const stores: ResponseStore[] = [];

afterEach(() => {
  for (const el of document.querySelectorAll('pv-survey')) el.remove();
  for (const store of stores.splice(0)) store.close();
});
after(async () => {
  await Promise.all(databases.map((name) => deleteDB(name).catch(() => undefined)));
});

async function mount(
  definition: unknown,
  { storeName = uniqueName('pv-respondent'), attributes = {} as Record<string, string> } = {},
): Promise<PvSurvey> {
  if (!databases.includes(storeName)) databases.push(storeName);
  const el = await fixture<PvSurvey>(html`<pv-survey survey-id="safe-2026" store-name=${storeName}></pv-survey>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const ready = oneEvent(el, 'pv-ready');
  el.definition = definition;
  await ready;
  await settle(el);
  return el;
}

async function openStore(name: string): Promise<ResponseStore> {
  const store = await openResponseStore({ name });
  stores.push(store);
  return store;
}

async function choose(el: PvSurvey, value: string): Promise<void> {
  const saved = oneEvent(el, 'pv-answer-saved');
  $$<HTMLLabelElement>(el, 'label.pv-option')
    .find((label) => label.textContent?.trim() === value)!
    .querySelector('input')!
    .click();
  await saved;
}

function part(el: PvSurvey, name: string): HTMLElement | null {
  return $(el, `[part~="${name}"]`);
}

describe('<pv-survey> "Clear my answers"', function () {
  // Generous: two cores shared by several test runs; a slow machine is not a failure.
  this.timeout(30000);
  it('asks first, by keyboard, then deletes the answers from the device and the screen', async () => {
    const storeName = uniqueName('pv-clear');
    const el = await mount(DEFINITION, { storeName });
    await choose(el, 'no');
    part(el, 'next-button')!.click();
    await settle(el);
    $<HTMLTextAreaElement>(el, 'textarea')!.focus();
    await sendKeys({ type: 'someone at home' });
    await el.whenSaved();
    const before = el.responseId;

    // Asking: focus moves to the question; Escape keeps everything.
    part(el, 'clear-answers-button')!.focus();
    await press(el, 'Enter');
    const confirm = $(el, '.pv-clear-answers-confirm');
    expect(confirm, 'asks first').to.exist;
    expect(deepActiveElement() === confirm, 'focus on the question').to.equal(true);
    expect(confirm!.textContent).to.contain('Clear all your answers?');
    await expect(el).to.be.accessible();
    await press(el, 'Escape');
    expect($(el, '.pv-clear-answers-confirm'), 'closed').to.equal(null);
    expect(deepActiveElement() === part(el, 'clear-answers-button'), 'focus back on the button').to.equal(true);
    expect(el.model!.data).to.deep.equal({ safe: 'no', why: 'someone at home' });

    // Confirming.
    await press(el, 'Enter');
    part(el, 'clear-answers-yes')!.focus();
    await press(el, 'Enter');
    await waitUntil(() => $(el, '.pv-clear-status')?.textContent?.includes('cleared'), 'says the answers are cleared', { timeout: 15000 });
    await settle(el);
    expect(el.model!.data).to.deep.equal({});
    expect(el.model!.currentPage.name).to.equal('first');
    expect(el.shadowRoot!.textContent).to.not.contain('someone at home');
    expect($(el, '.pv-clear-status')!.getAttribute('role')).to.equal('status');
    expect(deepActiveElement()?.classList.contains('pv-page-heading'), 'focus on the first page').to.equal(true);
    await expect(el).to.be.accessible();

    const store = await openStore(storeName);
    const drafts = await (await store.database()).getAll('drafts');
    expect(drafts.map((draft) => draft.answers), 'nothing of the answers on the device').to.deep.equal([{}]);
    expect(el.responseId, 'a new respondent id').to.not.equal(before);

    // It keeps saving afterwards.
    await choose(el, 'yes');
    expect((await store.loadDraft('safe-2026'))!.answers).to.deep.equal({ safe: 'yes' });
    expect(part(el, 'save-state')!.textContent).to.contain('saved on this device');
  });
});

describe('<pv-survey> thank-you page tells where the answers are', function () {
  // Generous: two cores shared by several test runs; a slow machine is not a failure.
  this.timeout(30000);
  it('offline: says they are kept on this device, then confirms once they are sent', async () => {
    const scenario = await scriptCollector(['503']);
    const el = await mount(DEFINITION, { attributes: { endpoint: collectorEndpoint(scenario, 'safe-2026') } });
    await choose(el, 'yes');
    part(el, 'next-button')!.click();
    await settle(el);
    const completed = oneEvent(el, 'pv-complete');
    part(el, 'submit-button')!.click();
    await completed;
    await waitUntil(() => $(el, '.pv-send-state--waiting'), 'the first try fails and the page says so', { timeout: 15000 });
    const status = part(el, 'completed')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.contain('kept safely on this device');
    expect(status.textContent).to.contain('when the connection returns');
    await expect(el).to.be.accessible();

    // The connection returns.
    const sent = oneEvent(el, 'pv-response-sent');
    window.dispatchEvent(new Event('online'));
    await sent;
    await settle(el);
    expect(part(el, 'send-state')!.textContent).to.contain('Your answers have been sent.');
    expect(status.contains(part(el, 'send-state')), 'inside the polite live region').to.equal(true);
  }).timeout(20000);
});

describe('<pv-survey> as a poll', function () {
  // Generous: two cores shared by several test runs; a slow machine is not a failure.
  this.timeout(30000);
  const POLL = { elements: [{ type: 'radiogroup', name: 'lunch', title: 'Best lunch?', choices: ['pasta', 'curry'] }] };

  it('a kiosk survey with one question says Vote, and nothing about saving or clearing answers', async () => {
    const el = await mount(POLL, { attributes: { kiosk: '' } });
    expect(part(el, 'submit-button')!.textContent!.trim()).to.equal('Vote');
    expect(el.isPoll).to.equal(true);
    await choose(el, 'curry');
    expect(part(el, 'save-state'), 'no "saved on this device"').to.equal(null);
    expect(part(el, 'clear-answers-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the poll attribute makes any survey a poll; a definition’s own button text wins', async () => {
    const el = await mount({ ...POLL, completeText: 'Send my vote' }, { attributes: { poll: '' } });
    expect(part(el, 'submit-button')!.textContent!.trim()).to.equal('Send my vote');
  });

  it('a kiosk survey with two questions is a survey, not a poll', async () => {
    const el = await mount(DEFINITION, { attributes: { kiosk: '' } });
    part(el, 'next-button')!.click();
    await settle(el);
    expect(part(el, 'submit-button')!.textContent!.trim()).to.equal('Complete');
    expect(part(el, 'clear-answers-button'), 'a survey can be cleared').to.exist;
  });
});

describe('<pv-survey> page count', function () {
  // Generous: two cores shared by several test runs; a slow machine is not a failure.
  this.timeout(30000);

  it('"Page 1 of 2" becomes "Page 1 of 3" when an answer adds a page', async () => {
    const el = await mount(
      {
        showProgressBar: 'top',
        pages: [
          { name: 'first', elements: [{ type: 'radiogroup', name: 'hurt', title: 'Has anyone hurt you?', choices: ['yes', 'no'] }] },
          {
            name: 'help',
            visibleIf: "{hurt} = 'yes'",
            elements: [{ type: 'comment', name: 'what', title: 'What happened?' }],
          },
          { name: 'last', elements: [{ type: 'comment', name: 'else', title: 'Anything else?' }] },
        ],
      },
      { storeName: uniqueName('pv-pages') },
    );
    const heading = () => $(el, '.pv-page-heading')!.textContent!.trim();
    const progress = () => part(el, 'progress')!.textContent!.trim();
    expect(heading()).to.equal('Page 1 of 2');
    expect(progress()).to.contain('1 of 2');
    await choose(el, 'yes');
    await settle(el);
    expect(heading()).to.equal('Page 1 of 3');
    expect(progress()).to.contain('1 of 3');
    expect($(el, '[role="progressbar"]')!.getAttribute('aria-valuetext')).to.contain('1 of 3');
    await choose(el, 'no');
    await settle(el);
    expect(heading()).to.equal('Page 1 of 2');
  });
});
