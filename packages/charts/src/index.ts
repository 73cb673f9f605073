// @pupil-voice/charts: chart.js elements with accessible data tables. chart.js itself is
// loaded on demand by the elements; importing this module does not load it.
export { PvChart, prefersReducedMotion } from './chart/chart.js';
export { PvCompare } from './compare/compare.js';
export { PvResults } from './results/results.js';
export { positiveAnswers, compareFigureOf, comparisonOf, type CompareFigure, type CompareRow } from './compare/compare-model.js';
export { HIDDEN_MARK, shown, type PublishedNumber } from './model/hidden.js';
export { figureOf, readScale, isExcluded, hiddenCount, type Figure, type ScaleMode, type ScaleCategory, type BarsFigure, type DivergingFigure, type DistributionFigure, type TextFigure } from './model/figure.js';
export { findingOf, tableOf, NumberWords, type FigureTable } from './model/describe.js';
export { isPublication, defaultSegment, type PublicationInput } from './model/publication.js';
export { viewOf, filterValues, type ViewFilters } from './model/view.js';
export { CATEGORICAL, EXCLUDED_GREY } from './model/palette.js';
export { PoliteAnnouncer } from './lifecycle/announcer.js';
export { ChartController } from './lifecycle/chart-controller.js';
export { loadChartParts } from './lifecycle/load-chart.js';
export { chartTranslationFor } from './strings/localize-controller.js';
export type { ChartTranslation } from './strings/translation.js';
export { PvPollResults } from './poll-results/poll-results.js';
export { snapshotFromStream, percentOf, type PollSnapshot } from './poll-results/poll-snapshot.js';
