/**
 * `@pupil-voice/aggregate`: tallies of survey responses that merge, export and (with the
 * suppression and comparison modules) publish safely. Pure TypeScript: runs in a page, a
 * worker and Node. The public API, by name (numerical helpers such as logGamma stay internal).
 */
export {
  NOT_ANSWERED,
  TALLY_FORMAT,
  TALLY_VERSION,
  UNKNOWN_QUESTION,
  UNKNOWN_VALUE,
  cellKey,
  parseCellKey,
  type Category,
  type CategorySpecial,
  type CellKey,
  type ChoiceCell,
  type ChoiceTally,
  type ColumnarResponses,
  type DefinitionDescriptor,
  type FacetRead,
  type MatrixCell,
  type MatrixTally,
  type MultiCell,
  type MultiTally,
  type NumericCell,
  type NumericTally,
  type QuantileSketch,
  type QuestionCell,
  type QuestionDescriptor,
  type QuestionKind,
  type QuestionTally,
  type RankingCell,
  type RankingTally,
  type ResponseInput,
  type SegmentValue,
  type Tally,
  type TextCell,
  type TextTally,
  type UnknownQuestionTally,
  type UnsupportedElement,
  type WireResponse,
} from './types.js';
export { readDefinition, isPreferNotToSay, fingerprint, fingerprintQuestions, type ReadDefinitionOptions } from './definition.js';
export {
  tally,
  tallyAsync,
  TallyBuilder,
  sketchQuantile,
  SKETCH_ACCURACY,
  type TallyOptions,
  type DefinitionInput,
} from './tally.js';
export { merge, mergeSketches, emptyCell, TallyMismatchError } from './merge.js';
export { mergeVersions, type TallyVersion, type VersionDifference, type VersionedTally } from './versions.js';
export { serializeTally, parseTally, TallyFormatError, type ParseTallyOptions } from './serialize.js';
export { toCSV, toJSON, csvField, type CsvOptions } from './csv.js';
export { HIDDEN_CELL } from './csv-wide.js';
export { MISSING, TOTAL_VALUE } from './csv-published.js';
export { HIDDEN_MARK, HIDDEN_LEGEND } from './csv-field.js';
export { loadLpSolver, loadedLpSolver, auditIntervals, narrowByPropagation, lpStatistics, type LpSolver, type HiddenInterval, type AuditProblem, type AuditResult } from './audit.js';
export {
  chiSquareTest,
  cohensH,
  compareProportions,
  cramersV,
  newcombeInterval,
  normalQuantile,
  regularizedGammaQ,
  wilsonInterval,
  type ChiSquareResult,
  type DifferenceEstimate,
  type Interval,
  type IntervalOptions,
  type ProportionComparison,
  type ProportionEstimate,
  type WilsonOptions,
} from './stats.js';
export {
  DecryptError,
  decryptResponse,
  importResponsePrivateKey,
  type DecryptResponseOptions,
  type DecryptedResponse,
  type EncryptedResponseEnvelope,
} from './decrypt.js';
export {
  DEFAULT_K,
  HIDDEN,
  MIN_K,
  PUBLISHED_FORMAT,
  SuppressionError,
  TOTAL,
  checkThreshold,
  isHidden,
  parsePublishedKey,
  publishedKey,
  shownCount,
  suppress,
  suppressAsync,
  suppressionReport,
  type HiddenNumber,
  type PublishedChoiceCell,
  type PublishedCount,
  type PublishedKey,
  type PublishedMatrixCell,
  type PublishedMultiCell,
  type PublishedNumericCell,
  type PublishedQuestion,
  type PublishedRankingCell,
  type PublishedSegmentValue,
  type PublishedTally,
  type PublishedTextCell,
  type SuppressOptions,
  type SuppressionReason,
  type SuppressionReport,
} from './suppress.js';
export {
  CompareError,
  compare,
  type CompareOptions,
  type Comparison,
  type ComparisonGap,
  type GroupDifferences,
  type GroupDistribution,
  type IndependenceTest,
  type ItemComparison,
  type PerceptionGap,
  type ProportionDifference,
} from './compare.js';
export {
  WeightingError,
  kishEffectiveBase,
  postStratify,
  weightedEstimate,
  type Population,
  type Stratum,
  type StratumWeights,
  type WeightedEstimate,
  type WeightedProportion,
  type Within,
} from './weight.js';
