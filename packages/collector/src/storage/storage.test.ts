import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { postResponse, startTestCollector, tempFolder } from '../test-support/harness.js';
import { EventReader } from '../test-support/event-reader.js';
import { POLL, PUPIL_SURVEY } from '../test-support/surveys.js';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, SCHEMA_VERSION_TABLE } from './migrations.js';
import { PostgresStorage } from './postgres-storage.js';
import { SqliteStorage } from './sqlite-storage.js';
import { RESPONSE_PAGE_SIZE, type NewResponse, type ResponseStorage } from './storage.js';

function response(overrides: Partial<NewResponse> = {}): NewResponse {
  const id = randomUUID();
  return {
    id,
    surveyId: 'pupils',
    data: { safe: 'yes' },
    meta: { audience: 'pupil', school: 'S001', wave: '2026-autumn', day: '2026-11-20' },
    receivedDay: '2026-11-23',
    bodyHash: `hash-${id}`,
    receipt: `pv1.${id.replaceAll('-', '')}`,
    ...overrides,
  };
}

/** The contract every storage must keep; run against SQLite always and PostgreSQL when available. */
function storageContract(open: () => Promise<{ storage: ResponseStorage; reopen(): Promise<ResponseStorage>; dispose(): Promise<void> }>): void {
  let storage: ResponseStorage;
  let reopen: () => Promise<ResponseStorage>;
  let dispose: () => Promise<void>;
  before(async () => {
    ({ storage, reopen, dispose } = await open());
  });
  after(() => dispose());

  it('migrates to the latest schema version, and migrating again changes nothing', async () => {
    assert.equal(await storage.migrate(), LATEST_SCHEMA_VERSION);
    assert.equal(await storage.migrate(), LATEST_SCHEMA_VERSION);
  });

  it('keeps each definition version once, in the order first stored, and the version each response answered', async () => {
    const one = { title: 'v1', elements: [{ type: 'radiogroup', name: 'q', choices: ['a'] }] };
    const two = { title: 'v2', elements: [{ type: 'radiogroup', name: 'q', choices: ['a', 'b'] }] };
    await storage.saveDefinition('versioned', 'bbbb000000000001', one);
    await storage.saveDefinition('versioned', 'aaaa000000000002', two);
    await storage.saveDefinition('versioned', 'bbbb000000000001', { replaced: 'never' });
    const kept = await storage.definitions('versioned');
    assert.deepEqual(kept.map((item) => [item.version, item.definition]), [['bbbb000000000001', one], ['aaaa000000000002', two]]);
    assert.match(kept[0]!.firstDay, /^\d{4}-\d{2}-\d{2}$/);
    const answered = response({ surveyId: 'versioned', definitionVersion: 'aaaa000000000002' });
    await storage.save(answered);
    const back = [];
    for await (const item of storage.responses('versioned')) back.push(item);
    assert.deepEqual(back.map((item) => item.definitionVersion), ['aaaa000000000002']);
    assert.ok((await storage.surveyIds()).includes('versioned'));
  });

  it('stores a response once, then recognises a replay with the same receipt', async () => {
    const first = response();
    assert.deepEqual(await storage.save(first), { kind: 'created', receipt: first.receipt });
    assert.deepEqual(await storage.save({ ...first, receipt: 'ignored' }), { kind: 'replayed', receipt: first.receipt });
    assert.equal(await storage.count('pupils'), 1);
    assert.deepEqual(await storage.lookup(first.id), { surveyId: 'pupils', bodyHash: first.bodyHash, receipt: first.receipt });
  });

  it('reports a conflict for a different body or another survey under a used id', async () => {
    const first = response();
    await storage.save(first);
    assert.equal((await storage.save({ ...first, bodyHash: 'other' })).kind, 'conflict');
    assert.equal((await storage.save({ ...first, surveyId: 'poll' })).kind, 'conflict');
  });

  it('stores each of many concurrent sends of the same id exactly once', async () => {
    const one = response({ surveyId: 'race' });
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => storage.save(one)));
    assert.equal(outcomes.filter((outcome) => outcome.kind === 'created').length, 1);
    assert.equal(outcomes.filter((outcome) => outcome.kind === 'replayed').length, 19);
    assert.equal(await storage.count('race'), 1);
  });

  it('streams responses with their answers and meta, filtered by segment, across pages', async () => {
    const many = Array.from({ length: RESPONSE_PAGE_SIZE + 5 }, (_, index) =>
      response({ surveyId: 'paged', data: { n: index }, meta: { school: index % 2 === 0 ? 'A' : 'B' } }),
    );
    await Promise.all(many.map((item) => storage.save(item)));
    const all = [];
    for await (const item of storage.responses('paged')) all.push(item);
    assert.equal(all.length, many.length);
    assert.equal(new Set(all.map((item) => item.id)).size, many.length);
    const sorted = [...all.map((item) => item.id)].sort();
    assert.deepEqual(all.map((item) => item.id), sorted);
    const schoolB = [];
    for await (const item of storage.responses('paged', { school: 'B' })) schoolB.push(item);
    assert.equal(schoolB.length, Math.floor(many.length / 2));
    assert.ok(schoolB.every((item) => item.meta.school === 'B' && typeof item.data.n === 'number'));
    const sample = all.find((item) => item.id === many[0]!.id)!;
    assert.deepEqual(sample.data, { n: 0 });
    assert.equal(sample.receivedDay, '2026-11-23');
  });

  it('keeps everything after closing and reopening', async () => {
    const kept = response({ surveyId: 'durable' });
    await storage.save(kept);
    await storage.close();
    storage = await reopen();
    assert.equal(await storage.count('durable'), 1);
    assert.equal((await storage.save(kept)).kind, 'replayed');
  });
}

