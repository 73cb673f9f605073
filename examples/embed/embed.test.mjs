// The embed examples, each in real Chromium with the built bundle (dist/pupil-voice.js), served
// with the real collector (SQLite in a temporary folder) on loopback, as `npm start` serves them:
// plain HTML, two surveys on one page, the same survey in two tabs, an element made with
// document.createElement before the bundle loads and attached later, and React 19 and Vue 3
// apps that mount, re-render, move and unmount the element. In each, answers survive a reload
// and the completed response reaches the collector exactly once: one POST, one stored row,
// nothing left in the outbox.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/chrome.mjs';
import { buildExamples } from '../../scripts/build-examples.mjs';

const BIN = 'packages/collector/bin/pupil-voice-collector.js';
const bundleBuilt = existsSync('dist/pupil-voice.js');
const LUNCH = { good: 'Good', ok: 'OK', notGood: 'Not good' };
const IDEA = 'One thing that would make lunchtime better';
const NEXT = /^(Next|Continue)$/;
const BACK = /^(Previous|Back)$/;

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('embedding <pv-survey> (built bundle, real collector, Chromium)', {
  skip: bundleBuilt ? false : 'dist/pupil-voice.js is not built (npm run build)',
}, () => {
  let server;
  let url;
  let data;
  let browser;

  before(async () => {
    await buildExamples();
    data = mkdtempSync(join(tmpdir(), 'pv-embed-'));
    server = spawn(process.execPath, [BIN, 'serve', '--data', data, '--surveys', 'examples/surveys',
      '--host', '127.0.0.1', '--port', '0', '--static', 'examples:/', '--static', 'dist:/dist'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
    url = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1].replace(/\/$/, ''));
      });
      server.on('exit', (code) => reject(new Error(`collector exited with ${code}`)));
    });
    browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    await new Promise((resolve) => server?.once('exit', resolve));
    rmSync(data, { recursive: true, force: true });
  });

  /**
   * A fresh browser profile (its own IndexedDB) that records every POST of a response and
   * counts the survey events each page fires, across reloads and tabs.
   */
  async function newVisitor() {
    const context = await browser.newContext();
    const posts = [];
    const errors = [];
    context.on('request', (request) => {
      if (request.method() === 'POST' && /\/v1\/surveys\/[^/]+\/responses$/.test(request.url())) {
        posts.push({ survey: request.url().split('/').at(-2), id: JSON.parse(request.postData() ?? '{}').id });
      }
    });
    await context.addInitScript(() => {
      const counts = { saved: 0, ready: 0, sent: 0 };
      Object.defineProperty(window, '__pv', { value: counts });
      document.addEventListener('pv-answer-saved', () => (counts.saved += 1));
      document.addEventListener('pv-ready', () => (counts.ready += 1));
      document.addEventListener('pv-response-sent', () => (counts.sent += 1));
    });
    const open = async (path) => {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${url}${path}`);
      return page;
    };
    return { context, posts, errors, open };
  }

  const counts = (page) => page.evaluate(() => ({ ...window.__pv }));

  /** Does something that changes an answer, then waits until the survey says it is on the device. */
  async function andSaved(page, action) {
    const before = (await counts(page)).saved;
    await action();
    await page.waitForFunction((n) => window.__pv.saved > n, before, { timeout: 15_000 }).catch(() => {
      throw new Error('the answer was not saved on the device (no pv-answer-saved)');
    });
  }

  function exportRows(survey) {
    const result = spawnSync(process.execPath, [BIN, 'export', '--data', data, '--surveys', 'examples/surveys',
      '--survey', survey, '--format', 'csv'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const [header, ...lines] = parseCsv(result.stdout.replace(/^\uFEFF/, ''));
    // Headers are the data key, then ": " and the question's title; rows are keyed by the data key.
    const keys = header.map((name) => name.split(': ')[0]);
    return lines.map((cells) => Object.fromEntries(keys.map((name, i) => [name, cells[i]])));
  }

  async function responseIdsInOutbox(page) {
    return page.evaluate(() => new Promise((resolve, reject) => {
      const request = indexedDB.open('pupil-voice');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const all = db.transaction('outbox').objectStore('outbox').getAllKeys();
        all.onsuccess = () => { db.close(); resolve(all.result); };
        all.onerror = () => reject(all.error);
      };
    }));
  }

  /**
   * The response with this id reached the collector once: the page heard it was sent, exactly
   * one POST carried it, the collector stored one row, and the outbox no longer holds it.
   */
  async function deliveredOnce(visitor, page, survey, responseId, { sentIn = [page] } = {}) {
    // The tab whose send loop delivered it hears the acknowledgement (two tabs share one outbox).
    // `sentIn: []` when it was already heard: that tab may have been reloaded since.
    if (sentIn.length > 0) await Promise.any(sentIn.map((tab) => tab.waitForFunction(() => window.__pv.sent > 0, null, { timeout: 20_000 })));
    const rows = exportRows(survey).filter((row) => row.id === responseId);
    assert.equal(rows.length, 1, `one stored ${survey} response with id ${responseId}`);
    assert.deepEqual(visitor.posts.filter((post) => post.id === responseId).map((post) => post.survey), [survey],
      'exactly one POST carried the response');
    assert.ok(!(await responseIdsInOutbox(page)).includes(responseId), 'the outbox no longer holds it');
    return rows[0];
  }

  const responseIdOf = (survey) => survey.evaluate((element) => element.responseId);
  const checked = (scope, name) => scope.getByRole('radio', { name, checked: true, exact: true });
  const submit = (scope) => scope.getByRole('button', { name: /^(Complete|Submit)$/ });

  it('plain HTML: the answers and the page survive reloads; the response is delivered once', async () => {
    const visitor = await newVisitor();
    const page = await visitor.open('/embed/plain/');
    await andSaved(page, () => page.getByRole('radio', { name: LUNCH.good, exact: true }).click());
    await page.reload();
    await checked(page, LUNCH.good).waitFor();
    await page.getByRole('button', { name: NEXT }).click();
    await andSaved(page, () => page.getByRole('textbox', { name: IDEA }).fill('More time to eat'));
    await page.reload();
    assert.equal(await page.getByRole('textbox', { name: IDEA }).inputValue(), 'More time to eat');
    const responseId = await responseIdOf(page.locator('pv-survey'));
    await submit(page).click();
    const row = await deliveredOnce(visitor, page, 'lunchtime', responseId);
    assert.equal(row.lunch, 'good');
    assert.equal(row.idea, 'More time to eat');
    assert.deepEqual(visitor.errors, []);
    await visitor.context.close();
  });

  it('two different surveys on one page keep their own answers and are each delivered once', async () => {
    const visitor = await newVisitor();
    const page = await visitor.open('/embed/two-surveys/');
    const lunch = page.locator('#lunchtime');
    const clubs = page.locator('#clubs');
    await andSaved(page, () => lunch.getByRole('radio', { name: LUNCH.notGood }).click());
    await andSaved(page, () => clubs.getByRole('checkbox', { name: 'Coding' }).click());
    await andSaved(page, () => clubs.getByRole('checkbox', { name: 'Art' }).click());
    await page.reload();
    await checked(lunch, LUNCH.notGood).waitFor();
    await clubs.getByRole('checkbox', { name: 'Art', checked: true }).waitFor();
    assert.equal(await clubs.getByRole('checkbox', { checked: true }).count(), 2);
    assert.equal(await lunch.getByRole('checkbox').count(), 0, 'the clubs question is not in the lunchtime survey');

    const clubsId = await responseIdOf(clubs);
    const lunchId = await responseIdOf(lunch);
    assert.notEqual(clubsId, lunchId);
    await submit(clubs).click();
    const clubsRow = await deliveredOnce(visitor, page, 'clubs', clubsId);
    // A multi-select exports one 1/0 column per choice.
    assert.deepEqual(['football', 'coding', 'drama', 'art'].map((club) => clubsRow[`clubs.${club}`]), ['0', '1', '0', '1']);
    // The lunchtime survey is still in progress, untouched by the other one's completion.
    await checked(lunch, LUNCH.notGood).waitFor();
    await lunch.getByRole('button', { name: NEXT }).click();
    await submit(lunch).click();
    await page.waitForFunction(() => window.__pv.sent > 1, null, { timeout: 20_000 });
    const lunchRow = await deliveredOnce(visitor, page, 'lunchtime', lunchId);
    assert.equal(lunchRow.lunch, 'not_good');
    assert.deepEqual(visitor.posts.map((post) => post.id).sort(), [clubsId, lunchId].sort());
    assert.deepEqual(visitor.errors, []);
    await visitor.context.close();
  });

  it('the same survey in two tabs shares one draft and is delivered once when both tabs submit', async () => {
    const visitor = await newVisitor();
    const first = await visitor.open('/embed/plain/');
    await andSaved(first, () => first.getByRole('radio', { name: LUNCH.ok }).click());
    const second = await visitor.open('/embed/plain/');
    await checked(second, LUNCH.ok).waitFor();
    const responseId = await responseIdOf(first.locator('pv-survey'));
    assert.equal(await responseIdOf(second.locator('pv-survey')), responseId, 'one respondent, one response id');
    await second.getByRole('button', { name: NEXT }).click();
    await andSaved(second, () => second.getByRole('textbox', { name: IDEA }).fill('Quieter hall'));
    await first.reload();
    assert.equal(await first.getByRole('textbox', { name: IDEA }).inputValue(), 'Quieter hall');
    await submit(first).click();
    await deliveredOnce(visitor, first, 'lunchtime', responseId, { sentIn: [first, second] });
    // The other tab still shows the last page; submitting there must not send it again.
    await submit(second).click();
    await second.getByText('The school council will read every answer.').waitFor();
    await second.reload();
    await second.getByRole('radio', { name: LUNCH.ok }).waitFor();
    assert.equal(await checked(second, LUNCH.ok).count(), 0, 'a fresh survey after the response was sent');
    // Still exactly once. Which tab heard the acknowledgement above depends on whose send loop
    // won, and the second tab has been reloaded since, so nothing is waited for here.
    const row = await deliveredOnce(visitor, second, 'lunchtime', responseId, { sentIn: [] });
    assert.equal(row.idea, 'Quieter hall');
    assert.equal(visitor.posts.length, 1);
    assert.deepEqual(visitor.errors, []);
    await visitor.context.close();
  });

  it('an element made with createElement before the bundle loads, attached later, keeps and delivers its answers', async () => {
    const visitor = await newVisitor();
    const page = await visitor.open('/embed/create-element/');
    assert.equal(await page.locator('pv-survey').count(), 0);
    await page.getByRole('button', { name: 'Open the survey' }).click();
    await andSaved(page, () => page.getByRole('radio', { name: LUNCH.good, exact: true }).click());
    await page.reload();
    await page.getByRole('button', { name: 'Open the survey' }).click();
    await checked(page, LUNCH.good).waitFor();
    await page.getByRole('button', { name: NEXT }).click();
    const responseId = await responseIdOf(page.locator('pv-survey'));
    await submit(page).click();
    await page.getByText('Your answers have reached the school.').waitFor();
    const row = await deliveredOnce(visitor, page, 'lunchtime', responseId);
    assert.equal(row.lunch, 'good');
    assert.deepEqual(visitor.errors, []);
    await visitor.context.close();
  });

  // Frameworks move elements: keyed re-ordering re-parents the same node (disconnected and
  // connected again), and it must keep saving (issue 12).
  for (const framework of ['React', 'Vue']) {
    it(`${framework}: definition as a property, events, re-render, move, unmount and remount keep every answer; delivered once`, async () => {
      const visitor = await newVisitor();
      const page = await visitor.open(`/embed/${framework.toLowerCase()}/`);
      // The app sets `definition` (an object) as a property once it has fetched it.
      await andSaved(page, () => page.getByRole('radio', { name: LUNCH.notGood }).click());
      // The app heard the event and re-rendered, passing the same definition: not rebuilt.
      await page.getByText(/Answers saved on this device: [1-9]/).waitFor();
      // The answer may be given on the early page, before survey-core has arrived (pv-ready):
      // wait for the model, then the re-render must not have loaded it a second time.
      await page.waitForFunction(() => window.__pv.ready >= 1);
      await page.getByRole('radio', { name: LUNCH.notGood, exact: true, checked: true }).waitFor();
      assert.equal((await counts(page)).ready, 1, 'a re-render does not reload the survey');
      assert.equal(
        await page.locator('pv-survey').evaluate((element) => typeof element.definition === 'object' && element.definition !== null && !element.hasAttribute('definition')),
        true,
        'definition arrived as an object property',
      );

      // Move: the framework re-orders keyed sections, so the same element is re-parented.
      const element = await page.locator('pv-survey').elementHandle();
      await page.evaluate(() => {
        window.__pvMoved = false;
        new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.removedNodes) {
              if (node instanceof Element && (node.matches('pv-survey') || node.querySelector('pv-survey'))) window.__pvMoved = true;
            }
          }
        }).observe(document.body, { childList: true, subtree: true });
      });
      await page.getByRole('button', { name: 'Move the survey down' }).click();
      await page.getByRole('button', { name: 'Move the survey up' }).waitFor();
      assert.equal(await page.evaluate(() => window.__pvMoved), true, 'the element was taken out of the page and put back');
      assert.equal(await element.evaluate((node) => node.isConnected && document.querySelector('pv-survey') === node), true,
        'the framework moved the element rather than making a new one');
      assert.equal(await page.evaluate(() => {
        const survey = document.querySelector('pv-survey');
        const help = document.getElementById('help-heading');
        return Boolean(help.compareDocumentPosition(survey) & Node.DOCUMENT_POSITION_FOLLOWING);
      }), true, 'the survey is now below the other sections');
      await page.getByRole('button', { name: NEXT }).click();
      await andSaved(page, () => page.getByRole('textbox', { name: IDEA }).fill('Hot puddings'));
      const responseId = await responseIdOf(page.locator('pv-survey'));

      // Unmount and mount again: a new element resumes the draft on the page it was on.
      await page.getByRole('button', { name: 'Hide the survey' }).click();
      assert.equal(await page.locator('pv-survey').count(), 0);
      await page.getByRole('button', { name: 'Show the survey' }).click();
      assert.equal(await page.getByRole('textbox', { name: IDEA }).inputValue(), 'Hot puddings');
      assert.equal(await element.evaluate((node) => node.isConnected), false, 'a new element after remounting');

      await page.reload();
      assert.equal(await page.getByRole('textbox', { name: IDEA }).inputValue(), 'Hot puddings');
      await page.getByRole('button', { name: BACK }).click();
      await checked(page, LUNCH.notGood).waitFor();
      await page.getByRole('button', { name: NEXT }).click();
      assert.equal(await responseIdOf(page.locator('pv-survey')), responseId);
      await submit(page).click();
      await page.getByText('Sent to the school.').waitFor();
      const row = await deliveredOnce(visitor, page, 'lunchtime', responseId);
      assert.equal(row.lunch, 'not_good');
      assert.equal(row.idea, 'Hot puddings');
      assert.deepEqual(visitor.errors, []);
      await visitor.context.close();
    });
  }
});
