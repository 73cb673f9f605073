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
          x: {
            min: 0,
            max,
            // Whole tens (twenties on phones), never chart.js's fives.
            afterBuildTicks: (axis) => {
              axis.ticks = roundTicks(0, max, narrow ? 20 : 10).map((value) => ({ value }));
            },
            ticks: { callback: (value) => `${value}%`, maxRotation: 0, autoSkip: false },
            grid: { color: '#E5E5E5' },
          },
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

/** Room in pixels a chip ("■ 6%") takes beside a hidden block, for a percent label `text`. */
const chipPx = (text: string): number => 22 + 9 * text.length + 10;

/** The first multiple of a nice step (10, 20, 25, 50) whose ticks fit `plot` pixels, at least 44 px apart. */
function tickStep(low: number, high: number, plot: number, narrow: boolean): number {
  for (const step of narrow ? [20, 25, 50] : [10, 20, 25, 50]) {
    const ticks = (ceilTo(high, step) + ceilTo(-low, step)) / step + 1;
    if (ticks * 44 <= plot) return step;
  }
  return 50;
}

/** Ticks at whole multiples of `step` from `min` to `max`: 0 is always one of them. */
export function roundTicks(min: number, max: number, step: number): number[] {
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + 1e-9; value += step) ticks.push(value);
  return ticks;
}

/**
 * Diverging bars drawn as floating bars, so the layout is ours: negative answers to the left of
 * zero (strongest outermost), positive to the right, then the neutral middle and the answers
 * outside the base (grey) each in a region of their own beside the bar.
 *
 * A hidden number has no position: a part is drawn only where everything between it and its
 * side's start is shown. Each side walks outwards: shown parts at their true place until the
 * first hidden one, which becomes one hatched [c] block of a fixed width (the same in every
 * row, never the hidden value's) standing for "the rest of this side is not shown". Shown
 * numbers further out are written after the block as chips (a colour swatch and the percent),
 * not drawn as bars, because their place depends on the hidden ones.
 */
