/**
 * `@pupil-voice/collector`: the reference server that receives completed responses, validates
 * them with survey-core, stores each exactly once (SQLite or PostgreSQL), and serves survey
 * definitions, suppressed results and live poll tallies. Run it with the
 * `pupil-voice-collector` command, or embed it with {@link startCollector}.
 */
export { startCollector, DEFAULT_CONFIG, MIN_K, type CollectorConfig, type RunningCollector } from './collector.js';
export { parseCommand, USAGE, type Command } from './config.js';
export { CollectorError } from './errors.js';
export { exportCsv, exportTallies, csvField } from './export.js';
export { parseStaticMount, type StaticMount } from './http/static-files.js';
export { openStorage, SQLITE_FILE_NAME } from './storage/open-storage.js';
export { SqliteStorage } from './storage/sqlite-storage.js';
export { PostgresStorage } from './storage/postgres-storage.js';
export type { ResponseStorage, StoredResponse, NewResponse, SaveOutcome, ResponseFilter } from './storage/storage.js';
export { MIGRATIONS, LATEST_SCHEMA_VERSION } from './storage/migrations.js';
export { SurveyRegistry, type RegisteredSurvey } from './surveys/survey-registry.js';
export { ResponseValidator, validateAnswers, DEFAULT_ANSWER_LIMITS, type AnswerLimits } from './validation/validate-response.js';
export { parseWireResponse, type WireResponse, type ResponseMeta } from './wire.js';
export type { Acknowledgement } from './receipt.js';
