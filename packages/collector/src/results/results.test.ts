import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventReader } from '../test-support/event-reader.js';
import { analystToken, newId, postResponse, request, startTestCollector, type TestCollector } from '../test-support/harness.js';
import { POLL, PUPIL_SURVEY } from '../test-support/surveys.js';

/** A published number: `{ count }` shown or `{ hidden: true }` (never why it is hidden). */
type Count = { count: number } | { hidden: true };
const hidden = (count: Count | undefined): boolean => count === undefined || 'hidden' in count;
interface ResultsBody {
  k: number;
  segments: string[];
  respondents: Record<string, Count>;
  questions: Array<{ name: string; cells: Record<string, { counts: Count[]; base: Count }> }>;
}

/** The responses behind the results tests: most cells well above k, one small group. */
const PUPILS: Array<{ school: string; year: string; safe: string; n: number }> = [
  { school: 'A', year: '7', safe: 'yes', n: 12 },
  { school: 'A', year: '7', safe: 'no', n: 11 },
  { school: 'A', year: '8', safe: 'yes', n: 10 },
  { school: 'A', year: '8', safe: 'no', n: 13 },
  { school: 'B', year: '7', safe: 'yes', n: 14 },
  { school: 'B', year: '7', safe: 'no', n: 10 },
  { school: 'B', year: '8', safe: 'yes', n: 11 },
  { school: 'B', year: '8', safe: 'no', n: 12 },
  // Two pupils in one school and year: a group small enough to identify them.
  { school: 'B', year: '8', safe: 'unsure', n: 2 },
];
const CATEGORIES: Record<string, string[]> = { year: ['7', '8'], safe: ['yes', 'no', 'unsure'] };

/** True counts per question and category for the pupils matching a filter. */
function truth(filter: { school?: string; year?: string } = {}): Record<string, number[]> {
  const matching = PUPILS.filter((group) => (filter.school ?? group.school) === group.school && (filter.year ?? group.year) === group.year);
  const counts: Record<string, number[]> = {};
  for (const [question, categories] of Object.entries(CATEGORIES)) {
    counts[question] = categories.map((category) =>
      matching.filter((group) => (group as unknown as Record<string, string>)[question] === category).reduce((sum, group) => sum + group.n, 0),
    );
  }
  return counts;
}

/** Every shown count is at least k and equals the true count; returns how many were shown. */
function assertPublishedSafely(body: ResultsBody, key: string, expected: Record<string, number[]>): number {
  let shown = 0;
  for (const [question, counts] of Object.entries(expected)) {
    const cell = body.questions.find((item) => item.name === question)!.cells[key]!;
    cell.counts.forEach((count, index) => {
      if ('hidden' in count) {
        assert.deepEqual(count, { hidden: true }, 'a hidden number carries one mark and nothing else');
        return;
      }
      shown += 1;
      assert.ok(count.count >= body.k, `${question}[${index}] published ${count.count}, below k`);
      assert.equal(count.count, counts[index], `${question}[${index}] published a wrong count`);
    });
  }
  return shown;
}

