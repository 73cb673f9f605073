/**
 * Publication: turn a tally into numbers that are safe to show.
 *
 * `suppress(tally, { k })` returns a {@link PublishedTally}: every question's counts for every
 * segment cell **and every margin** (each segment key either fixed or totalled: the overall
 * table, per audience, per school, per audience × school…), because a dashboard lets a reader
 * pick any of those filters and the filters are exactly what differencing attacks combine.
 * A shown number is `{ count: 42 }`, a hidden one `{ hidden: true }`: one mark for every
 * hidden number, never why it is hidden (marking which hidden numbers are below k would tell
 * a reader which are small). The true value is not in the output anywhere. Reasons and
 * intervals stay with the publisher: {@link suppressionReport}.
 *
 * The audit needs the LP solver (HiGHS, WebAssembly): `await loadLpSolver()` once per thread
 * (or call `suppressAsync`), then `suppress` is synchronous.
 *
 * What is hidden (the rules, in the order they apply):
 * - **Every count below k, zero included** (one exception: a `missing` count of 0, "nobody
 *   skipped this question", is shown, since it says nothing about anyone's answer and
 *   hiding it would hide every segment's respondent count). A published 0 says "nobody in this group chose
 *   X"; next to a single other category it says what every member answered (group
 *   disclosure), and a known zero is a known term in every subtraction. Hiding zeros like
 *   any other small count (as Devographics hides empty buckets, see the practice notes §5.5)
 *   keeps one simple guarantee: every number shown is at least k.
 * - **Every base below k**, and with it every count and percentage on that base. A
 *   percentage is shown only when its count and its base are both shown (a percentage next
 *   to a shown count would give away a hidden base, and vice versa).
 * - **Complementary cells**, chosen by the engine in `disclosure.ts`, so that no hidden
 *   number can be worked out by subtraction from a row, a column, a base, the respondents of
 *   a segment, or another published filter (segment slices and margins, across all
 *   questions, which share the respondent counts), and the hidden parts of a shown total
 *   always add up to at least k.
 * - **The interval audit** (`audit.ts`, linear programming with HiGHS): for every hidden
 *   number, the smallest and largest value consistent with every published number, every
 *   equation (margins, bases, groupings, complete rankings) and non-negativity must be at
 *   least `protection` (default k) apart; more complements are hidden until they are. This
 *   is also what stops group disclosure: a grouping equal to its base pins the rest to 0.
 * - **Segment values** (year groups, schools…) are listed in `segmentValues`, and their cells
 *   published, only where some cell with that value shows a number above 0 (which says the
 *   group exists anyway): a year group whose every number is hidden is not named as present.
 *
 * Means, standard deviations and quartiles are shown only with a shown base. Sums of a
 * numeric question add up over segments with exactly the margins' structure and a hidden
 * sum wherever a base is hidden; since no hidden base is determined by those equations
 * (and more), no hidden sum is either.
 *
 * What a published cell holds per question kind (`base` is the denominator of percentages,
 * `missing` the respondents with no usable answer: not answered, or answered with a value
 * outside the definition; `base + missing = respondents` for each kind, so totals reconcile):
 * - choice: `counts` per category, base = respondents who chose a defined category;
 * - multi: `counts` = respondents who ticked each category, base = respondents who ticked
 *   anything (percent of respondents; tick totals are not published);
 * - matrix: one choice-shaped entry per matrix row;
 * - ranking: `counts[choice][position]`, base = respondents who ranked;
 * - numeric: base = numeric answers, with mean, standard deviation and quartiles only when
 *   the base is shown (never min or max: in a small group those are one person's answer);
 * - text: base = respondents who wrote something.
 *
 * @module
 */
import { auditIntervals, loadLpSolver, loadedLpSolver, type LpSolver } from './audit.js';
import { BELOW_K, SHOWN, protectTable, type AdditiveEquation, type SuppressionReason } from './disclosure.js';
import type { CubeProblem, LatticeShape, SeriesFamily, SeriesRelation } from './hypercube.js';
import { mergeSketches } from './merge.js';
import { sketchQuantile } from './tally.js';
import {
  parseCellKey,
  type Category,
  type CellKey,
  type QuantileSketch,
  type QuestionTally,
  type SegmentValue,
  type Tally,
} from './types.js';

export type { SuppressionReason } from './disclosure.js';

// The smallest threshold (5) and the default (10) are shared with the collector.
import { DEFAULT_K, MIN_K } from '@pupil-voice/schema';
export { DEFAULT_K, MIN_K };

/** Marks "all values of this segment" (a total) in a {@link PublishedKey}. Real segment
 * values are strings or null, so `true` cannot clash with one. */
export const TOTAL = true as const;

/** A segment value of a published cell, or {@link TOTAL}. */
export type PublishedSegmentValue = SegmentValue | typeof TOTAL;

/**
 * JSON text of the array of segment values of a published cell, in the order of
 * `segments`, with `true` for a totalled segment: `'["pupil",true]'` is all pupils over every
 * school, `'[true,true]'` the overall table.
 */
export type PublishedKey = string;

/** The key of a published cell; use {@link TOTAL} for a totalled segment. */
export function publishedKey(values: readonly PublishedSegmentValue[]): PublishedKey {
  return JSON.stringify(values);
}

/** The segment values of a published key. */
export function parsePublishedKey(key: PublishedKey): PublishedSegmentValue[] {
  const parsed: unknown = JSON.parse(key);
  if (!Array.isArray(parsed) || !parsed.every((v) => v === null || v === true || typeof v === 'string')) {
    throw new TypeError(`Not a published key: ${key.slice(0, 80)}`);
  }
  return parsed as PublishedSegmentValue[];
}