function divergingPlan(figure: DivergingFigure, t: ChartTranslation, n: NumberWords, reducedMotion: boolean, width: number): ChartPlan {
  const narrow = width < NARROW_BELOW;
  const categories = figure.categories;
  const plot = plotWidth(width, figure.items.length > 1);
  // A row with some numbers shown keeps a place for hidden ones; a row with nothing shown
  // gets the mark only.
  const partial = figure.items.map((item) => item.base !== null && item.entries.some((entry) => entry.count !== null));
  const regions = (['negative', 'positive', 'neutral', 'excluded'] as const).map((side) => ({
    side,
    members: categories
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.side === side)
      .sort((a, b) => a.c.distance - b.c.distance)
      .map(({ i }) => i),
  }));

  /** One side of one row, walked outwards: lengths in axis units from its start. */
  interface Walk {
    parts: Array<{ i: number; from: number; to: number }>;
    /** The first hidden category and its block, if the side has one. */
    block?: { i: number; from: number; to: number; covers: number[] };
    chips: Array<{ i: number; text: string }>;
    chipsPx: number;
    length: number;
  }
  const walk = (r: number, members: number[], w: number): Walk => {
    const item = figure.items[r]!;
    const out: Walk = { parts: [], chips: [], chipsPx: 0, length: 0 };
    if (!partial[r]) return out;
    let at = 0;
    for (const i of members) {
      const entry = item.entries[i]!;
      if (out.block) {
        if (entry.percent !== null) {
          const text = n.percent(entry.percent);
          // The first chip also pays for the gap after the block and some slack for the estimate.
          out.chipsPx += chipPx(text) + (out.chips.length === 0 ? 16 : 0);
          out.chips.push({ i, text });
        } else out.block.covers.push(i);
      } else if (entry.percent === null) {
        out.block = { i, from: at, to: at + w, covers: [i] };
        at += w;
      } else {
        out.parts.push({ i, from: at, to: at + entry.percent });
        at += entry.percent;
      }
    }
    out.length = at;
    return out;
  };

  // The block's width and the chips' room depend on the axis span, which depends on them:
  // two passes are enough (the block is a few per cent of the span).
  let w = 0;
  let unitsPerPx = 0;
  const layout = () => {
    const walks = figure.items.map((_, r) => regions.map((region) => walk(r, region.members, w)));
    const reach = (k: number) => Math.max(0, ...walks.map((row) => row[k]!.length + row[k]!.chipsPx * unitsPerPx));
    return { walks, negative: reach(0), positive: reach(1), neutral: reach(2), excluded: reach(3) };
  };
  // The diverging part's share of the plot (the regions beside take the rest), for the ticks.
  const stepFor = (p: ReturnType<typeof layout>) => {
    const diverging = (p.negative + p.positive) * 1.12;
    return tickStep(-p.negative, p.positive, (plot * diverging) / Math.max(1, diverging + p.neutral + p.excluded), narrow);
  };
  let pass = layout();
  for (let round = 0; round < 2; round++) {
    const s = stepFor(pass);
    const total = (ceilTo(pass.negative, s) + ceilTo(pass.positive, s)) * 1.18 + pass.neutral + pass.excluded;
    // The plot is a little narrower than estimated (axis labels, padding): err on the roomy side.
    unitsPerPx = total / (plot * 0.9);
    w = placeholderWidth(total, plot);
    pass = layout();
  }
  const step = stepFor(pass);
  // The axis ends on whole tens (at least one tick each side of 0), not on a whole tick step:
  // on a phone the step may be 50, and -100 for a side reaching 58 would squash every bar.
  const left = -Math.max(ceilTo(pass.negative, 10), step);
  const right = Math.max(ceilTo(pass.positive, 10), step);
  const span = right - left;
  const gap = span * 0.06;
  const neutralStart = right + gap;
  const excludedStart = neutralStart + (pass.neutral > 0 ? pass.neutral + gap : 0);
  const max = excludedStart + (pass.excluded > 0 ? pass.excluded : 0) + gap;
  // Where each region starts on the axis, and which way it grows.
  const origin = [
    { at: 0, sign: -1 },
    { at: 0, sign: 1 },
    { at: neutralStart, sign: 1 },
    { at: excludedStart, sign: 1 },
  ];
  const range = (k: number, from: number, to: number): [number, number] => {
    const { at, sign } = origin[k]!;
    return sign < 0 ? [at - to, at - from] : [at + from, at + to];
  };

  const data: BarValue[][] = categories.map(() => figure.items.map(() => null));
  const holes: BarValue[][] = categories.map(() => figure.items.map(() => null));
  const covers: number[][][] = categories.map(() => figure.items.map(() => []));
  const chips: Array<Array<{ at: number; direction: 'left' | 'right'; items: Array<{ text: string; colour: string }> }>> = figure.items.map(() => []);
  pass.walks.forEach((row, r) => {
    row.forEach((side, k) => {
      for (const part of side.parts) data[part.i]![r] = range(k, part.from, part.to);
      if (!side.block) return;
      holes[side.block.i]![r] = range(k, side.block.from, side.block.to);
      covers[side.block.i]![r] = side.block.covers;
      if (side.chips.length === 0) return;
      const [from, to] = range(k, side.block.from, side.block.to);
      chips[r]!.push({
        at: origin[k]!.sign < 0 ? from : to,
        direction: origin[k]!.sign < 0 ? 'left' : 'right',
        items: side.chips.map((chip) => ({ text: chip.text, colour: categories[chip.i]!.colour })),
      });
    });
  });
  // Blocks of category i go in a dataset of their own after the categories' (so a category's
  // dataset holds only the numbers drawn at their place, and null elsewhere).
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
        figure.items.map((_, r): BarLabel | null => {
          const p = figure.items[r]!.entries[i]!.percent;
          return p === null || data[i]![r] === null ? null : { text: n.percent(p), place: 'inside', fill: c.colour };
        }),
      ),
      hidden: figure.items.map((item, r) => (!partial[r] && item.entries.some((entry) => entry.count === null) ? 'start' : null)),
      placeholders: [...categories.map(() => false), ...holeSets.map(() => true)],
      chips,
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
                if (entry.count === null) {
                  const names = (covers[c!]![item.dataIndex] ?? [c!]).map((i) => categories[i]!.label);
                  return `${(names.length > 0 ? names : [category.label]).join(', ')}: ${HIDDEN_MARK} ${t.hiddenLegend}`;
                }
                return `${category.label}: ${n.percentPrecise(entry.percent)} (${n.count(entry.count)})`;
              },
            },
          },
        },
        scales: {
          x: {
            min: left,
            max,
            // Only the diverging part has a scale, in whole steps with 0 among them; the regions
            // beside carry direct labels.
            afterBuildTicks: (axis) => {
              axis.ticks = roundTicks(left, right, step).map((value) => ({ value }));
            },
            ticks: { callback: (value) => `${Math.abs(Number(value))}%`, maxRotation: 0, autoSkip: false },
            grid: {
              color: (context) => (context.tick?.value === 0 ? '#0B0C0C' : '#E5E5E5'),
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
