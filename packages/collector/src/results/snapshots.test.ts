import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_CONFIG, startCollector, type RunningCollector } from '../collector.js';
import { CollectorError } from '../errors.js';
import { openStorage } from '../storage/open-storage.js';
import type { ResponseStorage } from '../storage/storage.js';
import { SurveyRegistry } from '../surveys/survey-registry.js';
import { analystToken, newId, postResponse, request, tempFolder, writeSurveys } from '../test-support/harness.js';
import { PUPIL_SURVEY } from '../test-support/surveys.js';
import { ResultsPublisher } from './results.js';

/**
 * Real SQLite storage whose reading of responses waits while the test holds it, so a
 * snapshot can be kept "still computing" for as long as a test needs, without timing.
 */
function heldStorage(storage: ResponseStorage): { storage: ResponseStorage; hold(): void; release(): void } {
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const held = Object.create(storage) as ResponseStorage;
  held.responses = async function* (surveyId, filter) {
    await gate;
    yield* storage.responses(surveyId, filter);
  };
  return {
    storage: held,
    hold: () => {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => open(),
  };
}

const respondents = (snapshot: { respondents: Record<string, unknown> }): unknown => snapshot.respondents['[true]'];

describe('result snapshots: computed ahead of readers, kept across restarts', () => {
  const folder = tempFolder('snapshots');
  after(() => folder.remove());

  it('tells a reader to come back before the first snapshot, then always answers at once from the latest', async () => {
    const storage = await openStorage({ dataDir: join(folder.path, 'unit') });
    const held = heldStorage(storage);
    const survey = new SurveyRegistry().add('pupils', PUPIL_SURVEY);
    await storage.saveDefinition(survey.id, survey.version, survey.definition);
    // School B's twelve all answer "yes": split six and six, every one of B's answers would
    // be small, and protecting them would hide the overall respondent count this test reads.
    const store = async (n: number, school: string): Promise<void> => {
      for (let i = 0; i < n; i++) {
        await storage.save({
          id: newId(),
          surveyId: survey.id,
          data: { year: '7', safe: school === 'B' || i % 2 ? 'yes' : 'no' },
          meta: { school },
          receivedDay: '2026-11-30',
          bodyHash: newId(),
          receipt: 'r',
          definitionVersion: survey.version,
        });
      }
    };
    await store(24, 'A');
    const options = { k: 10, yearQuestions: ['year'], segments: ['school' as const], refreshCheckMs: 0 };
    let publisher = new ResultsPublisher(held.storage, options);
    try {
      held.hold();
      await publisher.start([survey]);
      // No snapshot yet and none can finish: a clear refusal with a retry time, not a hang.
      await assert.rejects(publisher.published(survey, 0), (error: unknown) => {
        assert.ok(error instanceof CollectorError);
        assert.equal(error.status, 503);
        assert.equal(error.error, 'results_pending');
        assert.match(error.reason, /being prepared; try again in \d+ s/);
        assert.ok(error.retryAfter !== undefined && error.retryAfter >= 1);
        return true;
      });
      held.release();
      const first = await publisher.published(survey, 60_000);
      assert.deepEqual(respondents(first), { count: 24 });

      // Twelve more responses start a new snapshot; while it computes, readers get the last one at once.
      held.hold();
      await store(12, 'B');
      for (let i = 0; i < 12; i++) publisher.changed(survey); // as the collector does per stored response
      assert.deepEqual(await publisher.published(survey), first);
      held.release();
      const second = await publisher.published(survey, 60_000);
      assert.deepEqual(respondents(second), { count: 36 });
      await publisher.close();

      // A restart serves the kept snapshot at once, without computing (reading is held).
      held.hold();
      publisher = new ResultsPublisher(held.storage, options);
      await publisher.start([survey]);
      assert.deepEqual(await publisher.published(survey, 0), second);
      await publisher.close();

      // One made with other settings (here k) is not served.
      publisher = new ResultsPublisher(held.storage, { ...options, k: 11 });
      await publisher.start([survey]);
      await assert.rejects(publisher.published(survey, 0), /being prepared/);
      held.release();
      assert.equal((await publisher.published(survey, 60_000)).k, 11);
    } finally {
      held.release();
      await publisher.close();
      await storage.close();
    }
  });

  it('serves the last snapshot over HTTP straight after a restart of the real collector', async () => {
    const dataDir = join(folder.path, 'http');
    const surveysDir = join(folder.path, 'surveys');
    writeSurveys(surveysDir, { pupils: PUPIL_SURVEY });
    const config = { ...DEFAULT_CONFIG, dataDir, surveysDir, port: 0, host: '127.0.0.1', k: 10 };
    let collector: RunningCollector = await startCollector(config);
    try {
      const token = await analystToken(collector, 'pupils');
      for (let i = 0; i < 30; i++) {
        const reply = await postResponse(collector.url, 'pupils', { id: newId(), data: { year: i % 2 ? '7' : '8', safe: i % 3 ? 'yes' : 'no' }, meta: { school: i % 2 ? 'A' : 'B' } });
        assert.equal(reply.status, 201, reply.text);
      }
      const url = `${collector.url}/v1/surveys/pupils/results?by=school`;
      const responses = async (reply: { json<T>(): T }): Promise<unknown> => reply.json<{ respondents: Record<string, unknown> }>().respondents;
      const before = await request(url, { headers: { Authorization: `Bearer ${token}`, Prefer: 'wait=60' } });
      assert.equal(before.status, 200, before.text);
      assert.equal(before.headers['preference-applied'], 'wait=60');
      // A school is named: the snapshot covers the responses above (the start-up one had none).
      assert.ok(Object.keys((await responses(before)) as object).length > 0, before.text);
      await collector.close();

      collector = await startCollector(config);
      const again = `${collector.url}/v1/surveys/pupils/results?by=school`;
      // `wait=0`: only a snapshot that already exists can answer; the kept one does.
      const restarted = await request(again, { headers: { Authorization: `Bearer ${token}`, Prefer: 'wait=0' } });
      assert.equal(restarted.status, 200, restarted.text);
      assert.deepEqual(restarted.json(), before.json());
    } finally {
      await collector.close();
    }
  });
});
