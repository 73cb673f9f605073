/**
 * Comparison across audiences or waves: where pupils and parents (or this year and last)
 * disagree, by how much, and whether the gap is more than chance.
 *
 *   const result = compare(tally, {
 *     by: 'audience',
 *     groups: ['pupil', 'parent'],
 *     agree: { happens: ['a lot', 'sometimes'] },
 *   });
 *   result.gaps[0]; // the item where pupils and parents differ most
 *
 * `compare` works on the **published** numbers only: given a raw tally it first calls
 * `suppress(tally, { k, groupings })` (every total published, and each `agree` grouping
 * published as a number of its own so it survives a hidden part), then computes every proportion, interval and test from numbers
 * that publication shows. So its output can be published next to the tables without
 * revealing anything they hide: a group whose base is below k gets a status instead of an
 * estimate, and a statistic that would need a hidden count is reported as unavailable.
 *
 * Per item (a choice question, each row of a matrix, a multi-select question):
 * - every group's distribution side by side (counts and percentages as published);
 * - per category, and for the `agree` grouping if given (e.g. top-two box), the difference
 *   in proportions `groups[0] − group` with its Newcombe hybrid score interval and Cohen's h;
 * - for single-choice items, Pearson's chi-square test of independence (groups × categories)
 *   with its p-value and Cramér's V;
 * - the perception gap: |difference| between `groups[0]` and `groups[1]` in the agree
 *   grouping when given, otherwise in the category where they differ most.
 * `gaps` ranks items by that gap, largest first. Proportions are unweighted.
 *
 * Pass the `PublishedTally` your tables come from to keep one consistent publication. When
 * one audience is small (six staff), publishing the total over audiences forces part of a
 * large audience to be hidden too; `suppress(tally, { totals: ['school'] })` (no total over
 * audiences) avoids that, and `compare(published, …)` then compares pupils and parents in
 * full.
 *
 * @module
 */
import { chiSquareTest, cohensH, newcombeInterval, type ChiSquareResult, type DifferenceEstimate } from './stats.js';
import {
  HIDDEN,
  TOTAL,
  checkThreshold,
  shownCount,
  publishedKey,
  suppress,
  type PublishedChoiceCell,
  type PublishedCount,
  type PublishedSegmentValue,
  type PublishedTally,
} from './suppress.js';
import type { Category, Tally } from './types.js';

/** Options of {@link compare}. */
export interface CompareOptions {
  /** The segment key whose values are compared, e.g. `'audience'` or `'wave'`. */
  readonly by: string;
  /**
   * The values of `by` to compare, at least two. The first is the reference: differences
   * are `groups[0] − groups[i]`, and the perception gap is between `groups[0]` and
   * `groups[1]`.
   */
  readonly groups: readonly string[];
  /** Threshold for suppression when given a raw tally (default 10, never below 5). */
  readonly k?: number;
  /**
   * Per question name, the category values that count as "agree" (or "yes", "happens"),
   * e.g. `{ safe: ['strongly agree', 'agree'] }` for a top-two box. For a matrix, applies to
   * each of its rows. Without it, items are compared choice by choice.
   */
  readonly agree?: Readonly<Record<string, readonly string[]>>;
  /** Only these questions (by name); default every question with categories. */
  readonly questions?: readonly string[];
  /** Confidence level of the intervals (default 0.95). */
  readonly confidence?: number;
}

/**
 * Why a number is missing from a comparison:
 * - `base-hidden`: the group's base is hidden (the publication never says why: it may be
 *   below k or protect another number);
 * - `suppressed`: a count the estimate needs is hidden by suppression;
 * - `not-applicable`: the statistic does not apply (chi-square on a multi-select).
 */
export type ComparisonGap = 'base-hidden' | 'suppressed' | 'not-applicable';

/** One group's answers to an item, as published. */
export interface GroupDistribution {
  readonly group: string;
  readonly base: PublishedCount;
  readonly counts: PublishedCount[];
  readonly percents: Array<number | null>;
  /** Published count of the agree grouping, when `agree` is set and every part is shown. */
  readonly agree: number | null;
}

/** A difference in proportions `groups[0] − group` for one category or the agree grouping. */
export type ProportionDifference =
  | {
      readonly available: true;
      /** p(groups[0]) */
      readonly reference: number;
      /** p(group) */
      readonly other: number;
      readonly difference: DifferenceEstimate;
      readonly cohensH: number;
      /** The interval excludes 0. */
      readonly significant: boolean;
    }
  | { readonly available: false; readonly reason: ComparisonGap };

/** Differences between the reference group and one other group. */
export interface GroupDifferences {
  readonly group: string;
  /** Aligned with the item's categories. */
  readonly categories: ProportionDifference[];
  /** For the agree grouping; absent without `agree`. */
  readonly agree?: ProportionDifference;
}