/**
 * A number as published: `{ count: 42 }` when shown, `{ hidden: true }` when not. Every hidden
 * number carries the same mark: why it is hidden (below k, or protecting another number)
 * is never published, since the reason itself narrows what the number can be.
 */
export type PublishedCount = { readonly count: number } | { readonly hidden: true };

/** The one mark of a hidden number. */
export const HIDDEN: PublishedCount = Object.freeze({ hidden: true as const });

/** Whether a published number is hidden. */
export function isHidden(count: PublishedCount | undefined): count is { readonly hidden: true } {
  return count !== undefined && 'hidden' in count;
}

/** The count of a published number, or `null` when it is hidden (or absent). */
export function shownCount(count: PublishedCount | undefined): number | null {
  return count !== undefined && 'count' in count ? count.count : null;
}

/** A choice question's published cell (also one row of a matrix). */
export interface PublishedChoiceCell {
  readonly base: PublishedCount;
  readonly missing: PublishedCount;
  readonly counts: PublishedCount[];
  /** Percent of `base` per category, `null` when the count or the base is hidden. */
  readonly percents: Array<number | null>;
  /** Published groupings (see `SuppressOptions.groupings`), by name. */
  readonly groups?: Record<string, PublishedCount>;
}

/** A multi-select question's published cell. */
export interface PublishedMultiCell {
  /** Respondents who ticked anything. */
  readonly base: PublishedCount;
  readonly missing: PublishedCount;
  /** Respondents who ticked each category. */
  readonly counts: PublishedCount[];
  /** Percent of `base` per category. */
  readonly percents: Array<number | null>;
}

/** A matrix question's published cell: one entry per matrix row. */
export interface PublishedMatrixCell {
  readonly rows: PublishedChoiceCell[];
}

/** A ranking question's published cell. */
export interface PublishedRankingCell {
  readonly base: PublishedCount;
  readonly missing: PublishedCount;
  /** `counts[choice][position]`, position 0 = ranked first. */
  readonly counts: PublishedCount[][];
}

/** A numeric question's published cell. */
export interface PublishedNumericCell {
  /** Respondents with a numeric answer. */
  readonly base: PublishedCount;
  readonly missing: PublishedCount;
  /** `null` unless `base` is shown. */
  readonly mean: number | null;
  readonly standardDeviation: number | null;
  readonly quartiles: readonly [number, number, number] | null;
}

/** A free-text question's published cell: only how many wrote something. */
export interface PublishedTextCell {
  readonly base: PublishedCount;
  readonly missing: PublishedCount;
}

interface PublishedQuestionBase {
  readonly name: string;
  readonly type: string;
  readonly title?: string;
}

/** One question of a published tally: its cells per published key, shaped by kind. */
export type PublishedQuestion =
  | (PublishedQuestionBase & {
      kind: 'choice';
      categories: Category[];
      /** Groupings published with this question: name → category values. */
      groupings?: Record<string, string[]>;
      cells: Record<PublishedKey, PublishedChoiceCell>;
    })
  | (PublishedQuestionBase & { kind: 'multi'; categories: Category[]; cells: Record<PublishedKey, PublishedMultiCell> })
  | (PublishedQuestionBase & {
      kind: 'matrix';
      rows: Category[];
      columns: Category[];
      /** Groupings of columns published for every row: name → column values. */
      groupings?: Record<string, string[]>;
      cells: Record<PublishedKey, PublishedMatrixCell>;
    })
  | (PublishedQuestionBase & { kind: 'ranking'; categories: Category[]; cells: Record<PublishedKey, PublishedRankingCell> })
  | (PublishedQuestionBase & { kind: 'numeric'; cells: Record<PublishedKey, PublishedNumericCell> })
  | (PublishedQuestionBase & { kind: 'text'; cells: Record<PublishedKey, PublishedTextCell> });

/** Marker of a published tally's JSON. */
export const PUBLISHED_FORMAT = 'pupil-voice/published-tally' as const;

/**
 * A tally made safe to show: only counts of at least k and nothing from which a smaller one
 * can be worked out. Plain JSON.
 */
export interface PublishedTally {
  readonly format: typeof PUBLISHED_FORMAT;
  readonly version: 1;
  readonly definition: string;
  readonly survey?: string;
  readonly segments: string[];
  /** The segment keys whose totals are published. */
  readonly totals: string[];
  /** The values seen per segment key, in the order used for cells. */
  readonly segmentValues: SegmentValue[][];
  /** The threshold applied. */
  readonly k: number;
  /** Responses per published cell (every combination of a value or a total per segment). */
  readonly respondents: Record<PublishedKey, PublishedCount>;
  readonly questions: PublishedQuestion[];
  /** Answers under data keys the definition lacks, per published cell. */
  readonly unknownQuestions: Array<{ name: string; cells: Record<PublishedKey, PublishedCount> }>;
}

