import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isHidden, shownCount } from './suppress.js';
import { loadLpSolver } from './audit.js';
import { tally } from './tally.js';
import { compare, CompareError } from './compare.js';
import { suppress } from './suppress.js';

// suppress audits with the LP solver: load it once for this file.
await loadLpSolver();

const definition = {
  pages: [
    {
      elements: [
        { type: 'radiogroup', name: 'happens', choices: ['yes', 'no'] },
        { type: 'radiogroup', name: 'told', choices: ['yes', 'no', 'not sure'] },
        {
          type: 'matrix',
          name: 'feel',
          columns: ['strongly agree', 'agree', 'disagree', 'strongly disagree'],
          rows: ['safe', 'listened'],
        },
        { type: 'checkbox', name: 'where', choices: ['online', 'corridor'] },
      ],
    },
  ],
};

function repeat<T>(times: number, make: (i: number) => T): T[] {
  return Array.from({ length: times }, (_, i) => make(i));
}

// Pupils: 56 of 70 say it happens; parents: 48 of 80 (Newcombe 1998b Table II example (a),
// so the published interval 0.0524 to 0.3339 applies).
const pupils = repeat(70, (i) => ({
  audience: 'pupil',
  happens: i < 56 ? 'yes' : 'no',
  told: i < 20 ? 'yes' : i < 50 ? 'no' : 'not sure',
  feel: { safe: i < 15 ? 'strongly agree' : i < 40 ? 'agree' : i < 58 ? 'disagree' : 'strongly disagree', listened: i < 12 ? 'strongly agree' : i < 35 ? 'agree' : i < 55 ? 'disagree' : 'strongly disagree' },
  where: i < 30 ? ['online'] : ['online', 'corridor'],
}));
const parents = repeat(80, (i) => ({
  audience: 'parent',
  happens: i < 48 ? 'yes' : 'no',
  told: i < 25 ? 'yes' : i < 77 ? 'no' : 'not sure',
  feel: { safe: i < 40 ? 'strongly agree' : i < 70 ? 'agree' : 'disagree', listened: i < 15 ? 'strongly agree' : i < 45 ? 'agree' : i < 65 ? 'disagree' : 'strongly disagree' },
  where: i < 60 ? ['online'] : ['corridor'],
}));
const staff = repeat(6, () => ({ audience: 'staff', happens: 'yes', told: 'yes', feel: { safe: 'agree', listened: 'agree' }, where: ['online'] }));
const counted = tally(definition, [...pupils, ...parents, ...staff], { segments: ['audience'] });
// No total over audiences: a mix of pupils, parents and staff is not worth publishing, and
// without it the six staff need no complement among pupils or parents.
const published = suppress(counted, { totals: [] });