describe('results: suppressed tallies, filtered views', () => {
  let collector: TestCollector;
  let auth: Record<string, string>;
  const ids: string[] = [];
  before(async () => {
    collector = await startTestCollector({ pupils: PUPIL_SURVEY }, { k: 10 });
    auth = { Authorization: `Bearer ${await analystToken(collector, 'pupils')}` };
    const sends: Array<Promise<unknown>> = [];
    for (const group of PUPILS) {
      for (let index = 0; index < group.n; index++) {
        const id = newId();
        ids.push(id);
        const worry = ids.length === 1 ? { worry: 'a secret only one pupil wrote' } : {};
        sends.push(
          postResponse(collector.url, 'pupils', {
            id,
            data: { year: group.year, safe: group.safe, ...worry },
            meta: { audience: 'pupil', school: group.school, wave: '2026-autumn' },
          }).then((reply) => assert.equal(reply.status, 201, reply.text)),
        );
      }
    }
    await Promise.all(sends);
  });
  after(() => collector.dispose());

  // Results are snapshots made in the background: ask for one that includes every response
  // posted above (Prefer: wait), instead of the latest, which may predate them.
  const results = async (query = ''): Promise<ResultsBody> => {
    const reply = await request(`${collector.url}/v1/surveys/pupils/results${query}`, { headers: { ...auth, Prefer: 'wait=60' } });
    assert.equal(reply.status, 200, reply.text);
    assert.match(reply.headers['content-type'] ?? '', /^application\/json/);
    return reply.json<ResultsBody>();
  };

  it('publishes true counts of at least k and hides the small group', async () => {
    const body = await results();
    assert.equal(body.k, 10);
    assert.deepEqual(body.segments, []);
    const safe = body.questions.find((question) => question.name === 'safe')!;
    // Two pupils said "unsure": a number that small is never published.
    assert.deepEqual(safe.cells['[]']!.counts[2], { hidden: true });
    assert.doesNotMatch(JSON.stringify(body), /below-k|complementary|reason/, 'the publication never says why a number is hidden');
    // The LP audit may hide every overall count here (the zeros of "unsure" at school A and
    // in most year groups must not be pinned down); what is shown is true and at least k.
    assertPublishedSafely(body, '[]', truth());
    const respondents = body.respondents['[]']!;
    assert.ok(hidden(respondents) || ('count' in respondents && respondents.count === 95));
  });

  it('never lets a response out: no ids, no free text', async () => {
    const text = JSON.stringify(await results('?by=school,year'));
    assert.doesNotMatch(text, /secret only one pupil/);
    for (const id of ids) assert.ok(!text.includes(id));
  });

  it('filters by school, audience, year group and wave, and splits by segments', async () => {
    const bySchool = await results('?by=school');
    assert.deepEqual(bySchool.segments, ['school']);
    assert.deepEqual(Object.keys(bySchool.respondents).sort(), ['["A"]', '["B"]']);
    assert.ok(assertPublishedSafely(bySchool, '["A"]', truth({ school: 'A' })) > 0);
    assertPublishedSafely(bySchool, '["B"]', truth({ school: 'B' }));

    const schoolA = await results('?school=A&audience=pupil&wave=2026-autumn');
    assert.deepEqual(Object.keys(schoolA.respondents), ['[]']);
    assert.ok(assertPublishedSafely(schoolA, '[]', truth({ school: 'A' })) > 0);

    const year7 = await results('?year=7');
    assert.ok(assertPublishedSafely(year7, '[]', truth({ year: '7' })) > 0);

    const schoolByYear = await results('?school=A&by=year');
    assert.deepEqual(Object.keys(schoolByYear.respondents).sort(), ['["7"]', '["8"]']);
    assertPublishedSafely(schoolByYear, '["7"]', truth({ school: 'A', year: '7' }));

    assert.deepEqual((await results('?school=Z')).respondents, {});
    assert.deepEqual((await results('?wave=2025-spring')).respondents, {});
  });

  it('cannot be differenced: a total minus one school never reveals what the other school hides', async () => {
    const [overall, schoolA, schoolB] = await Promise.all([results(), results('?school=A'), results('?school=B')]);
    for (const question of overall.questions) {
      const all = question.cells['[]'];
      if (all?.counts === undefined) continue;
      const a = schoolA.questions.find((item) => item.name === question.name)!.cells['[]'];
      const b = schoolB.questions.find((item) => item.name === question.name)!.cells['[]'];
      all.counts.forEach((count, index) => {
        const hiddenParts = [a?.counts[index], b?.counts[index]].filter((item) => hidden(item));
        assert.ok(hidden(count) || hiddenParts.length !== 1, `${question.name}[${index}]: total and one school shown, the other recoverable`);
      });
    }
  });

  it('refuses unknown query parameters and unknown surveys', async () => {
    assert.equal((await request(`${collector.url}/v1/surveys/pupils/results?ip=1`, { headers: auth })).status, 400);
    assert.equal((await request(`${collector.url}/v1/surveys/pupils/results?by=name`, { headers: auth })).status, 400);
    // A token opens only its own survey: another id, known or not, is refused the same way.
    assert.equal((await request(`${collector.url}/v1/surveys/nope/results`, { headers: auth })).status, 401);
  });

  it('publishes only the configured segment keys', async () => {
    const narrow = await startTestCollector({ pupils: PUPIL_SURVEY }, { resultsSegments: ['school'] });
    try {
      await postResponse(narrow.url, 'pupils', { id: newId(), data: { year: '7', safe: 'yes' }, meta: { school: 'A' } });
      const headers = { Authorization: `Bearer ${await analystToken(narrow, 'pupils')}`, Prefer: 'wait=60' };
      const byYear = await request(`${narrow.url}/v1/surveys/pupils/results?year=7`, { headers });
      assert.equal(byYear.status, 400);
      assert.equal(byYear.json().field, 'year');
      const bySchool = await request(`${narrow.url}/v1/surveys/pupils/results?by=school`, { headers });
      assert.equal(bySchool.status, 200);
      assert.deepEqual(bySchool.json().segments, ['school']);
    } finally {
      await narrow.dispose();
    }
  });
});

interface PollEvent {
  poll: string;
  live: boolean;
  k: number | null;
  tally: { respondents: Record<string, unknown>; questions: Array<{ cells: Record<string, { counts: unknown[] }> }> };
}

describe('live polls over server-sent events', () => {
  let collector: TestCollector;
  before(async () => {
    collector = await startTestCollector({ lunch: POLL, quiet: POLL }, { livePolls: ['lunch'], publicResults: ['quiet'] });
  });
  after(() => collector.dispose());

  it('pushes the tally on connect and again after each vote, with exact counts for a live poll', async () => {
    const stream = await EventReader.open(`${collector.url}/v1/polls/lunch/stream`);
    try {
      const first = (await stream.next()).data as PollEvent;
      assert.equal(first.live, true);
      assert.equal(first.tally.respondents['[]'] ?? 0, 0);
      await postResponse(collector.url, 'lunch', { id: newId(), data: { lunch: 'curry' } });
      let update = (await stream.next()).data as PollEvent;
      assert.equal(update.tally.respondents['[]'], 1);
      assert.deepEqual(update.tally.questions[0]!.cells['[]']!.counts, [0, 1, 0]);
      await postResponse(collector.url, 'lunch', { id: newId(), data: { lunch: 'pasta' } });
      update = (await stream.next()).data as PollEvent;
      assert.deepEqual(update.tally.questions[0]!.cells['[]']!.counts, [1, 1, 0]);
    } finally {
      stream.close();
    }
  });

  it('streams a poll that is not configured live suppressed with k', async () => {
    const stream = await EventReader.open(`${collector.url}/v1/polls/quiet/stream`);
    try {
      await stream.next();
      await postResponse(collector.url, 'quiet', { id: newId(), data: { lunch: 'salad' } });
      const update = (await stream.next()).data as PollEvent;
      assert.equal(update.live, false);
      assert.equal(update.k, 10);
      const cell = update.tally.questions[0]!.cells['[]']!;
      assert.ok(cell.counts.every((count) => hidden(count as Count)));
      assert.doesNotMatch(JSON.stringify(update.tally.respondents), /"count":1\b/);
    } finally {
      stream.close();
    }
  });
});