/** Options of {@link suppress}. */
export interface SuppressOptions {
  /** Threshold: counts below k are hidden. Default 10; values below 5 are refused. */
  readonly k?: number;
  /**
   * The segment keys whose totals are published (default: all). A total over `audience`
   * mixes pupils with parents and is rarely worth showing; leaving it out means a small
   * audience (six staff) need not be protected by hiding part of a large one. Every table,
   * chart and comparison shown together must come from one `suppress` call: two
   * publications with different totals can be subtracted from each other.
   */
  readonly totals?: readonly string[];
  /**
   * Sums of categories to publish as numbers of their own, per question name, e.g.
   * `{ safe: { agree: ['strongly agree', 'agree'] } }` (a top-two box; for a matrix, per
   * row). Computing such a sum afterwards needs every part shown; published here it is
   * protected like any count, so "agree" can often be shown when "strongly agree" cannot.
   * Single-choice and matrix questions only.
   */
  readonly groupings?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /**
   * Refuse to build more published cells than this (the count of cells is the product of
   * (values + 1) over the segment keys). Default 200,000.
   */
  readonly maxCells?: number;
  /**
   * The narrowest interval an attacker may derive for a hidden number from everything in
   * the publication (every equation, non-negativity, whole numbers). Default: k, so a hidden
   * count can never be pinned to fewer than k values.
   */
  readonly protection?: number;
  /**
   * `'protect'` (default): no published number may show that all, or none, of a group gave
   * one answer (zeros of answers are hidden, and the audit catches a grouping or count that
   * equals its base while the rest is hidden). `'allow'`: the publisher accepts group
   * disclosure ("every parent agreed" may be read off), so zero counts of answers are shown.
   */
  readonly groupDisclosure?: 'protect' | 'allow';
  /** The LP solver for the audit; default: the one `loadLpSolver()` loaded on this thread. */
  readonly solver?: LpSolver;
  /**
   * Skip the LP interval audit (only the exact linear-algebra check runs). For benchmarks
   * and for measuring what the audit adds; a publication made this way can leak bounds.
   */
  readonly unsafeSkipIntervalAudit?: boolean;
}

/** Thrown for options that would publish unsafe numbers or too large a table. */
export class SuppressionError extends Error {
  override name = 'SuppressionError';
}

/** Check a threshold; shared with `compare`. */
export function checkThreshold(k: number | undefined): number {
  const value = k ?? DEFAULT_K;
  if (!Number.isFinite(value)) throw new SuppressionError(`k must be a number, got ${String(k)}`);
  if (value < MIN_K) {
    throw new SuppressionError(
      `k = ${value} is below the minimum of ${MIN_K}: groups that small can identify a child. Use k ≥ ${MIN_K} (default ${DEFAULT_K}).`,
    );
  }
  return value;
}

/** Relative cost of hiding a number, lower first: bookkeeping before answers before bases. */
const COST = { missing: 1, respondents: 2, count: 3, grouping: 4, base: 5 } as const;
/**
 * Hiding a number in a cell that totals `n` segments costs `LEVEL_COST · (4ⁿ − 1)` more:
 * a partnership's headline (every school, every year group) is worth far more to a reader
 * than a year group at one school, so complements go to detail first.
 */
const LEVEL_COST = 10;

/** A series is one number per published cell (e.g. "q3, category 2"). */
interface Series {
  readonly cost: number;
  /** A zero of this series may be shown ("nobody skipped this question"). */
  readonly zeroIsSafe?: boolean;
  /** Reads the series' value from a raw cell of the tally. */
  readonly read: (key: CellKey) => number;
  /** Where the number sits in the published tally, e.g. `"safe".counts.2`. */
  readonly label: string;
}

/**
 * Hide small numbers and everything that would give them away; see the module comment.
 * The result holds no value below k and no hidden value.
 *
 *   const published = suppress(tally, { k: 10, totals: ['school'] });
 *   published.questions[0].cells['["pupil",true]']; // all pupils, every school
 */
export function suppress(tally: Tally, options: SuppressOptions = {}): PublishedTally {
  return plan(tally, options).published;
}

/** What `suppress` decided, before it is turned into a publication. */
export interface Plan {
  readonly published: PublishedTally;
  readonly values: Float64Array;
  readonly equations: () => AdditiveEquation[];
  readonly status: Uint8Array;
  readonly exempt: Uint8Array;
  readonly label: (variable: number) => { key: PublishedKey; number: string };
  readonly protection: number;
  readonly solver: LpSolver | undefined;
}

/**
 * A move recorded by the hypercube search (for tests): variables, coefficients, range; a
 * star's partners as arms (each `variables + arm` is a move, and `range` is the target
 * side's, which moves by their sum).
 */
export interface RecordedMove {
  readonly variables: readonly number[];
  readonly coefficients: readonly number[];
  readonly range: number;
  readonly arms?: ReadonlyArray<{ readonly variables: readonly number[]; readonly coefficients: readonly number[] }>;
}

/**
 * `suppress` with its inner workings, for tests only (not exported from the package): the
 * variables, equations and status it decided on, and every move the search chose.
 * @internal
 */
export function planSuppression(tally: Tally, options: SuppressOptions = {}): Plan & { moves: RecordedMove[] } {
  const moves: RecordedMove[] = [];
  const result = plan(tally, options, (variables, coefficients, range, arms) =>
    moves.push({ variables: [...variables], coefficients: [...coefficients], range, ...(arms ? { arms } : {}) }),
  );
  return { ...result, moves };
}

