import pg from 'pg';
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

/** Arbitrary constant naming the advisory lock that serialises migrations across collectors. */
const MIGRATION_LOCK = 7_245_001;

/**
 * PostgreSQL storage for a partnership running several collectors: the same schema and
 * migrations as SQLite, the same `INSERT … ON CONFLICT DO NOTHING` idempotency, so any
 * collector can acknowledge any replay. Migrations take an advisory lock so two collectors
 * starting together do not race.
 */
export class PostgresStorage implements ResponseStorage {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(connectionString: string, options: { maxConnections?: number } = {}) {
    this.pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
    // An idle client losing its connection must not crash the collector; the pool replaces it.
    this.pool.on('error', (error) => console.error(`PostgreSQL pool error: ${error.message}`));
  }

  async migrate(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await client.query(SCHEMA_VERSION_TABLE);
        const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_version');
        let current = rows[0]?.version ?? 0;
        for (const migration of MIGRATIONS) {
          if (migration.version <= current) continue;
          await client.query('BEGIN');
          try {
            for (const statement of migration.postgres) await client.query(statement);
            await client.query('INSERT INTO schema_version (version, description, applied_day) VALUES ($1, $2, $3)', [
              migration.version,
              migration.description,
              utcDay(),
            ]);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
          current = migration.version;
        }
        return current;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  }

  async save(response: NewResponse): Promise<SaveOutcome> {
    if (response.ballotHash === undefined) return this.saveWith(this.pool, response);
    // A vote spends its ballot and stores its answer in one transaction (see SqliteStorage).
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const known = await client.query('SELECT 1 FROM responses WHERE id = $1', [response.id]);
      if (known.rowCount === 0) {
        const spent = await client.query('INSERT INTO poll_ballots (survey_id, ballot_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          response.surveyId,
          response.ballotHash,
        ]);
        if (spent.rowCount === 0) {
          await client.query('ROLLBACK');
          return { kind: 'already-voted' };
        }
      }
      const outcome = await this.saveWith(client, response);
      await client.query(outcome.kind === 'created' ? 'COMMIT' : 'ROLLBACK');
      return outcome;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async saveWith(db: pg.Pool | pg.PoolClient, response: NewResponse): Promise<SaveOutcome> {
    const inserted = await db.query(
      `INSERT INTO responses (id, survey_id, body_hash, receipt, data, encrypted, audience, school, wave, day, received_day, definition_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO NOTHING`,
      [
        response.id,
        response.surveyId,
        response.bodyHash,
        response.receipt,
        JSON.stringify(response.data),
        response.encrypted === undefined ? null : JSON.stringify(response.encrypted),
        response.meta.audience ?? null,
        response.meta.school ?? null,
        response.meta.wave ?? null,
        response.meta.day ?? null,
        response.receivedDay,
        response.definitionVersion ?? null,
      ],
    );
    if (inserted.rowCount === 1) return { kind: 'created', receipt: response.receipt };
    const { rows } = await db.query<{ survey_id: string; body_hash: string; receipt: string }>(
      'SELECT survey_id, body_hash, receipt FROM responses WHERE id = $1',
      [response.id],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('response vanished between insert and lookup');
    if (row.survey_id !== response.surveyId || row.body_hash !== response.bodyHash) {
      return { kind: 'conflict', reason: conflictReason(row.survey_id, response.surveyId) };
    }
    return { kind: 'replayed', receipt: row.receipt };
  }

  async lookup(id: string): Promise<{ surveyId: string; bodyHash: string; receipt: string } | undefined> {
    const { rows } = await this.pool.query<{ survey_id: string; body_hash: string; receipt: string }>(
      'SELECT survey_id, body_hash, receipt FROM responses WHERE id = $1',
      [id],
    );
    const row = rows[0];
    return row === undefined ? undefined : { surveyId: row.survey_id, bodyHash: row.body_hash, receipt: row.receipt };
  }

  async *responses(surveyId: string, filter: ResponseFilter = {}): AsyncIterable<StoredResponse> {
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<ResponseRow>(
        `SELECT id, survey_id, data, encrypted, audience, school, wave, day, received_day, definition_version FROM responses
         WHERE survey_id = $1 AND id > $2
           AND ($3::text IS NULL OR audience = $3)
           AND ($4::text IS NULL OR school = $4)
           AND ($5::text IS NULL OR wave = $5)
         ORDER BY id LIMIT $6`,
        [surveyId, after, filter.audience ?? null, filter.school ?? null, filter.wave ?? null, RESPONSE_PAGE_SIZE],
      );
      for (const row of rows) yield rowToResponse(row);
      if (rows.length < RESPONSE_PAGE_SIZE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  async addAnalystToken(surveyId: string, tokenHash: string, day: string): Promise<void> {
    await this.pool.query('INSERT INTO analyst_tokens (token_hash, survey_id, created_day) VALUES ($1, $2, $3)', [tokenHash, surveyId, day]);
  }

  async hasAnalystToken(surveyId: string, tokenHash: string): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM analyst_tokens WHERE token_hash = $1 AND survey_id = $2', [tokenHash, surveyId]);
    return rows.length > 0;
  }

  async saveDefinition(surveyId: string, version: string, definition: Record<string, unknown>): Promise<void> {
    await this.pool.query(
      `INSERT INTO definitions (survey_id, version, definition, first_day, ordinal)
       SELECT $1::text, $2::text, $3::text, $4::text, COALESCE(MAX(ordinal), 0) + 1 FROM definitions WHERE survey_id = $1
       ON CONFLICT (survey_id, version) DO NOTHING`,
      [surveyId, version, JSON.stringify(definition), utcDay()],
    );
  }

  async definitions(surveyId: string): Promise<StoredDefinition[]> {
    const { rows } = await this.pool.query<DefinitionRow>(
      'SELECT survey_id, version, definition, first_day FROM definitions WHERE survey_id = $1 ORDER BY ordinal, first_day, version',
      [surveyId],
    );
    return rows.map(rowToDefinition);
  }

  async surveyIds(): Promise<string[]> {
    const { rows } = await this.pool.query<{ survey_id: string }>(
      'SELECT survey_id FROM definitions UNION SELECT DISTINCT survey_id FROM responses ORDER BY 1',
    );
    return rows.map((row) => row.survey_id);
  }

  async saveResultSnapshot(surveyId: string, snapshot: StoredSnapshot): Promise<void> {
    await this.pool.query(
      `INSERT INTO result_snapshots (survey_id, fingerprint, responses, body, computed_day) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (survey_id) DO UPDATE SET fingerprint = excluded.fingerprint, responses = excluded.responses, body = excluded.body, computed_day = excluded.computed_day`,
      [surveyId, snapshot.fingerprint, snapshot.responses, snapshot.body, utcDay()],
    );
  }

  async resultSnapshot(surveyId: string): Promise<StoredSnapshot | undefined> {
    const { rows } = await this.pool.query<{ fingerprint: string; responses: number | string; body: string }>(
      'SELECT fingerprint, responses, body FROM result_snapshots WHERE survey_id = $1',
      [surveyId],
    );
    const row = rows[0];
    return row === undefined ? undefined : { fingerprint: row.fingerprint, responses: Number(row.responses), body: row.body };
  }

  async count(surveyId?: string): Promise<number> {
    const { rows } =
      surveyId === undefined
        ? await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM responses')
        : await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM responses WHERE survey_id = $1', [surveyId]);
    return Number(rows[0]?.n ?? 0);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
