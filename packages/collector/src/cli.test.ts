import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SqliteStorage } from './storage/sqlite-storage.js';
import { SQLITE_FILE_NAME } from './storage/open-storage.js';
import { newId, postResponse, request, sealForTest, tempFolder, writeSurveys } from './test-support/harness.js';
import { PUPIL_SURVEY } from './test-support/surveys.js';

const BIN = fileURLToPath(new URL('../bin/pupil-voice-collector.js', import.meta.url));
const LISTENING = /Pupil Voice collector listening on (http:\/\/\S+)/;

/** Starts the real command and resolves with its URL once it prints the listening line. */
function serve(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: { ...process.env, DATABASE_URL: '' } });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`collector exited (${code}) before listening:\n${output}`)));
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('pupil-voice-collector command', () => {
  let folder: ReturnType<typeof tempFolder>;
  let dataDir: string;
  let surveysDir: string;
  before(() => {
    folder = tempFolder('cli');
    dataDir = join(folder.path, 'data');
    surveysDir = join(folder.path, 'surveys');
    writeSurveys(surveysDir, { pupils: PUPIL_SURVEY });
  });
  after(() => folder.remove());

  it('serves on the port the system chose, printing the URL, and reports a bad flag with exit code 2', async () => {
    const { child, url } = await serve(['--data', dataDir, '--surveys', surveysDir, '--port', '0']);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(url, 'http://127.0.0.1:0');
    assert.equal((await request(`${url}/readyz`)).status, 200);
    child.kill('SIGTERM');
    assert.equal(await exited(child), 0);
    const bad = spawnSync(process.execPath, [BIN, '--no-such-flag'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Usage/);
  });

  it('on SIGTERM finishes in-flight writes: every acknowledged response is stored, and it exits 0', async () => {
    const { child, url } = await serve(['--data', dataDir, '--surveys', surveysDir, '--port', '0']);
    const storedBefore = await countStored(dataDir);
    const acknowledged = new Set<string>();
    let stopped = false;
    const sends = Array.from({ length: 40 }, async (_, index) => {
      const id = newId();
      try {
        const reply = await postResponse(url, 'pupils', { id, data: { safe: index % 2 === 0 ? 'yes' : 'no' } });
        if (reply.status === 201 && reply.json().id === id) acknowledged.add(id);
      } catch {
        // refused or cut off by the shutdown: not acknowledged, a client would retry
      }
      // Stop at the first acknowledgement, while the other sends are still arriving.
      if (!stopped && acknowledged.size > 0) {
        stopped = true;
        child.kill('SIGTERM');
      }
    });
    await Promise.all(sends);
    if (!stopped) child.kill('SIGTERM');
    assert.equal(await exited(child), 0);
    assert.ok(acknowledged.size > 0, 'some sends were acknowledged before the shutdown');
    assert.equal(await countStored(dataDir), storedBefore + acknowledged.size);
  });

  it('exports raw responses as CSV to standard output, one row per response with its id', async () => {
    const storage = new SqliteStorage(join(dataDir, SQLITE_FILE_NAME));
    const id = newId();
    await storage.save({
      id,
      surveyId: 'pupils',
      data: { year: '7', safe: 'unsure', worry: '=HYPERLINK("x")', oldQuestion: 'kept' },
      meta: { audience: 'pupil', school: 'S001', day: '2026-11-20' },
      receivedDay: '2026-11-23',
      bodyHash: 'h',
      receipt: 'r',
    });
    const total = await storage.count('pupils');
    await storage.close();
    const result = spawnSync(process.execPath, [BIN, 'export', '--data', dataDir, '--surveys', surveysDir, '--survey', 'pupils', '--format', 'csv'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\r\n');
    assert.equal(lines[0]!.charCodeAt(0), 0xfeff, 'a byte-order mark for spreadsheets');
    lines[0] = lines[0]!.slice(1);
    assert.equal(lines[0], 'id,audience,school,wave,day,year,safe,worry,other_answers,encrypted,definition_version');
    assert.equal(lines.length, total + 1);
    const row = lines.find((line) => line.startsWith(id));
    assert.ok(row);
    // A would-be formula is defused, and answers under unknown keys are kept, not dropped.
    assert.equal(row, `${id},pupil,S001,,2026-11-20,7,unsure,"'=HYPERLINK(""x"")","{""oldQuestion"":""kept""}",,`);
  });

  it('exports unsuppressed tallies as JSON for merging elsewhere', async () => {
    const result = spawnSync(process.execPath, [BIN, 'export', '--data', dataDir, '--surveys', surveysDir, '--survey', 'pupils', '--format', 'tallies'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });
    assert.equal(result.status, 0, result.stderr);
    const tally = JSON.parse(result.stdout) as { format: string; segments: string[]; respondents: Record<string, number> };
    assert.equal(tally.format, 'pupil-voice/tally');
    assert.deepEqual(tally.segments, ['audience', 'school', 'wave', 'year']);
    const respondents = Object.values(tally.respondents).reduce((sum, n) => sum + n, 0);
    assert.equal(respondents, await countStored(dataDir));
  });

  it('opens encrypted responses with --private-key, and keeps the envelope without it', async () => {
    const id = newId();
    const { envelope, privateKey } = await sealForTest(id, { year: '8', safe: 'no' });
    const keyFile = join(folder.path, 'analyst-key.jwk');
    writeFileSync(keyFile, JSON.stringify(privateKey));
    const storage = new SqliteStorage(join(dataDir, SQLITE_FILE_NAME));
    await storage.save({ id, surveyId: 'pupils', data: {}, encrypted: envelope, meta: {}, receivedDay: '2026-11-23', bodyHash: 'sealed', receipt: 'r' });
    await storage.close();
    const exportCsv = (extra: string[]) =>
      spawnSync(process.execPath, [BIN, 'export', '--data', dataDir, '--surveys', surveysDir, '--survey', 'pupils', ...extra], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '' },
      });
    const sealed = exportCsv([]);
    assert.equal(sealed.status, 0, sealed.stderr);
    const sealedRow = sealed.stdout.split('\r\n').find((line) => line.startsWith(id))!;
    assert.ok(sealedRow.startsWith(`${id},,,,,,,,,`));
    assert.match(sealedRow, /RSA-OAEP-256\+A256GCM/);
    const opened = exportCsv(['--private-key', keyFile]);
    assert.equal(opened.status, 0, opened.stderr);
    assert.ok(opened.stdout.split('\r\n').includes(`${id},,,,,8,no,,,,`));
  });

  it('refuses to export a survey it does not know', () => {
    const result = spawnSync(process.execPath, [BIN, 'export', '--data', dataDir, '--surveys', surveysDir, '--survey', 'nope'], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /nope/);
  });
});

async function countStored(dataDir: string): Promise<number> {
  const storage = new SqliteStorage(join(dataDir, SQLITE_FILE_NAME));
  try {
    return await storage.count('pupils');
  } finally {
    await storage.close();
  }
}
