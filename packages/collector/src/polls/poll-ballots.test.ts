import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { hashAnalystToken, newAnalystToken } from '../access/analyst-access.js';
import { EventReader } from '../test-support/event-reader.js';
import { newId, postResponse, request, startTestCollector, type TestCollector } from '../test-support/harness.js';
import { POLL } from '../test-support/surveys.js';

/** A device token as `<pv-poll>` makes one: 16 random bytes, base64url. */
const deviceToken = (): string => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');

interface PollEvent {
  tally: { respondents: Record<string, number>; questions: Array<{ cells: Record<string, { counts: number[] }> }> };
}

describe('poll ballots: one vote per device per poll', () => {
  let collector: TestCollector;
  before(async () => {
    collector = await startTestCollector({ lunch: POLL, dinner: POLL }, { livePolls: ['lunch', 'dinner'] });
  });
  after(() => collector.dispose());

  it('refuses a second vote with the same ballot, keeps the first, and still acknowledges its re-send', async () => {
    const ballot = deviceToken();
    const first = { id: newId(), data: { lunch: 'curry' }, ballot };
    const stored = await postResponse(collector.url, 'lunch', first);
    assert.equal(stored.status, 201, stored.text);
    const again = await postResponse(collector.url, 'lunch', { id: newId(), data: { lunch: 'pasta' }, ballot });
    assert.equal(again.status, 409);
    assert.equal(again.json().error, 'already_voted');
    assert.equal(again.json().field, 'ballot');
    // The device never heard back the first time and sends the same vote again: acknowledged.
    const replay = await postResponse(collector.url, 'lunch', first);
    assert.equal(replay.status, 200);
    assert.equal(replay.json().receipt, stored.json().receipt);
    assert.equal(await collector.storage.count('lunch'), 1);
  });

  it('lets the same device vote once in each poll', async () => {
    const ballot = deviceToken();
    assert.equal((await postResponse(collector.url, 'lunch', { id: newId(), data: { lunch: 'salad' }, ballot })).status, 201);
    assert.equal((await postResponse(collector.url, 'dinner', { id: newId(), data: { lunch: 'salad' }, ballot })).status, 201);
  });

  it('counts exactly one of many votes sent at once with the same ballot', async () => {
    const ballot = deviceToken();
    const before = await collector.storage.count('lunch');
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => postResponse(collector.url, 'lunch', { id: newId(), data: { lunch: 'pasta' }, ballot })),
    );
    assert.deepEqual(
      replies.map((reply) => reply.status).sort(),
      [201, ...Array<number>(19).fill(409)],
    );
    assert.equal(await collector.storage.count('lunch'), before + 1);
  });

  it('refuses a ballot that is not a random token', async () => {
    for (const ballot of ['', 'short', 'x'.repeat(65), 'not base64url!!!!!!!!!!!!', 42]) {
      const reply = await postResponse(collector.url, 'lunch', { id: newId(), data: { lunch: 'pasta' }, ballot } as never);
      assert.equal(reply.status, 400, String(ballot));
      assert.equal(reply.json().field, 'ballot');
    }
  });

  it('keeps only a hash of each ballot, with nothing linking it to a vote', async () => {
    const ballot = deviceToken();
    const id = newId();
    assert.equal((await postResponse(collector.url, 'lunch', { id, data: { lunch: 'curry' }, ballot })).status, 201);
    const files = readdirSync(collector.dataDir).map((name) => join(collector.dataDir, name));
    for (const file of files) {
      assert.ok(!readFileSync(file).includes(ballot), `the token itself is in ${file}`);
    }
    const db = new Database(files.find((file) => file.endsWith('.sqlite')) ?? files[0]!, { readonly: true });
    try {
      const columns = (db.prepare('PRAGMA table_info(poll_ballots)').all() as Array<{ name: string }>).map((c) => c.name);
      assert.deepEqual(columns, ['survey_id', 'ballot_hash']);
      const stored = db.prepare('SELECT data, body_hash, receipt FROM responses WHERE id = ?').get(id) as Record<string, string>;
      const hashes = (db.prepare("SELECT ballot_hash FROM poll_ballots WHERE survey_id = 'lunch'").all() as Array<{ ballot_hash: string }>).map(
        (row) => row.ballot_hash,
      );
      for (const hash of hashes) assert.ok(!Object.values(stored).some((value) => value.includes(hash)));
    } finally {
      db.close();
    }
  });
});

