import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { openResponseStore, type ResponseStore } from '@pupil-voice/store';
import { deleteDB } from 'idb';
import { uniqueName } from '../../../store/src/test-support.js';
import '../define.js';
import type { PvSurvey } from './survey.js';
import type { PvQuickExitEvent } from '../events.js';
import { $, $$, settle } from '../test-helpers.js';

// Quick exit exists for a child on a shared family device: whoever opens the page next must
// not see what was answered. These tests use real IndexedDB and, for the navigation itself, a
// real page (an iframe) that really leaves.

const DEFINITION = {
  title: 'Is anyone hurting you?',
  pages: [
    {
      name: 'first',
      elements: [
        { type: 'radiogroup', name: 'hurt', title: 'Has an adult at home hurt you?', choices: ['yes', 'no', 'not sure'] },
      ],
    },
    { name: 'second', elements: [{ type: 'comment', name: 'more', title: 'Tell us more if you want to' }] },
  ],
};

const databases: string[] = [];
const stores: ResponseStore[] = [];

afterEach(() => {
  for (const el of document.querySelectorAll('pv-survey, iframe')) el.remove();
  for (const store of stores.splice(0)) store.close();
  document.documentElement.style.removeProperty('visibility');
});
after(async () => {
  await Promise.all(databases.map((name) => deleteDB(name).catch(() => undefined)));
});

async function mount(storeName: string, attributes = ''): Promise<PvSurvey> {
  if (!databases.includes(storeName)) databases.push(storeName);
  const el = await fixture<PvSurvey>(html`<pv-survey survey-id="hurt-2026" store-name=${storeName}></pv-survey>`);
  for (const pair of attributes.split(' ').filter(Boolean)) {
    const [name, value = ''] = pair.split('=');
    el.setAttribute(name!, value);
  }
  const ready = oneEvent(el, 'pv-ready');
  el.definition = DEFINITION;
  await ready;
  await settle(el);
  return el;
}

async function openStore(name: string): Promise<ResponseStore> {
  const store = await openResponseStore({ name });
  stores.push(store);
  return store;
}

async function draftCount(store: ResponseStore): Promise<number> {
  return (await store.database()).count('drafts');
}

async function choose(el: PvSurvey, value: string): Promise<void> {
  const saved = oneEvent(el, 'pv-answer-saved');
  $$<HTMLLabelElement>(el, 'label.pv-option')
    .find((label) => label.textContent?.trim() === value)!
    .querySelector('input')!
    .click();
  await saved;
}

