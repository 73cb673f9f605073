import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { toCSV } from '@pupil-voice/aggregate';
import { AnswerError, categories, QUESTION_TYPES, type QuestionType } from '@pupil-voice/schema';
import { exportCsv } from '../export.js';
import { tallyStored } from '../results/results.js';
import { newId, postResponse, startTestCollector, type TestCollector } from '../test-support/harness.js';

/**
 * A custom question type, added in one descriptor and nowhere else: a "weather" scale whose
 * choices sit under `forecasts` (not `choices`), answered with a list of `{ weather, hours }`
 * readings. Nothing in the collector, aggregate or the CSV export knows this type.
 */
const WEATHER: QuestionType = {
  type: 'weather',
  value: 'a list of { weather, hours } readings',
  validate(question, value, field, check) {
    if (!Array.isArray(value)) throw new AnswerError(field, 'must be a list of readings');
    value.forEach((reading, index) => {
      const item = check.object(reading, `${field}[${index}]`, 'weather and hours');
      check.choice(categories(question.json['forecasts']), item['weather'], `${field}[${index}].weather`);
      if (typeof item['hours'] !== 'number' || item['hours'] < 0 || item['hours'] > 24) throw new AnswerError(`${field}[${index}].hours`, 'must be 0 to 24');
    });
  },
  facets: (question) => [
    { name: `${question.name}.weather`, type: 'weather', kind: 'multi', categories: categories(question.json['forecasts']), read: { key: question.name, path: ['*', 'weather'], combine: 'union' } },
    { name: `${question.name}.hours`, type: 'weather', kind: 'numeric', read: { key: question.name, path: ['*', 'hours'], combine: 'mean' } },
  ],
  csv: (question) => [{ header: `${question.name}.first`, path: ['0', 'weather'] }],
};

const SURVEY = {
  title: 'Playtime',
  elements: [
    { type: 'weather', name: 'outside', forecasts: ['sun', 'rain', 'snow'] },
    { type: 'radiogroup', name: 'fun', choices: ['yes', 'no'] },
  ],
};

describe('a custom question type in one descriptor', () => {
  let collector: TestCollector;
  before(async () => {
    collector = await startTestCollector({ playtime: SURVEY }, { questionTypes: QUESTION_TYPES.with(WEATHER) });
  });
  after(() => collector.dispose());

  it('is validated by the collector with the descriptor, and refused without it', async () => {
    const send = (data: Record<string, unknown>) => postResponse(collector.url, 'playtime', { id: newId(), data });
    assert.equal((await send({ outside: [{ weather: 'sun', hours: 2 }, { weather: 'rain', hours: 1 }], fun: 'yes' })).status, 201);
    assert.equal((await send({ outside: [{ weather: 'sun', hours: 4 }], fun: 'no' })).status, 201);
    assert.equal((await send({ outside: [{ weather: 'rain', hours: 3 }, { weather: 'rain', hours: 5 }] })).status, 201);
    const refused = await send({ outside: [{ weather: 'fog', hours: 1 }] });
    assert.equal(refused.status, 400);
    assert.equal(refused.json<{ field: string }>().field, 'outside[0].weather');
    assert.equal((await send({ outside: [{ weather: 'sun', hours: 30 }] })).json<{ field: string }>().field, 'outside[0].hours');

    const plain = await startTestCollector({ playtime: SURVEY });
    try {
      const reply = await postResponse(plain.url, 'playtime', { id: newId(), data: { outside: [{ weather: 'sun', hours: 1 }] } });
      assert.equal(reply.status, 400);
      assert.match(reply.json<{ reason: string }>().reason, /does not accept answers to weather questions/);
    } finally {
      await plain.dispose();
    }
  });

  it('is tallied with real numbers and reaches the tally CSV and the raw CSV', async () => {
    const survey = collector.surveys.get('playtime')!;
    const tally = await tallyStored(collector.storage, survey, { filters: {}, by: [] }, []);
    const weather = tally.questions.find((question) => question.name === 'outside.weather');
    assert.ok(weather && weather.kind === 'multi');
    // sun: responses 1 and 2; rain: responses 1 and 3 (twice in 3, counted once); snow: none.
    assert.deepEqual(weather.cells['[]']!.counts, [2, 2, 0]);
    const hours = tally.questions.find((question) => question.name === 'outside.hours');
    assert.ok(hours && hours.kind === 'numeric');
    // Each respondent's mean over their readings: 1.5, 4, 4.
    assert.equal(hours.cells['[]']!.count, 3);
    assert.equal(hours.cells['[]']!.sum, 9.5);
    assert.deepEqual(tally.unknownQuestions, []);
    const csv = toCSV(tally);
    assert.match(csv, /outside\.weather,,sun,2,3,/);
    assert.match(csv, /outside\.hours,,mean,3\.1/);

    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await exportCsv(collector.storage, survey, out);
    const [header, ...rows] = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(header, 'id,audience,school,wave,day,outside.first,fun,other_answers,encrypted,definition_version');
    assert.deepEqual(rows.map((row) => row.split(',')[5]).sort(), ['rain', 'sun', 'sun']);
  });
});
