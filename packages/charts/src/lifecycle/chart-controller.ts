import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Chart, ChartConfiguration } from 'chart.js';
import { loadChartParts } from './load-chart.js';

/** What the host gives the controller after each render. */
export interface ChartSource {
  /** The canvas in the host's shadow root, or null when nothing is to be drawn. */
  canvas(): HTMLCanvasElement | null;
  /** The chart configuration for the current data, or undefined for none. */
  config(): ChartConfiguration<'bar', Array<number | [number, number] | null>, string | string[]> | undefined;
  /** Called when chart.js could not be loaded. */
  failed(error: unknown): void;
}

/**
 * Owns one chart.js instance for its host: created after the first render once the canvas is
 * in the (connected) shadow root, updated in place when the data changes, destroyed on
 * disconnect and created again on reconnect. chart.js watches for attachment with an observer
 * on `document` that cannot see into shadow roots, so the chart is only ever created on a
 * connected canvas; it resizes itself with a ResizeObserver on the shadow host.
 */
export class ChartController implements ReactiveController {
  private instance: Chart<'bar', Array<number | [number, number] | null>, string | string[]> | undefined;
  /** Bumped on disconnect, so a chart.js download that finishes later creates nothing. */
  private generation = 0;
  private drawn: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ChartSource,
  ) {
    host.addController(this);
  }

  /** The chart.js instance, once drawn. */
  get chart(): Chart<'bar', Array<number | [number, number] | null>, string | string[]> | undefined {
    return this.instance;
  }

  /** Resolves once the chart reflects the latest render. */
  whenDrawn(): Promise<void> {
    return this.drawn;
  }

  hostConnected(): void {}

  hostUpdated(): void {
    const generation = this.generation;
    this.drawn = this.drawn.then(() => this.sync(generation)).catch((error: unknown) => this.source.failed(error));
  }

  hostDisconnected(): void {
    this.generation += 1;
    this.instance?.destroy();
    this.instance = undefined;
  }

  private async sync(generation: number): Promise<void> {
    const canvas = this.source.canvas();
    const config = canvas ? this.source.config() : undefined;
    if (!canvas || !config) {
      this.instance?.destroy();
      this.instance = undefined;
      return;
    }
    const Chart = await loadChartParts();
    if (generation !== this.generation || !this.host.isConnected || !canvas.isConnected) return;
    if (this.instance && this.instance.canvas === canvas) {
      // In place: same canvas, new numbers; no animation for live updates.
      this.instance.data = config.data;
      this.instance.options = config.options ?? {};
      this.instance.update('none');
      return;
    }
    this.instance?.destroy();
    this.instance = new Chart(canvas, config);
  }
}