/** The chi-square test, or why it is missing. */
export type IndependenceTest =
  | ({ readonly available: true } & ChiSquareResult)
  | { readonly available: false; readonly reason: ComparisonGap };

/** The comparison of one item (a question, or one row of a matrix). */
export interface ItemComparison {
  readonly question: string;
  /** The matrix row's value, for a matrix item. */
  readonly row?: string;
  readonly title?: string;
  readonly kind: 'choice' | 'multi' | 'matrix';
  readonly categories: Category[];
  readonly groups: GroupDistribution[];
  /** One entry per group after the first. */
  readonly differences: GroupDifferences[];
  readonly test: IndependenceTest;
  /** Perception gap between groups[0] and groups[1]; see the module comment. */
  readonly gap: PerceptionGap | null;
}

/** How far apart the first two groups are on one item. */
export interface PerceptionGap {
  readonly question: string;
  readonly row?: string;
  /** The category the gap is measured on, or `'agree'` for the agree grouping. */
  readonly on: string;
  /** |p(groups[0]) − p(groups[1])|, in [0, 1]. */
  readonly size: number;
  readonly difference: DifferenceEstimate;
  readonly significant: boolean;
}

/** Result of {@link compare}. */
export interface Comparison {
  readonly by: string;
  readonly groups: string[];
  readonly k: number;
  readonly confidence: number;
  readonly items: ItemComparison[];
  /** Items ranked by perception gap, largest first (items without one are left out). */
  readonly gaps: PerceptionGap[];
}

/** Thrown when the options do not fit the tally. */
export class CompareError extends Error {
  override name = 'CompareError';
}

/** The `agree` groupings of single-choice and matrix questions, published as their own numbers. */
function agreeGroupings(tally: Tally, options: CompareOptions): Record<string, Record<string, readonly string[]>> {
  const groupings: Record<string, Record<string, readonly string[]>> = {};
  for (const [name, values] of Object.entries(options.agree ?? {})) {
    const question = tally.questions.find((q) => q.name === name);
    if (!question || (question.kind !== 'choice' && question.kind !== 'matrix')) continue;
    const categories = question.kind === 'choice' ? question.categories : question.columns;
    if (values.every((value) => categories.some((c) => c.value === value))) groupings[name] = { agree: values };
  }
  return groupings;
}

/** The name of a published grouping with exactly these values. */
function findGrouping(groupings: Record<string, string[]> | undefined, values: readonly string[] | undefined): string | undefined {
  if (!groupings || !values) return undefined;
  const wanted = [...values].sort().join('\u0000');
  return Object.entries(groupings).find(([, v]) => [...v].sort().join('\u0000') === wanted)?.[0];
}

function isPublished(input: Tally | PublishedTally): input is PublishedTally {
  return (input as PublishedTally).format === 'pupil-voice/published-tally';
}

/**
 * Compare groups (audiences, waves) on every shared question; see the module comment.
 * Accepts a raw tally (suppressed here with `k`) or an already published one.
 */
export function compare(input: Tally | PublishedTally, options: CompareOptions): Comparison {
  const published = isPublished(input) ? input : suppress(input, { k: checkThreshold(options.k), groupings: agreeGroupings(input, options) });
  const confidence = options.confidence ?? 0.95;
  const dimension = published.segments.indexOf(options.by);
  if (dimension < 0) {
    throw new CompareError(`The tally is not split by "${options.by}" (segments: ${published.segments.join(', ') || 'none'}).`);
  }
  if (options.groups.length < 2 || new Set(options.groups).size !== options.groups.length) {
    throw new CompareError('compare needs at least two different groups.');
  }
  published.segments.forEach((key, d) => {
    if (d !== dimension && !published.totals.includes(key)) {
      throw new CompareError(`compare needs the published totals over "${key}"; suppress with totals including it.`);
    }
  });
  const groupKey = (group: string): string | undefined => {
    if (!published.segmentValues[dimension]!.includes(group)) return undefined;
    const values: PublishedSegmentValue[] = published.segments.map(() => TOTAL);
    values[dimension] = group;
    return publishedKey(values);
  };
  for (const name of Object.keys(options.agree ?? {})) {
    if (!published.questions.some((q) => q.name === name)) {
      throw new CompareError(`agree names "${name}", which is not a question of the tally (questions: ${published.questions.map((q) => q.name).join(', ')}).`);
    }
  }
  const wanted = options.questions ? new Set(options.questions) : undefined;
  if (wanted) {
    for (const name of wanted) {
      if (!published.questions.some((q) => q.name === name)) throw new CompareError(`No question "${name}" in the tally.`);
    }
  }

  const items: ItemComparison[] = [];
  for (const question of published.questions) {
    if (wanted && !wanted.has(question.name)) continue;
    if (question.kind !== 'choice' && question.kind !== 'multi' && question.kind !== 'matrix') continue;
    const agreeValues = options.agree?.[question.name];
    const head = { question: question.name, ...(question.title !== undefined ? { title: question.title } : {}) };
    if (question.kind === 'matrix') {
      question.rows.forEach((row, r) => {
        const cellOf = (group: string) => {
          const key = groupKey(group);
          return key === undefined ? undefined : question.cells[key]?.rows[r];
        };
        items.push(
          compareItem(
            { ...head, row: row.value, kind: 'matrix', categories: question.columns },
            options.groups,
            cellOf,
            agreeValues,
            findGrouping(question.groupings, agreeValues),
            true,
            confidence,
          ),
        );
      });
    } else {
      const cellOf = (group: string) => {
        const key = groupKey(group);
        return key === undefined ? undefined : question.cells[key];
      };
      items.push(
        compareItem(
          { ...head, kind: question.kind, categories: question.categories },
          options.groups,
          cellOf,
          agreeValues,
          question.kind === 'choice' ? findGrouping(question.groupings, agreeValues) : undefined,
          question.kind === 'choice',
          confidence,
        ),
      );
    }
  }
  const gaps = items
    .flatMap((item) => (item.gap ? [item.gap] : []))
    .sort((a, b) => b.size - a.size || a.question.localeCompare(b.question));
  return { by: options.by, groups: [...options.groups], k: published.k, confidence, items, gaps };
}

