/**
 * Post-stratification weights from known population counts, applied to tallies.
 *
 * A school survey rarely reaches every group equally: Year 7 girls answer in tutor time,
 * Year 11 boys are on study leave. When the numbers on roll per year group × sex are known,
 * each respondent in stratum s gets the weight
 *
 *     w_s = (population share of s) / (sample share of s) = (N_s / N) / (n_s / n)
 *
 * so the weighted sample has the population's make-up. Weights are per segment cell, so
 * a partnership weights merged tallies without any raw row. Weighting costs precision: the
 * Kish effective base `(Σw)² / Σw²` says how many unweighted responses the weighted
 * estimate is worth, and intervals use it.
 *
 *   const weights = postStratify(tally, { segments: ['year', 'sex'], counts: { '["7","girl"]': 92, … } },
 *     { within: { audience: 'pupil' } });
 *   const estimate = weightedEstimate(tally, weights, 'happens');
 *
 * Weighted estimates are computed from unweighted counts per stratum; given a
 * `PublishedTally`, only published counts are used (a stratum with a hidden count makes the
 * estimate unavailable), so a weighted percentage cannot reveal a hidden cell.
 *
 * @module
 */
import { wilsonInterval, type ProportionEstimate } from './stats.js';
import { DEFAULT_K, TOTAL, publishedKey, shownCount, type PublishedSegmentValue, type PublishedTally } from './suppress.js';
import { cellKey, parseCellKey, type Category, type CellKey, type SegmentValue, type Tally } from './types.js';

/** Known population counts per stratum. */
export interface Population {
  /** Segment keys of the tally that define the strata, e.g. `['year', 'sex']`. */
  readonly segments: readonly string[];
  /** Population count per stratum, keyed by `cellKey([...values])` in the order of `segments`. */
  readonly counts: Readonly<Record<CellKey, number>>;
}

/** Restrict weighting to one slice of the tally, e.g. `{ audience: 'pupil' }`. */
export type Within = Readonly<Record<string, string | null>>;

/** One stratum's weight and the numbers it came from. */
export interface Stratum {
  readonly key: CellKey;
  readonly population: number;
  /** Respondents in the stratum (unweighted). */
  readonly sample: number;
  readonly weight: number;
}

/** Weights per stratum, from {@link postStratify}. */
export interface StratumWeights {
  readonly segments: string[];
  readonly within: Within;
  readonly strata: Stratum[];
  /** Kish effective base of all respondents under these weights. */
  readonly effectiveBase: number;
}

/** Thrown for strata that cannot be weighted. */
export class WeightingError extends Error {
  override name = 'WeightingError';
}

function segmentIndices(segments: readonly string[], keys: readonly string[], what: string): number[] {
  return keys.map((key) => {
    const index = segments.indexOf(key);
    if (index < 0) throw new WeightingError(`${what} "${key}" is not a segment of the tally (${segments.join(', ') || 'none'}).`);
    return index;
  });
}

/**
 * Kish's effective base for weights given per group: `(Σ nᵢwᵢ)² / Σ nᵢwᵢ²`, where nᵢ
 * respondents share weight wᵢ.
 */
export function kishEffectiveBase(groups: ReadonlyArray<{ readonly count: number; readonly weight: number }>): number {
  let sum = 0;
  let sumSquares = 0;
  for (const { count, weight } of groups) {
    sum += count * weight;
    sumSquares += count * weight * weight;
  }
  return sumSquares === 0 ? 0 : (sum * sum) / sumSquares;
}

/**
 * Post-stratification weights for the respondents of a tally (optionally one slice of it).
 * Throws a {@link WeightingError} for a population stratum nobody in the sample belongs to
 * (it cannot be represented: merge it with a neighbour), for respondents in a stratum the
 * population does not list (a typo, or a value such as "prefer not to say" that needs its
 * own population count), and for population counts that are not positive numbers.
 */
