/**
 * Statistics for comparing proportions between audiences, waves or segments.
 *
 * Pupil-voice groups are small (a form group, one school's Year 9 girls) and proportions are
 * often near 0 or 1 ("nobody told me", "it happens a lot"), so the simple Wald interval
 * p ± z·√(p(1−p)/n) would collapse to a point or leave [0, 1]. We use score-based intervals
 * instead: Wilson for one proportion and Newcombe's hybrid score interval for a difference,
 * both recommended by Newcombe (1998) for exactly these conditions.
 *
 * Everything here is pure arithmetic on counts, so it runs in a page, a worker and Node.
 *
 * @module
 */

/** A two-sided confidence interval. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** A proportion with its confidence interval. */
export interface ProportionEstimate extends Interval {
  /** successes / trials */
  readonly estimate: number;
}

/** Options shared by the interval functions. */
export interface IntervalOptions {
  /** Two-sided confidence level in (0, 1); default 0.95. */
  readonly confidence?: number;
}

/** Options for {@link wilsonInterval}. */
export interface WilsonOptions extends IntervalOptions {
  /**
   * Apply the continuity correction (Newcombe 1998a, method 4). Off by default: the plain
   * score interval (method 3) has coverage closer to nominal on average; the corrected one
   * is more conservative, which some publishers prefer.
   */
  readonly continuityCorrection?: boolean;
}

const Z_95 = 1.959963984540054;

function checkCount(successes: number, trials: number, label = 'count'): void {
  if (!Number.isFinite(trials) || trials <= 0) {
    throw new RangeError(`${label}: the base must be a positive number, got ${trials}`);
  }
  if (!Number.isFinite(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`${label}: ${successes} is outside 0..${trials}`);
  }
}

