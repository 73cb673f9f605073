// The charts entry: importing this module defines every chart element. chart.js is not
// imported here; the elements load it when they first draw.
import './chart/pv-chart.js';
import './compare/pv-compare.js';
import './results/pv-results.js';
import './poll-results/pv-poll-results.js';