function plan(tally: Tally, options: SuppressOptions, record?: CubeProblem['record']): Plan {
  const k = checkThreshold(options.k);
  const protection = options.protection ?? k;
  if (!Number.isFinite(protection) || protection < 1) throw new SuppressionError(`protection must be at least 1, got ${String(options.protection)}`);
  const solver = options.solver ?? loadedLpSolver();
  if (!solver && !options.unsafeSkipIntervalAudit) {
    throw new SuppressionError(
      'suppress needs the LP solver for its audit: call `await loadLpSolver()` once before suppress, pass `solver`, or use `suppressAsync`.',
    );
  }
  const totals = options.totals ?? tally.segments;
  for (const key of totals) {
    if (!tally.segments.includes(key)) throw new SuppressionError(`totals: "${key}" is not a segment of the tally (${tally.segments.join(', ')})`);
  }
  const lattice = buildLattice(tally, new Set(totals), options.maxCells ?? 200_000);
  const { nodeCount } = lattice;

  const series: Series[] = [];
  const groupDisclosure = options.groupDisclosure === 'allow';
  const addSeries = (cost: number, read: (key: CellKey) => number, label: string): number => {
    // A shown 0 says what nobody in a group answered; with the publisher's opt-in, zeros of
    // answers may be shown (never a 0 base or respondent count: that names an empty group).
    series.push({ cost, read, label, zeroIsSafe: cost === COST.missing || (groupDisclosure && (cost === COST.count || cost === COST.grouping)) });
    return series.length - 1;
  };
  const respondentsSeries = addSeries(COST.respondents, (key) => tally.respondents[key] ?? 0, 'respondents');
  /** Per question, the series indices, for the equations and for reading the result. */
  const groupings = options.groupings ?? {};
  for (const [name, groups] of Object.entries(groupings)) {
    const question = tally.questions.find((q) => q.name === name);
    if (!question || (question.kind !== 'choice' && question.kind !== 'matrix')) {
      throw new SuppressionError(`groupings: "${name}" is not a single-choice or matrix question of the tally.`);
    }
    const categories = question.kind === 'choice' ? question.categories : question.columns;
    for (const [group, values] of Object.entries(groups)) {
      for (const value of values) {
        if (!categories.some((c) => c.value === value)) {
          throw new SuppressionError(`groupings: "${value}" in ${name}.${group} is not a category of ${name}.`);
        }
      }
    }
  }
  const families: SeriesFamily[] = [];
  const layouts = tally.questions.map((question) => {
    const first = series.length;
    const layout = layoutQuestion(question, addSeries, groupings[question.name] ?? {});
    families.push({ series: Array.from({ length: series.length - first }, (_, i) => first + i), extra: layout.extra, joins: layout.joins });
    return layout;
  });
  const unknownSeries = tally.unknownQuestions.map((unknown) =>
    addSeries(COST.count, (key) => unknown.cells[key] ?? 0, `unknownQuestions.${JSON.stringify(unknown.name)}`),
  );
  for (const s of unknownSeries) families.push({ series: [s] });

  const values = new Float64Array(series.length * nodeCount);
  const cost = new Float64Array(series.length * nodeCount);
  const zeroIsSafe = new Uint8Array(series.length * nodeCount);
  const variable = (s: number, node: number): number => s * nodeCount + node;
  // Each raw cell into its own published cell, then the margins segment by segment (a
  // total cell is the sum of its cells along that segment, which already hold the margins
  // of the segments before it).
  for (const [key, nodes] of lattice.rawNodes) {
    const leaf = nodes[0]!;
    series.forEach((entry, s) => {
      const value = entry.read(key);
      if (value !== 0) values[variable(s, leaf)]! += value;
    });
  }
  const { radix, stride, hasTotal } = lattice.shape;
  for (let d = 0; d < radix.length; d++) {
    if (!hasTotal[d]) continue;
    const total = radix[d]! - 1;
    for (let node = 0; node < nodeCount; node++) {
      if (Math.floor(node / stride[d]!) % radix[d]! !== total) continue;
      for (let s = 0; s < series.length; s++) {
        let sum = 0;
        for (let b = 0; b < total; b++) sum += values[variable(s, node - (total - b) * stride[d]!)]!;
        values[variable(s, node)] = sum;
      }
    }
  }
  series.forEach((entry, s) => {
    for (let node = 0; node < nodeCount; node++) {
      cost[variable(s, node)] = entry.cost + LEVEL_COST * (4 ** lattice.level(node) - 1);
      if (entry.zeroIsSafe) zeroIsSafe[variable(s, node)] = 1;
    }
  });

  // Inside each published cell: bases, missing and respondents reconcile. The same
  // relations over series drive the hypercube search (a relation that holds only in some
  // cells, as complete rankings do, is kept: moves that respect it are moves everywhere).
  const relations: SeriesRelation[] = [];
  const bounds: Array<{ part: number; total: number }> = [];
  const cellRelations: Array<{ total: number; parts: readonly number[]; onlyIfHolds: boolean }> = [];
  for (const layout of layouts) {
    bounds.push(...layout.bounds);
    for (const relation of layout.relations) {
      const seriesTotal = relation.total === 'respondents' ? respondentsSeries : relation.total;
      let held = !relation.onlyIfHolds;
      for (let node = 0; node < nodeCount && !held; node++) {
        const sum = relation.parts.reduce((acc, s) => acc + (values[variable(s, node)] ?? 0), 0);
        if (sum === values[variable(seriesTotal, node)]) held = true;
      }
      cellRelations.push({ total: seriesTotal, parts: relation.parts, onlyIfHolds: relation.onlyIfHolds === true });
      if (held) relations.push({ total: seriesTotal, parts: relation.parts });
    }
  }
  /**
   * Every equation over variables, built only when something needs them (the LP fallback,
   * the report): at county scale there are about a million.
   */
  let built: AdditiveEquation[] | undefined;
  const equations = (): AdditiveEquation[] => {
    if (built) return built;
    built = [];
    // Margins: every series adds up over each segment.
    for (let s = 0; s < series.length; s++) {
      for (let node = 0; node < nodeCount; node++) {
        for (const children of lattice.childrenByDimension(node)) {
          if (children.length === 0) continue; // no responses at all
          built.push({ total: variable(s, node), parts: children.map((child) => variable(s, child)) });
        }
      }
    }
    for (const relation of cellRelations) {
      for (let node = 0; node < nodeCount; node++) {
        const parts = relation.parts.map((s) => variable(s, node));
        const total = variable(relation.total, node);
        if (relation.onlyIfHolds) {
          const sum = parts.reduce((acc, v) => acc + (values[v] ?? 0), 0);
          if (sum !== values[total]) continue;
        }
        built.push({ total, parts });
      }
    }
    return built;
  };

  // Numbers of a cell with no respondents protect nobody (a parents-only school has no
  // pupils to protect): hidden like any small number, but exempt from the bounds audit.
  const exempt = new Uint8Array(series.length * nodeCount);
  for (let node = 0; node < nodeCount; node++) {
    if (values[variable(respondentsSeries, node)] !== 0) continue;
    for (let s = 0; s < series.length; s++) exempt[variable(s, node)] = 1;
  }
  const audited = solver && !options.unsafeSkipIntervalAudit;
  const structure = { shape: lattice.shape, seriesCount: series.length, respondents: respondentsSeries, relations, bounds, families, ...(record ? { record } : {}) };
  const status = protectTable({
    values,
    equations,
    cost,
    zeroIsSafe,
    k,
    protection,
    exempt,
    ...(audited ? { solver, structure } : {}),
  });

  const publish = (s: number, node: number): PublishedCount => {
    const v = variable(s, node);
    return status[v] === SHOWN ? { count: values[v] ?? 0 } : HIDDEN;
  };
  const percent = (count: PublishedCount, base: PublishedCount): number | null =>
    'hidden' in count || 'hidden' in base || base.count === 0 ? null : (count.count / base.count) * 100;

  // No existence leaks: a segment value is named only where some published cell with it
  // shows a number above 0 (which already says the group exists, with at least k members);
  // cells of a value never shown are left out altogether, so a year group whose every
  // number is hidden is not named as present.
  const present = lattice.segmentValues.map((list) => new Uint8Array(list.length));
  const nodeShows = new Uint8Array(nodeCount);
  for (let v = 0; v < values.length; v++) if (status[v] === SHOWN && values[v]! > 0) nodeShows[v % nodeCount] = 1;
  for (let node = 0; node < nodeCount; node++) {
    if (!nodeShows[node]) continue;
    for (let d = 0; d < tally.segments.length; d++) {
      const c = lattice.coordinate(node, d);
      if (c !== undefined) present[d]![c] = 1;
    }
  }
  const published = (node: number): boolean => {
    for (let d = 0; d < tally.segments.length; d++) {
      const c = lattice.coordinate(node, d);
      if (c !== undefined && !present[d]![c]) return false;
    }
    return true;
  };
  const nodes: number[] = [];
  for (let node = 0; node < nodeCount; node++) if (published(node)) nodes.push(node);

  const respondents: Record<PublishedKey, PublishedCount> = {};
  for (const node of nodes) respondents[lattice.key(node)] = publish(respondentsSeries, node);

  const questions = tally.questions.map((question, index): PublishedQuestion => {
    const layout = layouts[index]!;
    const choiceCell = (
      node: number,
      base: number,
      missing: number,
      counts: readonly number[],
      groups: ReadonlyArray<readonly [string, number]> = [],
    ): PublishedChoiceCell => {
      const publishedBase = publish(base, node);
      const publishedCounts = counts.map((s) => publish(s, node));
      return {
        base: publishedBase,
        missing: publish(missing, node),
        counts: publishedCounts,
        percents: publishedCounts.map((count) => percent(count, publishedBase)),
        ...(groups.length > 0 ? { groups: Object.fromEntries(groups.map(([name, s]) => [name, publish(s, node)])) } : {}),
      };
    };
    const groupingsOf = groupings[question.name] ? { groupings: Object.fromEntries(Object.entries(groupings[question.name]!).map(([n, v]) => [n, [...v]])) } : {};
    const head = { name: question.name, type: question.type, ...(question.title !== undefined ? { title: question.title } : {}) };
    const cellsOf = <T>(build: (node: number) => T): Record<PublishedKey, T> => {
      const cells: Record<PublishedKey, T> = {};
      for (const node of nodes) cells[lattice.key(node)] = build(node);
      return cells;
    };
    switch (question.kind) {
      case 'choice':
        return {
          ...head,
          kind: 'choice',
          categories: question.categories,
          ...groupingsOf,
          cells: cellsOf((node) => choiceCell(node, layout.base, layout.missing, layout.counts, layout.groups)),
        };
      case 'multi':
        return { ...head, kind: 'multi', categories: question.categories, cells: cellsOf((node) => choiceCell(node, layout.base, layout.missing, layout.counts)) };
      case 'matrix':
        return {
          ...head,
          kind: 'matrix',
          rows: question.rows,
          columns: question.columns,
          ...groupingsOf,
          cells: cellsOf((node) => ({
            rows: layout.matrixRows.map((row) => choiceCell(node, row.base, row.missing, row.counts, row.groups)),
          })),
        };
      case 'ranking':
        return {
          ...head,
          kind: 'ranking',
          categories: question.categories,
          cells: cellsOf((node) => ({
            base: publish(layout.base, node),
            missing: publish(layout.missing, node),
            counts: layout.ranks.map((positions) => positions.map((s) => publish(s, node))),
          })),
        };
      case 'numeric': {
        const summaries = numericSummaries(question, lattice);
        return {
          ...head,
          kind: 'numeric',
          cells: cellsOf((node) => {
            const base = publish(layout.base, node);
            const summary = summaries[node]!;
            const shown = 'count' in base && base.count > 0;
            const mean = shown ? summary.sum / summary.count : null;
            const variance =
              shown && summary.count > 1 ? (summary.sumSquares - summary.count * (mean ?? 0) ** 2) / (summary.count - 1) : null;
            const quartiles = shown ? quartilesOf(summary.sketch) : null;
            return {
              base,
              missing: publish(layout.missing, node),
              mean,
              standardDeviation: variance === null ? null : Math.sqrt(Math.max(0, variance)),
              quartiles,
            };
          }),
        };
      }
      case 'text':
        return { ...head, kind: 'text', cells: cellsOf((node) => ({ base: publish(layout.base, node), missing: publish(layout.missing, node) })) };
    }
  });

  const unknownQuestions = tally.unknownQuestions.map((unknown, index) => {
    const cells: Record<PublishedKey, PublishedCount> = {};
    for (const node of nodes) cells[lattice.key(node)] = publish(unknownSeries[index]!, node);
    return { name: unknown.name, cells };
  });

  const publication: PublishedTally = {
    format: PUBLISHED_FORMAT,
    version: 1,
    definition: tally.definition,
    ...(tally.survey !== undefined ? { survey: tally.survey } : {}),
    segments: [...tally.segments],
    totals: tally.segments.filter((key) => totals.includes(key)),
    segmentValues: lattice.segmentValues.map((list, d) => list.filter((_, c) => present[d]![c])),
    k,
    respondents,
    questions,
    unknownQuestions,
  };
  return {
    published: publication,
    values,
    equations,
    status,
    exempt,
    protection,
    solver,
    label: (v) => ({ key: lattice.key(v % nodeCount), number: series[Math.floor(v / nodeCount)]!.label }),
  };
}

