import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { exportCsv } from './export.js';
import { newId, postResponse, startTestCollector, type TestCollector } from './test-support/harness.js';

const SURVEY = {
  title: 'Columns',
  elements: [
    { type: 'radiogroup', name: 'safe', title: 'I feel safe, mostly', choices: ['yes', 'no'] },
    { type: 'checkbox', name: 'where', title: 'Where do you feel less safe?', choices: [{ value: 'toilets', text: 'Toilets' }, { value: 'online', text: 'Online' }], showOtherItem: true },
    { type: 'matrix', name: 'feel', title: 'How often', columns: ['never', 'often'], rows: [{ value: 'calm', text: 'Calm' }, { value: 'happy', text: 'Happy' }] },
    { type: 'comment', name: 'note' },
  ],
};

function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r') continue;
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  return rows;
}

describe('the raw CSV export, as an analyst opens it', () => {
  let collector: TestCollector;
  before(async () => {
    collector = await startTestCollector({ columns: SURVEY });
    const answers = [
      { safe: 'yes', where: ['online', 'other'], 'where-Comment': 'bus', feel: { calm: 'often', happy: 'never' }, note: 'hi' },
      { safe: 'no', feel: { calm: 'never' } },
    ];
    for (const data of answers) assert.equal((await postResponse(collector.url, 'columns', { id: newId(), data })).status, 201);
  });
  after(() => collector.dispose());

  it('has a BOM, a column per choice and per matrix row, and headers from titles that keep the data key', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await exportCsv(collector.storage, collector.surveys.get('columns')!, out);
    assert.equal(text.charCodeAt(0), 0xfeff);
    const [header, ...rows] = parse(text.slice(1));
    assert.deepEqual(header!.slice(5), [
      'safe: I feel safe, mostly',
      'where.toilets: Where do you feel less safe? – Toilets',
      'where.online: Where do you feel less safe? – Online',
      'where.(other values)',
      'where-Comment',
      'feel.calm: How often – Calm',
      'feel.happy: How often – Happy',
      'note',
      'other_answers',
      'encrypted',
      'definition_version',
    ]);
    const first = rows.find((row) => row[5] === 'yes')!;
    const second = rows.find((row) => row[5] === 'no')!;
    assert.deepEqual(first.slice(5, 12), ['yes', '0', '1', '["other"]', 'bus', 'often', 'never']);
    // Not answered is empty, not 0; a matrix row left out is empty.
    assert.deepEqual(second.slice(5, 12), ['no', '', '', '', '', 'never', '']);
  });
});
