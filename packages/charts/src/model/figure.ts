import type { Category, PublishedChoiceCell, PublishedQuestion } from '@pupil-voice/aggregate';
import { shown, type PublishedNumber } from './hidden.js';
import { CATEGORICAL, EXCLUDED_GREY, NEGATIVE, NEUTRAL_GREY, POSITIVE, SINGLE } from './palette.js';

/**
 * What one question's chart, caption and table show for one published cell: built once from
 * the publication and read by all three, so they cannot disagree. A hidden number is `null`
 * everywhere in a figure: it never becomes 0 and never carries a value.
 */
export type Figure = BarsFigure | DivergingFigure | DistributionFigure | TextFigure;

interface FigureBase {
  readonly question: string;
  readonly title: string;
}

/** One bar: a category's count and its percentage of the figure's base. */
export interface BarItem {
  readonly label: string;
  readonly count: number | null;
  readonly percent: number | null;
  /** Drawn grey: "Prefer not to say" and the like. */
  readonly excluded: boolean;
  readonly colour: string;
}

/** Horizontal bars: single choice (percent of those who answered), multi-select (percent of
 * respondents who ticked anything), ranking (percent who ranked it first). */
export interface BarsFigure extends FigureBase {
  readonly type: 'bars';
  readonly measure: 'answered' | 'respondents' | 'first';
  readonly base: number | null;
  readonly items: BarItem[];
}

/** Where a scale category is drawn. */
export type ScaleSide = 'negative' | 'neutral' | 'positive' | 'excluded';

export interface ScaleCategory {
  readonly value: string;
  readonly label: string;
  readonly side: ScaleSide;
  /** Order within its side, 0 nearest the middle of the scale (or first beside it). */
  readonly distance: number;
  readonly colour: string;
}

export interface ScaleEntry {
  readonly count: number | null;
  /** Of `base` for the scale's sides and neutral; of `answered` for excluded answers. */
  readonly percent: number | null;
}

/** One diverging row: a question on an agree/disagree scale, or one row of a matrix. */
export interface DivergingItem {
  readonly label: string;
  /** Everyone who chose an answer (the published base). */
  readonly answered: number | null;
  /** The percentage base: those giving a view (excluded answers taken out) when every
   * excluded count is shown; otherwise everyone who answered (`baseKind` says which). */
  readonly base: number | null;
  readonly baseKind: 'view' | 'answered';
  /** Aligned with the figure's categories. */
  readonly entries: ScaleEntry[];
}

/** Diverging bars: negative answers left of zero, positive right, the neutral middle and
 * excluded answers beside. */
export interface DivergingFigure extends FigureBase {
  readonly type: 'diverging';
  readonly categories: ScaleCategory[];
  readonly items: DivergingItem[];
}

/** Numbers: a distribution summary (quartiles, median, mean) of the published answers. */
export interface DistributionFigure extends FigureBase {
  readonly type: 'distribution';
  readonly base: number | null;
  readonly mean: number | null;
  readonly standardDeviation: number | null;
  readonly quartiles: readonly [number, number, number] | null;
}

/** Free text: only how many wrote something; the words are never published. */
export interface TextFigure extends FigureBase {
  readonly type: 'text';
  readonly base: number | null;
}

/** How to draw a choice question: `auto` picks diverging bars for agree/disagree scales and ratings. */
export type ScaleMode = 'auto' | 'bars' | 'diverging';

const EXCLUDED_WORDS = /\b(don'?t know|do not know|not sure|unsure|prefer not|rather not|not applicable|n\/a|can'?t say)\b/i;
const NEGATIVE_FIRST = /\b(disagree|never|not at all|very unhappy|unhappy|very poor|poor|very unlikely|unlikely|no,? never)\b/i;
const AGREE_SCALE = /\bagree\b/i;

const labelOf = (category: Category): string => category.label ?? category.value;

/** True for answers that stay outside a percentage base. */
export function isExcluded(category: Category): boolean {
  return category.special === 'preferNotToSay' || EXCLUDED_WORDS.test(labelOf(category)) || /^(prefer-?not|dont-?know|not-?sure)/i.test(category.value);
}

/**
 * Reads a list of categories as a scale: excluded answers aside, the first half negative and
 * the second positive (reversed when the list starts from the positive end), the middle one
 * neutral when there is an odd number. Returns `undefined` when the answers are not a scale
 * (fewer than three substantive answers, or `mode` says bars).
 */