/** One hidden number in a {@link SuppressionReport}. */
export interface HiddenNumber {
  /** The published cell. */
  readonly key: PublishedKey;
  /** Which number of the cell: `respondents`, `"safe".counts.2`, `"safe".base`… */
  readonly number: string;
  /** Why it is hidden: its own value is below k, or it protects another hidden number. */
  readonly reason: SuppressionReason;
  /** The smallest and largest value an attacker can derive from the publication. */
  readonly lower: number;
  readonly upper: number;
}

/**
 * For the publisher only, never for publication: why each number is hidden and what an
 * attacker can derive about it. The publication itself says only "hidden".
 */
export interface SuppressionReport {
  readonly published: PublishedTally;
  readonly protection: number;
  readonly hidden: HiddenNumber[];
}

/**
 * `suppress` plus its audit report: every hidden number with its reason and the interval an
 * attacker can derive (an exact LP bound per number, so slower than `suppress`). For the
 * publisher's own checks and for tests.
 */
export function suppressionReport(tally: Tally, options: SuppressOptions = {}): SuppressionReport {
  const result = plan(tally, options);
  if (!result.solver) throw new SuppressionError('suppressionReport needs the LP solver: `await loadLpSolver()` first.');
  const audit = auditIntervals(result.solver, {
    values: result.values,
    equations: result.equations(),
    hidden: result.status,
    protection: result.protection,
    exempt: result.exempt,
    mode: 'exact',
  });
  const shownKeys = new Set(Object.keys(result.published.respondents));
  const hidden: HiddenNumber[] = [];
  result.status.forEach((state, v) => {
    if (state === SHOWN) return;
    const { key, number } = result.label(v);
    if (!shownKeys.has(key)) return; // left out of the publication with its segment value
    const interval = audit.intervals.get(v) ?? { lower: 0, upper: Number.POSITIVE_INFINITY };
    hidden.push({ key, number, reason: state === BELOW_K ? 'below-k' : 'complementary', ...interval });
  });
  return { published: result.published, protection: result.protection, hidden };
}

