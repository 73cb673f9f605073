import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  chiSquareSurvival,
  chiSquareTest,
  cohensH,
  compareProportions,
  logGamma,
  newcombeInterval,
  normalQuantile,
  regularizedGammaQ,
  wilsonInterval,
  zForConfidence,
} from './stats.js';

/** Published figures are given to 4 decimal places; we must agree to that precision. */
function assert4(actual: number, expected: number, label: string): void {
  assert.equal(actual.toFixed(4), expected.toFixed(4), `${label}: ${actual} vs ${expected}`);
}

describe('wilsonInterval', () => {
  // Newcombe RG (1998a). Two-sided confidence intervals for the single proportion: comparison
  // of seven methods. Statistics in Medicine 17:857-872, Table I, methods 3 (score) and
  // 4 (score with continuity correction).
  const table1: Array<[number, number, [number, number], [number, number]]> = [
    [81, 263, [0.2553, 0.3662], [0.2535, 0.3682]],
    [15, 148, [0.0624, 0.1605], [0.0598, 0.1644]],
    [0, 20, [0.0, 0.1611], [0.0, 0.2005]],
    [1, 29, [0.0061, 0.1718], [0.0018, 0.1963]],
  ];
  for (const [x, n, score, corrected] of table1) {
    it(`${x}/${n} matches Newcombe 1998a Table I (methods 3 and 4)`, () => {
      const plain = wilsonInterval(x, n);
      assert4(plain.lower, score[0], 'lower');
      assert4(plain.upper, score[1], 'upper');
      const cc = wilsonInterval(x, n, { continuityCorrection: true });
      assert4(cc.lower, corrected[0], 'cc lower');
      assert4(cc.upper, corrected[1], 'cc upper');
    });
  }

  it('stays inside [0, 1] where the Wald interval would collapse', () => {
    const all = wilsonInterval(12, 12);
    assert.equal(all.upper, 1);
    assert.ok(all.lower > 0.7 && all.lower < 0.8);
  });

  it('widens with the confidence level (99%: z = 2.5758)', () => {
    const ci = wilsonInterval(81, 263, { confidence: 0.99 });
    // Same formula with z = 2.5758293 (the 0.995 normal quantile).
    assert4(ci.lower, 0.2401, 'lower');
    assert4(ci.upper, 0.3853, 'upper');
  });

  it('refuses an empty base or a count above its base', () => {
    assert.throws(() => wilsonInterval(0, 0), RangeError);
    assert.throws(() => wilsonInterval(5, 4), RangeError);
  });
});

describe('newcombeInterval (hybrid score, method 10)', () => {
  // Newcombe RG (1998b). Interval estimation for the difference between independent
  // proportions: comparison of eleven methods. Statistics in Medicine 17:873-890, Table II,
  // method 10, examples (a) to (f).
  const table2: Array<[[number, number, number, number], [number, number]]> = [
    [[56, 70, 48, 80], [0.0524, 0.3339]],
    [[9, 10, 3, 10], [0.1705, 0.809]],
    [[6, 7, 2, 7], [0.0582, 0.8062]],
    [[5, 56, 0, 29], [-0.0381, 0.1926]],
    [[0, 10, 0, 20], [-0.1611, 0.2775]],
    [[10, 10, 0, 20], [0.6791, 1.0]],
  ];
  for (const [[a, m, b, n], [lower, upper]] of table2) {
    it(`${a}/${m} − ${b}/${n} gives ${lower} to ${upper}`, () => {
      const d = newcombeInterval(a, m, b, n);
      assert4(d.estimate, a / m - b / n, 'estimate');
      assert4(d.lower, lower, 'lower');
      assert4(d.upper, upper, 'upper');
    });
  }

  it('is antisymmetric: swapping the groups mirrors the interval', () => {
    const forward = newcombeInterval(56, 70, 48, 80);
    const backward = newcombeInterval(48, 80, 56, 70);
    assert4(backward.lower, -forward.upper, 'lower');
    assert4(backward.upper, -forward.lower, 'upper');
  });
});

