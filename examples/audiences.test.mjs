// The five audience pages as `npm start` serves them: the collector (SQLite in a temporary
// folder) serves examples/audiences/* and the built embed bundle on loopback; Chromium answers
// each page as that audience would, and the collector stores one response per audience with
// its audience in meta. Needs dist/pupil-voice.js (npm run build).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../scripts/chrome.mjs';

const BIN = 'packages/collector/bin/pupil-voice-collector.js';
const bundleBuilt = existsSync('dist/pupil-voice.js');
const AUDIENCES = ['primary', 'secondary', 'post16', 'parent', 'staff'];

describe('examples/audiences: one survey, five audiences', { skip: bundleBuilt ? false : 'dist/pupil-voice.js is not built (npm run build)' }, () => {
  let server;
  let url;
  let data;
  let browser;

  before(async () => {
    data = mkdtempSync(join(tmpdir(), 'pv-audiences-'));
    server = spawn(process.execPath, [BIN, 'serve', '--data', data, '--surveys', 'examples/surveys',
      '--host', '127.0.0.1', '--port', '0', '--static', 'examples:/', '--static', 'dist:/dist'], { stdio: ['ignore', 'pipe', 'inherit'] });
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

  for (const audience of AUDIENCES) {
    it(`${audience}: intro, Get help, every page, thank-you; stored once with its audience`, async () => {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${url}/audiences/${audience}/`);
      await page.getByRole('heading', { name: 'Before you start' }).waitFor();
      await page.getByRole('button', { name: 'Get help' }).click();
      const help = page.getByRole('region', { name: 'Get help' });
      await help.getByRole('link', { name: 'Call 999' }).waitFor();
      assert.equal(await help.getByRole('link', { name: 'Call 999' }).getAttribute('href'), 'tel:999');
      await page.getByRole('button', { name: 'Close help' }).click();
      await page.getByRole('button', { name: 'Start' }).click();
      // Answer the first question by keyboard: its first answer.
      const first = page.getByRole('radio').first();
      await first.focus();
      await page.keyboard.press('Space');
      const forward = page.getByRole('button', { name: /^(Next|Continue)$/ });
      const submit = page.getByRole('button', { name: /^(Finish|Send my answers|Submit)$/ });
      for (let i = 0; i < 12 && !(await submit.isVisible()); i += 1) await forward.click();
      await submit.click();
      await page.getByRole('heading', { name: 'Thank you' }).waitFor();
      await page.getByRole('region', { name: 'Get help' }).waitFor();
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('in Welsh, in Wales, a primary pupil is offered Meic', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/audiences/primary/?lang=cy&nation=wales`);
    await page.getByRole('heading', { name: 'Cyn i ti ddechrau' }).waitFor();
    await page.getByRole('button', { name: 'Cael help' }).click();
    const help = page.getByRole('region', { name: 'Cael help' });
    await help.getByRole('link', { name: 'Ffonio 080880 23456' }).waitFor();
    assert.equal(await help.getByRole('link', { name: 'Tecstio 84001' }).getAttribute('href'), 'sms:84001');
    await page.close();
  });

  it('the collector stored one response per audience, each with its audience', async () => {
    let rows = [];
    for (let i = 0; i < 100 && rows.length < AUDIENCES.length + 1; i += 1) {
      const exported = spawnSync(process.execPath, [BIN, 'export', '--data', data, '--surveys', 'examples/surveys',
        '--survey', 'feeling-safe', '--format', 'csv'], { encoding: 'utf8' });
      assert.equal(exported.status, 0, exported.stderr);
      rows = exported.stdout.trim().split(/\r?\n/);
      if (rows.length < AUDIENCES.length + 1) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [header, ...body] = rows.map((line) => line.split(','));
    const column = header.indexOf('audience');
    assert.deepEqual(body.map((row) => row[column]).sort(), [...AUDIENCES].sort());
  });
});