describe('compare', () => {
  const result = compare(published, {
    by: 'audience',
    groups: ['pupil', 'parent', 'staff'],
    agree: { feel: ['strongly agree', 'agree'] },
  });
  const item = (question: string, row?: string) => {
    const found = result.items.find((i) => i.question === question && i.row === row);
    assert.ok(found, `${question} ${row ?? ''}`);
    return found;
  };

  it('puts the distributions side by side and computes Newcombe’s interval for the gap', () => {
    const happens = item('happens');
    assert.deepEqual(happens.groups.map((g) => shownCount(g.base)), [70, 80, null]);
    assert.deepEqual(happens.groups[0]!.counts.map((c) => shownCount(c)), [56, 14]);
    const yes = happens.differences[0]!.categories[0]!;
    assert.ok(yes.available);
    assert.equal(yes.difference.estimate.toFixed(4), '0.2000');
    assert.equal(yes.difference.lower.toFixed(4), '0.0524');
    assert.equal(yes.difference.upper.toFixed(4), '0.3339');
    assert.equal(yes.significant, true);
    assert.equal(yes.cohensH.toFixed(4), '0.4421');
  });

  it('says "base below k" for a group too small to estimate, instead of a number', () => {
    const happens = item('happens');
    const staffGroup = happens.groups[2]!;
    assert.equal(isHidden(staffGroup.base), true);
    assert.ok(staffGroup.counts.every((c) => shownCount(c) === null));
    assert.deepEqual(happens.differences[1]!.categories[0], { available: false, reason: 'base-hidden' });
    // The test over all three groups cannot run without the staff counts.
    assert.deepEqual(happens.test, { available: false, reason: 'base-hidden' });
  });

  it('runs the chi-square test on published counts of the groups that can be shown', () => {
    const two = compare(published, { by: 'audience', groups: ['pupil', 'parent'] });
    const happens = two.items.find((i) => i.question === 'happens')!;
    assert.ok(happens.test.available);
    // Pearson X² for [[56, 14], [48, 32]] = 7.0234, df 1, p = 0.0080.
    assert.equal(happens.test.statistic.toFixed(4), '7.0234');
    assert.equal(happens.test.degreesOfFreedom, 1);
    assert.equal(happens.test.pValue.toFixed(4), '0.0080');
    assert.equal(happens.test.cramersV.toFixed(4), Math.sqrt(7.023411 / 150).toFixed(4));
  });

  it('does not estimate from a hidden small cell', () => {
    const two = compare(published, { by: 'audience', groups: ['pupil', 'parent'] });
    const told = two.items.find((i) => i.question === 'told')!;
    // 3 parents are "not sure": hidden, so that category and the test are unavailable.
    assert.deepEqual(told.differences[0]!.categories[2], { available: false, reason: 'suppressed' });
    assert.deepEqual(told.test, { available: false, reason: 'suppressed' });
    for (const group of told.groups) {
      for (const count of group.counts) assert.ok(shownCount(count) === null || shownCount(count)! >= 10);
    }
  });

  it('compares the agree grouping of each matrix row and ranks perception gaps', () => {
    const two = compare(published, { by: 'audience', groups: ['pupil', 'parent'], agree: { feel: ['strongly agree', 'agree'] } });
    const safe = two.items.find((i) => i.question === 'feel' && i.row === 'safe')!;
    assert.deepEqual(safe.groups.map((g) => g.agree), [40, 70]);
    const agree = safe.differences[0]!.agree!;
    assert.ok(agree.available);
    assert.equal(agree.difference.estimate.toFixed(4), (40 / 70 - 70 / 80).toFixed(4));
    assert.equal(safe.gap!.on, 'agree');
    // Largest gap first: "where: corridor" (|40/70 − 20/80| = 0.321), then "safe"
    // (|0.571 − 0.875| = 0.304), well above "listened" (0.063).
    const order = two.gaps.map((g) => `${g.question}${g.row ? `/${g.row}` : ''}`);
    assert.deepEqual(order.slice(0, 2), ['where', 'feel/safe']);
    assert.equal(two.gaps[0]!.on, 'corridor');
    assert.ok(order.includes('feel/listened'));
    assert.ok(order.indexOf('feel/safe') < order.indexOf('feel/listened'));
    for (let i = 1; i < two.gaps.length; i++) assert.ok(two.gaps[i - 1]!.size >= two.gaps[i]!.size);
  });

  it('uses a published agree grouping when a part of it is hidden', () => {
    const few = [
      ...repeat(40, (i) => ({ audience: 'pupil', feel: { safe: i < 3 ? 'strongly agree' : i < 25 ? 'agree' : 'disagree' } })),
      // 10 parents disagree: a published "agree" of 35 beside a base of 40 would pin a hidden
      // 5 (the LP audit hides it then), so the parents here are not that lopsided.
      ...repeat(40, (i) => ({ audience: 'parent', feel: { safe: i < 15 ? 'strongly agree' : i < 30 ? 'agree' : 'disagree' } })),
    ];
    const t = tally(definition, few, { segments: ['audience'] });
    const options = { by: 'audience', groups: ['pupil', 'parent'], agree: { feel: ['strongly agree', 'agree'] } };
    // Summing afterwards is impossible: 3 pupils strongly agree, hidden.
    const plain = compare(suppress(t, { totals: [] }), options).items.find((i) => i.row === 'safe')!;
    assert.deepEqual(plain.differences[0]!.agree, { available: false, reason: 'suppressed' });
    // Published as a number of its own (compare on a raw tally does this), it is shown.
    const grouped = compare(suppress(t, { totals: [], groupings: { feel: { agree: ['strongly agree', 'agree'] } } }), options);
    const safe = grouped.items.find((i) => i.row === 'safe')!;
    assert.deepEqual(safe.groups.map((g) => g.agree), [25, 30]);
    assert.ok(safe.differences[0]!.agree!.available);
    const fromRaw = compare(t, { ...options, k: 10 }).items.find((i) => i.row === 'safe')!;
    assert.ok(fromRaw.differences[0]!.agree!.available);
  });

  it('compares multi-select categories as proportions of respondents, without a chi-square', () => {
    const two = compare(published, { by: 'audience', groups: ['pupil', 'parent'] });
    const where = two.items.find((i) => i.question === 'where')!;
    const online = where.differences[0]!.categories[0]!;
    assert.ok(online.available);
    assert.equal(online.reference, 1);
    assert.equal(online.other.toFixed(4), (60 / 80).toFixed(4));
    assert.deepEqual(where.test, { available: false, reason: 'not-applicable' });
  });

  it('on a raw tally, suppresses with every total published, like the default tables', () => {
    const fromRaw = compare(counted, { by: 'audience', groups: ['pupil', 'parent'] });
    assert.deepEqual(fromRaw, compare(suppress(counted), { by: 'audience', groups: ['pupil', 'parent'] }));
    // With the overall table published, "overall − pupils − parents" would be the six staff:
    // one of the large groups' bases is hidden instead, and no estimate uses it.
    const happens = fromRaw.items.find((i) => i.question === 'happens')!;
    assert.ok(happens.groups.some((g) => isHidden(g.base)));
    assert.deepEqual(happens.differences[0]!.categories[0], { available: false, reason: 'base-hidden' });
  });

  it('refuses a publication without the totals it needs', () => {
    const twoKeys = tally(definition, [...pupils, ...parents].map((r, i) => ({ ...r, school: i % 2 ? 'A' : 'B' })), {
      segments: ['audience', 'school'],
    });
    assert.throws(() => compare(suppress(twoKeys, { totals: ['audience'] }), { by: 'audience', groups: ['pupil', 'parent'] }), /totals over "school"/);
    assert.ok(compare(suppress(twoKeys, { totals: ['school'] }), { by: 'audience', groups: ['pupil', 'parent'] }).items.length > 0);
  });

  it('explains options that do not fit', () => {
    assert.throws(() => compare(counted, { by: 'wave', groups: ['2024', '2025'] }), CompareError);
    assert.throws(() => compare(counted, { by: 'audience', groups: ['pupil'] }), CompareError);
    assert.throws(() => compare(counted, { by: 'audience', groups: ['pupil', 'parent'], agree: { happens: ['maybe'] } }), CompareError);
    assert.throws(() => compare(counted, { by: 'audience', groups: ['pupil', 'parent'], k: 3 }), /minimum of 5/);
    // A misspelt question in agree is named, not silently compared choice by choice.
    assert.throws(() => compare(counted, { by: 'audience', groups: ['pupil', 'parent'], agree: { hapens: ['yes'] } }), /agree names "hapens", which is not a question/);
    assert.throws(() => compare(published, { by: 'audience', groups: ['pupil', 'parent'], agree: { hapens: ['yes'] } }), /agree names "hapens"/);
  });

  it('reports a group that is absent from the data as "base below k"', () => {
    const absent = compare(published, { by: 'audience', groups: ['pupil', 'governor'] });
    assert.deepEqual(absent.items[0]!.differences[0]!.categories[0], { available: false, reason: 'base-hidden' });
    assert.equal(absent.gaps.length, 0);
  });
});
