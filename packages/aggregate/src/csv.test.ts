import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, parseTally, tally, toCSV, toJSON } from './index.js';

/** A small RFC 4180 reader, so the tests check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

const definition = {
  elements: [
    { type: 'radiogroup', name: 'safe', choices: ['yes', { value: 'no', text: 'No, "never"' }, '=cmd|calc'] },
    { type: 'matrix', name: 'grid', rows: ['heard'], columns: ['1', '2'] },
    { type: 'text', name: 'hours', inputType: 'number' },
    { type: 'comment', name: 'story' },
  ],
};

test('CSV is tidy long form with a BOM, one column per segment key, counts, bases and percents', () => {
  const t = tally(
    definition,
    [
      { school: 'Ysgol Gymraeg, Aberystwyth', safe: 'yes', grid: { heard: '1' }, hours: 2, story: 'private text' },
      { school: 'Ysgol Gymraeg, Aberystwyth', safe: 'no', hours: 4 },
      { school: 'Ysgol Gymraeg, Aberystwyth', safe: 'maybe' },
      { school: 'Ysgol Gymraeg, Aberystwyth' },
    ],
    { segments: ['school'] },
  );
  const text = toCSV(t);
  assert.ok(text.startsWith('\uFEFF'));
  assert.ok(!text.includes('private text'));
  const rows = readCsv(text.slice(1));
  assert.deepEqual(rows[0], ['question', 'row', 'choice', 'school', 'count', 'base', 'percent']);
  const find = (question: string, row: string, choice: string) => rows.find((r) => r[0] === question && r[1] === row && r[2] === choice);
  // Base for choices: respondents who answered (3 of 4); "not answered" against all 4.
  assert.deepEqual(find('safe', '', 'yes'), ['safe', '', 'yes', 'Ysgol Gymraeg, Aberystwyth', '1', '3', '33.3']);
  assert.deepEqual(find('safe', '', '(unknown value)')?.slice(4), ['1', '3', '33.3']);
  assert.deepEqual(find('safe', '', '(not answered)')?.slice(4), ['1', '4', '25.0']);
  assert.deepEqual(find('grid', 'heard', '1')?.slice(4), ['1', '1', '100.0']);
  assert.deepEqual(find('hours', '', 'mean')?.slice(4), ['3', '2', '']);
  assert.deepEqual(find('story', '', '(answered)')?.slice(4), ['1', '4', '25.0']);
  // Labels on request, with quotes doubled.
  const labelled = readCsv(toCSV(t, { labels: true }).slice(1));
  assert.ok(labelled.some((r) => r[2] === 'No, "never"'));
  assert.match(toCSV(t, { labels: true }), /"No, ""never"""/);
  // min and max would be one pupil's answer in a small cell: never exported.
  assert.ok(!rows.some((r) => r[2] === 'min' || r[2] === 'max'));
});

test('values that a spreadsheet would run as formulas stay text', () => {
  for (const hostile of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1']) {
    assert.ok(csvField(hostile).replace(/^"/, '').startsWith("'"), hostile);
  }
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('line\nbreak'), '"line\nbreak"');
  const t = tally(definition, [{ school: '=HYPERLINK("http://x")', safe: '=cmd|calc' }], { segments: ['school'] });
  const rows = readCsv(toCSV(t).slice(1));
  assert.ok(rows.some((r) => r[2] === "'=cmd|calc" && r[3] === '\'=HYPERLINK("http://x")'));
  assert.ok(!rows.slice(1).some((r) => r.some((field) => /^[=+\-@]/.test(field))));
});

test('suppressed (null) counts are written as empty fields, not zero', () => {
  const t = tally(definition, [{ safe: 'yes' }]);
  const copy = JSON.parse(JSON.stringify(t));
  copy.questions[0].cells['[]'].counts[0] = null;
  const rows = readCsv(toCSV(copy).slice(1));
  assert.deepEqual(rows.find((r) => r[0] === 'safe' && r[2] === 'yes')?.slice(3), ['', '1', '']);
});

test('JSON export is the versioned tally format', () => {
  const t = tally(definition, [{ safe: 'yes' }]);
  assert.deepEqual(parseTally(toJSON(t)), t);
});