export function readScale(categories: readonly Category[], type: string, kind: string, mode: ScaleMode): ScaleCategory[] | undefined {
  if (mode === 'bars') return undefined;
  const substantive = categories.filter((c) => !isExcluded(c));
  if (substantive.length < (kind === 'matrix' ? 1 : 3)) return undefined;
  const looksLikeScale = kind === 'matrix' || type === 'rating' || substantive.some((c) => AGREE_SCALE.test(labelOf(c)));
  if (mode === 'auto' && !looksLikeScale) return undefined;
  const firstNegative = NEGATIVE_FIRST.test(labelOf(substantive[0]!)) || !NEGATIVE_FIRST.test(labelOf(substantive[substantive.length - 1]!));
  const ordered = firstNegative ? substantive : [...substantive].reverse();
  const half = Math.floor(ordered.length / 2);
  const sideOf = new Map<string, { side: ScaleSide; distance: number }>();
  ordered.forEach((c, i) => {
    if (ordered.length % 2 === 1 && i === half) sideOf.set(c.value, { side: 'neutral', distance: 0 });
    else if (i < half) sideOf.set(c.value, { side: 'negative', distance: half - i - 1 });
    else sideOf.set(c.value, { side: 'positive', distance: i - (ordered.length - half) });
  });
  let excludedSeen = 0;
  return categories.map((c) => {
    const place = sideOf.get(c.value);
    if (!place) return { value: c.value, label: labelOf(c), side: 'excluded', distance: excludedSeen++, colour: EXCLUDED_GREY };
    const colour =
      place.side === 'neutral'
        ? NEUTRAL_GREY
        : (place.side === 'positive' ? POSITIVE : NEGATIVE)[Math.min(place.distance, POSITIVE.length - 1)]!;
    return { value: c.value, label: labelOf(c), side: place.side, distance: place.distance, colour };
  });
}

const percentOf = (count: number | null, base: number | null): number | null =>
  count === null || base === null || base === 0 ? null : (count / base) * 100;

function divergingItem(label: string, cell: PublishedChoiceCell | undefined, scale: readonly ScaleCategory[]): DivergingItem {
  const counts = scale.map((_, i) => shown(cell?.counts[i]));
  const answered = shown(cell?.base);
  const excluded = scale.flatMap((c, i) => (c.side === 'excluded' ? [counts[i]!] : []));
  const allExcludedShown = excluded.every((count) => count !== null);
  const base = answered === null ? null : allExcludedShown ? answered - excluded.reduce<number>((sum, count) => sum + (count ?? 0), 0) : answered;
  return {
    label,
    answered,
    base,
    baseKind: allExcludedShown ? 'view' : 'answered',
    entries: scale.map((c, i) => ({
      count: counts[i]!,
      percent: c.side === 'excluded' ? percentOf(counts[i]!, answered) : percentOf(counts[i]!, base),
    })),
  };
}

function barItems(categories: readonly Category[], counts: readonly (PublishedNumber | undefined)[], base: number | null): BarItem[] {
  return categories.map((category, i) => {
    const count = shown(counts[i]);
    const excluded = isExcluded(category);
    return { label: labelOf(category), count, percent: percentOf(count, base), excluded, colour: excluded ? EXCLUDED_GREY : SINGLE };
  });
}

/**
 * The figure of one question in one published cell. One adapter per question kind; `mode`
 * chooses between plain and diverging bars for single-choice questions.
 */
export function figureOf(question: PublishedQuestion, key: string, mode: ScaleMode = 'auto'): Figure {
  const head = { question: question.name, title: question.title ?? question.name };
  switch (question.kind) {
    case 'choice': {
      const cell = question.cells[key];
      const scale = readScale(question.categories, question.type, question.kind, mode);
      if (scale) return { ...head, type: 'diverging', categories: scale, items: [divergingItem(head.title, cell, scale)] };
      const base = shown(cell?.base);
      return { ...head, type: 'bars', measure: 'answered', base, items: barItems(question.categories, cell?.counts ?? [], base) };
    }
    case 'multi': {
      const cell = question.cells[key];
      const base = shown(cell?.base);
      return { ...head, type: 'bars', measure: 'respondents', base, items: barItems(question.categories, cell?.counts ?? [], base) };
    }
    case 'matrix': {
      const cell = question.cells[key];
      const scale = readScale(question.columns, question.type, question.kind, mode === 'bars' ? 'diverging' : mode) ?? [];
      return {
        ...head,
        type: 'diverging',
        categories: scale,
        items: question.rows.map((row, r) => divergingItem(labelOf(row), cell?.rows[r], scale)),
      };
    }
    case 'ranking': {
      const cell = question.cells[key];
      const base = shown(cell?.base);
      const firsts = question.categories.map((_, c) => cell?.counts[c]?.[0]);
      return { ...head, type: 'bars', measure: 'first', base, items: barItems(question.categories, firsts, base) };
    }
    case 'numeric': {
      const cell = question.cells[key];
      const base = shown(cell?.base);
      return {
        ...head,
        type: 'distribution',
        base,
        mean: base === null ? null : (cell?.mean ?? null),
        standardDeviation: base === null ? null : (cell?.standardDeviation ?? null),
        quartiles: base === null ? null : (cell?.quartiles ?? null),
      };
    }
    case 'text':
      return { ...head, type: 'text', base: shown(question.cells[key]?.base) };
  }
}

/** How many numbers of a figure are hidden (for the legend; never which or why). */
export function hiddenCount(figure: Figure): number {
  switch (figure.type) {
    case 'bars':
      return (figure.base === null ? 1 : 0) + figure.items.filter((item) => item.count === null).length;
    case 'diverging':
      return figure.items.reduce((sum, item) => sum + (item.answered === null ? 1 : 0) + item.entries.filter((e) => e.count === null).length, 0);
    case 'distribution':
    case 'text':
      return figure.base === null ? 1 : 0;
  }
}

/** Colours for groups compared side by side (pupils, parents, staff…), in palette order. */
export const GROUP_COLOURS = CATEGORICAL;