/** `suppress` after loading the LP solver (once per thread). */
export async function suppressAsync(tally: Tally, options: SuppressOptions = {}): Promise<PublishedTally> {
  const solver = options.solver ?? (await loadLpSolver());
  return suppress(tally, { ...options, solver });
}

// ---------------------------------------------------------------------------------------
// Question layouts: which numbers a question publishes and how they relate.

interface Relation {
  /** A series index, or the shared respondents series. */
  readonly total: number | 'respondents';
  readonly parts: readonly number[];
  /** Add the equation only where it holds (complete rankings). */
  readonly onlyIfHolds?: boolean;
}

interface Layout {
  base: number;
  missing: number;
  counts: number[];
  /** Grouping name → series. */
  groups: Array<readonly [string, number]>;
  matrixRows: Array<{ base: number; missing: number; counts: number[]; groups: Array<readonly [string, number]> }>;
  ranks: number[][];
  relations: Relation[];
  /** `part ≤ total` in every cell (a multi-select or ranking count is at most its base). */
  bounds: Array<{ part: number; total: number }>;
  /** Moves besides swaps (a ranking's rectangles), as leaf increments. */
  extra: Array<Array<readonly [number, number]>>;
  /** What one more respondent could answer besides a single leaf (see `SeriesFamily.joins`). */
  joins: Array<Array<readonly [number, number]>>;
}

type AddSeries = (cost: number, read: (key: CellKey) => number, label: string) => number;

