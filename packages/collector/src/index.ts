/**
 * `@pupil-voice/collector`: the reference server that receives completed responses, validates
 * them with survey-core, stores each exactly once (SQLite or PostgreSQL), and serves survey
 * definitions, suppressed results and live poll tallies. Run it with the
 * `pupil-voice-collector` command, or embed it with {@link startCollector}.
 *
 * The public API, by name: starting and configuring a collector, exporting what it stored,
 * and the types a caller meets. Storage engines, migrations, the survey registry, request
 * validation and the command-line parser are internal.
 */
export { startCollector, DEFAULT_CONFIG, MIN_K, type CollectorConfig, type RunningCollector } from './collector.js';
export { CollectorError } from './errors.js';
export { exportCsv, exportTallies } from './export.js';
export { openStorage } from './storage/open-storage.js';
export type { StaticMount } from './http/static-files.js';
export type { ResponseStorage, StoredResponse, NewResponse, SaveOutcome, ResponseFilter } from './storage/storage.js';
export type { RegisteredSurvey, SurveyRegistry } from './surveys/survey-registry.js';
export type { AnswerLimits } from './validation/validate-response.js';
export { parseWireResponse, type WireResponse, type ResponseMeta } from './wire.js';
export type { Acknowledgement } from './receipt.js';
