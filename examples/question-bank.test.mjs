// The question bank preview page (examples/question-bank/), served as `npm start` serves it:
// the bank's modules from packages/*/dist, the embed bundle from dist/. Chromium lists the
// bank, switches survey, audience and language, and the survey shows in the chosen words.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../scripts/chrome.mjs';

const BIN = 'packages/collector/bin/pupil-voice-collector.js';
const built = existsSync('dist/pupil-voice.js') && existsSync('packages/question-bank/dist/index.js');

describe('examples/question-bank: preview any bank survey', { skip: built ? false : 'dist/pupil-voice.js is not built (npm run build)' }, () => {
  let server;
  let url;
  let data;
  let browser;

  before(async () => {
    data = mkdtempSync(join(tmpdir(), 'pv-bank-preview-'));
    mkdirSync(join(data, 'surveys'));
    // The same static mounts as scripts/start-demo.mjs.
    server = spawn(process.execPath, [BIN, 'serve', '--data', data, '--surveys', join(data, 'surveys'),
      '--host', '127.0.0.1', '--port', '0', '--static', 'examples:/', '--static', 'dist:/dist',
      '--static', 'packages/question-bank/dist:/lib/question-bank', '--static', 'packages/schema/dist:/lib/schema'],
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

  it('lists the bank and previews a survey in each audience and language', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/question-bank/`);
    // No choice in the address: the first survey, for its first audience (primary: "Start").
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    const rows = await page.locator('#bank tr').allInnerTexts();
    assert.ok(rows.some((row) => /Feeling safe and respected\s+feeling-safe\s+Primary pupils \(7–11\), Secondary pupils, Post-16 students, Parents and carers, Staff/.test(row)), rows.join('\n'));
    assert.ok(rows.some((row) => row.includes('school-audit')) && rows.some((row) => row.includes('poll-priorities')));

    // Parents, in Welsh: the parent wording of a shared question, in the parents' Welsh.
    await page.getByLabel('Audience').selectOption('parent');
    await page.getByLabel('Language').selectOption('cy');
    assert.match(page.url(), /survey=feeling-safe&audience=parent&lang=cy/);
    await page.getByRole('button', { name: 'Dechrau’r arolwg' }).click();
    await page.getByRole('radio', { name: 'Ydw, rydw i eisiau cymryd rhan' }).check();
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.getByText('Pa mor aml ydych chi’n meddwl bod eich plentyn yn teimlo’n ddiogel yn yr ysgol?').waitFor();
    assert.match(await page.locator('#about').innerText(), /questions for parents and carers; shared for comparison: \d+ with primary pupils/);

    // A poll template: one question, no start page of its own (the pupil preset shows its intro).
    await page.getByLabel('Survey').selectOption('poll-yes-no');
    await page.getByLabel('Language').selectOption('en');
    await page.locator('pv-survey button[part~="start-button"]').click();
    await page.getByRole('radio', { name: 'Not sure' }).waitFor();
    await page.getByText('Should pupils help choose the school rules?').waitFor();
    assert.equal(await page.getByLabel('Audience').inputValue(), 'primary');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
