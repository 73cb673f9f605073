import type { ChartTranslation } from '../strings/translation.js';
import type { BarsFigure, DivergingFigure, DivergingItem, Figure } from './figure.js';
import { HIDDEN_MARK } from './hidden.js';

/** Formats numbers for one language; a hidden number is always the one mark. */
export class NumberWords {
  private readonly integer: Intl.NumberFormat;
  private readonly decimal: Intl.NumberFormat;

  constructor(lang: string) {
    const locale = lang === 'cy' ? 'cy-GB' : lang === 'en' ? 'en-GB' : lang;
    this.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  count(value: number | null): string {
    return value === null ? HIDDEN_MARK : this.integer.format(value);
  }

  /** A percentage as a chart label (whole number). */
  percent(value: number | null): string {
    return value === null ? HIDDEN_MARK : `${this.integer.format(value)}%`;
  }

  /** A percentage in a table (one decimal place). */
  percentPrecise(value: number | null): string {
    return value === null ? HIDDEN_MARK : `${this.decimal.format(value)}%`;
  }

  /** A statistic (mean, quartile). */
  statistic(value: number | null): string {
    return value === null ? HIDDEN_MARK : this.decimal.format(value);
  }
}

/** Sum of the entries on one side, or `null` if any of them is hidden. */
function sideShare(figure: DivergingFigure, item: DivergingItem, side: 'positive' | 'negative'): number | null {
  let total = 0;
  for (let i = 0; i < figure.categories.length; i++) {
    if (figure.categories[i]!.side !== side) continue;
    const percent = item.entries[i]!.percent;
    if (percent === null) return null;
    total += percent;
  }
  return total;
}

/** "agree or strongly agree": the labels of one side, nearest the middle first. */
function sideWords(figure: DivergingFigure, side: 'positive' | 'negative', t: ChartTranslation): string {
  const labels = figure.categories
    .filter((c) => c.side === side)
    .sort((a, b) => a.distance - b.distance)
    .map((c) => c.label.toLowerCase());
  return labels.join(` ${t.or} `);
}

function barsFinding(figure: BarsFigure, t: ChartTranslation, n: NumberWords): string {
  const candidates = figure.items.filter((item) => item.percent !== null && !item.excluded);
  if (figure.base === null || candidates.length === 0) return t.allHidden;
  const top = candidates.reduce((best, item) => (item.percent! > best.percent! ? item : best));
  const say = figure.measure === 'answered' ? t.findingBars : figure.measure === 'respondents' ? t.findingMulti : t.findingRanking;
  return say(top.label, n.percent(top.percent), n.count(figure.base));
}

function divergingFinding(figure: DivergingFigure, t: ChartTranslation, n: NumberWords): string {
  const positiveWords = sideWords(figure, 'positive', t);
  if (figure.items.length === 1) {
    const item = figure.items[0]!;
    if (item.base === null) return t.allHidden;
    return t.findingScale(
      n.percent(sideShare(figure, item, 'positive')),
      positiveWords,
      n.percent(sideShare(figure, item, 'negative')),
      sideWords(figure, 'negative', t),
      n.count(item.base),
      // When a "Don't know" is hidden the base is everyone who answered: say so, as the base line does.
      item.baseKind,
    );
  }
  // Rank rows on the positive side; if a part of it is hidden everywhere, on the negative side.
  for (const side of ['positive', 'negative'] as const) {
    const ranked = figure.items
      .map((item) => ({ item, share: sideShare(figure, item, side) }))
      .filter((entry): entry is { item: DivergingItem; share: number } => entry.share !== null);
    if (ranked.length === 0) continue;
    ranked.sort((a, b) => b.share - a.share);
    const high = ranked[0]!;
    const low = ranked[ranked.length - 1]!;
    return t.findingMatrix(high.item.label, n.percent(high.share), low.item.label, n.percent(low.share), sideWords(figure, side, t));
  }
  return figure.items.some((item) => item.answered !== null) ? t.someHidden : t.allHidden;
}

/**
 * The main finding of a figure in words, for the caption, the canvas label and live
 * announcements. It names the largest *shown* number and says when some are hidden; it never
 * says anything about a hidden one beyond the mark.
 */
export function findingOf(figure: Figure, t: ChartTranslation, n: NumberWords): string {
  let text: string;
  switch (figure.type) {
    case 'bars':
      text = barsFinding(figure, t, n);
      break;
    case 'diverging':
      text = divergingFinding(figure, t, n);
      break;
    case 'distribution':
      text =
        figure.base === null || figure.quartiles === null
          ? t.allHidden
          : t.findingDistribution(
              n.statistic(figure.quartiles[1]),
              n.statistic(figure.quartiles[0]),
              n.statistic(figure.quartiles[2]),
              n.statistic(figure.mean),
              n.count(figure.base),
            );
      break;
    case 'text':
      text = figure.base === null ? t.allHidden : t.findingText(n.count(figure.base));
      break;
  }
  return text;
}

/** The base line under a caption. */
export function baseLineOf(figure: Figure, t: ChartTranslation, n: NumberWords): string {
  switch (figure.type) {
    case 'bars':
      return (figure.measure === 'answered' ? t.baseAnswered : figure.measure === 'respondents' ? t.baseRespondents : t.baseRanked)(n.count(figure.base));
    case 'diverging': {
      const item = figure.items[0];
      if (figure.items.length === 1 && item) return item.baseKind === 'view' ? t.baseView(n.count(item.base)) : t.baseAnswered(n.count(item.base));
      return t.baseViewRows;
    }
    case 'distribution':
    case 'text':
      return t.baseAnswered(n.count(figure.base));
  }
}

/** A table of the same numbers as the chart: header cells, then rows whose first cell is a row header. */
export interface FigureTable {
  readonly head: string[];
  readonly rows: string[][];
}

/** The data table of a figure: every number the chart draws, and the hidden mark where it hides one. */
export function tableOf(figure: Figure, t: ChartTranslation, n: NumberWords): FigureTable {
  switch (figure.type) {
    case 'bars':
      return {
        head: [t.answer, t.percent, t.number],
        rows: [
          ...figure.items.map((item) => [item.label, n.percentPrecise(item.percent), n.count(item.count)]),
          [t.baseColumn, '', n.count(figure.base)],
        ],
      };
    case 'diverging':
      return {
        head: [figure.items.length > 1 ? t.item : t.answer, ...figure.categories.map((c) => (c.side === 'excluded' ? `${c.label} (${t.notInBase})` : c.label)), t.givingAView, t.baseColumn],
        rows: figure.items.map((item) => [
          item.label,
          ...item.entries.map((entry) => (entry.count === null ? n.count(null) : `${n.percentPrecise(entry.percent)} (${n.count(entry.count)})`)),
          // Without every excluded count the number giving a view is not known: not shown.
          item.baseKind === 'view' ? n.count(item.base) : n.count(null),
          n.count(item.answered),
        ]),
      };
    case 'distribution':
      return {
        head: [t.statistic, t.value],
        rows: [
          [t.answers, n.count(figure.base)],
          [t.mean, n.statistic(figure.mean)],
          [t.standardDeviation, n.statistic(figure.standardDeviation)],
          [t.lowerQuartile, n.statistic(figure.quartiles?.[0] ?? null)],
          [t.median, n.statistic(figure.quartiles?.[1] ?? null)],
          [t.upperQuartile, n.statistic(figure.quartiles?.[2] ?? null)],
        ],
      };
    case 'text':
      return { head: [t.statistic, t.value], rows: [[t.answers, n.count(figure.base)]] };
  }
}