export function postStratify(tally: Tally, population: Population, options: { within?: Within } = {}): StratumWeights {
  const within = options.within ?? {};
  const strataDims = segmentIndices(tally.segments, population.segments, 'Stratum key');
  const withinEntries = Object.entries(within);
  const withinDims = segmentIndices(tally.segments, withinEntries.map(([key]) => key), 'within key');
  if (withinDims.some((d) => strataDims.includes(d))) throw new WeightingError('within must not name a stratum key.');

  const sample = new Map<CellKey, number>();
  for (const [key, respondents] of Object.entries(tally.respondents)) {
    const values = parseCellKey(key);
    if (!withinDims.every((d, i) => values[d] === withinEntries[i]![1])) continue;
    if (respondents === 0) continue;
    const stratum = cellKey(strataDims.map((d) => values[d] ?? null));
    sample.set(stratum, (sample.get(stratum) ?? 0) + respondents);
  }

  const populationTotal = Object.values(population.counts).reduce((a, b) => a + b, 0);
  const sampleTotal = [...sample.values()].reduce((a, b) => a + b, 0);
  if (sampleTotal === 0) throw new WeightingError('No respondents to weight.');
  for (const [key, count] of Object.entries(population.counts)) {
    if (!(count > 0) || !Number.isFinite(count)) {
      throw new WeightingError(`Population count for stratum ${key} must be a positive number, got ${count}.`);
    }
    const values = parseCellKey(key);
    if (values.length !== strataDims.length) {
      throw new WeightingError(`Population stratum ${key} needs one value per key (${population.segments.join(', ')}).`);
    }
    if (!sample.has(key)) {
      throw new WeightingError(
        `Empty stratum ${key}: ${count} in the population but nobody in the sample. Merge it with a neighbouring stratum.`,
      );
    }
  }
  for (const [key, n] of sample) {
    if (population.counts[key] === undefined) {
      throw new WeightingError(`Unknown stratum ${key}: ${n} respondents but no population count for it.`);
    }
  }
  const strata = [...sample].map(([key, n]): Stratum => {
    const populationCount = population.counts[key]!;
    return { key, population: populationCount, sample: n, weight: populationCount / populationTotal / (n / sampleTotal) };
  });
  return {
    segments: [...population.segments],
    within: { ...within },
    strata,
    effectiveBase: kishEffectiveBase(strata.map((s) => ({ count: s.sample, weight: s.weight }))),
  };
}

/** One category's weighted proportion. */
export interface WeightedProportion extends ProportionEstimate {
  /** Σ w · count */
  readonly weightedCount: number;
}

/** Result of {@link weightedEstimate}. */
export type WeightedEstimate =
  | {
      readonly available: true;
      readonly question: string;
      readonly categories: Category[];
      /** Per category: weighted proportion of the weighted base, with a Wilson interval on the effective base. */
      readonly proportions: WeightedProportion[];
      /** Respondents who answered, unweighted. */
      readonly base: number;
      /** Σ w over those respondents. */
      readonly weightedBase: number;
      /** Kish effective base of those respondents. */
      readonly effectiveBase: number;
      /** base / effectiveBase: how much weighting widened the intervals (squared). */
      readonly designEffect: number;
    }
  | { readonly available: false; readonly question: string; readonly reason: 'base-hidden' | 'base-below-k' | 'suppressed' };

interface StratumCounts {
  base: number | null;
  counts: Array<number | null>;
}

function isPublished(input: Tally | PublishedTally): input is PublishedTally {
  return (input as PublishedTally).format === 'pupil-voice/published-tally';
}

/**
 * Weighted proportions for a choice or multi-select question (for a multi-select, the
 * proportion of respondents ticking each category). With a raw tally, `k` (default 10)
 * refuses an estimate whose unweighted base is below k; with a published tally, strata
 * whose counts are hidden make the estimate unavailable.
 */
