// The drop-in charts bundle (dist/pupil-voice-charts.js): defines every chart element and
// exports what a dashboard page needs to build a publication from schools' tallies in the
// browser (parse, merge, suppress) and to cut views of it. chart.js is not imported here.
import './define.js';

export { viewOf, filterValues } from './model/view.js';
// suppress audits with the LP solver (HiGHS): `await loadLpSolver()` first, or use
// suppressAsync; the build copies highs.wasm beside the bundle's chunks.
export { parseTally, merge, suppress, suppressAsync, loadLpSolver, compare, toCSV, TOTAL, publishedKey } from '@pupil-voice/aggregate';
