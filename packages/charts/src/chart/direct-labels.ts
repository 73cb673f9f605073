import type { Chart, Plugin } from 'chart.js';
import { HIDDEN_MARK } from '../model/hidden.js';
import { textOn } from '../model/palette.js';

/** The label of one bar: its text, and where it goes. */
export interface BarLabel {
  readonly text: string;
  /** `end`: after the bar, in dark text; `inside`: centred, only if it fits; `start`: at
   * zero, for the hidden mark of a bar that is not drawn. */
  readonly place: 'end' | 'inside' | 'start';
  readonly fill: string;
}

/**
 * What the direct-labels plugin writes on a chart: per dataset and row, a label or nothing;
 * and per row whether a hidden mark goes at the start of the bar (`start`) or at the end of
 * the row (`row-end`).
 */
export interface LabelSpec {
  readonly labels: ReadonlyArray<ReadonlyArray<BarLabel | null>>;
  readonly hidden: ReadonlyArray<'start' | 'row-end' | null>;
  readonly font: string;
}

const specs = new WeakMap<HTMLCanvasElement, LabelSpec>();

/** Sets the labels a canvas's chart draws (read on every draw, so updates need no re-registration). */
export function setLabels(canvas: HTMLCanvasElement, spec: LabelSpec): void {
  specs.set(canvas, spec);
}

/**
 * Direct labels, our own (datalabels would add 5 KB and hides labels that overlap; here a label
 * that does not fit is left out and the table beside the chart carries every number), the
 * hidden mark where a hidden number's bar would be, and a white background so a downloaded PNG
 * is readable on any viewer.
 */
export const directLabels: Plugin<'bar'> = {
  id: 'pvDirectLabels',
  beforeDraw(chart: Chart<'bar'>) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
  afterDatasetsDraw(chart: Chart<'bar'>) {
    const spec = specs.get(chart.canvas);
    if (!spec) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.font = spec.font;
    ctx.textBaseline = 'middle';
    spec.labels.forEach((row, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.hidden) return;
      row.forEach((label, index) => {
        const element = meta.data[index];
        if (!label || !element) return;
        const { x, y, base } = element.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        const width = ctx.measureText(label.text).width;
        if (label.place === 'start') {
          const zero = chart.scales.x?.getPixelForValue(0) ?? chartArea.left;
          if (!Number.isFinite(y)) return;
          ctx.fillStyle = '#0B0C0C';
          ctx.textAlign = 'left';
          ctx.fillText(label.text, Math.max(chartArea.left, zero) + 6, y);
          return;
        }
        if (!Number.isFinite(x) || !Number.isFinite(base)) return;
        if (label.place === 'inside') {
          if (Math.abs(x - base) < width + 8) return;
          ctx.fillStyle = textOn(label.fill);
          ctx.textAlign = 'center';
          ctx.fillText(label.text, (x + base) / 2, y);
        } else {
          ctx.fillStyle = '#0B0C0C';
          ctx.textAlign = 'left';
          ctx.fillText(label.text, Math.max(x, base) + 6, y);
        }
      });
    });
    const yScale = chart.scales.y;
    const xScale = chart.scales.x;
    spec.hidden.forEach((where, index) => {
      if (!where || !yScale || !xScale) return;
      const y = yScale.getPixelForValue(index);
      ctx.fillStyle = '#0B0C0C';
      if (where === 'start') {
        ctx.textAlign = 'left';
        ctx.fillText(HIDDEN_MARK, Math.max(chartArea.left, xScale.getPixelForValue(0)) + 6, y);
      } else {
        ctx.textAlign = 'right';
        ctx.fillText(HIDDEN_MARK, chartArea.right - 2, y);
      }
    });
    ctx.restore();
  },
};
