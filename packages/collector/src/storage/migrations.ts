/**
 * Versioned schema changes, applied in order and recorded in `schema_version`. Each step is
 * written once per dialect; the two dialects describe the same tables and columns, so a
 * partnership can move from the embedded SQLite file to PostgreSQL without reshaping data.
 * Never edit a released step: add a new one.
 */
export interface Migration {
  version: number;
  description: string;
  sqlite: readonly string[];
  postgres: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'responses keyed by their client-generated UUID, with coarse segment columns',
    // SQLite: WITHOUT ROWID stores rows in id order (random UUIDs), so the file keeps no
    // arrival sequence that could be matched against a timetable.
    sqlite: [
      `CREATE TABLE responses (
        id TEXT PRIMARY KEY,
        survey_id TEXT NOT NULL,
        body_hash TEXT NOT NULL,
        receipt TEXT NOT NULL,
        data TEXT NOT NULL,
        audience TEXT,
        school TEXT,
        wave TEXT,
        day TEXT,
        received_day TEXT NOT NULL
      ) WITHOUT ROWID`,
      'CREATE INDEX responses_by_survey ON responses (survey_id, id)',
    ],
    postgres: [
      `CREATE TABLE responses (
        id TEXT COLLATE "C" PRIMARY KEY,
        survey_id TEXT COLLATE "C" NOT NULL,
        body_hash TEXT NOT NULL,
        receipt TEXT NOT NULL,
        data TEXT NOT NULL,
        audience TEXT,
        school TEXT,
        wave TEXT,
        day TEXT,
        received_day TEXT NOT NULL
      )`,
      'CREATE INDEX responses_by_survey ON responses (survey_id, id)',
    ],
  },
  {
    version: 2,
    description: 'sealed responses: the encryption envelope, stored unread (data is then {})',
    sqlite: ['ALTER TABLE responses ADD COLUMN encrypted TEXT'],
    postgres: ['ALTER TABLE responses ADD COLUMN encrypted TEXT'],
  },
  {
    version: 3,
    description: 'poll ballots: one hashed device token per poll, with no link to any response',
    // The only columns are the poll and the hash: no response id, no time, no order. SQLite's
    // WITHOUT ROWID keeps rows sorted by hash, so not even insertion order survives.
    sqlite: ['CREATE TABLE poll_ballots (survey_id TEXT NOT NULL, ballot_hash TEXT NOT NULL, PRIMARY KEY (survey_id, ballot_hash)) WITHOUT ROWID'],
    postgres: ['CREATE TABLE poll_ballots (survey_id TEXT COLLATE "C" NOT NULL, ballot_hash TEXT NOT NULL, PRIMARY KEY (survey_id, ballot_hash))'],
  },
  {
    version: 4,
    description: 'analyst tokens: SHA-256 of each token and the survey whose results it opens',
    // Only the hash is kept: a stolen database file opens no results. No name, no time of day.
    sqlite: ['CREATE TABLE analyst_tokens (token_hash TEXT PRIMARY KEY, survey_id TEXT NOT NULL, created_day TEXT NOT NULL) WITHOUT ROWID'],
    postgres: ['CREATE TABLE analyst_tokens (token_hash TEXT COLLATE "C" PRIMARY KEY, survey_id TEXT COLLATE "C" NOT NULL, created_day TEXT NOT NULL)'],
  },
  {
    version: 5,
    description: 'definition versions: every distinct definition served (by content hash), and the version each response answered',
    sqlite: [
      `CREATE TABLE definitions (
        survey_id TEXT NOT NULL,
        version TEXT NOT NULL,
        definition TEXT NOT NULL,
        first_day TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        PRIMARY KEY (survey_id, version)
      ) WITHOUT ROWID`,
      'ALTER TABLE responses ADD COLUMN definition_version TEXT',
    ],
    postgres: [
      `CREATE TABLE definitions (
        survey_id TEXT COLLATE "C" NOT NULL,
        version TEXT COLLATE "C" NOT NULL,
        definition TEXT NOT NULL,
        first_day TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        PRIMARY KEY (survey_id, version)
      )`,
      'ALTER TABLE responses ADD COLUMN definition_version TEXT',
    ],
  },
  {
    version: 6,
    description: 'result snapshots: the latest suppressed publication per survey, so a restart serves it at once',
    // Only the publication (what analysts may see anyway), the settings it was made with
    // (fingerprint) and how many responses it covers; never a response or a raw count.
    sqlite: [
      `CREATE TABLE result_snapshots (
        survey_id TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        responses INTEGER NOT NULL,
        body TEXT NOT NULL,
        computed_day TEXT NOT NULL
      ) WITHOUT ROWID`,
    ],
    postgres: [
      `CREATE TABLE result_snapshots (
        survey_id TEXT COLLATE "C" PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        responses INTEGER NOT NULL,
        body TEXT NOT NULL,
        computed_day TEXT NOT NULL
      )`,
    ],
  },
];

/** DDL for the version table itself, identical in both dialects. */
export const SCHEMA_VERSION_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_day TEXT NOT NULL)';

/** The version a fully migrated database reports. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