describe('SQLite migrations', () => {
  it('upgrades a version 1 database in place, keeping its responses', async () => {
    const folder = tempFolder('migrate');
    const file = join(folder.path, 'old.sqlite');
    const old = new Database(file);
    old.exec(SCHEMA_VERSION_TABLE);
    for (const statement of MIGRATIONS[0]!.sqlite) old.exec(statement);
    old.prepare('INSERT INTO schema_version VALUES (1, ?, ?)').run(MIGRATIONS[0]!.description, '2026-09-01');
    const id = randomUUID();
    old
      .prepare(`INSERT INTO responses (id, survey_id, body_hash, receipt, data, received_day) VALUES (?, 'pupils', 'h', 'r', '{"safe":"yes"}', '2026-09-01')`)
      .run(id);
    old.close();
    const storage = new SqliteStorage(file);
    try {
      assert.equal(await storage.migrate(), LATEST_SCHEMA_VERSION);
      assert.ok(LATEST_SCHEMA_VERSION > 1);
      const kept = [];
      for await (const response of storage.responses('pupils')) kept.push(response);
      assert.deepEqual(kept.map((response) => [response.id, response.data, response.encrypted]), [[id, { safe: 'yes' }, undefined]]);
    } finally {
      await storage.close();
      folder.remove();
    }
  });
});

describe('SQLite storage (real file, WAL)', () => {
  storageContract(async () => {
    const folder = tempFolder('sqlite');
    const file = join(folder.path, 'responses.sqlite');
    let current: SqliteStorage = new SqliteStorage(file);
    return {
      storage: current,
      reopen: async () => (current = new SqliteStorage(file)),
      dispose: async () => {
        await current.close();
        folder.remove();
      },
    };
  });
});

const databaseUrl = process.env.PV_TEST_DATABASE_URL || process.env.DATABASE_URL;
const skipPostgres = databaseUrl
  ? false
  : 'no PostgreSQL: set PV_TEST_DATABASE_URL (or DATABASE_URL) to run these tests (.ci/run starts one on loopback)';
if (skipPostgres) console.log(`# PostgreSQL storage tests skipped: ${skipPostgres}`);

describe('PostgreSQL storage', { skip: skipPostgres }, () => {
  storageContract(async () => {
    // A schema of its own per run, so runs never see each other's rows.
    const schema = `pv_test_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(databaseUrl!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    let current = new PostgresStorage(url.toString());
    await current.migrate();
    return {
      storage: current,
      reopen: async () => {
        current = new PostgresStorage(url.toString());
        await current.migrate();
        return current;
      },
      dispose: async () => {
        await current.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  });
});

describe('collector over PostgreSQL (HTTP on loopback)', { skip: skipPostgres }, () => {
  it('acknowledges, replays and refuses conflicts exactly as with SQLite', async () => {
    const schema = `pv_test_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(databaseUrl!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const collector = await startTestCollector({ pupils: PUPIL_SURVEY }, { databaseUrl: url.toString() });
    try {
      assert.equal(collector.storage.kind, 'postgres');
      const id = randomUUID();
      const first = await postResponse(collector.url, 'pupils', { id, data: { safe: 'yes' } });
      assert.equal(first.status, 201);
      const replay = await postResponse(collector.url, 'pupils', { id, data: { safe: 'yes' } });
      assert.equal(replay.status, 200);
      assert.equal(replay.json().receipt, first.json().receipt);
      assert.equal((await postResponse(collector.url, 'pupils', { id, data: { safe: 'no' } })).status, 409);
      const { rows } = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.responses`);
      assert.equal(rows[0].n, 1);
    } finally {
      await collector.dispose();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});

describe('several collectors on one PostgreSQL', { skip: skipPostgres }, () => {
  it("pushes a vote stored by one collector to a live poll stream held by another", async () => {
    const schema = `pv_test_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(databaseUrl!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const options = { databaseUrl: url.toString(), livePolls: ['lunch'] };
    const [first, second] = await Promise.all([startTestCollector({ lunch: POLL }, options), startTestCollector({ lunch: POLL }, options)]);
    const stream = await EventReader.open(`${first.url}/v1/polls/lunch/stream`);
    try {
      const initial = (await stream.next()).data as { tally: { respondents: Record<string, number> } };
      assert.equal(initial.tally.respondents['[]'] ?? 0, 0);
      assert.equal((await postResponse(second.url, 'lunch', { id: randomUUID(), data: { lunch: 'salad' } })).status, 201);
      const update = (await stream.next()).data as { tally: { respondents: Record<string, number> } };
      assert.equal(update.tally.respondents['[]'], 1);
    } finally {
      stream.close();
      await Promise.all([first.dispose(), second.dispose()]);
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});
