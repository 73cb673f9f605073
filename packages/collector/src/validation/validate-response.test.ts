import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId, postResponse, startTestCollector, type TestCollector } from '../test-support/harness.js';
import { EVERY_TYPE_SURVEY } from '../test-support/surveys.js';

/** Answers that pass every check; each refused case changes one question. */
const VALID = {
  safe: 2,
  year: '8',
  places: ['corridor', 'online'],
  tags: ['a'],
  rank: ['z', 'x', 'y'],
  face: 'happy',
  rate: 4,
  rateValues: 10,
  told: true,
  why: 'it helped',
  agree: { r1: 'yes', r2: 'no' },
  grid: { r1: { c1: 2, c2: 'fine' } },
  multi: { age: 12, word: 'ok' },
  count: 3,
  when: '2026-11-20',
  mail: 'council@school.example',
  short: 'brief',
  story: 'A long story',
};

describe('response validation over HTTP (survey-core in Node)', () => {
  let collector: TestCollector;
  before(async () => {
    collector = await startTestCollector({ every: EVERY_TYPE_SURVEY });
  });
  after(() => collector.dispose());

  const send = (data: Record<string, unknown>) => postResponse(collector.url, 'every', { id: newId(), data });

  it('stores a response with a valid answer of every type', async () => {
    const reply = await send(VALID);
    assert.equal(reply.status, 201, reply.text);
  });

  it('accepts the special items: other with its comment, none, refuse', async () => {
    assert.equal((await send({ safe: 'other', 'safe-Comment': 'sometimes' })).status, 201);
    assert.equal((await send({ safe: 'none' })).status, 201);
    assert.equal((await send({ safe: 'refused' })).status, 201);
    assert.equal((await send({ places: ['none'] })).status, 201);
  });

  const refused: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['an unknown question name', { favouriteTeacher: 'Ms X' }, 'favouriteTeacher', /no question/],
    ['a radiogroup value outside its choices', { safe: 7 }, 'safe', /not one of/],
    ['a dropdown value outside its choices', { year: '13' }, 'year', /not one of/],
    ['a checkbox answer that is not a list', { places: 'corridor' }, 'places', /array/],
    ['a checkbox value outside its choices', { places: ['corridor', 'toilets'] }, 'places[1]', /not one of/],
    ['more checkbox choices than allowed', { places: ['corridor', 'online', 'bus'] }, 'places', /at most 2/],
    ['a repeated checkbox value', { places: ['bus', 'bus'] }, 'places[1]', /twice/],
    ['a tagbox value outside its choices', { tags: ['c'] }, 'tags[0]', /not one of/],
    ['a ranking item outside its choices', { rank: ['x', 'q'] }, 'rank[1]', /not one of/],
    ['an imagepicker value outside its choices', { face: 'angry' }, 'face', /not one of/],
    ['a rating outside rateMin..rateMax', { rate: 6 }, 'rate', /rating scale/],
    ['a rating not among rateValues', { rateValues: 7 }, 'rateValues', /rating scale/],
    ['a boolean that is a string', { told: 'yes' }, 'told', /must be true or false/],
    ['a matrix row that does not exist', { agree: { r9: 'yes' } }, 'agree.r9', /no such row/],
    ['a matrix column that does not exist', { agree: { r1: 'maybe' } }, 'agree.r1', /not one of the matrix columns/],
    ['a matrixdropdown column that does not exist', { grid: { r1: { c9: 1 } } }, 'grid.r1.c9', /no such column/],
    ['a matrixdropdown cell outside its choices', { grid: { r1: { c1: 5 } } }, 'grid.r1.c1', /not one of/],
    ['a multipletext item that does not exist', { multi: { shoe: 'x' } }, 'multi.shoe', /no such item/],
    ['a multipletext number item given text', { multi: { age: 'twelve' } }, 'multi.age', /number/],
    ['a number question given text', { count: 'lots' }, 'count', /number/],
    ['a number above the question max (survey-core validator)', { count: 31 }, 'count', /greater than 30/],
    ['a date question given a time', { when: '2026-11-20T10:15:00Z' }, 'when', /YYYY-MM-DD/],
    ['an email question given a non-address', { mail: 'not an address' }, 'mail', /e-mail/],
    ['a text longer than its maxLength', { short: 'much too long text' }, 'short', /10 characters/],
    ['a comment that is not a string', { story: { nested: true } }, 'story', /string/],
    ['a required question left empty when it is visible', { told: true }, 'why', /required|response/i],
    ['an answer to an html element', { note: 'x' }, 'note', /not collected/],
    ['a comment key for a question without other or comment', { 'year-Comment': 'x' }, 'year-Comment', /no question/],
  ];
  for (const [what, data, field, reason] of refused) {
    it(`refuses ${what} with 400 naming the field`, async () => {
      const reply = await send(data);
      assert.equal(reply.status, 400, reply.text);
      assert.match(reply.headers['content-type'] ?? '', /^application\/json/);
      const body = reply.json<{ error: string; field: string; reason: string }>();
      assert.equal(body.field, field, reply.text);
      assert.match(body.reason, reason);
      assert.equal(typeof body.error, 'string');
    });
  }

  it('does not require a question hidden by its condition', async () => {
    assert.equal((await send({ told: false })).status, 201);
  });

  it('refuses an oversized string anywhere with 413', async () => {
    const reply = await send({ story: 'x'.repeat(6000) });
    assert.equal(reply.status, 413, reply.text);
    assert.equal(reply.json().field, 'story');
  });

  it('refuses a body over 64 KB with 413 before reading it all', async () => {
    const reply = await postResponse(collector.url, 'every', { id: newId(), data: { story: 'y'.repeat(70_000) } });
    assert.equal(reply.status, 413);
    assert.equal(reply.json().error, 'body_too_large');
  });

  it('refuses a meta day finer than a day', async () => {
    const reply = await postResponse(collector.url, 'every', { id: newId(), data: {}, meta: { day: '2026-11-20T09:00' } });
    assert.equal(reply.status, 400);
    assert.equal(reply.json().field, 'meta.day');
  });

  it('refuses meta fields that are not audience, school, wave or day', async () => {
    const reply = await postResponse(collector.url, 'every', { id: newId(), data: {}, meta: { userAgent: 'Mozilla' } });
    assert.equal(reply.status, 400);
    assert.equal(reply.json().field, 'meta.userAgent');
  });
});

