import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { startCollector, DEFAULT_CONFIG } from './collector.js';
import { SQLITE_FILE_NAME } from './storage/open-storage.js';
import { newId, postResponse, quietly, request, sealForTest, startTestCollector, tempFolder, type TestCollector } from './test-support/harness.js';
import { POLL, PUPIL_SURVEY } from './test-support/surveys.js';

const SCHOOL = 'https://school.example';

describe('idempotent submission', () => {
  let collector: TestCollector;
  before(async () => {
    collector = await startTestCollector({ pupils: PUPIL_SURVEY, poll: POLL });
  });
  after(() => collector.dispose());

  it('acknowledges with 201 and a JSON receipt that echoes the id', async () => {
    const id = newId();
    const reply = await postResponse(collector.url, 'pupils', { id, data: { safe: 'yes' }, meta: { audience: 'pupil', day: '2026-11-20' } });
    assert.equal(reply.status, 201);
    assert.match(reply.headers['content-type'] ?? '', /^application\/json/);
    const body = reply.json<{ status: string; id: string; receipt: string }>();
    assert.equal(body.status, 'stored');
    assert.equal(body.id, id);
    assert.match(body.receipt, /^pv1\.[0-9a-f]{32}$/);
  });

  it('acknowledges a replay of the same body with 200 and the same receipt, storing it once', async () => {
    const id = newId();
    const response = { id, data: { safe: 'no', year: '7' }, meta: { school: 'S001' } };
    const first = await postResponse(collector.url, 'pupils', response);
    // Same content, keys in another order: still the same response.
    const again = await postResponse(collector.url, 'pupils', JSON.stringify({ meta: { school: 'S001' }, data: { year: '7', safe: 'no' }, id }), { 'Idempotency-Key': id });
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.deepEqual(again.json(), first.json());
    const stored = [];
    for await (const item of collector.storage.responses('pupils')) if (item.id === id) stored.push(item);
    assert.equal(stored.length, 1);
  });

  it('answers 409 when the same key comes with a different body', async () => {
    const id = newId();
    assert.equal((await postResponse(collector.url, 'pupils', { id, data: { safe: 'yes' } })).status, 201);
    const conflict = await postResponse(collector.url, 'pupils', { id, data: { safe: 'no' } });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.json().error, 'idempotency_conflict');
    assert.equal(conflict.json().field, 'Idempotency-Key');
  });

  it('answers 409 when the key was used for another survey', async () => {
    const id = newId();
    assert.equal((await postResponse(collector.url, 'pupils', { id, data: {} })).status, 201);
    assert.equal((await postResponse(collector.url, 'poll', { id, data: {} })).status, 409);
  });

  it('answers 400 when the Idempotency-Key header is missing', async () => {
    const id = newId();
    const reply = await postResponse(collector.url, 'pupils', JSON.stringify({ id, data: {} }));
    assert.equal(reply.status, 400);
    assert.equal(reply.json().error, 'missing_idempotency_key');
    assert.equal(reply.json().field, 'Idempotency-Key');
  });

  it('answers 400 when the key differs from the body id', async () => {
    const reply = await postResponse(collector.url, 'pupils', { id: newId(), data: {} }, { 'Idempotency-Key': newId() });
    assert.equal(reply.status, 400);
    assert.equal(reply.json().error, 'idempotency_key_mismatch');
  });

  it('answers 400 for a body id that is not a UUID, and for invalid JSON', async () => {
    const bad = await postResponse(collector.url, 'pupils', { id: 'response-1', data: {} }, { 'Idempotency-Key': newId() });
    assert.equal(bad.status, 400);
    assert.equal(bad.json().field, 'id');
    const broken = await postResponse(collector.url, 'pupils', '{"id":', { 'Idempotency-Key': newId() });
    assert.equal(broken.status, 400);
    assert.equal(broken.json().error, 'invalid_json');
  });

  it('answers 415 for a body that is not declared as JSON, and 404 for an unknown survey', async () => {
    const id = newId();
    const text = await postResponse(collector.url, 'pupils', { id, data: {} }, { 'Content-Type': 'text/plain' });
    assert.equal(text.status, 415);
    const unknown = await postResponse(collector.url, 'nope', { id, data: {} });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json().error, 'unknown_survey');
  });

  it('accepts a response sealed in the browser without reading it, and recognises its replay', async () => {
    const id = newId();
    const { envelope } = await sealForTest(id, { safe: 'no' });
    const body = JSON.stringify({ id, encrypted: envelope, meta: { audience: 'pupil' } });
    const first = await postResponse(collector.url, 'pupils', body, { 'Idempotency-Key': id });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.json().id, id);
    const again = await postResponse(collector.url, 'pupils', body, { 'Idempotency-Key': id });
    assert.equal(again.status, 200);
    assert.equal(again.json().receipt, first.json().receipt);
    const tampered = JSON.stringify({ id, encrypted: { ...envelope, alg: 'none' } });
    assert.equal((await postResponse(collector.url, 'pupils', tampered, { 'Idempotency-Key': id })).status, 400);
    const both = JSON.stringify({ id, data: { safe: 'no' }, encrypted: envelope });
    assert.equal((await postResponse(collector.url, 'pupils', both, { 'Idempotency-Key': id })).json().field, 'data');
    let stored;
    for await (const item of collector.storage.responses('pupils')) if (item.id === id) stored = item;
    assert.deepEqual(stored?.encrypted, envelope);
    assert.deepEqual(stored?.data, {});
  });

  it('keeps no IP, user agent or time: only the answers, coarse meta and the day', async () => {
    const id = newId();
    await postResponse(collector.url, 'pupils', { id, data: { safe: 'yes' }, meta: { audience: 'pupil', day: '2026-11-19' } }, { 'User-Agent': 'Tablet/1.0', 'X-Forwarded-For': '203.0.113.9' });
    const db = new Database(join(collector.dataDir, SQLITE_FILE_NAME), { readonly: true });
    const row = db.prepare('SELECT * FROM responses WHERE id = ?').get(id) as Record<string, unknown>;
    // No rowid either: the file keeps no arrival sequence.
    assert.throws(() => db.prepare('SELECT rowid FROM responses'), /no such column/);
    db.close();
    assert.deepEqual(Object.keys(row).sort(), ['audience', 'body_hash', 'data', 'day', 'definition_version', 'encrypted', 'id', 'receipt', 'received_day', 'school', 'survey_id', 'wave']);
    // The version is the definition's content hash, never anything about the respondent.
    assert.match(String(row.definition_version), /^[0-9a-f]{16}$/);
    assert.match(String(row.received_day), /^\d{4}-\d{2}-\d{2}$/);
    const everything = JSON.stringify(row);
    assert.doesNotMatch(everything, /Tablet|203\.0\.113|T\d{2}:\d{2}/);
  });
});

