import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TallyBuilder, cellKey, parseTally, readDefinition, serializeTally, sketchQuantile, tally, tallyAsync } from './index.js';
import type { ChoiceCell, MatrixCell, MultiCell, NumericCell, RankingCell, Tally, TextCell, WireResponse } from './index.js';

const definition = {
  title: 'Feeling safe',
  pages: [
    {
      elements: [
        { type: 'radiogroup', name: 'safe', choices: ['yes', 'no', { value: 'pnts', text: 'Prefer not to say' }], showOtherItem: true },
        { type: 'checkbox', name: 'where', choices: ['class', 'corridor', 'online'], showNoneItem: true },
        { type: 'matrix', name: 'grid', rows: ['heard', 'told'], columns: [1, 2, 3] },
        { type: 'ranking', name: 'tell', choices: ['teacher', 'friend', 'parent'] },
        { type: 'text', name: 'hours', inputType: 'number' },
        { type: 'comment', name: 'story' },
        { type: 'boolean', name: 'ok' },
        { type: 'rating', name: 'score', rateMin: 1, rateMax: 3 },
        { type: 'dropdown', name: 'year', choices: [7, 8, 9] },
      ],
    },
  ],
};

const question = <T>(result: Tally, name: string, key = '[]') => {
  const found = result.questions.find((q) => q.name === name);
  assert.ok(found, name);
  return found.cells[key] as T;
};

test('single-choice questions count each category, unknown values, "Other" and not answered', () => {
  const result = tally(definition, [
    { safe: 'yes' },
    { safe: 'yes' },
    { safe: 'pnts' },
    { safe: 'maybe' }, // not a choice
    { safe: 'other', 'safe-Comment': 'a name' },
    { safe: '' },
    {},
  ]);
  const cell = question<ChoiceCell>(result, 'safe');
  assert.deepEqual(cell, { counts: [2, 0, 1, 1], unknown: 1, notAnswered: 2 });
  const safe = result.questions[0];
  assert.ok(safe && safe.kind === 'choice');
  assert.deepEqual(
    safe.categories.map((c) => [c.value, c.special ?? '']),
    [['yes', ''], ['no', ''], ['pnts', 'preferNotToSay'], ['other', 'other']],
  );
  // The "Other" text is a known key: not an unknown question, and never in the tally.
  assert.deepEqual(result.unknownQuestions, []);
  assert.ok(!serializeTally(result).includes('a name'));
});

test('booleans, ratings and numeric choice values match whether stored as numbers or strings', () => {
  const result = tally(definition, [{ ok: true, score: 3, year: 7 }, { ok: 'false', score: '3', year: '8' }, { ok: 'yes', score: 4, year: 7.5 }]);
  assert.deepEqual(question<ChoiceCell>(result, 'ok'), { counts: [1, 1], unknown: 1, notAnswered: 0 });
  assert.deepEqual(question<ChoiceCell>(result, 'score'), { counts: [0, 0, 2], unknown: 1, notAnswered: 0 });
  assert.deepEqual(question<ChoiceCell>(result, 'year'), { counts: [1, 1, 0], unknown: 1, notAnswered: 0 });
});

test('multi-select keeps respondent and selection denominators; duplicates count once', () => {
  const result = tally(definition, [
    { where: ['class', 'online'] },
    { where: ['class', 'class', 'gone', 'gone'] },
    { where: ['none'] },
    { where: [] },
    { where: 'corridor' }, // a scalar where an array belongs
    {},
  ]);
  const cell = question<MultiCell>(result, 'where');
  assert.deepEqual(cell, { counts: [2, 1, 1, 1], answered: 4, notAnswered: 2, selections: 6, unknownSelections: 1 });
});

