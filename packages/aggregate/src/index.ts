/**
 * `@pupil-voice/aggregate`: tallies of survey responses that merge, export and (with the
 * suppression and comparison modules) publish safely. Pure TypeScript: runs in a page, a
 * worker and Node.
 */
export * from './types.js';
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
export { MISSING, TOTAL_VALUE, NOTE_HIDDEN, NOTE_BASE_HIDDEN } from './csv-published.js';
export { loadLpSolver, loadedLpSolver, auditIntervals, narrowByPropagation, lpStatistics, type LpSolver, type HiddenInterval, type AuditProblem, type AuditResult } from './audit.js';
export * from './stats.js';
export * from './decrypt.js';
export * from './suppress.js';
export * from './compare.js';
export * from './weight.js';
