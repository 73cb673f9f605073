import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { utcDay } from '../wire.js';
import { MIGRATIONS, SCHEMA_VERSION_TABLE } from './migrations.js';
import { conflictReason, rowToDefinition, rowToResponse, type DefinitionRow, type ResponseRow } from './rows.js';
import {
  RESPONSE_PAGE_SIZE,
  type NewResponse,
  type ResponseFilter,
  type ResponseStorage,
  type SaveOutcome,
  type StoredDefinition,
  type StoredResponse,
  type StoredSnapshot,
} from './storage.js';

/**
 * How hard SQLite flushes before a receipt is sent. `full` (the default) fsyncs every commit:
 * an acknowledged response survives a killed process and a power cut. `normal` (WAL) survives
 * a killed process but may lose the last commits on a power cut or OS crash; it is much
 * faster on slow disks.
 */
export type SqliteSynchronous = 'full' | 'normal';

/**
 * The embedded default: one SQLite file in the data folder, in WAL mode so results and
 * exports read while responses are written, with group commit (see `save`).
 */
export class SqliteStorage implements ResponseStorage {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly existing: Database.Statement<[string], { survey_id: string; body_hash: string; receipt: string }>;
  private readonly insertBallot: Database.Statement<[string, string]>;
  private queue: Array<{ response: NewResponse; resolve(outcome: SaveOutcome): void; reject(error: unknown): void }> = [];

  constructor(
    readonly file: string,
    readonly synchronous: SqliteSynchronous = 'full',
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.migrateNow();
    this.insert = this.db.prepare(
      `INSERT INTO responses (id, survey_id, body_hash, receipt, data, encrypted, audience, school, wave, day, received_day, definition_version)
       VALUES (@id, @surveyId, @bodyHash, @receipt, @data, @encrypted, @audience, @school, @wave, @day, @receivedDay, @definitionVersion)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.existing = this.db.prepare('SELECT survey_id, body_hash, receipt FROM responses WHERE id = ?');
    this.insertBallot = this.db.prepare('INSERT INTO poll_ballots (survey_id, ballot_hash) VALUES (?, ?) ON CONFLICT DO NOTHING');
  }

  /** Migrations run in the constructor (statements need the tables); this reports the version. */
  async migrate(): Promise<number> {
    return this.migrateNow();
  }

  private migrateNow(): number {
    this.db.exec(SCHEMA_VERSION_TABLE);
    const apply = this.db.transaction(() => {
      const row = this.db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number | null };
      let current = row.version ?? 0;
      for (const migration of MIGRATIONS) {
        if (migration.version <= current) continue;
        for (const statement of migration.sqlite) this.db.exec(statement);
        this.db
          .prepare('INSERT INTO schema_version (version, description, applied_day) VALUES (?, ?, ?)')
          .run(migration.version, migration.description, utcDay());
        current = migration.version;
      }
      return current;
    });
    return apply.immediate();
  }

  /**
   * Group commit: saves arriving in the same turn of the event loop share one transaction and
   * so one fsync. With `synchronous=FULL` a commit costs milliseconds; batching keeps that cost
   * per batch, not per response, while each caller still hears back only after its response
   * is durable.
   */
  save(response: NewResponse): Promise<SaveOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ response, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: SaveOutcome[];
    try {
      outcomes = this.saveBatch(batch.map((item) => item.response));
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => item.resolve(outcomes[index]!));
  }

  private readonly saveBatch = (responses: NewResponse[]): SaveOutcome[] =>
    this.db.transaction((): SaveOutcome[] => responses.map((response) => this.saveOne(response))).immediate();

  private saveOne(response: NewResponse): SaveOutcome {
    // A replay of a stored vote is acknowledged again whatever its ballot says; only a new
    // response spends a ballot. Both writes share the batch transaction, so a refused ballot
    // leaves no response behind and a stored vote always has its ballot.
    if (response.ballotHash !== undefined && this.existing.get(response.id) === undefined) {
      if (this.insertBallot.run(response.surveyId, response.ballotHash).changes === 0) return { kind: 'already-voted' };
    }
    const result = this.insert.run({
      id: response.id,
      surveyId: response.surveyId,
      bodyHash: response.bodyHash,
      receipt: response.receipt,
      data: JSON.stringify(response.data),
      encrypted: response.encrypted === undefined ? null : JSON.stringify(response.encrypted),
      audience: response.meta.audience ?? null,
      school: response.meta.school ?? null,
      wave: response.meta.wave ?? null,
      day: response.meta.day ?? null,
      receivedDay: response.receivedDay,
      definitionVersion: response.definitionVersion ?? null,
    });
    if (result.changes === 1) return { kind: 'created', receipt: response.receipt };
    const row = this.existing.get(response.id);
    if (row === undefined) throw new Error('response vanished between insert and lookup');
    if (row.survey_id !== response.surveyId || row.body_hash !== response.bodyHash) {
      return { kind: 'conflict', reason: conflictReason(row.survey_id, response.surveyId) };
    }
    return { kind: 'replayed', receipt: row.receipt };
  }

  async lookup(id: string): Promise<{ surveyId: string; bodyHash: string; receipt: string } | undefined> {
    const row = this.existing.get(id);
    return row === undefined ? undefined : { surveyId: row.survey_id, bodyHash: row.body_hash, receipt: row.receipt };
  }

  async *responses(surveyId: string, filter: ResponseFilter = {}): AsyncIterable<StoredResponse> {
    const page = this.db.prepare(
      `SELECT id, survey_id, data, encrypted, audience, school, wave, day, received_day, definition_version FROM responses
       WHERE survey_id = @surveyId AND id > @after
         AND (@audience IS NULL OR audience = @audience)
         AND (@school IS NULL OR school = @school)
         AND (@wave IS NULL OR wave = @wave)
       ORDER BY id LIMIT @limit`,
    );
    let after = '';
    for (;;) {
      const rows = page.all({
        surveyId,
        after,
        audience: filter.audience ?? null,
        school: filter.school ?? null,
        wave: filter.wave ?? null,
        limit: RESPONSE_PAGE_SIZE,
      }) as ResponseRow[];
      for (const row of rows) yield rowToResponse(row);
      if (rows.length < RESPONSE_PAGE_SIZE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  async addAnalystToken(surveyId: string, tokenHash: string, day: string): Promise<void> {
    this.db.prepare('INSERT INTO analyst_tokens (token_hash, survey_id, created_day) VALUES (?, ?, ?)').run(tokenHash, surveyId, day);
  }

  async hasAnalystToken(surveyId: string, tokenHash: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM analyst_tokens WHERE token_hash = ? AND survey_id = ?').get(tokenHash, surveyId) !== undefined;
  }

  async saveDefinition(surveyId: string, version: string, definition: Record<string, unknown>): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO definitions (survey_id, version, definition, first_day, ordinal)
         SELECT ?, ?, ?, ?, COALESCE(MAX(ordinal), 0) + 1 FROM definitions WHERE survey_id = ?
         ON CONFLICT (survey_id, version) DO NOTHING`,
      )
      .run(surveyId, version, JSON.stringify(definition), utcDay(), surveyId);
  }