test('matrix counts row by column, per-row unknown and not answered, and unknown rows', () => {
  const result = tally(definition, [
    { grid: { heard: 1, told: '3' } },
    { grid: { heard: 2 } },
    { grid: { heard: 9, gone: 1 } },
    { grid: {} },
    {},
  ]);
  const cell = question<MatrixCell>(result, 'grid');
  assert.deepEqual(cell, {
    counts: [[1, 1, 0], [0, 0, 1]],
    rowUnknown: [1, 0],
    rowNotAnswered: [2, 4],
    answered: 3,
    notAnswered: 2,
    unknownRows: 1,
  });
});

test('ranking counts positions, partial rankings and unknown items', () => {
  const result = tally(definition, [
    { tell: ['friend', 'teacher', 'parent'] },
    { tell: ['friend', 'parent'] },
    { tell: ['robot', 'teacher'] },
    {},
  ]);
  const cell = question<RankingCell>(result, 'tell');
  assert.deepEqual(cell, {
    counts: [
      [0, 2, 0], // teacher
      [2, 0, 0], // friend
      [0, 1, 1], // parent
    ],
    answered: 3,
    notAnswered: 1,
    unknown: 1,
  });
});

test('numbers get count, mean inputs, extremes and quantiles; non-numbers are unknown', () => {
  const values = [1, 2, 3, 4, '5', 'lots', '', 100, -2];
  const result = tally(definition, values.map((hours) => ({ hours })));
  const cell = question<NumericCell>(result, 'hours');
  assert.equal(cell.count, 7);
  assert.equal(cell.sum, 113);
  assert.equal(cell.sumSquares, 1 + 4 + 9 + 16 + 25 + 10000 + 4);
  assert.equal(cell.min, -2);
  assert.equal(cell.max, 100);
  assert.equal(cell.unknown, 1);
  assert.equal(cell.notAnswered, 1);
  const median = sketchQuantile(cell.sketch, 0.5) as number;
  assert.ok(Math.abs(median - 3) <= 0.03, String(median));
  assert.ok(Math.abs((sketchQuantile(cell.sketch, 0) as number) + 2) <= 0.02);
});

test('free text is only counted as answered or not; the text never enters the tally', () => {
  const result = tally(definition, [{ story: 'my teacher Mr Smith' }, { story: '' }, {}]);
  assert.deepEqual(question<TextCell>(result, 'story'), { answered: 1, notAnswered: 2 });
  assert.ok(!serializeTally(result).includes('Smith'));
});

test('unknown question names are counted per cell, not dropped', () => {
  const result = tally(definition, [
    { id: 'a', data: { safe: 'yes', old_q: 'x' }, meta: { school: 'S1' } },
    { id: 'b', data: { old_q: 'y', other_q: 1 }, meta: { school: 'S2' } },
    { id: 'c', data: { old_q: '' }, meta: { school: 'S2' } },
  ], { segments: ['school'] });
  assert.deepEqual(result.unknownQuestions, [
    { name: 'old_q', cells: { '["S1"]': 1, '["S2"]': 1 } },
    { name: 'other_q', cells: { '["S2"]': 1 } },
  ]);
});

test('wire format and plain objects give the same tally; segments come from meta, data or a question', () => {
  const wire: WireResponse[] = [
    { id: '1', data: { safe: 'yes', year: 7 }, meta: { audience: 'pupil' } },
    { id: '2', data: { safe: 'no', year: 8 }, meta: { audience: 'parent' } },
    { id: '3', data: { safe: 'no' }, meta: {} },
  ];
  const plain = [{ safe: 'yes', year: 7, audience: 'pupil' }, { safe: 'no', year: 8, audience: 'parent' }, { safe: 'no' }];
  const a = tally(definition, wire, { segments: ['audience', 'year'] });
  const b = tally(definition, plain, { segments: ['audience', 'year'] });
  assert.deepEqual(a, b);
  assert.deepEqual(a.respondents, { '["parent","8"]': 1, '["pupil","7"]': 1, '[null,null]': 1 });
  // audience beside the answers is a segment key, not an unknown question.
  assert.deepEqual(b.unknownQuestions, []);
  assert.deepEqual(question<ChoiceCell>(a, 'safe', cellKey([null, null])).counts, [0, 1, 0, 0]);
});