export function weightedEstimate(
  input: Tally | PublishedTally,
  weights: StratumWeights,
  questionName: string,
  options: { k?: number; confidence?: number } = {},
): WeightedEstimate {
  const k = isPublished(input) ? input.k : (options.k ?? DEFAULT_K);
  const question = input.questions.find((q) => q.name === questionName);
  if (!question) throw new WeightingError(`No question "${questionName}" in the tally.`);
  if (question.kind !== 'choice' && question.kind !== 'multi') {
    throw new WeightingError(`Weighted proportions need a choice or multi-select question; "${questionName}" is ${question.kind}.`);
  }
  const categories = question.categories;
  const perStratum = isPublished(input) ? publishedStrata(input, weights, questionName) : rawStrata(input, weights, questionName);

  let base = 0;
  let weightedBase = 0;
  let weightedSquares = 0;
  const weightedCounts = categories.map(() => 0);
  for (const stratum of weights.strata) {
    const counts = perStratum.get(stratum.key) ?? { base: 0, counts: categories.map(() => 0) };
    if (counts.base === null || counts.counts.some((c) => c === null)) {
      return { available: false, question: questionName, reason: counts.base === null ? 'base-hidden' : 'suppressed' };
    }
    base += counts.base;
    weightedBase += counts.base * stratum.weight;
    weightedSquares += counts.base * stratum.weight ** 2;
    counts.counts.forEach((c, i) => (weightedCounts[i]! += (c ?? 0) * stratum.weight));
  }
  if (base < k || weightedBase === 0) return { available: false, question: questionName, reason: 'base-below-k' };
  const effectiveBase = (weightedBase * weightedBase) / weightedSquares;
  const intervalOptions = options.confidence === undefined ? {} : { confidence: options.confidence };
  const proportions = weightedCounts.map((weightedCount): WeightedProportion => {
    const p = Math.min(1, weightedCount / weightedBase);
    const interval = wilsonInterval(p * effectiveBase, effectiveBase, intervalOptions);
    return { estimate: p, lower: interval.lower, upper: interval.upper, weightedCount };
  });
  return {
    available: true,
    question: questionName,
    categories,
    proportions,
    base,
    weightedBase,
    effectiveBase,
    designEffect: base / effectiveBase,
  };
}

function rawStrata(tally: Tally, weights: StratumWeights, questionName: string): Map<CellKey, StratumCounts> {
  const question = tally.questions.find((q) => q.name === questionName)!;
  const strataDims = segmentIndices(tally.segments, weights.segments, 'Stratum key');
  const withinEntries = Object.entries(weights.within);
  const withinDims = segmentIndices(tally.segments, withinEntries.map(([key]) => key), 'within key');
  const result = new Map<CellKey, StratumCounts>();
  for (const key of Object.keys(question.cells)) {
    const values = parseCellKey(key);
    if (!withinDims.every((d, i) => values[d] === withinEntries[i]![1])) continue;
    const stratum = cellKey(strataDims.map((d) => values[d] ?? null));
    const entry = result.get(stratum) ?? { base: 0, counts: [] };
    let cellBase: number;
    let counts: readonly number[];
    if (question.kind === 'multi') {
      const multi = question.cells[key]!;
      cellBase = multi.answered;
      counts = multi.counts;
    } else if (question.kind === 'choice') {
      counts = question.cells[key]!.counts;
      cellBase = counts.reduce((a, b) => a + b, 0);
    } else continue;
    entry.base = (entry.base ?? 0) + cellBase;
    entry.counts = counts.map((c, i) => (entry.counts[i] ?? 0) + c);
    result.set(stratum, entry);
  }
  return result;
}

function publishedStrata(published: PublishedTally, weights: StratumWeights, questionName: string): Map<CellKey, StratumCounts> {
  const question = published.questions.find((q) => q.name === questionName)!;
  if (question.kind !== 'choice' && question.kind !== 'multi') return new Map();
  const strataDims = segmentIndices(published.segments, weights.segments, 'Stratum key');
  for (const key of published.segments) {
    if (!weights.segments.includes(key) && !(key in weights.within) && !published.totals.includes(key)) {
      throw new WeightingError(`Weighting needs the published totals over "${key}"; suppress with totals including it.`);
    }
  }
  const result = new Map<CellKey, StratumCounts>();
  for (const stratum of weights.strata) {
    const values: PublishedSegmentValue[] = published.segments.map((key) => {
      if (key in weights.within) return weights.within[key] ?? null;
      return TOTAL;
    });
    parseCellKey(stratum.key).forEach((value: SegmentValue, i) => (values[strataDims[i]!] = value));
    const cell = question.cells[publishedKey(values)];
    result.set(stratum.key, cell ? { base: shownCount(cell.base), counts: cell.counts.map(shownCount) } : { base: null, counts: [] });
  }
  return result;
}
