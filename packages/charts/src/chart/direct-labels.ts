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
  /** Per dataset: true for a dataset of hidden numbers' placeholders (drawn here, not by chart.js). */
  readonly placeholders?: readonly boolean[];
  /** Per row: shown numbers whose place depends on a hidden one, written after its [c] block
   * (`at`, axis units) going `direction`, each as a swatch of its answer's colour and its percent. */
  readonly chips?: ReadonlyArray<ReadonlyArray<Chips>>;
  readonly font: string;
}

/** Shown numbers written beside a hidden block, outwards from `at`. */
export interface Chips {
  readonly at: number;
  readonly direction: 'left' | 'right';
  readonly items: ReadonlyArray<{ readonly text: string; readonly colour: string }>;
}

/** A hidden number's place in a bar: hatched, outlined in dashes, with the mark in the middle. */
function drawPlaceholder(ctx: CanvasRenderingContext2D, left: number, right: number, y: number, height: number): void {
  const x = Math.min(left, right);
  const w = Math.abs(right - left);
  const top = y - height / 2;
  ctx.save();
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(x, top, w, height);
  ctx.beginPath();
  ctx.rect(x, top, w, height);
  ctx.clip();
  ctx.strokeStyle = '#D0D3D4';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let d = -height; d < w; d += 6) {
    ctx.moveTo(x + d, top + height);
    ctx.lineTo(x + d + height, top);
  }
  ctx.stroke();
  ctx.restore();
  ctx.save();
  ctx.strokeStyle = '#505A5F';
  ctx.setLineDash([3, 2]);
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, top + 0.5, w - 1, height - 1);
  ctx.restore();
  ctx.save();
  ctx.fillStyle = '#0B0C0C';
  ctx.textAlign = 'center';
  ctx.font = `700 ${ctx.font}`;
  ctx.fillText(HIDDEN_MARK, x + w / 2, y);
  ctx.restore();
}

const specs = new WeakMap<HTMLCanvasElement, LabelSpec>();

/** Sets the labels a canvas's chart draws (read on every draw, so updates need no re-registration). */
export function setLabels(canvas: HTMLCanvasElement, spec: LabelSpec): void {
  specs.set(canvas, spec);
}

/** The labels a canvas's chart draws (what is written on it besides the bars). */
export function labelsOf(canvas: HTMLCanvasElement): LabelSpec | undefined {
  return specs.get(canvas);
}

/** Writes chips: a swatch and a percent each, from `x` outwards. */
function drawChips(ctx: CanvasRenderingContext2D, chips: Chips, x: number, y: number): void {
  const sign = chips.direction === 'left' ? -1 : 1;
  let at = x + sign * 6;
  ctx.save();
  ctx.textAlign = 'left';
  for (const chip of chips.items) {
    const text = ctx.measureText(chip.text).width;
    const size = 12;
    const width = size + 4 + text;
    const start = sign < 0 ? at - width : at;
    ctx.fillStyle = chip.colour;
    ctx.fillRect(start, y - size / 2, size, size);
    ctx.strokeStyle = '#0B0C0C';
    ctx.lineWidth = 1;
    ctx.strokeRect(start + 0.5, y - size / 2 + 0.5, size - 1, size - 1);
    ctx.fillStyle = '#0B0C0C';
    ctx.fillText(chip.text, start + size + 4, y);
    at += sign * (width + 10);
  }
  ctx.restore();
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
    spec.placeholders?.forEach((isPlaceholder, datasetIndex) => {
      if (!isPlaceholder) return;
      const meta = chart.getDatasetMeta(datasetIndex);
      for (const element of meta.data) {
        const { x, y, base, height } = element.getProps(['x', 'y', 'base', 'height'], true) as { x: number; y: number; base: number; height: number };
        if (!Number.isFinite(x) || !Number.isFinite(base) || !Number.isFinite(y) || x === base) continue;
        drawPlaceholder(ctx, base, x, y, height);
      }
    });
    const yScale = chart.scales.y;
    const xScale = chart.scales.x;
    spec.chips?.forEach((row, index) => {
      if (!yScale || !xScale) return;
      for (const chips of row) drawChips(ctx, chips, xScale.getPixelForValue(chips.at), yScale.getPixelForValue(index));
    });
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
