import type { TooltipItem } from 'chart.js';
import type { PerceptionGap } from '@pupil-voice/aggregate';
import type { NumberWords } from '../model/describe.js';
import { NARROW_BELOW } from '../lifecycle/width-controller.js';
import { HIDDEN_MARK } from '../model/hidden.js';
import { CATEGORICAL, EXCLUDED_GREY } from '../model/palette.js';
import type { ChartTranslation } from '../strings/translation.js';
import { placeholderDataset, placeholderWidth, plotWidth, roundTicks, wrapLabel, type BarValue, type ChartPlan } from '../chart/chart-config.js';
import { directLabels, type BarLabel } from '../chart/direct-labels.js';
import type { CompareFigure } from './compare-model.js';

const FONT = '14px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** Groups side by side: one bar per group in each row, AF colours in palette order, labelled directly. */
export function comparePlan(figure: CompareFigure, t: ChartTranslation, n: NumberWords, reducedMotion: boolean, width = 640): ChartPlan {
  const narrow = width < NARROW_BELOW;
  const labels = figure.rows.map((row) => wrapLabel(row.label, narrow ? 16 : 28));
  const lines = Math.max(1, ...labels.map((l) => (Array.isArray(l) ? l.length : 1)));
  const top = Math.max(0, ...figure.rows.flatMap((row) => row.percents.map((p) => p ?? 0)));
  // On phones ticks go in 20s: end the axis on one, so no two tick labels crowd at its end.
  const step = narrow ? 20 : 10;
  const max = Math.min(100, Math.max(step, Math.ceil((top * 1.2 + 8) / step) * step));
  const perRow = Math.max(18 * lines + 10, figure.groups.length * 22 + 12);
  // A hidden group's bar keeps its slot in the row: a [c] placeholder of one fixed width, in a
  // dataset sharing the group's slot (same `stack`, values not stacked), with its tooltip.
  const w = placeholderWidth(max, plotWidth(width, true));
  const holes = figure.groups.map((_, g) => figure.rows.map((row): BarValue => ((row.percents[g] ?? null) === null ? [0, w] : null)));
  const holeGroups = figure.groups.flatMap((_, g) => (holes[g]!.some((value) => value !== null) ? [g] : []));
  const groupOf = (datasetIndex: number): number | undefined => (datasetIndex < figure.groups.length ? datasetIndex : holeGroups[datasetIndex - figure.groups.length]);
  return {
    height: Math.max(140, 56 + figure.rows.length * perRow),
    labels: {
      font: FONT,
      labels: figure.groups.map((_, g) =>
        figure.rows.map((row): BarLabel | null => {
          const p = row.percents[g] ?? null;
          return p === null ? null : { text: n.percent(p), place: 'end', fill: CATEGORICAL[g % CATEGORICAL.length]! };
        }),
      ),
      hidden: [],
      placeholders: [...figure.groups.map(() => false), ...holeGroups.map(() => true)],
    },
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          ...figure.groups.map((group, g) => ({
            label: t.groupName(group),
            data: figure.rows.map((row) => row.percents[g] ?? null),
            backgroundColor: CATEGORICAL[g % CATEGORICAL.length],
            borderColor: '#FFFFFF',
            borderWidth: 1,
            stack: `group-${g}`,
          })),
          ...holeGroups.map((g) => ({ ...placeholderDataset(holes[g]!), label: `${t.groupName(figure.groups[g]!)} ${HIDDEN_MARK}`, grouped: true, stack: `group-${g}` })),
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : { duration: 400 },
        plugins: {
          tooltip: {
            callbacks: {
              label: (item: TooltipItem<'bar'>) => {
                const row = figure.rows[item.dataIndex];
                const g = groupOf(item.datasetIndex) ?? 0;
                const group = figure.groups[g] ?? '';
                const p = row?.percents[g] ?? null;
                return p === null ? `${t.groupName(group)}: ${HIDDEN_MARK} ${t.hiddenLegend}` : `${t.groupName(group)}: ${n.percentPrecise(p)}`;
              },
            },
          },
        },
        scales: {
          // Datasets share a slot by `stack`; their values are never added up.
          x: {
            min: 0,
            max,
            stacked: false,
            // Whole tens (twenties on phones), never chart.js's fives.
            afterBuildTicks: (axis) => {
              axis.ticks = roundTicks(0, max, step).map((value) => ({ value }));
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

/** A perception gap with its label, as the gap chart draws it. */
export interface GapRow {
  readonly label: string;
  readonly gap: PerceptionGap;
}

/** Perception gaps ranked: each item's difference (points) as a bar across its 95% interval, the estimate labelled. */
export function gapPlan(rows: readonly GapRow[], t: ChartTranslation, n: NumberWords, reducedMotion: boolean, width = 640): ChartPlan {
  const narrow = width < NARROW_BELOW;
  const labels = rows.map((row) => wrapLabel(row.label, narrow ? 18 : 34));
  const lines = Math.max(1, ...labels.map((l) => (Array.isArray(l) ? l.length : 1)));
  const extent = Math.max(10, ...rows.flatMap((row) => [Math.abs(row.gap.difference.lower), Math.abs(row.gap.difference.upper)].map((v) => v * 100)));
  // Symmetric round ticks with 0 among them: at most 5 on phones, 11 on desktops.
  const most = narrow ? 5 : 11;
  const step = [10, 20, 25, 50].find((s) => 2 * Math.ceil((extent + 8) / s) + 1 <= most) ?? 50;
  const limit = Math.min(100, Math.ceil((extent + 8) / step) * step);
  return {
    height: Math.max(140, 56 + rows.length * Math.max(34, 18 * lines + 10)),
    labels: {
      font: FONT,
      labels: [rows.map((row): BarLabel => ({ text: `${row.gap.difference.estimate > 0 ? '+' : ''}${n.statistic(row.gap.difference.estimate * 100)}`, place: 'end', fill: '#12436D' }))],
      hidden: [],
    },
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: t.pointsDifference,
            data: rows.map((row) => [row.gap.difference.lower * 100, row.gap.difference.upper * 100] as [number, number]),
            backgroundColor: rows.map((row) => (row.gap.significant ? CATEGORICAL[0] : EXCLUDED_GREY)),
            borderColor: '#FFFFFF',
            borderWidth: 1,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : { duration: 400 },
        plugins: {
          tooltip: {
            callbacks: {
              label: (item: TooltipItem<'bar'>) => {
                const gap = rows[item.dataIndex]?.gap;
                return gap ? `${n.statistic(gap.difference.estimate * 100)} (${t.interval(n.statistic(gap.difference.lower * 100), n.statistic(gap.difference.upper * 100))})` : '';
              },
            },
          },
        },
        scales: {
          x: {
            min: -limit,
            max: limit,
            afterBuildTicks: (axis) => {
              axis.ticks = roundTicks(-limit, limit, step).map((value) => ({ value }));
            },
            ticks: { callback: (value) => `${typeof value === 'number' && value > 0 ? '+' : ''}${value}`, maxRotation: 0, autoSkip: false },
            grid: { color: (context) => (context.tick?.value === 0 ? '#0B0C0C' : '#E5E5E5'), lineWidth: (context) => (context.tick?.value === 0 ? 2 : 1) },
          },
          y: { grid: { display: false }, ticks: { color: '#0B0C0C', autoSkip: false } },
        },
      },
      plugins: [directLabels],
    },
  };
}
