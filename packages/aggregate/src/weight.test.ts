import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadLpSolver } from './audit.js';
import { tally } from './tally.js';
import { suppress } from './suppress.js';
import { cellKey } from './types.js';
import { WeightingError, kishEffectiveBase, postStratify, weightedEstimate } from './weight.js';

// suppress audits with the LP solver: load it once for this file.
await loadLpSolver();

const definition = { pages: [{ elements: [{ type: 'radiogroup', name: 'happens', choices: ['yes', 'no'] }] }] };

/** `n` pupils of one year and sex, `yes` of whom say it happens. */
function pupils(year: string, sex: string, n: number, yes: number) {
  return Array.from({ length: n }, (_, i) => ({ audience: 'pupil', year, sex, happens: i < yes ? 'yes' : 'no' }));
}

// Hand-worked example. Population: 100 in each of four strata (shares 0.25). Sample:
// 30 / 10 / 40 / 20 pupils (shares 0.3 / 0.1 / 0.4 / 0.2), so the weights are
// 0.25/0.3 = 0.8333, 0.25/0.1 = 2.5, 0.25/0.4 = 0.625, 0.25/0.2 = 1.25.
// "Yes": 15/30, 2/10, 20/40, 4/20, i.e. 0.5 for girls and 0.2 for boys, so the weighted
// proportion is the population mean 0.35 (unweighted: 41/100).
// Kish: (Σ n w)² / Σ n w² = 100² / (30·0.6944 + 10·6.25 + 40·0.3906 + 20·1.5625) = 10000 / 130.2083 = 76.8.
const responses = [
  ...pupils('7', 'girl', 30, 15),
  ...pupils('7', 'boy', 10, 2),
  ...pupils('8', 'girl', 40, 20),
  ...pupils('8', 'boy', 20, 4),
  // Parents have no year group or sex: weighting is restricted to pupils.
  ...Array.from({ length: 25 }, () => ({ audience: 'parent', happens: 'yes' })),
];
const counted = tally(definition, responses, { segments: ['audience', 'year', 'sex'] });
const population = {
  segments: ['year', 'sex'],
  counts: {
    [cellKey(['7', 'girl'])]: 100,
    [cellKey(['7', 'boy'])]: 100,
    [cellKey(['8', 'girl'])]: 100,
    [cellKey(['8', 'boy'])]: 100,
  },
};
const within = { audience: 'pupil' };

describe('post-stratification weights', () => {
  it('weights each stratum by population share over sample share', () => {
    const weights = postStratify(counted, population, { within });
    const byKey = Object.fromEntries(weights.strata.map((s) => [s.key, s]));
    assert.equal(byKey[cellKey(['7', 'girl'])]!.weight.toFixed(4), '0.8333');
    assert.equal(byKey[cellKey(['7', 'boy'])]!.weight.toFixed(4), '2.5000');
    assert.equal(byKey[cellKey(['8', 'girl'])]!.weight.toFixed(4), '0.6250');
    assert.equal(byKey[cellKey(['8', 'boy'])]!.weight.toFixed(4), '1.2500');
    assert.equal(byKey[cellKey(['7', 'boy'])]!.sample, 10);
    assert.equal(weights.effectiveBase.toFixed(4), '76.8000');
  });

  it('gives the weighted proportion with a Kish effective base and a wider interval', () => {
    const weights = postStratify(counted, population, { within });
    const estimate = weightedEstimate(counted, weights, 'happens');
    assert.ok(estimate.available);
    const yes = estimate.proportions[0]!;
    assert.equal(yes.estimate.toFixed(4), '0.3500');
    assert.equal(yes.weightedCount.toFixed(4), '35.0000');
    assert.equal(estimate.base, 100);
    assert.equal(estimate.weightedBase.toFixed(4), '100.0000');
    assert.equal(estimate.effectiveBase.toFixed(4), '76.8000');
    assert.equal(estimate.designEffect.toFixed(4), '1.3021');
    // Wilson interval for p = 0.35 on n = 76.8.
    assert.equal(yes.lower.toFixed(4), '0.2528');
    assert.equal(yes.upper.toFixed(4), '0.4615');
    assert.equal(estimate.proportions[1]!.estimate.toFixed(4), '0.6500');
  });

  it('computes Kish’s effective base: equal weights change nothing', () => {
    assert.equal(kishEffectiveBase([{ count: 40, weight: 3 }, { count: 60, weight: 3 }]), 100);
    assert.equal(kishEffectiveBase([{ count: 50, weight: 1 }, { count: 50, weight: 3 }]).toFixed(4), '80.0000');
  });

  it('refuses an empty stratum and an unknown one, saying which', () => {
    const withYear9 = { segments: ['year', 'sex'], counts: { ...population.counts, [cellKey(['9', 'girl'])]: 80 } };
    assert.throws(
      () => postStratify(counted, withYear9, { within }),
      (error: unknown) => error instanceof WeightingError && /Empty stratum \["9","girl"\]/.test(error.message),
    );
    const { [cellKey(['8', 'boy'])]: _dropped, ...missing } = population.counts;
    assert.throws(
      () => postStratify(counted, { segments: ['year', 'sex'], counts: missing }, { within }),
      (error: unknown) => error instanceof WeightingError && /Unknown stratum \["8","boy"\]: 20 respondents/.test(error.message),
    );
    // Without `within`, the parents' (null, null) stratum has no population count.
    assert.throws(() => postStratify(counted, population), /Unknown stratum \[null,null\]/);
    assert.throws(() => postStratify(counted, { segments: ['school'], counts: {} }), /not a segment/);
  });

  it('respects suppression: a published tally with a hidden stratum count gives no estimate', () => {
    const weights = postStratify(counted, population, { within });
    // Two Year 7 boys said yes: hidden, so the weighted estimate (which would let a reader
    // work it out) is not given.
    const published = suppress(counted);
    const estimate = weightedEstimate(published, weights, 'happens');
    assert.equal(estimate.available, false);
    // The stratum's count is hidden, and the audit may hide its base too.
    assert.ok(!estimate.available && (estimate.reason === 'suppressed' || estimate.reason === 'base-hidden'));
  });

  it('gives the same estimate from a published tally when every stratum is shown', () => {
    const large = tally(
      definition,
      [...pupils('7', 'girl', 30, 15), ...pupils('7', 'boy', 30, 12), ...pupils('8', 'girl', 40, 20), ...pupils('8', 'boy', 30, 15)],
      { segments: ['audience', 'year', 'sex'] },
    );
    const weights = postStratify(large, population, { within });
    const fromRaw = weightedEstimate(large, weights, 'happens');
    const fromPublished = weightedEstimate(suppress(large), weights, 'happens');
    assert.ok(fromRaw.available && fromPublished.available);
    assert.deepEqual(fromPublished, fromRaw);
  });

  it('refuses an estimate on a base below k', () => {
    const few = tally(definition, [...pupils('7', 'girl', 4, 2), ...pupils('7', 'boy', 3, 1)], { segments: ['year', 'sex'] });
    const weights = postStratify(few, { segments: ['year', 'sex'], counts: { [cellKey(['7', 'girl'])]: 50, [cellKey(['7', 'boy'])]: 50 } });
    assert.deepEqual(weightedEstimate(few, weights, 'happens'), { available: false, question: 'happens', reason: 'base-below-k' });
  });
});
