// One model of a survey across the packages, checked end to end per question type: the same
// answers are given through <pv-survey> (the built embed bundle) in Chromium by several
// respondents, delivered by the page's own outbox and send loop to a real collector (SQLite in
// a temporary folder, HTTP on loopback), stored, tallied by @pupil-voice/aggregate from the
// question type descriptors, and compared with DuckDB SQL over the raw stored rows.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { chromium } from 'playwright-core';
import { readSurvey } from '@pupil-voice/schema';
import { DEFAULT_CONFIG, startCollector } from '../packages/collector/dist/index.js';
import { tallyStored } from '../packages/collector/dist/results/results.js';
import { CHROME_ARGS, findChrome } from '../scripts/chrome.mjs';

const bundleBuilt = existsSync('dist/pupil-voice.js');

/** Every type <pv-survey> renders, with the answer shapes the collector accepts. */
const SURVEY = {
  title: 'Every type',
  completeText: 'Send',
  elements: [
    { type: 'html', name: 'intro', html: '<p>Thank you for helping.</p>' },
    { type: 'radiogroup', name: 'safe', title: 'Do you feel safe?', choices: ['yes', 'no', 'unsure'] },
    { type: 'checkbox', name: 'places', choices: ['corridor', 'online', 'bus'] },
    { type: 'dropdown', name: 'year', choices: ['7', '8', '9'] },
    { type: 'tagbox', name: 'tags', choices: ['a', 'b'] },
    { type: 'boolean', name: 'told' },
    { type: 'rating', name: 'mood', rateMin: 1, rateMax: 5 },
    { type: 'ranking', name: 'rank', choices: ['x', 'y', 'z'] },
    { type: 'imagepicker', name: 'face', choices: [{ value: 'happy', imageLink: '/h.png' }, { value: 'sad', imageLink: '/s.png' }] },
    { type: 'matrix', name: 'agree', rows: ['r1', 'r2'], columns: ['yes', 'no'] },
    {
      type: 'matrixdropdown',
      name: 'grid',
      rows: ['r1', 'r2'],
      choices: [1, 2],
      columns: [
        { name: 'c1', title: 'How often' },
        { name: 'n', cellType: 'text', inputType: 'number', title: 'How many' },
        { name: 'many', cellType: 'checkbox', choices: ['a', 'b'] },
      ],
    },
    { type: 'multipletext', name: 'multi', items: [{ name: 'age', inputType: 'number' }, { name: 'word' }] },
    {
      type: 'paneldynamic',
      name: 'incidents',
      templateElements: [
        { type: 'radiogroup', name: 'where', choices: ['class', 'online', 'bus'] },
        { type: 'text', name: 'times', inputType: 'number' },
      ],
    },
    { type: 'text', name: 'count', inputType: 'number' },
    { type: 'comment', name: 'story' },
    { type: 'expression', name: 'double', expression: '{count} * 2', displayStyle: 'decimal' },
  ],
};

/** Respondent i's answers: varied, some left empty. Free text has no names (no personal-information warning). */
function answers(i) {
  const a = {
    safe: i % 5 === 4 ? undefined : ['yes', 'no', 'unsure'][i % 3],
    places: i % 4 === 3 ? undefined : [['corridor'], ['online', 'bus'], ['corridor', 'online', 'bus']][i % 3],
    year: ['7', '8', '9'][i % 3],
    tags: [['a'], ['a', 'b'], ['b']][i % 3],
    told: i % 2 === 0,
    mood: 1 + (i % 5),
    rank: [['x', 'y', 'z'], ['z', 'x', 'y'], ['y', 'z', 'x']][i % 3],
    face: ['happy', 'sad'][i % 2],
    agree: i % 3 === 0 ? { r1: 'yes' } : { r1: ['yes', 'no'][i % 2], r2: 'no' },
    grid: { r1: { c1: 1 + (i % 2), n: i, many: i % 2 ? ['a', 'b'] : ['b'] }, r2: { c1: 2, n: 10 - i } },
    multi: i % 2 ? { age: 11 + (i % 4), word: 'ok' } : { age: 11 + (i % 4) },
    incidents: i % 4 === 0 ? undefined : [{ where: 'class', times: i }, { where: i % 2 ? 'online' : 'class', times: 2 }],
    count: i * 3,
    story: i % 3 === 0 ? 'It was a good week' : undefined,
  };
  return Object.fromEntries(Object.entries(a).filter(([, value]) => value !== undefined));
}

const RESPONDENTS = 12;

