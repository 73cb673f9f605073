import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Tally } from '@pupil-voice/aggregate';
import { startCollector, DEFAULT_CONFIG } from '../collector.js';
import { newId, postResponse, tempFolder, writeSurveys } from '../test-support/harness.js';
import { join } from 'node:path';

const BIN = fileURLToPath(new URL('../../bin/pupil-voice-collector.js', import.meta.url));

/** Autumn: three questions. */
const AUTUMN = {
  title: 'Feeling safe',
  elements: [
    { type: 'radiogroup', name: 'safe', choices: ['yes', 'no'] },
    { type: 'radiogroup', name: 'told', choices: ['teacher', 'parent', 'nobody'] },
    { type: 'boolean', name: 'online' },
    { type: 'rating', name: 'mood', rateMin: 1, rateMax: 3 },
  ],
};

/** Spring: a choice added to `safe`, `told` renamed `told_someone`, `online` removed. */
const SPRING = {
  title: 'Feeling safe',
  elements: [
    { type: 'radiogroup', name: 'safe', choices: ['yes', 'no', 'sometimes'] },
    { type: 'radiogroup', name: 'told_someone', choices: ['teacher', 'parent', 'nobody'] },
    { type: 'rating', name: 'mood', rateMin: 1, rateMax: 3 },
  ],
};

describe('a survey edited between two waves', () => {
  let folder: ReturnType<typeof tempFolder>;
  let dataDir: string;
  let surveysDir: string;
  before(async () => {
    folder = tempFolder('waves');
    dataDir = join(folder.path, 'data');
    surveysDir = join(folder.path, 'surveys');
    const wave = async (definition: unknown, answers: Array<Record<string, unknown>>, label: string) => {
      writeSurveys(surveysDir, { safety: definition });
      const collector = await startCollector({ ...DEFAULT_CONFIG, dataDir, surveysDir, port: 0 });
      try {
        for (const data of answers) {
          const reply = await postResponse(collector.url, 'safety', { id: newId(), data, meta: { wave: label } });
          assert.equal(reply.status, 201, reply.text);
        }
      } finally {
        await collector.close();
      }
    };
    await wave(AUTUMN, [
      { safe: 'yes', told: 'teacher', online: true, mood: 3 },
      { safe: 'no', told: 'nobody', online: false, mood: 1 },
      { safe: 'yes', told: 'parent', mood: 2 },
    ], 'autumn');
    await wave(SPRING, [
      { safe: 'sometimes', told_someone: 'teacher', mood: 2 },
      { safe: 'yes', told_someone: 'teacher', mood: 3 },
    ], 'spring');
  });
  after(() => folder.remove());

  const exportFromData = (format: string) =>
    // No --surveys: the data folder alone (it kept both definitions).
    spawnSync(process.execPath, [BIN, 'export', '--data', dataDir, '--survey', 'safety', '--format', format], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', PV_SURVEYS_DIR: '' },
    });

  it('keeps both waves in the tallies: same questions merged, a changed one per version, the rest reported', () => {
    const result = exportFromData('tallies');
    assert.equal(result.status, 0, result.stderr);
    const tally = JSON.parse(result.stdout) as Tally;
    const total = Object.values(tally.respondents).reduce((sum, n) => sum + n, 0);
    assert.equal(total, 5);
    const byName = new Map(tally.questions.map((question) => [question.name, question]));
    // mood is the same in both versions: merged over all five respondents.
    const mood = byName.get('mood');
    assert.ok(mood && mood.kind === 'choice');
    const sum = (key: 'counts') => Object.values(mood.cells).reduce((acc, cell) => acc.map((n, i) => n + (cell[key][i] ?? 0)), [0, 0, 0]);
    assert.deepEqual(sum('counts'), [1, 2, 2]);
    // safe gained a choice: one question per version, never mixed.
    const versions = [...byName.keys()].filter((name) => name.startsWith('safe@'));
    assert.equal(versions.length, 2);
    const counted = versions.map((name) => {
      const question = byName.get(name)!;
      assert.equal(question.kind, 'choice');
      if (question.kind !== 'choice') return [];
      const totals = question.categories.map((_, i) => Object.values(question.cells).reduce((acc, cell) => acc + (cell.counts[i] ?? 0), 0));
      return question.categories.map((category, i) => `${category.value}=${totals[i]}`);
    });
    assert.deepEqual(counted.sort(), [['yes=1', 'no=0', 'sometimes=1'], ['yes=2', 'no=1']].sort());
    // told (renamed) and online (removed) are not in every version: left out and reported.
    for (const name of ['told', 'told_someone', 'online']) assert.equal(byName.has(name), false, name);
    const report = result.stderr;
    assert.match(report, /"safe" changed its choices \(added: sometimes; removed: none\): kept per version as safe@[0-9a-f]{16}, safe@[0-9a-f]{16}/);
    assert.match(report, /"told" is only in version\(s\) [0-9a-f]{16}: left out of the merged tally \(probably renamed to or from "told_someone"\)/);
    assert.match(report, /"told_someone" is only in version\(s\) [0-9a-f]{16}: left out/);
    assert.match(report, /"online" is only in version\(s\) [0-9a-f]{16}: left out of the merged tally$/m);
  });

  it('keeps every answer in the CSV: columns of both versions, each row with its version', () => {
    const result = exportFromData('csv');
    assert.equal(result.status, 0, result.stderr);
    const [header, ...rows] = result.stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(header, 'id,audience,school,wave,day,safe,told_someone,mood,told,online,other_answers,encrypted,definition_version');
    assert.equal(rows.length, 5);
    const autumn = rows.filter((row) => row.includes(',autumn,'));
    assert.equal(autumn.length, 3);
    assert.ok(autumn.some((row) => /,no,,1,nobody,false,,,[0-9a-f]{16}$/.test(row)), autumn.join('\n'));
    const versions = new Set(rows.map((row) => row.slice(row.lastIndexOf(',') + 1)));
    assert.equal(versions.size, 2);
  });

  it('names the surveys the data folder keeps when asked for another', () => {
    const result = spawnSync(process.execPath, [BIN, 'export', '--data', dataDir, '--survey', 'nope'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', PV_SURVEYS_DIR: '' },
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no definition of survey "nope" is kept in .*kept: safety\)/);
  });
});