type DistributionCell = Pick<PublishedChoiceCell, 'base' | 'counts' | 'percents' | 'groups'>;

function compareItem(
  head: { question: string; row?: string; title?: string; kind: ItemComparison['kind']; categories: Category[] },
  groups: readonly string[],
  cellOf: (group: string) => DistributionCell | undefined,
  agreeValues: readonly string[] | undefined,
  agreeGroup: string | undefined,
  exclusive: boolean,
  confidence: number,
): ItemComparison {
  const agreeIndices = agreeValues?.map((value) => {
    const index = head.categories.findIndex((category) => category.value === value);
    if (index < 0) throw new CompareError(`"${value}" is not a category of ${head.question}.`);
    return index;
  });
  const distributions: GroupDistribution[] = groups.map((group) => {
    const cell = cellOf(group);
    const counts = cell?.counts ?? head.categories.map(() => HIDDEN);
    const agreeCounts = agreeIndices?.map((i) => shownCount(counts[i]));
    const sumOfShown =
      agreeCounts && agreeCounts.every((c) => c !== null) ? agreeCounts.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
    const publishedGroup = agreeGroup === undefined ? undefined : cell?.groups?.[agreeGroup];
    return {
      group,
      base: cell?.base ?? HIDDEN,
      counts,
      percents: cell?.percents ?? head.categories.map(() => null),
      agree: publishedGroup ? shownCount(publishedGroup) : sumOfShown,
    };
  });
  const reference = distributions[0]!;
  const differenceOf = (x1: number | null, other: GroupDistribution, x2: number | null): ProportionDifference => {
    const n1 = shownCount(reference.base);
    const n2 = shownCount(other.base);
    if (n1 === null || n2 === null || n1 === 0 || n2 === 0) return { available: false, reason: 'base-hidden' };
    if (x1 === null || x2 === null) return { available: false, reason: 'suppressed' };
    const difference = newcombeInterval(x1, n1, x2, n2, { confidence });
    return {
      available: true,
      reference: x1 / n1,
      other: x2 / n2,
      difference,
      cohensH: cohensH(x1 / n1, x2 / n2),
      significant: difference.lower > 0 || difference.upper < 0,
    };
  };
  const differences: GroupDifferences[] = distributions.slice(1).map((other) => ({
    group: other.group,
    categories: head.categories.map((_, i) => differenceOf(shownCount(reference.counts[i]), other, shownCount(other.counts[i]))),
    ...(agreeIndices ? { agree: differenceOf(reference.agree, other, other.agree) } : {}),
  }));

  let test: IndependenceTest;
  if (!exclusive) test = { available: false, reason: 'not-applicable' };
  else if (distributions.some((d) => shownCount(d.base) === null)) test = { available: false, reason: 'base-hidden' };
  else if (distributions.some((d) => d.counts.some((c) => shownCount(c) === null))) test = { available: false, reason: 'suppressed' };
  else test = { available: true, ...chiSquareTest(distributions.map((d) => d.counts.map((c) => shownCount(c) ?? 0))) };

  const first = differences[0]!;
  let gap: PerceptionGap | null = null;
  const consider = (on: string, entry: ProportionDifference | undefined): void => {
    if (!entry?.available) return;
    const size = Math.abs(entry.difference.estimate);
    if (gap === null || size > gap.size) {
      gap = {
        question: head.question,
        ...(head.row !== undefined ? { row: head.row } : {}),
        on,
        size,
        difference: entry.difference,
        significant: entry.significant,
      };
    }
  };
  if (agreeIndices) consider('agree', first.agree);
  else first.categories.forEach((entry, i) => consider(head.categories[i]!.value, entry));

  return { ...head, groups: distributions, differences, test, gap };
}
