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

function barsPlan(figure: BarsFigure, t: ChartTranslation, n: NumberWords, reducedMotion: boolean, width: number): ChartPlan {
  const narrow = width < NARROW_BELOW;
  const labels = figure.items.map((item) => wrapLabel(item.label, narrow ? 16 : 28));
  const percents = figure.items.map((item) => item.percent);
  const top = Math.max(0, ...percents.map((p) => p ?? 0));
  // On phones ticks go in 20s: end the axis on one, so no two tick labels crowd at its end.
  const max = Math.min(100, ceilTo(top * 1.2 + 8, narrow ? 20 : 10));
  const lines = Math.max(1, ...labels.map((l) => (Array.isArray(l) ? l.length : 1)));
  const options = baseOptions(reducedMotion, labels.length);
  // A hidden bar keeps its row: a [c] placeholder of one fixed width (never its value), with
  // its tooltip. When everything is hidden there is nothing to place it against: the mark only.
  const placeholder = figure.base === null ? 0 : placeholderWidth(max, plotWidth(width, true));
  const placeholders = figure.items.map((item): BarValue => (placeholder > 0 && item.count === null ? [0, placeholder] : null));
  const anyPlaceholder = placeholders.some((value) => value !== null);
  return {
    height: heightFor(labels.length, lines),
    labels: {
      font: FONT,
      labels: [figure.items.map((item): BarLabel | null => (item.percent === null ? null : { text: n.percent(item.percent), place: 'end', fill: item.colour }))],
      hidden: figure.items.map((item, i) => (item.count === null && placeholders[i] === null ? 'start' : null)),
      placeholders: anyPlaceholder ? [false, true] : [false],
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
            grouped: false,
          },
          ...(anyPlaceholder ? [placeholderDataset(placeholders)] : []),
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

/** Width on screen of a hidden number's placeholder: room for "[c]", the same for every one. */
const PLACEHOLDER_PX = 32;

/** Roughly the plot's width in pixels for an element `width` wide (with or without row labels). */
export const plotWidth = (width: number, rowLabels: boolean): number => Math.max(120, width - (rowLabels ? (width < NARROW_BELOW ? 130 : 220) : 0) - 24);

/** A placeholder's width in axis units, for an axis `span` units wide drawn over `plot` pixels. */
export const placeholderWidth = (span: number, plot: number): number => (PLACEHOLDER_PX * span) / plot;

/**
 * The dataset of hidden numbers' placeholders: drawn by the direct-labels plugin (hatched, a
 * dashed outline and "[c]"), not by chart.js, so it is never mistaken for a bar; it is there
 * for the layout and so a pointer over the gap gets the [c] tooltip.
 */
export function placeholderDataset(data: BarValue[]): BarConfig['data']['datasets'][number] {
  return { label: HIDDEN_MARK, data, backgroundColor: 'rgba(0,0,0,0)', borderWidth: 0, borderSkipped: false, grouped: false };
}

/**
 * Diverging bars drawn as floating bars, so the layout is ours: negative answers to the left of
 * zero (strongest outermost), positive to the right, then the neutral middle and the answers
 * outside the base (grey) each in a region of their own beside the bar.
 */
function divergingPlan(figure: DivergingFigure, t: ChartTranslation, n: NumberWords, reducedMotion: boolean, width: number): ChartPlan {
  const narrow = width < NARROW_BELOW;
  const categories = figure.categories;
  // A row with some numbers shown keeps a place for each hidden one: a [c] placeholder of one
  // fixed width (never its value). A row with nothing shown gets the mark only.
  const partial = figure.items.map((item) => item.base !== null && item.entries.some((entry) => entry.count !== null));
  const isPlaceholder = (r: number, i: number): boolean => partial[r]! && figure.items[r]!.entries[i]!.count === null;
  // Tick step: the axis ends on whole steps, so 0 is always a tick.
  let step = narrow ? 20 : 10;
  const extent = (w: number) => {
    const sum = (side: string, r: number) =>
      categories.reduce((total, c, i) => (c.side !== side ? total : total + (isPlaceholder(r, i) ? w : (figure.items[r]!.entries[i]!.percent ?? 0))), 0);
    const rows = figure.items.map((_, r) => r);
    return {
      left: -Math.min(ceilTo(100 + 4 * w, step), ceilTo(Math.max(0, ...rows.map((r) => sum('negative', r))), step)),
      right: Math.min(ceilTo(100 + 4 * w, step), ceilTo(Math.max(0, ...rows.map((r) => sum('positive', r))), step)),
      neutral: Math.max(0, ...rows.map((r) => sum('neutral', r))),
      excluded: Math.max(0, ...rows.map((r) => sum('excluded', r))),
    };
  };
  const plot = plotWidth(width, figure.items.length > 1);
  const first = extent(0);
  const rough = first.right - first.left + first.neutral + first.excluded;
  const w = placeholderWidth(rough * 1.15, plot);
  if (extent(w).right - extent(w).left > 100) step = 20;
  const { left, right, neutral: neutralWidth, excluded: excludedWidth } = extent(w);
  const span = right - left;
  const gap = span * 0.06;
  const neutralStart = right + gap;
  const excludedStart = neutralStart + (neutralWidth > 0 ? neutralWidth + gap : 0);
  const max = excludedStart + (excludedWidth > 0 ? excludedWidth : 0) + gap;

  // Positions per item: walk each side from the middle outwards; a placeholder takes its
  // fixed width where its number would be.
  const data: BarValue[][] = categories.map(() => []);
  const holes: BarValue[][] = categories.map(() => []);
  figure.items.forEach((item, r) => {
    let negative = 0;
    let positive = 0;
    let excluded = excludedStart;
    const widthOf = (i: number): number | null => (isPlaceholder(r, i) ? w : item.entries[i]!.percent);
    const place = (i: number, range: [number, number] | null) => {
      const hole = isPlaceholder(r, i);
      data[i]!.push(hole ? null : range);
      holes[i]!.push(hole ? range : null);
    };
    const order = categories.map((c, i) => ({ c, i }));
    for (const { i } of order.filter(({ c }) => c.side === 'negative').reverse()) {
      const p = widthOf(i);
      place(i, p === null ? null : [-(negative + p), -negative]);
      if (p !== null) negative += p;
    }
    for (const { c, i } of order) {
      const p = widthOf(i);
      if (c.side === 'positive') {
        place(i, p === null ? null : [positive, positive + p]);
        if (p !== null) positive += p;
      } else if (c.side === 'neutral') {
        place(i, p === null ? null : [neutralStart, neutralStart + p]);
      } else if (c.side === 'excluded') {
        place(i, p === null ? null : [excluded, excluded + p]);
        if (p !== null) excluded += p;
      }
    }
  });
  // Placeholders of category i go in a dataset of their own after the categories' (so a
  // category's dataset holds only its shown numbers, and null where hidden).
  const holeSets = categories.flatMap((_, i) => (holes[i]!.some((value) => value !== null) ? [i] : []));
  // One row: the caption already names it, so the bar gets the whole width.
  const labels = figure.items.length === 1 ? [''] : figure.items.map((item) => wrapLabel(item.label, narrow ? 16 : 28));
  const lines = Math.max(1, ...labels.map((l) => (Array.isArray(l) ? l.length : 1)));
  const options = baseOptions(reducedMotion, labels.length);
  const categoryOf = (datasetIndex: number): number | undefined => (datasetIndex < categories.length ? datasetIndex : holeSets[datasetIndex - categories.length]);
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
      hidden: figure.items.map((item, r) => (!partial[r] && item.entries.some((entry) => entry.count === null) ? 'start' : null)),
      placeholders: [...categories.map(() => false), ...holeSets.map(() => true)],
    },
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          ...categories.map((c, i) => ({
            label: c.label,
            data: data[i]!,
            backgroundColor: c.colour,
            borderColor: '#FFFFFF',
            borderWidth: 1,
            borderSkipped: false as const,
            grouped: false,
          })),
          ...holeSets.map((i) => ({ ...placeholderDataset(holes[i]!), label: `${categories[i]!.label} ${HIDDEN_MARK}` })),
        ],
      },
      options: {
        ...options,
        plugins: {
          ...options.plugins,
          tooltip: {
            callbacks: {
              label: (item: TooltipItem<'bar'>) => {
                const c = categoryOf(item.datasetIndex);
                const entry = c === undefined ? undefined : figure.items[item.dataIndex]?.entries[c];
                const category = c === undefined ? undefined : categories[c];
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
              stepSize: step,
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
      placeholders: [false],
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
  switch (figure.type) {
    case 'bars':
      return barsPlan(figure, t, n, reducedMotion, width);
    case 'diverging':
      return figure.categories.length === 0 ? undefined : divergingPlan(figure, t, n, reducedMotion, width);
    case 'distribution':
      return distributionPlan(figure, t, n, reducedMotion);
    case 'text':
      return undefined;
  }
}