describe('poll streams resume', () => {
  let collector: TestCollector;
  before(async () => {
    collector = await startTestCollector({ lunch: POLL }, { livePolls: ['lunch'] });
  });
  after(() => collector.dispose());

  it('gives each snapshot an id; a reconnect naming the current one waits for the next vote, a stale one gets a fresh snapshot', async () => {
    const first = await EventReader.open(`${collector.url}/v1/polls/lunch/stream`);
    const snapshot = await first.next();
    first.close();
    assert.match(snapshot.id ?? '', /^[\w-]{16}$/);

    const resumed = await EventReader.open(`${collector.url}/v1/polls/lunch/stream`, { 'Last-Event-ID': snapshot.id! });
    const stale = await EventReader.open(`${collector.url}/v1/polls/lunch/stream`, { 'Last-Event-ID': 'AAAAAAAAAAAAAAAA' });
    try {
      const fresh = await stale.next();
      assert.equal(fresh.id, snapshot.id);
      await postResponse(collector.url, 'lunch', { id: newId(), data: { lunch: 'pasta' }, ballot: deviceToken() });
      // The resumed stream's first event is the vote, not a repeat of what it already had.
      const next = await resumed.next();
      assert.notEqual(next.id, snapshot.id);
      assert.equal((next.data as PollEvent).tally.respondents['[]'], 1);
    } finally {
      resumed.close();
      stale.close();
    }
  });
});

describe('who may open a poll stream', () => {
  let collector: TestCollector;
  before(async () => {
    collector = await startTestCollector({ live: POLL, open: POLL, closed: POLL }, { livePolls: ['live'], publicResults: ['open'] });
  });
  after(() => collector.dispose());

  it('anyone for a live poll or a public-results survey; only an analyst for any other survey, as for its results', async () => {
    for (const id of ['live', 'open']) {
      const stream = await EventReader.open(`${collector.url}/v1/polls/${id}/stream`);
      assert.equal((await stream.next()).event, 'tally');
      stream.close();
    }
    const refused = await request(`${collector.url}/v1/polls/closed/stream`);
    assert.equal(refused.status, 401);
    assert.equal(refused.json().error, 'analyst_token_required');
    assert.doesNotMatch(refused.text, /lunch|pasta/);
    // Unknown ids get the same refusal: nothing says whether a survey exists.
    assert.equal((await request(`${collector.url}/v1/polls/nothing-here/stream`)).text, refused.text);
    const token = newAnalystToken();
    await collector.storage.addAnalystToken('closed', hashAnalystToken(token), '2026-01-01');
    const stream = await EventReader.open(`${collector.url}/v1/polls/closed/stream`, { Authorization: `Bearer ${token}` });
    const event = await stream.next();
    stream.close();
    assert.equal((event.data as { live: boolean }).live, false);
  });
  it('a projector page trades the analyst token (in a header) for a one-use ticket that opens the stream; the token never goes in a URL', async () => {
    const token = newAnalystToken();
    await collector.storage.addAnalystToken('closed', hashAnalystToken(token), '2026-01-01');
    const ask = (id: string, headers: Record<string, string> = {}) => request(`${collector.url}/v1/polls/${id}/ticket`, { method: 'POST', headers });
    // No token, a wrong one, or another survey's: the same 401 as the results, for any id.
    const refused = await ask('closed');
    assert.equal(refused.status, 401);
    assert.equal(refused.json().error, 'analyst_token_required');
    assert.equal((await ask('closed', { Authorization: `Bearer ${newAnalystToken()}` })).text, refused.text);
    assert.equal((await ask('nothing-here')).text, refused.text);
    assert.doesNotMatch(refused.text, /lunch|pasta/);
    // A ticket is not the token, and opens exactly one stream of its own survey.
    const issued = await ask('closed', { Authorization: `Bearer ${token}` });
    assert.equal(issued.status, 200, issued.text);
    assert.equal(issued.headers['cache-control'], 'no-store');
    const { ticket, expiresInSeconds } = issued.json<{ ticket: string; expiresInSeconds: number }>();
    assert.match(ticket, /^pvs_[\w-]{32}$/);
    assert.ok(!ticket.includes(token) && expiresInSeconds === 60);
    const stream = await EventReader.open(`${collector.url}/v1/polls/closed/stream?ticket=${ticket}`);
    assert.equal((await stream.next()).event, 'tally');
    stream.close();
    const spent = await request(`${collector.url}/v1/polls/closed/stream?ticket=${ticket}`);
    assert.equal(spent.status, 401);
    assert.equal(spent.json().error, 'stream_ticket_invalid');
    assert.match(spent.json<{ reason: string }>().reason, /POST \/v1\/polls\/ID\/ticket/);
    assert.doesNotMatch(spent.text, /lunch|pasta|"tally"/);
    // A ticket for one survey opens no other, and a made-up one nothing.
    const other = (await ask('closed', { Authorization: `Bearer ${token}` })).json<{ ticket: string }>().ticket;
    assert.equal((await request(`${collector.url}/v1/polls/nothing-here/stream?ticket=${other}`)).status, 401);
    assert.equal((await request(`${collector.url}/v1/polls/closed/stream?ticket=${other}`)).status, 401, 'tried once on the wrong survey, it is spent');
    assert.equal((await request(`${collector.url}/v1/polls/closed/stream?ticket=pvs_${'A'.repeat(32)}`)).status, 401);
    // Open polls need no ticket: the page opens their stream directly.
    for (const id of ['live', 'open']) assert.deepEqual((await ask(id)).json(), { ticket: null, public: true });
  });
});