function layoutQuestion(
  question: QuestionTally,
  addSeries: AddSeries,
  groupings: Readonly<Record<string, readonly string[]>>,
): Layout {
  const layout: Layout = { base: -1, missing: -1, counts: [], groups: [], matrixRows: [], ranks: [], relations: [], bounds: [], extra: [], joins: [] };
  /** Labels name a number by its path in the published question (for the audit report). */
  const q = `${JSON.stringify(question.name)}`;
  /** Each grouping is a series of its own that adds up from its categories' series. */
  const groupSeries = (categories: readonly Category[], counts: readonly number[], read: (key: CellKey, index: number) => number, prefix: string) =>
    Object.entries(groupings).map(([name, values]) => {
      const indices = values.map((value) => categories.findIndex((c) => c.value === value));
      const series = addSeries(COST.grouping, (key) => indices.reduce((sum, i) => sum + read(key, i), 0), `${prefix}groups.${name}`);
      layout.relations.push({ total: series, parts: indices.map((i) => counts[i]!) });
      return [name, series] as const;
    });
  switch (question.kind) {
    case 'choice': {
      const cell = (key: CellKey) => question.cells[key];
      layout.counts = question.categories.map((_, i) => addSeries(COST.count, (key) => cell(key)?.counts[i] ?? 0, `${q}.counts.${i}`));
      layout.base = addSeries(COST.base, (key) => (cell(key)?.counts ?? []).reduce((a, b) => a + b, 0), `${q}.base`);
      layout.missing = addSeries(COST.missing, (key) => (cell(key)?.unknown ?? 0) + (cell(key)?.notAnswered ?? 0), `${q}.missing`);
      layout.relations.push({ total: layout.base, parts: layout.counts });
      layout.groups = groupSeries(question.categories, layout.counts, (key, i) => cell(key)?.counts[i] ?? 0, `${q}.`);
      break;
    }
    case 'multi': {
      const cell = (key: CellKey) => question.cells[key];
      layout.counts = question.categories.map((_, i) => addSeries(COST.count, (key) => cell(key)?.counts[i] ?? 0, `${q}.counts.${i}`));
      layout.base = addSeries(COST.base, (key) => cell(key)?.answered ?? 0, `${q}.base`);
      layout.missing = addSeries(COST.missing, (key) => cell(key)?.notAnswered ?? 0, `${q}.missing`);
      for (const count of layout.counts) {
        layout.bounds.push({ part: count, total: layout.base });
        layout.joins.push([[layout.base, 1], [count, 1]]);
        // Someone who skipped the question ticks this answer instead.
        layout.extra.push([[count, 1], [layout.base, 1], [layout.missing, -1]]);
      }
      break;
    }
    case 'matrix': {
      const cell = (key: CellKey) => question.cells[key];
      layout.matrixRows = question.rows.map((_, r) => {
        const counts = question.columns.map((_, c) => addSeries(COST.count, (key) => cell(key)?.counts[r]?.[c] ?? 0, `${q}.rows.${r}.counts.${c}`));
        const base = addSeries(COST.base, (key) => (cell(key)?.counts[r] ?? []).reduce((a, b) => a + b, 0), `${q}.rows.${r}.base`);
        const missing = addSeries(
          COST.missing,
          (key) => (cell(key)?.rowUnknown[r] ?? 0) + (cell(key)?.rowNotAnswered[r] ?? 0),
          `${q}.rows.${r}.missing`,
        );
        layout.relations.push({ total: base, parts: counts }, { total: 'respondents', parts: [base, missing] });
        const groups = groupSeries(question.columns, counts, (key, c) => cell(key)?.counts[r]?.[c] ?? 0, `${q}.rows.${r}.`);
        return { base, missing, counts, groups };
      });
      // A matrix has a base and a missing count per row, none for the whole question.
      return layout;
    }
    case 'ranking': {
      const cell = (key: CellKey) => question.cells[key];
      const positions = question.categories.length;
      layout.ranks = question.categories.map((_, c) =>
        Array.from({ length: positions }, (_, p) => addSeries(COST.count, (key) => cell(key)?.counts[c]?.[p] ?? 0, `${q}.counts.${c}.${p}`)),
      );
      layout.base = addSeries(COST.base, (key) => cell(key)?.answered ?? 0, `${q}.base`);
      layout.missing = addSeries(COST.missing, (key) => cell(key)?.notAnswered ?? 0, `${q}.missing`);
      // Complete rankings make every choice's positions, and every position's choices, add
      // up to the base: an attacker who knows the survey knows that too.
      for (const row of layout.ranks) layout.relations.push({ total: layout.base, parts: row, onlyIfHolds: true });
      for (let p = 0; p < positions; p++) {
        layout.relations.push({ total: layout.base, parts: layout.ranks.map((row) => row[p]!), onlyIfHolds: true });
      }
      for (const row of layout.ranks) for (const count of row) layout.bounds.push({ part: count, total: layout.base });
      // Rectangles: one pupil's two choices change places; every row and column keeps its sum.
      const ranks = layout.ranks;
      // One more complete ranking (cyclic orders), or one more ranked item where rankings
      // are not complete.
      for (let shift = 0; shift < ranks.length; shift++) layout.joins.push(ranks.map((row, c) => [row[(c + shift) % positions]!, 1] as const));
      for (const row of ranks) {
        for (const count of row) {
          layout.joins.push([[layout.base, 1], [count, 1]]);
          layout.extra.push([[count, 1], [layout.base, 1], [layout.missing, -1]]);
        }
      }
      for (let shift = 0; shift < ranks.length; shift++) {
        layout.extra.push([...ranks.map((row, c) => [row[(c + shift) % positions]!, 1] as const), [layout.missing, -1]]);
      }
      for (let c1 = 0; c1 < ranks.length; c1++) {
        for (let c2 = c1 + 1; c2 < ranks.length; c2++) {
          for (let p1 = 0; p1 < positions; p1++) {
            for (let p2 = p1 + 1; p2 < positions; p2++) {
              layout.extra.push([[ranks[c1]![p1]!, 1], [ranks[c1]![p2]!, -1], [ranks[c2]![p1]!, -1], [ranks[c2]![p2]!, 1]]);
            }
          }
        }
      }
      break;
    }
    case 'numeric': {
      const cell = (key: CellKey) => question.cells[key];
      layout.base = addSeries(COST.base, (key) => cell(key)?.count ?? 0, `${q}.base`);
      layout.missing = addSeries(COST.missing, (key) => (cell(key)?.unknown ?? 0) + (cell(key)?.notAnswered ?? 0), `${q}.missing`);
      break;
    }
    case 'text': {
      const cell = (key: CellKey) => question.cells[key];
      layout.base = addSeries(COST.base, (key) => cell(key)?.answered ?? 0, `${q}.base`);
      layout.missing = addSeries(COST.missing, (key) => cell(key)?.notAnswered ?? 0, `${q}.missing`);
      break;
    }
  }
  layout.relations.push({ total: 'respondents', parts: [layout.base, layout.missing] });
  return layout;
}

// ---------------------------------------------------------------------------------------
// The lattice of published cells: every segment either fixed to a value or totalled.