  async definitions(surveyId: string): Promise<StoredDefinition[]> {
    const rows = this.db
      .prepare('SELECT survey_id, version, definition, first_day FROM definitions WHERE survey_id = ? ORDER BY ordinal, first_day, version')
      .all(surveyId) as DefinitionRow[];
    return rows.map(rowToDefinition);
  }

  async surveyIds(): Promise<string[]> {
    const rows = this.db
      .prepare('SELECT survey_id FROM definitions UNION SELECT DISTINCT survey_id FROM responses ORDER BY 1')
      .all() as Array<{ survey_id: string }>;
    return rows.map((row) => row.survey_id);
  }

  async saveResultSnapshot(surveyId: string, snapshot: StoredSnapshot): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO result_snapshots (survey_id, fingerprint, responses, body, computed_day) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (survey_id) DO UPDATE SET fingerprint = excluded.fingerprint, responses = excluded.responses, body = excluded.body, computed_day = excluded.computed_day`,
      )
      .run(surveyId, snapshot.fingerprint, snapshot.responses, snapshot.body, utcDay());
  }

  async resultSnapshot(surveyId: string): Promise<StoredSnapshot | undefined> {
    return this.db.prepare('SELECT fingerprint, responses, body FROM result_snapshots WHERE survey_id = ?').get(surveyId) as StoredSnapshot | undefined;
  }

  async count(surveyId?: string): Promise<number> {
    const row = (
      surveyId === undefined
        ? this.db.prepare('SELECT COUNT(*) AS n FROM responses').get()
        : this.db.prepare('SELECT COUNT(*) AS n FROM responses WHERE survey_id = ?').get(surveyId)
    ) as { n: number };
    return row.n;
  }

  async close(): Promise<void> {
    this.flush();
    if (this.db.open) this.db.close();
  }
}