test('every question reconciles with the respondents of every cell', () => {
  const result = tally(definition, [
    { id: '1', data: { safe: 'yes', where: ['class'], grid: { heard: 1 }, tell: ['friend'], hours: 3, story: 'x', ok: true }, meta: { school: 'A' } },
    { id: '2', data: { safe: 'x', where: ['?'], grid: 'bad', tell: 'bad', hours: {}, story: ['x'], ok: null }, meta: { school: 'A' } },
    { id: '3', data: {}, meta: { school: 'B' } },
  ], { segments: ['school'] });
  // parseTally checks every reconciliation identity and throws on the first that fails.
  assert.deepEqual(parseTally(serializeTally(result)), result);
  assert.equal(result.respondents['["A"]'], 2);
});

test('arrays, iterables, async iterables and columns give the same tally', async () => {
  const responses = [
    { safe: 'yes', where: ['class'], hours: 2, school: 'A' },
    { safe: 'no', where: ['online', 'x'], hours: '4', school: 'B', legacy: 1 },
    { safe: 'nah', grid: { heard: 1, told: 2 }, tell: ['parent'], school: 'A' },
  ];
  const options = { segments: ['school'] };
  const fromArray = tally(definition, responses, options);
  const fromIterable = tally(definition, new Set(responses), options);
  async function* stream() {
    for (const response of responses) yield response;
  }
  const fromAsync = await tally(definition, stream(), options);
  const columns: Record<string, unknown[]> = {};
  responses.forEach((response, i) => {
    for (const [key, value] of Object.entries(response)) (columns[key] ??= new Array(responses.length).fill(undefined))[i] = value;
  });
  const fromColumns = tally(definition, { length: responses.length, columns }, options);
  assert.deepEqual(fromIterable, fromArray);
  assert.deepEqual(fromAsync, fromArray);
  assert.deepEqual(fromColumns, fromArray);
  assert.deepEqual(await tallyAsync(definition, responses, options), fromArray);
  assert.deepEqual(fromArray.unknownQuestions, [{ name: 'legacy', cells: { '["B"]': 1 } }]);
});

test('a builder can keep adding after a result, and a read definition can be reused', () => {
  const read = readDefinition(definition);
  const builder = new TallyBuilder(read);
  builder.add({ safe: 'yes' });
  const first = builder.result();
  builder.add({ safe: 'no' });
  assert.equal(first.respondents['[]'], 1);
  assert.equal(builder.result().respondents['[]'], 2);
  assert.equal(first.definition, tally(definition, []).definition);
});

test('hostile keys do not reach prototypes and are counted like any other key', () => {
  const hostile = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": "x", "safe": "yes", "toString": 1}') as Record<string, unknown>;
  const result = tally(definition, [hostile], { segments: ['__proto__', 'constructor'] });
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.deepEqual(Object.keys(result.respondents), ['[null,"x"]']);
  assert.deepEqual(result.unknownQuestions.map((q) => q.name), ['toString']);
  const matrix = tally({ elements: [{ type: 'matrix', name: 'm', rows: ['constructor', 'a'], columns: ['1'] }] }, [{ m: { a: '1' } }]);
  assert.deepEqual(question<MatrixCell>(matrix, 'm').rowNotAnswered, [1, 0]);
});

test('bad input is refused with a clear error', () => {
  assert.throws(() => tally(definition, [null as never]), /response must be an object/);
  assert.throws(() => tally(definition, 42 as never), /responses must be/);
  assert.throws(() => tally(definition, [], { segments: ['a', 'a'] }), /repeat/);
  assert.throws(() => tally('not json', []), SyntaxError);
  assert.throws(() => tally(definition, { length: 2, columns: { safe: ['yes'] } }), /must have 2 values/);
  // An encrypted envelope has no answers: counting it as "not answered" would skew every base.
  assert.throws(() => tally(definition, [{ id: 'x', encrypted: { ciphertext: '...' }, meta: {} }]), /decrypt it first/);
});
