// The only chart.js parts Pupil Voice draws with, registered once. Imported dynamically by
// `loadChartParts`, so chart.js lands in its own chunk: a page that shows no chart (the
// survey) never downloads it, and a bundler keeps only these parts (about 50 KB gzip, not
// the 71 KB of `chart.js/auto`). Legends, titles and data labels are ours, in HTML or drawn
// by our own small plugin.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
// Axis labels large and dark enough to read on a projector and a phone (chart.js: 12px grey).
Chart.defaults.font.size = 13;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
Chart.defaults.color = '#0B0C0C';

export { Chart };
