import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TallyMismatchError, merge, readDefinition, serializeTally, tally } from './index.js';
import type { Tally } from './index.js';
import { seedProperties } from './property-seed.test.helper.js';

seedProperties('aggregate/merge.test.js');

const definition = readDefinition({
  elements: [
    { type: 'radiogroup', name: 'safe', choices: ['yes', 'no', 'prefer_not_to_say'] },
    { type: 'checkbox', name: 'where', choices: ['class', 'corridor', 'online'] },
    { type: 'matrix', name: 'grid', rows: ['heard', 'told'], columns: ['1', '2'] },
    { type: 'ranking', name: 'tell', choices: ['teacher', 'friend', 'parent'] },
    { type: 'text', name: 'hours', inputType: 'number' },
    { type: 'comment', name: 'story' },
  ],
});

// Answers drawn from the definition's values plus junk, so unknowns and odd shapes occur.
const junk = fc.oneof(fc.constant(''), fc.constant(null), fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }));
const response = fc.record(
  {
    school: fc.constantFrom('A', 'B', 'C', 'D'),
    audience: fc.constantFrom('pupil', 'parent'),
    safe: fc.oneof(fc.constantFrom('yes', 'no', 'prefer_not_to_say'), junk),
    where: fc.oneof(fc.array(fc.oneof(fc.constantFrom('class', 'corridor', 'online'), junk), { maxLength: 4 }), junk),
    grid: fc.oneof(fc.dictionary(fc.constantFrom('heard', 'told', 'gone'), fc.oneof(fc.constantFrom('1', '2'), junk)), junk),
    tell: fc.oneof(fc.array(fc.oneof(fc.constantFrom('teacher', 'friend', 'parent'), junk), { maxLength: 4 }), junk),
    // Integers: sums of integers are exact in any order, so equality can be exact.
    hours: fc.oneof(fc.integer({ min: -1000, max: 1000 }), junk),
    story: junk,
    legacy: junk,
  },
  { requiredKeys: ['school', 'audience'] },
);
const responses = fc.array(response, { maxLength: 40 });
const segments = ['school', 'audience'];
const tallyOf = (list: readonly Record<string, unknown>[]) => tally(definition, list, { segments });

test('merge is commutative and associative', () => {
  fc.assert(
    fc.property(responses, responses, responses, (a, b, c) => {
      const [x, y, z] = [tallyOf(a), tallyOf(b), tallyOf(c)];
      assert.deepEqual(merge(x, y), merge(y, x));
      assert.deepEqual(merge(merge(x, y), z), merge(x, merge(y, z)));
      assert.deepEqual(merge(x, y, z), merge(merge(x, y), z));
      // Same text, not only same structure: merged tallies are canonical.
      assert.equal(serializeTally(merge(x, y, z)), serializeTally(merge(z, x, y)));
    }),
    { numRuns: 150 },
  );
});

test('the sum of per-school tallies equals the tally of all responses', () => {
  fc.assert(
    fc.property(responses, (all) => {
      const bySchool = new Map<string, Record<string, unknown>[]>();
      for (const r of all) bySchool.set(r.school, [...(bySchool.get(r.school) ?? []), r]);
      const whole = tallyOf(all);
      if (bySchool.size === 0) return;
      assert.deepEqual(merge(...[...bySchool.values()].map(tallyOf)), whole);
      // Any split, not only by school: halves at an arbitrary point.
      const half = Math.floor(all.length / 2);
      assert.deepEqual(merge(tallyOf(all.slice(half)), tallyOf(all.slice(0, half))), whole);
    }),
    { numRuns: 150 },
  );
});

test('merging with an empty tally changes nothing', () => {
  fc.assert(
    fc.property(responses, (all) => {
      const t = tallyOf(all);
      assert.deepEqual(merge(t, tallyOf([])), t);
    }),
    { numRuns: 50 },
  );
});

test('merge refuses tallies of different definitions or segments, naming the problem', () => {
  const a = tallyOf([{ school: 'A', audience: 'pupil', safe: 'yes' }]);
  const other = tally({ elements: [{ type: 'radiogroup', name: 'safe', choices: ['yes', 'no'] }] }, [], { segments });
  assert.throws(() => merge(a, other), (error: unknown) => error instanceof TallyMismatchError && /different survey definition/.test(error.message));
  const resegmented = tally(definition, [], { segments: ['audience', 'school'] });
  assert.throws(() => merge(a, resegmented), /split by \[audience, school\], expected \[school, audience\]/);
  const edited = JSON.parse(JSON.stringify(a)) as Tally;
  edited.questions.reverse();
  assert.throws(() => merge(a, edited), /different questions/);
  assert.throws(() => merge(), /at least one tally/);
});

test('merging 500 school tallies adds every count', () => {
  const tallies = Array.from({ length: 500 }, (_, i) =>
    tallyOf([
      { school: `S${i}`, audience: 'pupil', safe: 'yes', hours: i },
      { school: `S${i}`, audience: 'parent', safe: 'no', where: ['class'] },
    ]),
  );
  const merged = merge(...tallies);
  assert.equal(Object.keys(merged.respondents).length, 1000);
  const safe = merged.questions[0];
  assert.ok(safe?.kind === 'choice');
  const total = Object.values(safe.cells).reduce((sum, cell) => sum + (cell.counts[0] ?? 0), 0);
  assert.equal(total, 500);
});