describe('wording per audience (docs/audience-wording.md)', () => {
  const SURVEY = {
    audiences: ['secondary', 'parent'],
    elements: [
      {
        type: 'radiogroup',
        name: 'feel_safe',
        title: { default: 'How safe do you feel?', 'x-parent': 'How safe does your child feel?' },
        choices: [{ value: 'very', text: { default: 'Very safe', 'x-parent': 'Very safe (your child)' } }, 'not'],
      },
      { type: 'radiogroup', name: 'child_would_tell', isRequired: true, visibleIf: "{audience} = 'parent'", choices: ['yes', 'no'] },
      { type: 'comment', name: 'pupil_only', requiredIf: "{audience} = 'secondary'", visibleIf: "{audience} = 'secondary'" },
    ],
  };
  let collector: TestCollector;
  before(async () => {
    collector = await startTestCollector({ aud: SURVEY });
  });
  after(() => collector.dispose());
  const send = (data: Record<string, unknown>, audience?: string) =>
    postResponse(collector.url, 'aud', { id: newId(), data, ...(audience === undefined ? {} : { meta: { audience } }) });

  it('sets the survey variable audience from meta.audience for visibleIf and requiredIf', async () => {
    const parentMissing = await send({ feel_safe: 'very' }, 'parent');
    assert.equal(parentMissing.status, 400, parentMissing.text);
    assert.equal(parentMissing.json<{ field: string }>().field, 'child_would_tell');
    assert.equal((await send({ feel_safe: 'very', child_would_tell: 'yes' }, 'parent')).status, 201);
    const pupilMissing = await send({ feel_safe: 'not' }, 'secondary');
    assert.equal(pupilMissing.json<{ field: string }>().field, 'pupil_only');
    assert.equal((await send({ feel_safe: 'not', pupil_only: 'fine' }, 'secondary')).status, 201);
    // The same model is reused: a parent after a pupil is checked as a parent.
    assert.equal((await send({ feel_safe: 'very' }, 'parent')).status, 400);
  });

  it('tallies with the shared wording: audience variants never become labels', async () => {
    const survey = collector.surveys.get('aud')!;
    const question = survey.validator.reading.facets.find((facet) => facet.name === 'feel_safe');
    assert.equal(question?.title, 'How safe do you feel?');
    assert.ok(question && 'categories' in question);
    assert.deepEqual(question.categories[0], { value: 'very', label: 'Very safe' });
  });
});