/** The two-sided critical value z for a confidence level, e.g. 1.959964 for 0.95. */
export function zForConfidence(confidence = 0.95): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be strictly between 0 and 1, got ${confidence}`);
  }
  if (confidence === 0.95) return Z_95;
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * Wilson score interval for one binomial proportion (Wilson 1927; Newcombe 1998a method 3,
 * or method 4 with `continuityCorrection`). Stays inside [0, 1] and is not degenerate at
 * 0 or n successes, which is why small pupil-voice groups need it.
 *
 * Weighted data: pass the weighted count and the Kish effective base (see `weight.ts`);
 * non-integer counts are accepted.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  options: WilsonOptions = {},
): ProportionEstimate {
  checkCount(successes, trials, 'wilsonInterval');
  const z = zForConfidence(options.confidence);
  const n = trials;
  const p = successes / n;
  const z2 = z * z;
  if (options.continuityCorrection) {
    const q = 1 - p;
    const denominator = 2 * (n + z2);
    const lower =
      successes === 0
        ? 0
        : (2 * n * p + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * q + 1))) / denominator;
    const upper =
      successes === n
        ? 1
        : (2 * n * p + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * q - 1))) / denominator;
    return { estimate: p, lower: Math.max(0, lower), upper: Math.min(1, upper) };
  }
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { estimate: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** A difference of two proportions, p1 − p2, with its interval. */
export interface DifferenceEstimate extends Interval {
  /** p1 − p2 */
  readonly estimate: number;
}

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions
 * (Newcombe 1998b, method 10): combines the two Wilson intervals, so it keeps their good
 * behaviour with small groups and extreme proportions, unlike the Wald difference interval.
 * Returns p1 − p2, e.g. pupils minus parents.
 */
export function newcombeInterval(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  options: IntervalOptions = {},
): DifferenceEstimate {
  const first = wilsonInterval(successes1, trials1, options);
  const second = wilsonInterval(successes2, trials2, options);
  const p1 = first.estimate;
  const p2 = second.estimate;
  const difference = p1 - p2;
  const below = Math.sqrt((p1 - first.lower) ** 2 + (second.upper - p2) ** 2);
  const above = Math.sqrt((first.upper - p1) ** 2 + (p2 - second.lower) ** 2);
  return {
    estimate: difference,
    lower: Math.max(-1, difference - below),
    upper: Math.min(1, difference + above),
  };
}

/**
 * Cohen's h, the effect size for two proportions: 2·asin√p1 − 2·asin√p2. Unlike the raw
 * difference it treats 2% vs 12% as a bigger gap than 45% vs 55% (Cohen 1988: 0.2 small,
 * 0.5 medium, 0.8 large).
 */
export function cohensH(p1: number, p2: number): number {
  for (const p of [p1, p2]) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`cohensH: ${p} is not a proportion`);
  }
  return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
}

/** Result of {@link chiSquareTest}. */
export interface ChiSquareResult {
  /** Pearson's X² (no continuity correction). */
  readonly statistic: number;
  /** (rows − 1)(columns − 1), counting only rows and columns with a non-zero total. */
  readonly degreesOfFreedom: number;
  /** Upper-tail probability of X² under independence; 1 when there is nothing to test. */
  readonly pValue: number;
  /** Cramér's V in [0, 1]; 0 when there is nothing to test. */
  readonly cramersV: number;
  /** Grand total of the table. */
  readonly total: number;
  /** Smallest expected count among the cells tested. */
  readonly minExpected: number;
  /**
   * True when more than 20% of expected counts are below 5 or any is below 1 (Cochran's
   * rule): the p-value is then only a rough guide and a reader should be told so.
   */
  readonly lowExpectedCounts: boolean;
}

/**
 * Pearson's chi-square test of independence for an r×c table of counts (rows are groups,
 * e.g. audiences; columns are answers). Rows or columns whose total is zero carry no
 * information and are left out (a choice nobody in either group picked must not change the
 * degrees of freedom). When fewer than two rows or columns remain, the groups cannot differ:
 * the statistic is 0, df 0 and the p-value 1.
 */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareResult {
  const columns = table[0]?.length ?? 0;
  for (const row of table) {
    if (row.length !== columns) throw new RangeError('chiSquareTest: rows differ in length');
    for (const cell of row) {
      if (!(cell >= 0) || !Number.isFinite(cell)) {
        throw new RangeError(`chiSquareTest: ${cell} is not a count`);
      }
    }
  }
  const rowTotals = table.map((row) => row.reduce((sum, cell) => sum + cell, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) =>
    table.reduce((sum, row) => sum + (row[j] ?? 0), 0),
  );
  const total = rowTotals.reduce((sum, value) => sum + value, 0);
  const keptRows = rowTotals.flatMap((value, i) => (value > 0 ? [i] : []));
  const keptColumns = columnTotals.flatMap((value, j) => (value > 0 ? [j] : []));
  if (keptRows.length < 2 || keptColumns.length < 2) {
    return {
      statistic: 0,
      degreesOfFreedom: 0,
      pValue: 1,
      cramersV: 0,
      total,
      minExpected: Number.NaN,
      lowExpectedCounts: false,
    };
  }
  let statistic = 0;
  let minExpected = Number.POSITIVE_INFINITY;
  let below5 = 0;
  for (const i of keptRows) {
    for (const j of keptColumns) {
      const expected = ((rowTotals[i] ?? 0) * (columnTotals[j] ?? 0)) / total;
      const observed = table[i]?.[j] ?? 0;
      statistic += (observed - expected) ** 2 / expected;
      minExpected = Math.min(minExpected, expected);
      if (expected < 5) below5 += 1;
    }
  }
  const degreesOfFreedom = (keptRows.length - 1) * (keptColumns.length - 1);
  const cells = keptRows.length * keptColumns.length;
  return {
    statistic,
    degreesOfFreedom,
    pValue: chiSquareSurvival(statistic, degreesOfFreedom),
    cramersV: cramersV(statistic, total, keptRows.length, keptColumns.length),
    total,
    minExpected,
    lowExpectedCounts: below5 / cells > 0.2 || minExpected < 1,
  };
}

/**
 * Cramér's V = √(X² / (n·(min(r, c) − 1))): the chi-square effect size, comparable across
 * tables of different sizes and bases (a p-value is not; with a county's responses every
 * tiny gap is "significant").
 */
export function cramersV(statistic: number, total: number, rows: number, columns: number): number {
  const smaller = Math.min(rows, columns) - 1;
  if (smaller < 1 || total <= 0) return 0;
  return Math.min(1, Math.sqrt(statistic / (total * smaller)));
}

/** P(X > x) for X ~ χ²(df): the p-value of a chi-square statistic. */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) throw new RangeError(`degrees of freedom must be > 0`);
  if (x <= 0) return 1;
  return regularizedGammaQ(degreesOfFreedom / 2, x / 2);
}

// Lanczos approximation (g = 7, 9 terms): relative error below 1e-15 for positive arguments.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** Natural log of the gamma function for a > 0. */
export function logGamma(a: number): number {
  if (!(a > 0)) throw new RangeError(`logGamma: ${a} must be positive`);
  if (a < 0.5) {
    // Reflection keeps accuracy for small arguments.
    return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
  }
  const x = a - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

/**
 * Regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a). Uses the power series
 * for P = 1 − Q when x < a + 1 and the Legendre continued fraction (modified Lentz) otherwise,
 * so the small upper tails that p-values live in keep full relative precision.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`regularizedGammaQ: a = ${a} must be positive`);
  if (x < 0 || Number.isNaN(x)) throw new RangeError(`regularizedGammaQ: x = ${x} must be ≥ 0`);
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.min(1, Math.exp(logPrefix) * h);
}

/** Standard normal CDF Φ(x), through the incomplete gamma function (Φ(−x) = Q(½, x²/2) / 2). */
export function normalCdf(x: number): number {
  if (x === 0) return 0.5;
  const tail = 0.5 * regularizedGammaQ(0.5, (x * x) / 2);
  return x < 0 ? tail : 1 - tail;
}

const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function polynomial(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((acc, coefficient) => acc * x + coefficient, 0);
}

/**
 * Standard normal quantile Φ⁻¹(p): Acklam's rational approximation refined by one Halley
 * step against {@link normalCdf}, accurate to about 1e-15.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: ${p} must be in (0, 1)`);
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = polynomial(ACKLAM_C, q) / (polynomial(ACKLAM_D, q) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = (polynomial(ACKLAM_A, r) * q) / (polynomial(ACKLAM_B, r) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -polynomial(ACKLAM_C, q) / (polynomial(ACKLAM_D, q) * q + 1);
  }
  const error = normalCdf(x) - p;
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Result of {@link compareProportions}. */
export interface ProportionComparison {
  /** First group's proportion with its Wilson interval. */
  readonly first: ProportionEstimate;
  /** Second group's proportion with its Wilson interval. */
  readonly second: ProportionEstimate;
  /** p1 − p2 with Newcombe's hybrid score interval. */
  readonly difference: DifferenceEstimate;
  /** Cohen's h for p1 vs p2. */
  readonly cohensH: number;
  /** The 2×2 chi-square test (without continuity correction). */
  readonly chiSquare: ChiSquareResult;
  /** True when the interval for the difference excludes 0. */
  readonly significant: boolean;
}

/**
 * Everything a reader needs to judge one gap between two groups (e.g. "it happens a lot":
 * 62 of 140 pupils vs 11 of 95 parents): both proportions, the difference with its interval,
 * an effect size and the test. Counts may be weighted (non-integer).
 */
export function compareProportions(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  options: IntervalOptions = {},
): ProportionComparison {
  const first = wilsonInterval(successes1, trials1, options);
  const second = wilsonInterval(successes2, trials2, options);
  const difference = newcombeInterval(successes1, trials1, successes2, trials2, options);
  return {
    first,
    second,
    difference,
    cohensH: cohensH(first.estimate, second.estimate),
    chiSquare: chiSquareTest([
      [successes1, trials1 - successes1],
      [successes2, trials2 - successes2],
    ]),
    significant: difference.lower > 0 || difference.upper < 0,
  };
}
