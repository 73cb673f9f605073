import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analystToken, newId, postResponse, request, startTestCollector, tempFolder, writeSurveys, type TestCollector } from '../test-support/harness.js';
import { POLL, PUPIL_SURVEY } from '../test-support/surveys.js';
import { startCollector, DEFAULT_CONFIG } from '../collector.js';

const BIN = fileURLToPath(new URL('../../bin/pupil-voice-collector.js', import.meta.url));
const GUARDED = ['/results', '/results?by=school', '/published', '/results.csv', '/results.csv?layout=wide'];

describe('analyst tokens guard results and exports', () => {
  let collector: TestCollector;
  let token: string;
  let otherToken: string;
  before(async () => {
    collector = await startTestCollector({ pupils: PUPIL_SURVEY, other: PUPIL_SURVEY, poll: POLL }, { publicResults: ['poll'] });
    token = await analystToken(collector, 'pupils');
    otherToken = await analystToken(collector, 'other');
    const sends = [];
    for (let i = 0; i < 40; i++) {
      sends.push(postResponse(collector.url, 'pupils', { id: newId(), data: { year: i % 2 ? '7' : '8', safe: i < 25 ? 'yes' : i < 38 ? 'no' : 'unsure' }, meta: { school: i % 3 ? 'A' : 'B' } }));
    }
    await Promise.all(sends);
  });
  after(() => collector.dispose());

  it('refuses results and exports without a token, with a wrong one, or with another survey\'s: 401, one clear message, nothing about the survey', async () => {
    const refusals = new Set<string>();
    for (const path of GUARDED) {
      const attempts: Array<Record<string, string>> = [{}, { Authorization: 'Bearer pva_wrong' }, { Authorization: `Bearer ${otherToken}` }, { Authorization: token }, { Authorization: `Basic ${token}` }];
      for (const headers of attempts) {
        for (const survey of ['pupils', 'no-such-survey']) {
          const reply = await request(`${collector.url}/v1/surveys/${survey}${path}`, { headers });
          assert.equal(reply.status, 401, `${survey}${path} ${JSON.stringify(headers)}: ${reply.text}`);
          assert.match(reply.headers['www-authenticate'] ?? '', /^Bearer/);
          assert.doesNotMatch(reply.text, /pupils|Feeling safe|respondents|count/);
          refusals.add(reply.text);
        }
      }
    }
    // One body for every refusal: a known id and an unknown one cannot be told apart.
    assert.equal(refusals.size, 1);
    const body = JSON.parse([...refusals][0]!) as { error: string; reason: string };
    assert.equal(body.error, 'analyst_token_required');
    assert.match(body.reason, /Authorization: Bearer/);
    assert.match(body.reason, /token create/);
  });

  it('opens the survey\'s results, publication and CSV exports with its token', async () => {
    // Prefer: wait: the first snapshot may still be computing on a busy machine.
    const headers = { Authorization: `Bearer ${token}`, Prefer: 'wait=60' };
    const results = await request(`${collector.url}/v1/surveys/pupils/results`, { headers });
    assert.equal(results.status, 200, results.text);
    const published = await request(`${collector.url}/v1/surveys/pupils/published`, { headers });
    assert.equal(published.status, 200);
    const publication = published.json<{ format: string; segments: string[]; totals: string[]; surveyId: string }>();
    assert.equal(publication.format, 'pupil-voice/published-tally');
    assert.equal(publication.surveyId, 'pupils');
    const tidy = await request(`${collector.url}/v1/surveys/pupils/results.csv`, { headers });
    assert.equal(tidy.status, 200);
    assert.match(tidy.headers['content-type'] ?? '', /^text\/csv/);
    assert.match(tidy.headers['content-disposition'] ?? '', /attachment; filename="pupils-results-tidy.csv"/);
    assert.equal(tidy.text.charCodeAt(0), 0xfeff);
    const wide = await request(`${collector.url}/v1/surveys/pupils/results.csv?layout=wide`, { headers });
    assert.equal(wide.status, 200);
    assert.match(wide.text.split('\r\n')[0]!, /^\uFEFFquestion,title,row,audience,school,wave,year,base,/);
    assert.equal((await request(`${collector.url}/v1/surveys/pupils/results.csv?layout=sideways`, { headers })).status, 400);
    // Two pupils said "unsure": no export shows a number below k.
    const rows = (text: string) => text.slice(1).trim().split('\r\n').map((line) => line.split(','));
    const [tidyHead, ...tidyRows] = rows(tidy.text);
    const count = tidyHead!.indexOf('count');
    assert.ok(tidyRows.length > 0);
    for (const row of tidyRows) {
      const value = Number(row[count]);
      assert.ok(row[count] !== '' && (value >= 10 || (value === 0 && row[2] === '(missing)')), `a hidden or small count in: ${row.join(',')}`);
    }
    const [wideHead, ...wideRows] = rows(wide.text);
    const countColumns = wideHead!.flatMap((name, i) => (i >= wideHead!.indexOf('base') && !name.endsWith(' %') && name !== 'note' ? [i] : []));
    // The one mark, with its legend wherever it appears.
    assert.equal(wideHead!.at(-1), 'note');
    for (const row of wideRows) assert.equal(row.at(-1), row.includes('[c]') ? '[c] hidden to protect small groups' : '', row.join(','));
    for (const row of wideRows) {
      for (const i of countColumns) assert.ok(['', '[c]', '0'].includes(row[i]!) || Number(row[i]) >= 10, `a small number in: ${row.join(',')}`);
    }
  });

  it('serves a public-results poll without a token', async () => {
    const reply = await request(`${collector.url}/v1/surveys/poll/results`, { headers: { Prefer: 'wait=60' } });
    assert.equal(reply.status, 200, reply.text);
  });

  it('serves the results page shell, the same for any id, with nothing about the survey in it', async () => {
    const page = await request(`${collector.url}/results/pupils`);
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'] ?? '', /^text\/html/);
    assert.match(String(page.headers['content-security-policy'] ?? ''), /frame-ancestors 'none'/);
    assert.match(page.text, /<pv-results src="\/v1\/surveys\/pupils\/published"/);
    assert.match(page.text, /<script type="module" src="\/dist\/pupil-voice-charts.js">/);
    assert.doesNotMatch(page.text, /Feeling safe/);
    const unknown = await request(`${collector.url}/results/no-such-survey`);
    assert.equal(unknown.status, 200);
    assert.equal(unknown.text.replaceAll('no-such-survey', 'pupils'), page.text);
    const hostile = await request(`${collector.url}/results/%22%3E%3Cscript%3E`);
    assert.doesNotMatch(hostile.text, /"><script>/);
  });

  it('token create prints a token on its last line and stores only its hash', async () => {
    const folder = tempFolder('token');
    try {
      const dataDir = join(folder.path, 'data');
      const surveysDir = join(folder.path, 'surveys');
      writeSurveys(surveysDir, { pupils: PUPIL_SURVEY });
      const run = spawnSync(process.execPath, [BIN, 'token', 'create', '--data', dataDir, '--survey', 'pupils'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.trim().split('\n');
      const created = lines.at(-1)!;
      assert.match(created, /^pva_[A-Za-z0-9_-]{43}$/);
      for (const file of readdirSync(dataDir)) assert.ok(!readFileSync(join(dataDir, file)).includes(created), `${file} holds the token itself`);
      const server = await startCollector({ ...DEFAULT_CONFIG, dataDir, surveysDir, port: 0 });
      try {
        assert.equal((await request(`${server.url}/v1/surveys/pupils/results`, { headers: { Authorization: `Bearer ${created}`, Prefer: 'wait=60' } })).status, 200);
        assert.equal((await request(`${server.url}/v1/surveys/pupils/results`)).status, 401);
      } finally {
        await server.close();
      }
      const missing = spawnSync(process.execPath, [BIN, 'token', 'create', '--data', dataDir], { encoding: 'utf8' });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /token create needs --survey ID/);
    } finally {
      folder.remove();
    }
  });
});
