import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { NumberWords } from '../model/describe.js';
import { NARROW_BELOW } from '../lifecycle/width-controller.js';
import type { BarsFigure, DistributionFigure, DivergingFigure, Figure } from '../model/figure.js';
import { HIDDEN_MARK } from '../model/hidden.js';
import { NEUTRAL_GREY, SINGLE } from '../model/palette.js';
import type { ChartTranslation } from '../strings/translation.js';
import { directLabels, type BarLabel, type LabelSpec } from './direct-labels.js';

/** Data a Pupil Voice chart draws: a value per row, a [start, end] for floating bars, or null (hidden). */
export type BarValue = number | [number, number] | null;
export type BarConfig = ChartConfiguration<'bar', BarValue[], string | string[]>;

/** A chart.js configuration, the labels our plugin draws, and the canvas height it needs. */
export interface ChartPlan {
  readonly config: BarConfig;
  readonly labels: LabelSpec;
  readonly height: number;
}

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const FONT = `14px ${FONT_FAMILY}`;

/** Splits a long category label over lines so it reads at phone width. */
export function wrapLabel(text: string, width = 28): string | string[] {
  if (text.length <= width) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.slice(0, 4);
}

const ceilTo = (value: number, step: number): number => Math.max(step, Math.ceil(value / step) * step);

function baseOptions(reducedMotion: boolean, rows: number): Omit<NonNullable<BarConfig['options']>, 'scales'> {
  return {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion ? false : { duration: 400 },
    layout: { padding: { right: 8 } },
    font: { family: FONT_FAMILY, size: 14 },
    plugins: {
      tooltip: { enabled: true },
    },
    datasets: { bar: { barPercentage: rows > 6 ? 0.85 : 0.75, categoryPercentage: 0.9 } },
  } as Omit<NonNullable<BarConfig['options']>, 'scales'>;
}

function heightFor(rows: number, lines: number): number {
  return Math.max(120, 48 + rows * Math.max(34, 18 * lines + 10));
}

function barsPlan(figure: BarsFigure, t: ChartTranslation, n: NumberWords, reducedMotion: boolean, narrow: boolean): ChartPlan {
  const labels = figure.items.map((item) => wrapLabel(item.label, narrow ? 16 : 28));
  const percents = figure.items.map((item) => item.percent);
  const top = Math.max(0, ...percents.map((p) => p ?? 0));
  const max = Math.min(100, ceilTo(top * 1.2 + 8, 10));
  const lines = Math.max(1, ...labels.map((l) => (Array.isArray(l) ? l.length : 1)));
  const options = baseOptions(reducedMotion, labels.length);
  return {
    height: heightFor(labels.length, lines),
    labels: {
      font: FONT,
      labels: [figure.items.map((item): BarLabel | null => (item.percent === null ? null : { text: n.percent(item.percent), place: 'end', fill: item.colour }))],
      hidden: figure.items.map((item) => (item.count === null ? 'start' : null)),
    },
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: t.percent,
            data: percents,
            backgroundColor: figure.items.map((item) => item.colour),
            borderColor: '#FFFFFF',
            borderWidth: 1,
          },
        ],
      },
      options: {
        ...options,
        plugins: {
          ...options.plugins,
          tooltip: {
            callbacks: {
              label: (item: TooltipItem<'bar'>) => {
                const bar = figure.items[item.dataIndex];
                if (!bar || bar.count === null) return `${HIDDEN_MARK} ${t.hiddenLegend}`;
                return `${n.percentPrecise(bar.percent)} (${n.count(bar.count)} / ${n.count(figure.base)})`;
              },
            },
          },
        },
        scales: {
          x: { min: 0, max, ticks: { callback: (value) => `${value}%`, maxRotation: 0, maxTicksLimit: narrow ? 6 : 11 }, grid: { color: '#E5E5E5' } },
          y: { grid: { display: false }, ticks: { color: '#0B0C0C', autoSkip: false } },
        },
      },
      plugins: [directLabels],
    },
  };
}

/**
 * Diverging bars drawn as floating bars, so the layout is ours: negative answers to the left of
 * zero (strongest outermost), positive to the right, then the neutral middle and the answers
 * outside the base (grey) each in a region of their own beside the bar.
 */
