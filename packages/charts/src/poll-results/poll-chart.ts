import type { Chart, Plugin } from 'chart.js';
import type { ChartConstructor } from '../lifecycle/load-chart.js';

/** What the projector chart draws: one bar per answer, its text written at the bar's end. */
export interface PollChartData {
  readonly labels: readonly string[];
  /** `null` draws no bar: the number is hidden. */
  readonly counts: ReadonlyArray<number | null>;
  /** The text at each bar's end: "12 (40%)" or the hidden mark. */
  readonly barText: readonly string[];
}

/**
 * Splits a long answer into lines so it fits beside the bars. chart.js gives the answer axis
 * at most about half the chart's width and does not wrap, so a long label would run off the
 * canvas: `width` is in characters, from the space available.
 */
function wrap(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line !== '' && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

const directLabels: Plugin<'bar'> = {
  id: 'pvDirectLabels',
  afterDatasetsDraw(chart) {
    const texts = (chart.options.plugins as { pvDirectLabels?: { texts: readonly string[] } }).pvDirectLabels?.texts ?? [];
    const { ctx } = chart;
    const x = chart.scales.x!;
    const y = chart.scales.y!;
    const meta = chart.getDatasetMeta(0);
    ctx.save();
    ctx.font = `700 ${labelSize(chart)}px system-ui, sans-serif`;
    ctx.fillStyle = '#0b0c0c';
    ctx.textBaseline = 'middle';
    texts.forEach((text, index) => {
      const bar = meta.data[index] as { x?: number } | undefined;
      const value = chart.data.datasets[0]?.data[index];
      const end = typeof value === 'number' && bar?.x !== undefined && Number.isFinite(bar.x) ? bar.x : x.getPixelForValue(0);
      ctx.fillText(text, end + 10, y.getPixelForTick(index));
    });
    ctx.restore();
  },
};

function labelSize(chart: Chart): number {
  return chart.width < 600 ? 16 : 24;
}

/**
 * The poll's bar chart on a canvas the element owns: created once, updated in place on each
 * snapshot (no animation when reduced motion is asked for), destroyed with the element.
 */
export class PollChart {
  private readonly chart: Chart<'bar', Array<number | null>, string[]>;
  private data: PollChartData | undefined;

  /** `Chart` comes from `loadChartParts()` (chart.js on demand, the parts registered once). */
  constructor(Chart: ChartConstructor, canvas: HTMLCanvasElement, data: PollChartData, reducedMotion: boolean) {
    this.chart = new Chart<'bar', Array<number | null>, string[]>(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [{ data: [], backgroundColor: getBarColor(canvas), borderWidth: 0, barPercentage: 0.85, categoryPercentage: 0.9 }] },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : { duration: 400 },
        // No pointer events: nothing to hover (the numbers are written on the bars), no tooltip.
        events: [],
        // Room at the right for the number written after the longest bar.
        layout: { padding: { right: 140 } },
        // Answers are wrapped to the width: wrap them again when the width changes.
        onResize: () => {
          setTimeout(() => {
            if (this.data !== undefined && this.chart.canvas) this.update(this.data, true);
          }, 0);
        },
        scales: {
          x: { beginAtZero: true, suggestedMax: 1, ticks: { precision: 0, font: { size: 16 }, color: '#484949' }, grid: { color: '#d9d9d9' } },
          y: { ticks: { font: { size: 22, weight: 'bold' }, color: '#0b0c0c', autoSkip: false }, grid: { display: false } },
        },
        plugins: { pvDirectLabels: { texts: [] } } as never,
      },
      plugins: [directLabels],
    });
    this.update(data, reducedMotion);
  }

  /** Draws new numbers on the same chart instance. */
  update(data: PollChartData, reducedMotion: boolean): void {
    this.data = data;
    const chart = this.chart;
    const small = chart.width < 600;
    const fontSize = small ? 15 : 22;
    const padding = small ? 80 : 140;
    (chart.options.layout!.padding as { right: number }).right = padding;
    // chart.js gives the answer axis at most half the width left after the padding; about
    // 0.62 em per bold character.
    const characters = Math.max(8, Math.floor(((chart.width - padding) / 2 - 24) / (fontSize * 0.62)));
    chart.data.labels = data.labels.map((label) => wrap(label, characters));
    chart.data.datasets[0]!.data = [...data.counts];
    (chart.options.plugins as { pvDirectLabels: { texts: readonly string[] } }).pvDirectLabels.texts = data.barText;
    const y = chart.options.scales!.y!;
    (y.ticks as { font: { size: number } }).font.size = fontSize;
    chart.update(reducedMotion ? 'none' : undefined);
  }

  /** The numbers as drawn, for tests and exports. */
  get drawn(): { labels: string[][]; data: Array<number | null> } {
    return { labels: this.chart.data.labels ?? [], data: [...this.chart.data.datasets[0]!.data] };
  }

  destroy(): void {
    this.chart.destroy();
  }
}

function getBarColor(canvas: HTMLCanvasElement): string {
  return getComputedStyle(canvas).getPropertyValue('--_bar').trim() || '#12436d';
}