/** A JSON path for DuckDB from a facet's read (`$."grid"."r1"."n"`, `$."incidents"[*]."where"`). */
function jsonPath(facet) {
  const steps = [facet.read?.key ?? facet.name, ...(facet.read?.path ?? [])];
  return `$${steps.map((step) => (step === '*' ? '[*]' : `."${step}"`)).join('')}`;
}

describe('every question type: <pv-survey> in Chromium → collector → tally = DuckDB over the raw rows', { skip: bundleBuilt ? false : 'dist/pupil-voice.js is not built (npm run build)' }, () => {
  let folder;
  let collector;
  let tally;
  let db;
  let connection;
  const reading = readSurvey(SURVEY);

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pv-every-'));
    const surveysDir = join(folder, 'surveys');
    const pages = join(folder, 'pages');
    mkdirSync(surveysDir);
    mkdirSync(pages);
    writeFileSync(join(surveysDir, 'every.json'), JSON.stringify(SURVEY));
    writeFileSync(
      join(pages, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Every type</title>
       <script type="module" src="/dist/pupil-voice.js"></script></head><body><main>
       <pv-survey src="/v1/surveys/every" survey-id="every" endpoint="/v1/surveys/every/responses" audience="secondary"></pv-survey>
       </main></body></html>`,
    );
    collector = await startCollector({
      ...DEFAULT_CONFIG,
      dataDir: join(folder, 'data'),
      surveysDir,
      port: 0,
      staticMounts: [{ dir: pages, mount: '/' }, { dir: resolve('dist'), mount: '/dist/' }],
    });
    const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
    try {
      for (let i = 0; i < RESPONDENTS; i += 1) {
        // A fresh context per respondent: their own IndexedDB, as on their own device.
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${collector.url}/`);
        await page.waitForFunction(() => document.querySelector('pv-survey')?.model !== undefined);
        // Answers enter the survey-core model that <pv-survey> renders and saves; the page then
        // completes with its own Send button, outbox and send loop.
        await page.evaluate((data) => {
          const model = document.querySelector('pv-survey').model;
          for (const [name, value] of Object.entries(data)) model.setValue(name, value);
        }, answers(i));
        const sent = page.evaluate(
          () => new Promise((resolve) => document.querySelector('pv-survey').addEventListener('pv-response-sent', () => resolve(true), { once: true })),
        );
        await page.getByRole('button', { name: 'Send' }).click();
        assert.equal(await sent, true);
        assert.deepEqual(errors, [], `respondent ${i}`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    const survey = collector.surveys.get('every');
    assert.equal(await collector.storage.count('every'), RESPONDENTS);
    tally = await tallyStored(collector.storage, survey, { filters: {}, by: [] }, []);
    const rows = [];
    for await (const stored of collector.storage.responses('every')) rows.push(JSON.stringify({ id: stored.id, data: stored.data }));
    const file = join(folder, 'raw.ndjson');
    writeFileSync(file, rows.join('\n'));
    db = await DuckDBInstance.create(':memory:');
    connection = await db.connect();
    await connection.run(`CREATE TABLE raw AS SELECT * FROM read_json('${file}', format = 'newline_delimited', columns = {id: 'VARCHAR', data: 'JSON'})`);
  });

  after(async () => {
    connection?.closeSync();
    db?.closeSync();
    await collector?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const sql = async (text) => (await connection.runAndReadAll(text)).getRowsJS();

  /** What DuckDB counts for one facet, in the shape of our cell. */
  async function reference(facet) {
    const path = jsonPath(facet);
    const perPanel = path.includes('[*]');
    switch (facet.kind) {
      case 'choice': {
        const rows = await sql(`SELECT json_extract_string(data, '${path}') AS v, count(*) FROM raw GROUP BY v`);
        const counts = new Map(rows.map(([v, n]) => [v, Number(n)]));
        return { counts: facet.categories.map((c) => counts.get(c.value) ?? 0), notAnswered: counts.get(null) ?? 0 };
      }
      case 'multi': {
        const items = perPanel ? `unnest(json_extract_string(data, '${path}'))` : `unnest(json_extract_string(data, '${path}[*]'))`;
        const rows = await sql(`SELECT v, count(DISTINCT id) FROM (SELECT id, ${items} AS v FROM raw) WHERE v IS NOT NULL GROUP BY v`);
        const counts = new Map(rows.map(([v, n]) => [v, Number(n)]));
        const [[answered]] = await sql(`SELECT count(DISTINCT id) FROM (SELECT id, ${items} AS v FROM raw) WHERE v IS NOT NULL`);
        return { counts: facet.categories.map((c) => counts.get(c.value) ?? 0), answered: Number(answered) };
      }
      case 'ranking': {
        const counts = [];
        for (const choice of facet.categories) {
          const row = [];
          for (let position = 0; position < facet.categories.length; position += 1) {
            const [[n]] = await sql(`SELECT count(*) FROM raw WHERE json_extract_string(data, '${path}[${position}]') = '${choice.value}'`);
            row.push(Number(n));
          }
          counts.push(row);
        }
        return { counts };
      }
      case 'matrix': {
        const counts = [];
        for (const row of facet.rows) {
          const found = new Map((await sql(`SELECT json_extract_string(data, '${path}."${row.value}"') AS v, count(*) FROM raw GROUP BY v`)).map(([v, n]) => [v, Number(n)]));
          counts.push(facet.columns.map((column) => found.get(column.value) ?? 0));
        }
        return { counts };
      }
      case 'numeric': {
        // Inside dynamic panels each respondent counts once, with the mean of their panels;
        // `(panels)` is how many panels each respondent added.
        const counted = facet.read?.path?.at(-1) === '#';
        const values = counted
          ? `SELECT id, json_array_length(data, '${jsonPath({ ...facet, read: { ...facet.read, path: facet.read.path.slice(0, -1) } })}') AS v FROM raw`
          : perPanel
          ? `SELECT id, avg(TRY_CAST(x AS DOUBLE)) AS v FROM (SELECT id, unnest(json_extract_string(data, '${path}')) AS x FROM raw) WHERE x IS NOT NULL GROUP BY id`
          : `SELECT id, TRY_CAST(json_extract_string(data, '${path}') AS DOUBLE) AS v FROM raw`;
        const [[count, sum]] = await sql(`SELECT count(v), coalesce(sum(v), 0) FROM (${values})`);
        return { count: Number(count), sum: Number(sum) };
      }
      case 'text': {
        const [[answered]] = await sql(`SELECT count(*) FROM raw WHERE coalesce(json_extract_string(data, '${path}'), '') <> ''`);
        return { answered: Number(answered) };
      }
    }
    throw new Error(`no reference for ${facet.kind}`);
  }

  /** Our cell, in the same shape. */
  function ours(facet) {
    const question = tally.questions.find((q) => q.name === facet.name);
    assert.ok(question, `${facet.name} is tallied`);
    const cell = question.cells['[]'];
    switch (facet.kind) {
      case 'choice': return { counts: cell.counts, notAnswered: cell.notAnswered };
      case 'multi': return { counts: cell.counts, answered: cell.answered };
      case 'ranking': return { counts: cell.counts };
      case 'matrix': return { counts: cell.counts };
      case 'numeric': return { count: cell.count, sum: cell.sum };
      case 'text': return { answered: cell.answered };
    }
    throw new Error(facet.kind);
  }

  const types = [...new Set(SURVEY.elements.map((element) => element.type))].filter((type) => type !== 'html');
  for (const type of types) {
    it(`${type}: every number equals DuckDB's`, async () => {
      const owners = new Set(SURVEY.elements.filter((element) => element.type === type).map((element) => element.name));
      const facets = reading.facets.filter((facet) => owners.has(facet.read?.key ?? facet.name));
      assert.ok(facets.length > 0, `${type} has something to tally`);
      let nonZero = 0;
      for (const facet of facets) {
        const expected = await reference(facet);
        assert.deepEqual(ours(facet), expected, facet.name);
        nonZero += JSON.stringify(expected).match(/[1-9]/) ? 1 : 0;
      }
      assert.ok(nonZero > 0, `${type}: the respondents' answers reached the tally`);
    });
  }

  it('matrixdropdown cells are tallied by column type, paneldynamic per question across panels', () => {
    const kinds = Object.fromEntries(tally.questions.filter((q) => /^(grid|incidents)\./.test(q.name)).map((q) => [q.name, q.kind]));
    assert.deepEqual(kinds, {
      'grid.r1.c1': 'choice', 'grid.r1.n': 'numeric', 'grid.r1.many': 'multi',
      'grid.r2.c1': 'choice', 'grid.r2.n': 'numeric', 'grid.r2.many': 'multi',
      'incidents.(panels)': 'numeric', 'incidents.where': 'multi', 'incidents.times': 'numeric',
    });
    assert.deepEqual(tally.unknownQuestions, []);
  });
});