function divergingPlan(figure: DivergingFigure, t: ChartTranslation, n: NumberWords, reducedMotion: boolean, narrow: boolean): ChartPlan {
  const categories = figure.categories;
  const sum = (side: string, item: DivergingFigure['items'][number]) =>
    categories.reduce((total, c, i) => (c.side === side ? total + (item.entries[i]!.percent ?? 0) : total), 0);
  const left = -Math.min(100, ceilTo(Math.max(0, ...figure.items.map((item) => sum('negative', item))), 10));
  const right = Math.min(100, ceilTo(Math.max(0, ...figure.items.map((item) => sum('positive', item))), 10));
  const span = right - left;
  const gap = span * 0.06;
  const neutralWidth = Math.max(0, ...figure.items.map((item) => sum('neutral', item)));
  const neutralStart = right + gap;
  const excludedStart = neutralStart + (neutralWidth > 0 ? neutralWidth + gap : 0);
  const excludedWidth = Math.max(0, ...figure.items.map((item) => sum('excluded', item)));
  const max = excludedStart + (excludedWidth > 0 ? excludedWidth : 0) + gap;

  // Positions per item: walk each side from the middle outwards.
  const data: BarValue[][] = categories.map(() => []);
  for (const item of figure.items) {
    let negative = 0;
    let positive = 0;
    let excluded = excludedStart;
    const order = categories.map((c, i) => ({ c, i }));
    const negatives = order.filter(({ c }) => c.side === 'negative').reverse();
    for (const { i } of negatives) {
      const p = item.entries[i]!.percent;
      data[i]!.push(p === null ? null : [-(negative + p), -negative]);
      if (p !== null) negative += p;
    }
    for (const { c, i } of order) {
      const p = item.entries[i]!.percent;
      if (c.side === 'positive') {
        data[i]!.push(p === null ? null : [positive, positive + p]);
        if (p !== null) positive += p;
      } else if (c.side === 'neutral') {
        data[i]!.push(p === null ? null : [neutralStart, neutralStart + p]);
      } else if (c.side === 'excluded') {
        data[i]!.push(p === null ? null : [excluded, excluded + p]);
        if (p !== null) excluded += p;
      }
    }
  }
  // One row: the caption already names it, so the bar gets the whole width.
  const labels = figure.items.length === 1 ? [''] : figure.items.map((item) => wrapLabel(item.label, narrow ? 16 : 28));
  const lines = Math.max(1, ...labels.map((l) => (Array.isArray(l) ? l.length : 1)));
  const options = baseOptions(reducedMotion, labels.length);
  return {
    height: heightFor(labels.length, lines),
    labels: {
      font: FONT,
      labels: categories.map((c, i) =>
        figure.items.map((item): BarLabel | null => {
          const p = item.entries[i]!.percent;
          return p === null ? null : { text: n.percent(p), place: 'inside', fill: c.colour };
        }),
      ),
      hidden: figure.items.map((item) => (item.entries.some((entry) => entry.count === null) ? 'row-end' : null)),
    },
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: categories.map((c, i) => ({
          label: c.label,
          data: data[i]!,
          backgroundColor: c.colour,
          borderColor: '#FFFFFF',
          borderWidth: 1,
          borderSkipped: false,
          grouped: false,
        })),
      },
      options: {
        ...options,
        plugins: {
          ...options.plugins,
          tooltip: {
            callbacks: {
              label: (item: TooltipItem<'bar'>) => {
                const entry = figure.items[item.dataIndex]?.entries[item.datasetIndex];
                const category = categories[item.datasetIndex];
                if (!entry || !category) return '';
                if (entry.count === null) return `${category.label}: ${HIDDEN_MARK} ${t.hiddenLegend}`;
                return `${category.label}: ${n.percentPrecise(entry.percent)} (${n.count(entry.count)})`;
              },
            },
          },
        },
        scales: {
          x: {
            min: left,
            max,
            ticks: {
              // Only the diverging part has a scale; the regions beside carry direct labels.
              callback: (value) => (typeof value === 'number' && value <= right ? `${Math.abs(value)}%` : ''),
              stepSize: span > 100 || narrow ? 20 : 10,
              maxRotation: 0,
              autoSkip: true,
            },
            grid: {
              color: (context) => (context.tick?.value === 0 ? '#0B0C0C' : typeof context.tick?.value === 'number' && context.tick.value > right ? 'transparent' : '#E5E5E5'),
              lineWidth: (context) => (context.tick?.value === 0 ? 2 : 1),
            },
          },
          y: { grid: { display: false }, ticks: { color: '#0B0C0C', autoSkip: false } },
        },
      },
      plugins: [directLabels],
    },
  };
}

/** Numbers: a floating bar across the middle half (lower to upper quartile), labelled with the median. */
function distributionPlan(figure: DistributionFigure, t: ChartTranslation, n: NumberWords, reducedMotion: boolean): ChartPlan {
  const q = figure.quartiles;
  const options = baseOptions(reducedMotion, 1);
  const low = q ? q[0] : 0;
  const high = q ? q[2] : 1;
  const pad = Math.max(1, (high - low) * 0.5);
  return {
    height: 140,
    labels: {
      font: FONT,
      labels: [[q ? { text: `${t.median} ${n.statistic(q[1])}`, place: 'end', fill: SINGLE } : null]],
      hidden: [q ? null : 'start'],
    },
    config: {
      type: 'bar',
      data: {
        labels: [t.answers],
        datasets: [{ label: t.answers, data: [q ? [q[0], q[2]] : null], backgroundColor: SINGLE, borderColor: NEUTRAL_GREY, borderWidth: 1 }],
      },
      options: {
        ...options,
        plugins: {
          ...options.plugins,
          tooltip: {
            callbacks: {
              label: () =>
                q
                  ? `${t.lowerQuartile} ${n.statistic(q[0])}, ${t.median} ${n.statistic(q[1])}, ${t.upperQuartile} ${n.statistic(q[2])}`
                  : `${HIDDEN_MARK} ${t.hiddenLegend}`,
            },
          },
        },
        scales: {
          x: { min: Math.floor(low - pad), max: Math.ceil(high + pad * 2), grid: { color: '#E5E5E5' } },
          y: { grid: { display: false }, ticks: { color: '#0B0C0C' } },
        },
      },
      plugins: [directLabels],
    },
  };
}

/** The chart plan of a figure, or undefined when it has nothing to draw (free text). */
/** `width`: the element's width in CSS pixels; below 520 labels wrap shorter and ticks thin out. */
export function planOf(figure: Figure, t: ChartTranslation, n: NumberWords, reducedMotion: boolean, width = 640): ChartPlan | undefined {
  const narrow = width < NARROW_BELOW;
  switch (figure.type) {
    case 'bars':
      return barsPlan(figure, t, n, reducedMotion, narrow);
    case 'diverging':
      return figure.categories.length === 0 ? undefined : divergingPlan(figure, t, n, reducedMotion, narrow);
    case 'distribution':
      return distributionPlan(figure, t, n, reducedMotion);
    case 'text':
      return undefined;
  }
}
