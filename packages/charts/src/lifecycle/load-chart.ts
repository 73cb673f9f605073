import type { Chart } from 'chart.js';

/** The chart.js constructor, once its chunk has loaded and the parts are registered. */
export type ChartConstructor = typeof Chart;

let loading: Promise<ChartConstructor> | undefined;

/** Loads chart.js on demand (one request per page, shared by every chart element). */
export function loadChartParts(): Promise<ChartConstructor> {
  loading ??= import('./chart-parts.js').then((parts) => parts.Chart);
  // A failed download may succeed later (a school's Wi-Fi comes back).
  loading.catch(() => (loading = undefined));
  return loading;
}
