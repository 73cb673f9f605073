// The analyst's results page end to end: the collector (SQLite in a temporary folder) serves
// /results/:id and the built charts bundle; an analyst token made with the real command opens
// it in Chromium; a wrong token is refused with a clear message; the charts draw the
// publication's own numbers; the token is kept for the tab only.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../scripts/chrome.mjs';

const BIN = 'packages/collector/bin/pupil-voice-collector.js';
const built = existsSync('dist/pupil-voice-charts.js');
const SURVEY = {
  title: 'How safe do you feel?',
  elements: [
    { type: 'radiogroup', name: 'safe', title: 'I feel safe at school', choices: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] },
    { type: 'checkbox', name: 'where', title: 'Where do you feel less safe?', choices: ['Toilets', 'Corridors', 'Online'] },
  ],
};

describe('the results page: token, charts, exports', { skip: built ? false : 'dist/pupil-voice-charts.js is not built (npm run build)' }, () => {
  let server;
  let url;
  let root;
  let token;
  let browser;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'pv-results-page-'));
    mkdirSync(join(root, 'surveys'));
    writeFileSync(join(root, 'surveys', 'pupils.json'), JSON.stringify(SURVEY));
    const created = spawnSync(process.execPath, [BIN, 'token', 'create', '--data', join(root, 'data'), '--survey', 'pupils'], { encoding: 'utf8' });
    assert.equal(created.status, 0, created.stderr);
    token = created.stdout.trim().split('\n').at(-1);
    server = spawn(process.execPath, [BIN, 'serve', '--data', join(root, 'data'), '--surveys', join(root, 'surveys'), '--host', '127.0.0.1', '--port', '0', '--static', 'dist:/dist'], { stdio: ['ignore', 'pipe', 'inherit'] });
    url = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1].replace(/\/$/, ''));
      });
      server.on('exit', (code) => reject(new Error(`collector exited with ${code}`)));
    });
    const answers = ['Agree', 'Agree', 'Agree', 'Strongly agree', 'Disagree', 'Neither agree nor disagree', 'Strongly disagree'];
    for (let i = 0; i < 70; i++) {
      const id = randomUUID();
      const reply = await fetch(`${url}/v1/surveys/pupils/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
        body: JSON.stringify({ id, data: { safe: answers[i % answers.length], where: i % 3 === 0 ? ['Online'] : ['Toilets', 'Corridors'] }, meta: { audience: 'pupil', school: i % 2 ? 'A' : 'B' } }),
      });
      assert.equal(reply.status, 201);
    }
    // Results are snapshots made in the background: wait for one that covers the responses above.
    const ready = await fetch(`${url}/v1/surveys/pupils/published`, { headers: { Authorization: `Bearer ${token}`, Prefer: 'wait=60' } });
    assert.equal(ready.status, 200);
    browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    await new Promise((resolve) => server?.once('exit', resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('asks for the token once, refuses a wrong one, then draws every question from the publication', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/results/pupils`);
    await page.getByRole('heading', { name: 'Analyst token needed' }).waitFor();
    // Nothing about the survey before a token: not its title, not a number.
    assert.doesNotMatch(await page.content(), /How safe do you feel/);

    await page.getByLabel('Analyst token', { exact: true }).fill('pva_not-a-real-token');
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.getByRole('alert').filter({ hasText: 'That token was not accepted' }).waitFor();

    await page.getByLabel('Analyst token', { exact: true }).fill(token);
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.getByRole('heading', { name: 'How safe do you feel?' }).waitFor();
    await page.waitForFunction(() => {
      const results = document.querySelector('pv-results');
      const charts = results?.shadowRoot?.querySelectorAll('pv-chart') ?? [];
      return charts.length === 2 && [...charts].every((chart) => chart.chart !== undefined);
    });
    const drawn = await page.evaluate(() =>
      [...document.querySelector('pv-results').shadowRoot.querySelectorAll('pv-chart')].map((chart) => ({
        question: chart.question,
        data: chart.chart.data.datasets.map((d) => d.data),
      })),
    );
    const published = await (await fetch(`${url}/v1/surveys/pupils/published`, { headers: { Authorization: `Bearer ${token}` } })).json();
    const where = drawn.find((chart) => chart.question === 'where');
    const key = JSON.stringify(published.segments.map((segment) => (segment === 'audience' ? 'pupil' : true)));
    assert.deepEqual(where.data[0], published.questions.find((q) => q.name === 'where').cells[key].percents);
    // The token stays for this tab: a reload shows the results without asking again.
    await page.reload();
    await page.getByRole('heading', { name: 'How safe do you feel?' }).waitFor();
    assert.deepEqual(errors, []);
    // A new tab (a new session) asks again.
    const other = await browser.newContext().then((context) => context.newPage());
    await other.goto(`${url}/results/pupils`);
    await other.getByRole('heading', { name: 'Analyst token needed' }).waitFor();
  });
});