describe('survey definitions', () => {
  let collector: TestCollector;
  before(async () => {
    collector = await quietly(() => startTestCollector({ pupils: PUPIL_SURVEY, broken: '{ not json', 'bad name!': PUPIL_SURVEY }));
  });
  after(() => collector.dispose());

  it('serves a definition with an ETag and caching headers, and 304 when unchanged', async () => {
    const reply = await request(`${collector.url}/v1/surveys/pupils`);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.json(), PUPIL_SURVEY);
    const etag = reply.headers.etag;
    assert.ok(etag);
    assert.match(reply.headers['cache-control'] ?? '', /max-age=\d+/);
    const again = await request(`${collector.url}/v1/surveys/pupils`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');
  });

  it('reports broken definition files at start and keeps serving the good ones', async () => {
    const problems = collector.surveys.problems.map((problem) => problem.file);
    assert.ok(problems.some((file) => file.endsWith('broken.json')));
    assert.ok(problems.some((file) => file.endsWith('bad name!.json')));
    assert.equal((await request(`${collector.url}/v1/surveys/broken`)).status, 404);
    const ready = await request(`${collector.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal(ready.json().surveys, 1);
  });

  it('answers health and readiness', async () => {
    assert.equal((await request(`${collector.url}/healthz`)).status, 200);
    assert.equal((await request(`${collector.url}/readyz`)).json().status, 'ready');
  });

  it('never serves raw responses: there is no endpoint that lists them', async () => {
    const id = newId();
    await postResponse(collector.url, 'pupils', { id, data: { safe: 'yes' } });
    for (const path of ['/v1/surveys/pupils/responses', `/v1/surveys/pupils/responses/${id}`, '/v1/responses']) {
      const reply = await request(`${collector.url}${path}`);
      assert.ok(reply.status === 404 || reply.status === 405, `${path} answered ${reply.status}`);
      assert.doesNotMatch(reply.text, new RegExp(id));
    }
  });
});

describe('CORS allowlist', () => {
  let collector: TestCollector;
  before(async () => {
    collector = await startTestCollector({ pupils: PUPIL_SURVEY }, { origins: [SCHOOL] });
  });
  after(() => collector.dispose());

  it('answers a preflight from an allowed origin with the methods and headers the store sends', async () => {
    const reply = await request(`${collector.url}/v1/surveys/pupils/responses`, {
      method: 'OPTIONS',
      headers: { Origin: SCHOOL, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
    });
    assert.equal(reply.status, 204);
    assert.equal(reply.headers['access-control-allow-origin'], SCHOOL);
    assert.match(reply.headers['access-control-allow-methods'] ?? '', /POST/);
    assert.match(reply.headers['access-control-allow-headers'] ?? '', /Idempotency-Key/i);
    assert.match(reply.headers['access-control-allow-headers'] ?? '', /Content-Type/i);
  });

  it('gives an allowed origin its CORS header on the acknowledgement', async () => {
    const reply = await postResponse(collector.url, 'pupils', { id: newId(), data: {} }, { Origin: SCHOOL });
    assert.equal(reply.status, 201);
    assert.equal(reply.headers['access-control-allow-origin'], SCHOOL);
  });

  it('gives a disallowed origin no CORS headers, refuses its preflight and its writes', async () => {
    const evil = 'https://elsewhere.example';
    const preflight = await request(`${collector.url}/v1/surveys/pupils/responses`, {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    assert.equal(preflight.headers['access-control-allow-methods'], undefined);
    const post = await postResponse(collector.url, 'pupils', { id: newId(), data: {} }, { Origin: evil });
    assert.equal(post.status, 403);
    assert.equal(post.headers['access-control-allow-origin'], undefined);
    const read = await request(`${collector.url}/v1/surveys/pupils`, { headers: { Origin: evil } });
    assert.equal(read.headers['access-control-allow-origin'], undefined);
  });
});

describe('static files (demo pages and the embed bundle)', () => {
  let collector: TestCollector;
  let site: ReturnType<typeof tempFolder>;
  before(async () => {
    site = tempFolder('static');
    mkdirSync(join(site.path, 'examples', 'school'), { recursive: true });
    writeFileSync(join(site.path, 'examples', 'school', 'index.html'), '<!doctype html><title>School</title>');
    writeFileSync(join(site.path, 'examples', 'style.css'), 'body{}');
    mkdirSync(join(site.path, 'dist'));
    writeFileSync(join(site.path, 'dist', 'pupil-voice.js'), 'export {};');
    mkdirSync(join(site.path, 'dist', 'chunks'));
    writeFileSync(join(site.path, 'dist', 'chunks', 'survey-core.BWWwPIYZ.js'), 'export {};');
    writeFileSync(join(site.path, 'dist', 'chunks', 'open-delivery.js'), 'export {};');
    writeFileSync(join(site.path, 'dist', 'pupil-voice-sw.js'), '');
    writeFileSync(join(site.path, 'secret.txt'), 'not for the web');
    symlinkSync(join(site.path, 'secret.txt'), join(site.path, 'examples', 'link.txt'));
    collector = await startTestCollector(
      { pupils: PUPIL_SURVEY },
      { staticMounts: [{ dir: join(site.path, 'examples'), mount: '/' }, { dir: join(site.path, 'dist'), mount: '/dist/' }] },
    );
  });
  after(async () => {
    await collector.dispose();
    site.remove();
  });

  it('serves files with their content types, and a folder only through its index.html', async () => {
    const page = await request(`${collector.url}/school/`);
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'] ?? '', /^text\/html/);
    assert.match(page.text, /<title>School/);
    assert.match((await request(`${collector.url}/style.css`)).headers['content-type'] ?? '', /^text\/css/);
    const folder = await request(`${collector.url}/school`);
    assert.equal(folder.status, 301);
    assert.equal(folder.headers.location, '/school/');
    const bundle = await request(`${collector.url}/dist/pupil-voice.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers['content-type'] ?? '', /^text\/javascript/);
  });

  it('lets browsers keep hashed chunks for a year and revalidate everything else', async () => {
    const immutable = 'public, max-age=31536000, immutable';
    assert.equal((await request(`${collector.url}/dist/chunks/survey-core.BWWwPIYZ.js`)).headers['cache-control'], immutable);
    // The entry keeps its name from build to build: a new build must be seen at once.
    assert.equal((await request(`${collector.url}/dist/pupil-voice.js`)).headers['cache-control'], 'no-cache');
    // A chunk name without rollup's hash is not taken for one, however its name ends.
    assert.equal((await request(`${collector.url}/dist/chunks/open-delivery.js`)).headers['cache-control'], 'no-cache');
    assert.equal((await request(`${collector.url}/school/`)).headers['cache-control'], 'no-cache');
    const worker = await request(`${collector.url}/dist/pupil-voice-sw.js`);
    assert.equal(worker.headers['cache-control'], 'no-cache');
    assert.equal(worker.headers['service-worker-allowed'], '/');
    assert.equal((await request(`${collector.url}/dist/pupil-voice.js`)).headers['service-worker-allowed'], undefined);
  });

  it('lists no directory and refuses every way out of the folder', async () => {
    assert.equal((await request(`${collector.url}/dist/`)).status, 404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/school/%2E%2E/%2E%2E/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/link.txt', '/dist/..%2F..%2Fsecret.txt']) {
      const reply = await request(`${collector.url}${path}`);
      assert.equal(reply.status, 404, `${path} answered ${reply.status}`);
      assert.doesNotMatch(reply.text, /not for the web/);
    }
  });

  it('is read-only', async () => {
    const reply = await request(`${collector.url}/style.css`, { method: 'PUT', body: 'x' });
    assert.equal(reply.status, 405);
    assert.equal(readFileSync(join(site.path, 'examples', 'style.css'), 'utf8'), 'body{}');
  });
});

describe('restart', () => {
  it('keeps acknowledged responses across a restart and still recognises their replays', async () => {
    const first = await startTestCollector({ pupils: PUPIL_SURVEY });
    const id = newId();
    const response = { id, data: { safe: 'unsure' } };
    const receipt = (await postResponse(first.url, 'pupils', response)).json().receipt;
    await first.close();
    const second = await startCollector({ ...DEFAULT_CONFIG, dataDir: first.dataDir, surveysDir: first.surveysDir, port: 0 });
    try {
      assert.equal(await second.storage.count('pupils'), 1);
      const replay = await postResponse(second.url, 'pupils', response);
      assert.equal(replay.status, 200);
      assert.equal(replay.json().receipt, receipt);
    } finally {
      await second.close();
      rmSync(first.root, { recursive: true, force: true });
    }
  });
});