describe('chi-square', () => {
  it('reproduces Agresti’s party identification by gender table', () => {
    // Agresti A (2007). An Introduction to Categorical Data Analysis, 2nd ed., Table 2.5
    // (also the example in R's ?chisq.test): X-squared = 30.07, df = 2, p-value = 2.954e-07.
    const result = chiSquareTest([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    assert.equal(result.statistic.toFixed(2), '30.07');
    assert4(result.statistic, 30.0701, 'X²');
    assert.equal(result.degreesOfFreedom, 2);
    assert.equal(result.pValue.toPrecision(4), '2.954e-7');
    assert.equal(result.total, 2757);
    assert4(result.cramersV, Math.sqrt(30.070149 / 2757), 'V');
    assert.equal(result.lowExpectedCounts, false);
  });

  it('matches the upper-tail critical values of the chi-square table', () => {
    // NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.4 "Critical values of the
    // chi-square distribution" (upper tail): df 1 → 3.841 at 0.05 and 6.635 at 0.01,
    // df 2 → 5.991 at 0.05, df 5 → 11.070 at 0.05, df 10 → 23.209 at 0.01 and 18.307 at 0.05.
    const rows: Array<[number, number, number]> = [
      [3.841459, 1, 0.05],
      [6.634897, 1, 0.01],
      [5.991465, 2, 0.05],
      [11.070498, 5, 0.05],
      [23.209251, 10, 0.01],
      [18.307038, 10, 0.05],
    ];
    for (const [x, df, p] of rows) assert4(chiSquareSurvival(x, df), p, `df ${df} at ${x}`);
  });

  it('computes Q(a, x) on both branches (series and continued fraction)', () => {
    // Q(1, x) = e^(−x) and Q(½, x) = erfc(√x); erfc(1) = 0.1572992070502851 (Abramowitz &
    // Stegun Table 7.1).
    assert.ok(Math.abs(regularizedGammaQ(1, 0.3) - Math.exp(-0.3)) < 1e-14);
    assert.ok(Math.abs(regularizedGammaQ(1, 12) - Math.exp(-12)) / Math.exp(-12) < 1e-12);
    assert.ok(Math.abs(regularizedGammaQ(0.5, 1) - 0.1572992070502851) < 1e-14);
    assert.ok(Math.abs(logGamma(10) - Math.log(362880)) < 1e-12);
    assert.ok(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-13);
  });

  it('leaves out empty rows and columns instead of inflating the degrees of freedom', () => {
    const withEmpty = chiSquareTest([
      [56, 14, 0],
      [48, 32, 0],
    ]);
    const without = chiSquareTest([
      [56, 14],
      [48, 32],
    ]);
    assert.equal(withEmpty.degreesOfFreedom, 1);
    assert.equal(withEmpty.statistic, without.statistic);
  });

  it('reports no difference when every respondent gave the same answer', () => {
    const result = chiSquareTest([
      [20, 0],
      [30, 0],
    ]);
    assert.equal(result.degreesOfFreedom, 0);
    assert.equal(result.pValue, 1);
    assert.equal(result.cramersV, 0);
  });

  it('flags tables whose expected counts are too small for the approximation', () => {
    assert.equal(chiSquareTest([[3, 1], [1, 4]]).lowExpectedCounts, true);
  });
});

describe('effect sizes and the two-sample helper', () => {
  it('Cohen’s h follows its definition (0.8 vs 0.6 → 0.4421; 0.5 vs 0.5 → 0)', () => {
    assert4(cohensH(0.8, 0.6), 0.4421, 'h');
    assert.equal(cohensH(0.5, 0.5), 0);
    assert4(cohensH(1, 0), Math.PI, 'h max');
  });

  it('compareProportions combines Wilson, Newcombe, h and the 2×2 test', () => {
    const result = compareProportions(56, 70, 48, 80);
    assert4(result.first.lower, wilsonInterval(56, 70).lower, 'first');
    assert4(result.difference.lower, 0.0524, 'Newcombe lower');
    assert4(result.difference.upper, 0.3339, 'Newcombe upper');
    assert4(result.cohensH, cohensH(0.8, 0.6), 'h');
    // Pearson X² for [[56, 14], [48, 32]] = 150·(56·32 − 14·48)² / (70·80·104·46) = 7.0234.
    assert4(result.chiSquare.statistic, 7.0234, 'X²');
    assert4(result.chiSquare.pValue, 0.008, 'p');
    assert.equal(result.significant, true);
    assert.equal(compareProportions(5, 56, 0, 29).significant, false);
  });

  it('normal quantiles match the standard table (1.959964, 2.575829, 1.281552)', () => {
    assert.equal(zForConfidence(0.95).toFixed(6), '1.959964');
    assert.equal(normalQuantile(0.995).toFixed(6), '2.575829');
    assert.equal(normalQuantile(0.9).toFixed(6), '1.281552');
    assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-12);
    assert.ok(Math.abs(normalQuantile(1e-10) + 6.361340902404056) < 1e-9);
  });
});
