import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TallyFormatError, merge, parseTally, serializeTally, tally } from './index.js';
import { seedProperties } from './property-seed.test.helper.js';

seedProperties('aggregate/serialize.test.js');

const definition = {
  elements: [
    { type: 'radiogroup', name: 'safe', choices: ['yes', 'no'] },
    { type: 'checkbox', name: 'where', choices: ['class', 'online'] },
    { type: 'matrix', name: 'grid', rows: ['heard'], columns: ['1', '2'] },
    { type: 'ranking', name: 'tell', choices: ['teacher', 'friend'] },
    { type: 'text', name: 'hours', inputType: 'number' },
    { type: 'comment', name: 'story' },
  ],
};
const sample = tally(
  definition,
  [
    { school: 'A', safe: 'yes', where: ['class'], grid: { heard: '1' }, tell: ['friend', 'teacher'], hours: 3.5, story: 'x', old: 1 },
    { school: 'B', safe: 'no', hours: -2 },
  ],
  { segments: ['school'] },
);
const text = serializeTally(sample);

/** A deep copy of the sample with one change, as an attacker or a corrupt file would make. */
const tampered = (edit: (t: Record<string, any>) => void): string => {
  const copy = JSON.parse(text) as Record<string, any>;
  edit(copy);
  return JSON.stringify(copy);
};

test('a tally survives serialising and parsing unchanged, and merges after it', () => {
  assert.deepEqual(parseTally(text), sample);
  assert.deepEqual(parseTally(JSON.parse(text)), sample);
  assert.deepEqual(merge(parseTally(text), sample).respondents, { '["A"]': 2, '["B"]': 2 });
});

test('hostile or corrupt tallies are refused with the path of the problem', () => {
  const cases: Array<[string, RegExp]> = [
    ['not json', /not JSON/],
    ['[]', /tally: expected an object/],
    [tampered((t) => (t.format = 'something')), /tally.format/],
    [tampered((t) => (t.version = 2)), /version 2 is not supported/],
    [tampered((t) => (t.respondents['["A"]'] = -1)), /non-negative integer/],
    [tampered((t) => (t.respondents['["A"]'] = 1.5)), /non-negative integer/],
    [tampered((t) => (t.respondents['["A"]'] = '2')), /non-negative integer/],
    [text.replace('"respondents":{', '"respondents":{"__proto__":1,'), /not a cell key/],
    [tampered((t) => (t.respondents['["A","B"]'] = 0)), /expected 1 segment values/],
    [tampered((t) => (t.respondents['[ "C"]'] = 0)), /canonical/],
    [tampered((t) => (t.questions[0].cells['["A"]'].counts[0] = 5)), /counts \+ unknown \+ notAnswered is 5/],
    [tampered((t) => t.questions[0].cells['["A"]'].counts.push(0)), /expected 2 entries/],
    [tampered((t) => (t.questions[0].cells['["Z"]'] = t.questions[0].cells['["A"]'])), /has no respondent count/],
    [tampered((t) => (t.questions[0].name = 'renamed')), /does not match the questions/],
    [tampered((t) => (t.questions[0].categories[0].value = 'maybe')), /does not match the questions/],
    [tampered((t) => (t.questions[0].kind = 'weird')), /unknown kind/],
    [tampered((t) => (t.questions[0].categories[0].special = 'admin')), /unknown special/],
    [tampered((t) => t.questions.push(t.questions[0])), /repeats a question/],
    [tampered((t) => (t.questions[1].cells['["A"]'].selections = 9)), /selections differ/],
    [tampered((t) => (t.questions[2].cells['["A"]'].counts[0][0] = 2)), /row total/],
    [tampered((t) => (t.questions[4].cells['["A"]'].sum = null)), /finite number/],
    [tampered((t) => (t.questions[4].cells['["A"]'].sketch.positive = [[3, 1], [2, 1]])), /sorted and unique|holds/],
    [tampered((t) => (t.questions[4].cells['["A"]'].sketch.zero = 4)), /holds 5 values but count is 1/],
    [tampered((t) => (t.questions[4].cells['["A"]'].sketch.accuracy = 0.5)), /accuracy/],
    [tampered((t) => (t.unknownQuestions[0].cells['["A"]'] = 3)), /more than the cell has respondents/],
    [tampered((t) => (t.segments = ['school', 'school'])), /repeats a key/],
    [tampered((t) => (t.survey = 'x'.repeat(20_000))), /longer than 10000/],
  ];
  for (const [input, message] of cases) {
    assert.throws(() => parseTally(input), (error: unknown) => error instanceof TallyFormatError && message.test(error.message), `${message} for ${input.slice(0, 60)}`);
  }
});

