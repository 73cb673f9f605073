/**
 * The chart elements' own words, per language. Functions take the values they place, so
 * word order and plurals stay with each language. Numbers arrive already formatted.
 */
export interface ChartTranslation {
  /** Legend of the hidden mark, e.g. "hidden to protect small groups". */
  hiddenLegend: string;
  /** Said when some numbers of a chart are hidden. */
  someHidden: string;
  /** Said when every number of a chart is hidden. */
  allHidden: string;
  noData: string;
  loading: string;
  tableSummary: string;
  answer: string;
  percent: string;
  number: string;
  statistic: string;
  value: string;
  item: string;
  /** Base of a single-choice chart: everyone who chose an answer. */
  baseAnswered: (n: string) => string;
  /** Base of a multi-select chart: everyone who ticked at least one. */
  baseRespondents: (n: string) => string;
  /** Base of a ranking chart. */
  baseRanked: (n: string) => string;
  baseView: (n: string) => string;
  baseColumn: string;
  baseViewRows: string;
  givingAView: string;
  notInBase: string;
  multiNote: string;
  rankingNote: string;
  /** Main finding of plain bars: the largest shown category. */
  findingBars: (label: string, percent: string, base: string) => string;
  findingMulti: (label: string, percent: string, base: string) => string;
  findingRanking: (label: string, percent: string, base: string) => string;
  /** Main finding of one diverging row. */
  findingScale: (positive: string, positiveWords: string, negative: string, negativeWords: string, base: string, baseKind: 'view' | 'answered') => string;
  /** Main finding of a matrix: the rows with the highest and lowest positive share. */
  findingMatrix: (highest: string, highPercent: string, lowest: string, lowPercent: string, positiveWords: string) => string;
  findingDistribution: (median: string, low: string, high: string, mean: string, base: string) => string;
  findingText: (base: string) => string;
  or: string;
  mean: string;
  standardDeviation: string;
  lowerQuartile: string;
  median: string;
  upperQuartile: string;
  answers: string;
  chartLabel: (kind: string, finding: string) => string;
  kindBars: string;
  kindDiverging: string;
  kindDistribution: string;
  showTable: string;
  downloadPng: string;
  updated: (finding: string) => string;
  // Comparison
  difference: string;
  interval: (low: string, high: string) => string;
  significant: string;
  notSignificant: string;
  gapTitle: (a: string, b: string) => string;
  findingGap: (item: string, a: string, pa: string, b: string, pb: string, diff: string) => string;
  noGap: string;
  findingCompare: (label: string, a: string, pa: string, b: string, pb: string) => string;
  pointsDifference: string;
  // Results page
  filters: string;
  all: string;
  compareOn: string;
  compareBy: string;
  downloadCsv: string;
  csvLayout: string;
  csvTidy: string;
  csvWide: string;
  csvKeepHidden: string;
  print: string;
  tokenHeading: string;
  tokenLabel: string;
  tokenHelp: string;
  tokenSubmit: string;
  tokenRefused: string;
  loadFailed: string;
  /** The collector is still computing the first results (503 results_pending); the page retries by itself. */
  preparing: string;
  basesLine: (parts: string) => string;
  gapNote: (a: string, b: string) => string;
  clearDifference: string;
  intervalColumn: string;
  segmentName: (segment: string) => string;
  /** A segment value as readers know it (pupil → Pupils). */
  groupName: (value: string) => string;
  kindCompare: string;
  kindGap: string;
  agreeShare: string;
  respondentsLine: (n: string) => string;
  viewHidden: string;
  /** Heading of a results page whose publication names no survey. */
  resultsHeading: string;
}