describe('<pv-survey quick-exit> wipes the answers before leaving', function () {
  // Generous: two cores shared by several test runs; a slow machine is not a failure.
  this.timeout(30000);
  it('outside kiosk mode: the draft is gone by the time the page would be replaced, and reopening shows nothing', async () => {
    const storeName = uniqueName('pv-quick-exit');
    const el = await mount(storeName, 'quick-exit=https://example.org/');
    await choose(el, 'yes');
    const store = await openStore(storeName);
    expect(await draftCount(store), 'a draft exists').to.equal(1);

    let draftsWhenLeaving = -1;
    const leaving = new Promise<void>((resolve) => {
      el.addEventListener(
        'pv-quick-exit',
        (event) => {
          // The test page must not navigate away; cancelling is what an integrator may do.
          event.preventDefault();
          void draftCount(store).then((count) => {
            draftsWhenLeaving = count;
            resolve();
          });
        },
        { once: true },
      );
    });
    $<HTMLButtonElement>(el, '[part~="quick-exit-button"]')!.click();
    // Hidden at once, before any waiting: the survey and the page around it.
    expect(el.style.visibility).to.equal('hidden');
    expect(document.documentElement.style.visibility, 'the whole page hides').to.equal('hidden');
    await leaving;
    expect(draftsWhenLeaving, 'wiped before leaving').to.equal(0);

    // Reopening the page on the same device: nothing ticked.
    el.remove();
    const again = await mount(storeName);
    expect(again.model!.data).to.deep.equal({});
    expect($$<HTMLInputElement>(again, 'input[type="radio"]').some((input) => input.checked)).to.equal(false);
  });

  it('Shift pressed three times leaves too', async () => {
    const storeName = uniqueName('pv-quick-exit');
    const el = await mount(storeName, 'quick-exit=https://example.org/');
    await choose(el, 'not sure');
    const exit = oneEvent(el, 'pv-quick-exit') as unknown as Promise<PvQuickExitEvent>;
    el.addEventListener('pv-quick-exit', (event) => event.preventDefault(), { once: true });
    for (let i = 0; i < 3; i += 1) await sendKeys({ press: 'Shift' });
    expect((await exit).url).to.equal('https://example.org/');
    expect(await draftCount(await openStore(storeName))).to.equal(0);
  });

  it('a page that really navigates away leaves no draft behind', async () => {
    const storeName = uniqueName('pv-quick-exit');
    databases.push(storeName);
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="en"><title>School</title>
      <script type="module" src="${new URL('../define.ts', import.meta.url).href}"></script>
      <pv-survey survey-id="hurt-2026" store-name="${storeName}" quick-exit="about:blank"></pv-survey>`;
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    await loaded;
    const frameWindow = frame.contentWindow as Window & typeof globalThis;
    await frameWindow.customElements.whenDefined('pv-survey');
    const el = frameWindow.document.querySelector('pv-survey')!;
    const ready = oneEvent(el, 'pv-ready');
    el.definition = DEFINITION;
    await ready;
    el.model!.setValue('hurt', 'yes');
    el.model!.nextPage();
    el.model!.setValue('more', 'private words');
    await el.whenSaved();
    const store = await openStore(storeName);
    expect(await draftCount(store), 'answers saved').to.equal(1);

    const navigated = oneEvent(frame, 'load');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="quick-exit-button"]')!.click();
    await navigated;
    expect(frame.contentWindow!.location.href).to.equal('about:blank');
    expect(await draftCount(store), 'nothing left on the device').to.equal(0);
  });

  it('keeps completed responses waiting in the outbox (they are sent, never shown)', async () => {
    const storeName = uniqueName('pv-quick-exit');
    const first = await mount(storeName, 'quick-exit=https://example.org/');
    await choose(first, 'no');
    first.model!.nextPage();
    await settle(first);
    const queued = oneEvent(first, 'pv-response-queued');
    $<HTMLButtonElement>(first, '[part~="submit-button"]')!.click();
    const { responseId: sent } = (await queued) as unknown as { responseId: string };
    first.remove();

    const second = await mount(storeName, 'quick-exit=https://example.org/');
    await choose(second, 'yes');
    second.addEventListener('pv-quick-exit', (event) => event.preventDefault(), { once: true });
    const exit = oneEvent(second, 'pv-quick-exit');
    await second.leave();
    await exit;
    const store = await openStore(storeName);
    expect(await draftCount(store)).to.equal(0);
    expect((await store.listOutbox()).map((entry) => entry.responseId)).to.deep.equal([sent]);
  });

  it('finishes a wipe that navigation cut short before the survey is opened again', async () => {
    const storeName = uniqueName('pv-quick-exit');
    const el = await mount(storeName);
    await choose(el, 'yes');
    el.remove();
    // What a quick exit leaves when the page is gone before its deletion commits: the note
    // that a wipe is owed, and the draft.
    localStorage.setItem(`pv-owed-wipe:${storeName}:hurt-2026`, '1');
    const again = await mount(storeName);
    expect(again.model!.data).to.deep.equal({});
    expect(localStorage.getItem(`pv-owed-wipe:${storeName}:hurt-2026`)).to.equal(null);
    const store = await openStore(storeName);
    expect(await draftCount(store)).to.equal(1);
    const [draft] = await (await store.database()).getAll('drafts');
    expect(draft!.answers).to.deep.equal({});
  });
});

describe('<pv-survey> resumes past a start page', function () {
  // Generous: two cores shared by several test runs; a slow machine is not a failure.
  this.timeout(30000);
  const WITH_START_PAGE = {
    firstPageIsStartPage: true,
    pages: [
      { name: 'intro', elements: [{ type: 'html', name: 'welcome', html: '<p>This survey is about feeling safe.</p>' }] },
      { name: 'one', elements: [{ type: 'radiogroup', name: 'safe', title: 'Do you feel safe?', choices: ['yes', 'no'] }] },
      { name: 'two', elements: [{ type: 'comment', name: 'why', title: 'Why?' }] },
    ],
  };

  async function mountStart(storeName: string): Promise<PvSurvey> {
    if (!databases.includes(storeName)) databases.push(storeName);
    const el = await fixture<PvSurvey>(html`<pv-survey survey-id="start-2026" store-name=${storeName}></pv-survey>`);
    const ready = oneEvent(el, 'pv-ready');
    el.definition = WITH_START_PAGE;
    await ready;
    await settle(el);
    return el;
  }

  it('returns to the page the pupil was on, not the intro', async () => {
    const storeName = uniqueName('pv-start-page');
    const first = await mountStart(storeName);
    expect(first.model!.state, 'the intro first').to.equal('starting');
    $<HTMLButtonElement>(first, '[part~="start-button"]')!.click();
    await settle(first);
    await choose(first, 'no');
    $<HTMLButtonElement>(first, '[part~="next-button"]')!.click();
    await settle(first);
    await first.whenSaved();
    expect(first.model!.currentPage.name).to.equal('two');
    first.remove();

    const second = await mountStart(storeName);
    expect(second.model!.state, 'past the intro').to.equal('running');
    expect(second.model!.currentPage.name).to.equal('two');
    expect(second.model!.data).to.deep.equal({ safe: 'no' });
  });

  it('a pupil who has not pressed Start sees the intro again', async () => {
    const storeName = uniqueName('pv-start-page');
    const first = await mountStart(storeName);
    await first.whenSaved();
    first.remove();
    const second = await mountStart(storeName);
    expect(second.model!.state).to.equal('starting');
  });

  it('a pupil who pressed Start and reloaded before answering comes back to the first question', async () => {
    const storeName = uniqueName('pv-start-page');
    const first = await mountStart(storeName);
    const saved = oneEvent(first, 'pv-answer-saved');
    $<HTMLButtonElement>(first, '[part~="start-button"]')!.click();
    await saved;
    first.remove();
    const second = await mountStart(storeName);
    expect(second.model!.state).to.equal('running');
    expect(second.model!.currentPage.name).to.equal('one');
  });
});

describe('<pv-survey quick-exit> on a touch-only device', function () {
  // Generous: two cores shared by several test runs; a slow machine is not a failure.
  this.timeout(30000);
  afterEach(async () => {
    await executeServerCommand('pv-emulate-touch', { enabled: false });
  });

  function hintShown(el: PvSurvey): boolean {
    const hint = $(el, '.pv-quick-exit-hint');
    return hint !== null && hint.getClientRects().length > 0;
  }

  it('shows "press Shift 3 times" only where there is likely a keyboard', async () => {
    const storeName = uniqueName('pv-quick-exit');
    const el = await mount(storeName, 'quick-exit=https://example.org/');
    expect(hintShown(el), 'with a mouse and keyboard').to.equal(true);
    await executeServerCommand('pv-emulate-touch', { enabled: true });
    expect(window.matchMedia('(hover: none) and (pointer: coarse)').matches, 'emulation applied').to.equal(true);
    await settle(el);
    expect(hintShown(el), 'touch only').to.equal(false);
    expect($(el, '[part~="quick-exit-button"]')!.getClientRects().length, 'the button stays').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });
});