test('parsing rebuilds the tally: extra properties and prototype tricks do not survive', () => {
  const input = tampered((t) => {
    t.extra = 'x';
    t.questions[0].onload = 'alert(1)';
    t.questions[0].categories[0].html = '<script>';
  });
  const withProto = input.replace('"format"', '"__proto__":{"polluted":true},"format"');
  const parsed = parseTally(withProto);
  assert.deepEqual(parsed, sample);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
});

test('a cell limit stops a tally with too many cells', () => {
  assert.throws(() => parseTally(text, { maxCells: 1 }), /more than 1 cells/);
});

type RankingCounts = { counts: number[][]; answered: number; unknown: number };

/** The cell object on a path `questions.q.cells.key.…` of a tally. */
const cellAt = (tally: Record<string, unknown>, keys: readonly string[]): RankingCounts => {
  let value: unknown = tally;
  for (const key of keys.slice(0, 4)) value = (value as Record<string, unknown>)[key];
  return value as RankingCounts;
};

/**
 * Whether some set of complete or partial rankings without unknown items gives these counts:
 * each respondent fills positions 1…m, so position p + 1 never holds more than position p,
 * every answer has a first position, and a choice is ranked at most once per answer.
 * (Written independently of parseTally, as the oracle for a mutated count.)
 */
function rankingsCouldExist(cell: RankingCounts): boolean {
  if (cell.unknown !== 0) return true;
  const n = cell.counts.length;
  const at = Array.from({ length: n }, (_, p) => cell.counts.reduce((t, row) => t + row[p]!, 0));
  const ordered = at.every((count, p) => p === 0 || count <= at[p - 1]!);
  return ordered && at[0] === cell.answered && cell.counts.every((row) => row.reduce((a, b) => a + b, 0) <= cell.answered);
}

/** Whether a count of answers under an unknown key fits its cell: 0 up to the cell's respondents. */
function unknownCountCouldExist(tally: Record<string, unknown>, cell: string, count: unknown): boolean {
  const respondents = (tally['respondents'] as Record<string, number>)[cell];
  return Number.isInteger(count) && (count as number) >= 0 && respondents !== undefined && (count as number) <= respondents;
}

test('random JSON never gets through as a tally, and never throws anything but TallyFormatError', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      assert.throws(() => parseTally(JSON.stringify(value)), TallyFormatError);
    }),
    { numRuns: 300 },
  );
  // Mutating one number anywhere in a valid tally either keeps it valid or is caught.
  const numbers: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') numbers.push(path);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}\u0000${k}`);
  };
  walk(JSON.parse(text), '');
  fc.assert(
    fc.property(fc.constantFrom(...numbers), fc.oneof(fc.integer(), fc.double(), fc.constant(null)), (path, replacement) => {
      const copy = JSON.parse(text) as Record<string, unknown>;
      const keys = path.split('\u0000').slice(1);
      let target: Record<string, unknown> = copy;
      for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
      const last = keys[keys.length - 1] as string;
      const before = target[last];
      target[last] = replacement;
      try {
        parseTally(JSON.stringify(copy));
        // Accepted only when harmless: the same value, a sum or extreme (not checkable against
        // counts), or a sketch bucket moved (it only shifts a quantile).
        const harmless =
          /^(sum|min|max|sumSquares|unknownRows)$/.test(last) ||
          /(positive|negative)\u0000\d+\u00000$/.test(path) ||
          /^\u0000questions\u00003\u0000cells\u0000[^\u0000]+\u0000unknown$/.test(path) || // ranking: unknown items, any number
          (/^\u0000questions\u00003\u0000cells\u0000[^\u0000]+\u0000counts\u0000/.test(path) && rankingsCouldExist(cellAt(copy, keys))) ||
          // an unknown key's count: any number of the cell's respondents may have sent it
          (/^\u0000unknownQuestions\u0000\d+\u0000cells\u0000/.test(path) && unknownCountCouldExist(copy, last, replacement));
        assert.ok(before === replacement || harmless, `accepted ${path.replace(/\u0000/g, '.')} = ${String(replacement)}`);
      } catch (error) {
        assert.ok(error instanceof TallyFormatError, String(error));
      }
    }),
    { numRuns: 300 },
  );
});