interface Lattice {
  readonly nodeCount: number;
  readonly shape: LatticeShape;
  readonly segmentValues: SegmentValue[][];
  /** Raw cell key → the published cells it adds into (itself and all its margins). */
  readonly rawNodes: Map<CellKey, number[]>;
  readonly key: (node: number) => PublishedKey;
  /** The index of the node's value of segment d in `segmentValues[d]`, undefined for a total. */
  readonly coordinate: (node: number, d: number) => number | undefined;
  /** Number of totalled segments. */
  readonly level: (node: number) => number;
  /** For each totalled segment of the node, the cells it is the sum of. */
  readonly childrenByDimension: (node: number) => number[][];
}

function buildLattice(tally: Tally, totals: ReadonlySet<string>, maxCells: number): Lattice {
  const dimensions = tally.segments.length;
  const rawKeys = new Set<CellKey>(Object.keys(tally.respondents));
  for (const question of tally.questions) for (const key of Object.keys(question.cells)) rawKeys.add(key);
  for (const unknown of tally.unknownQuestions) for (const key of Object.keys(unknown.cells)) rawKeys.add(key);

  const segmentValues: SegmentValue[][] = Array.from({ length: dimensions }, () => []);
  const indexOf: Array<Map<SegmentValue, number>> = Array.from({ length: dimensions }, () => new Map());
  const parsed = new Map<CellKey, SegmentValue[]>();
  for (const key of rawKeys) {
    const values = parseCellKey(key);
    if (values.length !== dimensions) {
      throw new SuppressionError(`Cell ${key} does not have one value per segment (${tally.segments.join(', ')})`);
    }
    parsed.set(key, values);
    values.forEach((value, d) => {
      if (!indexOf[d]!.has(value)) {
        indexOf[d]!.set(value, segmentValues[d]!.length);
        segmentValues[d]!.push(value);
      }
    });
  }
  const hasTotal = tally.segments.map((key) => totals.has(key));
  const radix = segmentValues.map((values, d) => values.length + (hasTotal[d] ? 1 : 0));
  const nodeCount = radix.reduce((a, b) => a * b, 1);
  if (nodeCount > maxCells) {
    throw new SuppressionError(
      `Publishing every filter of ${tally.segments.join(' × ')} needs ${nodeCount} cells (limit ${maxCells}); use fewer segment keys or raise maxCells.`,
    );
  }
  const stride: number[] = [];
  let step = 1;
  for (let d = 0; d < dimensions; d++) {
    stride.push(step);
    step *= radix[d]!;
  }
  const coordinate = (node: number, d: number): number => Math.floor(node / stride[d]!) % radix[d]!;
  const isTotal = (node: number, d: number): boolean => hasTotal[d]! && coordinate(node, d) === radix[d]! - 1;

  const rawNodes = new Map<CellKey, number[]>();
  for (const [key, values] of parsed) {
    const coordinates = values.map((value, d) => indexOf[d]!.get(value)!);
  const nodes: number[] = [];
    for (let mask = 0; mask < 1 << dimensions; mask++) {
      if (hasTotal.some((total, d) => !total && (mask >> d) & 1)) continue;
      let node = 0;
      for (let d = 0; d < dimensions; d++) {
        node += stride[d]! * ((mask >> d) & 1 ? radix[d]! - 1 : coordinates[d]!);
      }
      nodes.push(node);
    }
    rawNodes.set(key, nodes);
  }

  /** Published keys, made once per cell. */
  const keys: Array<PublishedKey | undefined> = new Array<PublishedKey | undefined>(nodeCount);
  return {
    nodeCount,
    shape: { nodeCount, radix, stride, hasTotal },
    segmentValues,
    rawNodes,
    coordinate: (node, d) => (isTotal(node, d) ? undefined : coordinate(node, d)),
    key: (node) =>
      (keys[node] ??= publishedKey(
        Array.from({ length: dimensions }, (_, d) => (isTotal(node, d) ? TOTAL : segmentValues[d]![coordinate(node, d)]!)),
      )),
    level: (node) => {
      let level = 0;
      for (let d = 0; d < dimensions; d++) if (isTotal(node, d)) level++;
      return level;
    },
    childrenByDimension: (node) => {
      const groups: number[][] = [];
      for (let d = 0; d < dimensions; d++) {
        if (!isTotal(node, d)) continue;
        const base = node - stride[d]! * (radix[d]! - 1);
        groups.push(Array.from({ length: radix[d]! - 1 }, (_, v) => base + stride[d]! * v));
      }
      return groups;
    },
  };
}

interface NumericSummary {
  count: number;
  sum: number;
  sumSquares: number;
  sketch: QuantileSketch | null;
}

function numericSummaries(question: Extract<QuestionTally, { kind: 'numeric' }>, lattice: Lattice): NumericSummary[] {
  const summaries: NumericSummary[] = Array.from({ length: lattice.nodeCount }, () => ({
    count: 0,
    sum: 0,
    sumSquares: 0,
    sketch: null,
  }));
  for (const [key, nodes] of lattice.rawNodes) {
    const cell = question.cells[key];
    if (!cell) continue;
    for (const node of nodes) {
      const summary = summaries[node]!;
      summary.count += cell.count;
      summary.sum += cell.sum;
      summary.sumSquares += cell.sumSquares;
      summary.sketch = summary.sketch ? mergeSketches(summary.sketch, cell.sketch) : cell.sketch;
    }
  }
  return summaries;
}

function quartilesOf(sketch: QuantileSketch | null): readonly [number, number, number] | null {
  if (!sketch) return null;
  const q1 = sketchQuantile(sketch, 0.25);
  const q2 = sketchQuantile(sketch, 0.5);
  const q3 = sketchQuantile(sketch, 0.75);
  return q1 === null || q2 === null || q3 === null ? null : [q1, q2, q3];
}
