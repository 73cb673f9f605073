import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Below this width (CSS pixels) a chart wraps its labels shorter and thins its ticks. */
export const NARROW_BELOW = 520;

/**
 * The width a chart plans its labels for, kept current with a ResizeObserver on the host:
 * chart.js resizes the canvas by itself, but labels wrapped for a wide element would be
 * clipped on a narrow one (and the reverse wastes lines), so the host re-renders whenever
 * its width crosses the breakpoint or changes by a quarter since the last plan.
 */
export class WidthController implements ReactiveController {
  private observer: ResizeObserver | undefined;
  private planned: number | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fallback = 640,
  ) {
    host.addController(this);
  }

  /** The width to plan this render for (remembered, to tell when a resize needs a new plan). */
  plan(): number {
    const width = this.host.clientWidth || this.fallback;
    this.planned = width;
    return width;
  }

  hostConnected(): void {
    if (typeof ResizeObserver !== 'function') return;
    this.observer = new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width;
      if (width === undefined || width === 0 || this.planned === undefined) return;
      const crossed = width < NARROW_BELOW !== this.planned < NARROW_BELOW;
      if (!crossed && Math.abs(width - this.planned) <= this.planned / 4) return;
      // Re-rendered after this observer round, not inside it: the new plan changes the
      // element's height, which inside the round would be another notification to deliver.
      this.pending ??= setTimeout(() => {
        this.pending = undefined;
        this.host.requestUpdate();
      }, 0);
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    clearTimeout(this.pending);
    this.pending = undefined;
  }
}
