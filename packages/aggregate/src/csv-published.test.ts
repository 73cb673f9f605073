import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHidden, shownCount } from './suppress.js';
import { loadLpSolver } from './audit.js';
import fc from 'fast-check';
import {
  HIDDEN_LEGEND,
  HIDDEN_MARK,
  MISSING,
  TOTAL,
  TOTAL_VALUE,
  UNKNOWN_QUESTION,
  publishedKey,
  suppress,
  tally,
  toCSV,
  toJSON,
  type PublishedCount,
  type PublishedTally,
} from './index.js';
import { seedProperties } from './property-seed.test.helper.js';

seedProperties('aggregate/csv-published.test.js');

// suppress audits with the LP solver: load it once for this file.
await loadLpSolver();

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

const repeat = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);

/** The `note` of a row that shows the hidden mark: the mark and its legend. */
const NOTE = `${HIDDEN_MARK} ${HIDDEN_LEGEND}`;
/** Words that would say why a number is hidden (which would tell a reader which are small). */
const REASONS = /below|complementary|primary|secondary|dominan|fewer than|suppressed|\bk\b/i;

test('a published tally exports shown numbers and one mark, [c] with its legend, for every hidden one (never a value, never why)', () => {
  const definition = { elements: [{ type: 'radiogroup', name: 'safe', choices: ['yes', 'no'] }] };
  const responses = [
    ...repeat(14, { school: 'A', safe: 'yes' }),
    ...repeat(3, { school: 'A', safe: 'no' }),
    ...repeat(12, { school: 'B', safe: 'yes' }),
    ...repeat(11, { school: 'B', safe: 'no' }),
  ];
  const published = suppress(tally(definition, responses, { segments: ['school'] }), { k: 10 });
  // A's 3 is below k; A's 14 would give it away (17 − 14), B's pair would give both away
  // through the all-schools total (26 − 12 = 14). Bases stay: 17 respondents is not small.
  assert.equal(
    toCSV(published, { hidden: 'keep' }),
    '\uFEFFquestion,row,choice,school,count,base,percent,note\r\n' +
      'safe,,yes,A,[c],17,[c],[c] hidden to protect small groups\r\n' +
      'safe,,no,A,[c],17,[c],[c] hidden to protect small groups\r\n' +
      'safe,,(missing),A,0,17,0.0,\r\n' +
      'safe,,yes,B,[c],23,[c],[c] hidden to protect small groups\r\n' +
      'safe,,no,B,[c],23,[c],[c] hidden to protect small groups\r\n' +
      'safe,,(missing),B,0,23,0.0,\r\n' +
      'safe,,yes,(all),26,40,65.0,\r\n' +
      'safe,,no,(all),14,40,35.0,\r\n' +
      'safe,,(missing),(all),0,40,0.0,\r\n',
  );
  // One mark for every hidden number: nothing says which hidden number is the small one.
  assert.equal(HIDDEN_MARK, '[c]');
  // By default the rows with nothing to show are left out: no hidden count is left, and no
  // row says why anything is hidden.
  assert.equal(
    toCSV(published),
    '\uFEFFquestion,row,choice,school,count,base,percent,note\r\n' +
      'safe,,(missing),A,0,17,0.0,\r\n' +
      'safe,,(missing),B,0,23,0.0,\r\n' +
      'safe,,yes,(all),26,40,65.0,\r\n' +
      'safe,,no,(all),14,40,35.0,\r\n' +
      'safe,,(missing),(all),0,40,0.0,\r\n',
  );
  // The wide layout: the same mark, the legend in its note column.
  assert.equal(
    toCSV(published, { layout: 'wide' }),
    '\uFEFFquestion,title,row,school,base,yes,yes %,no,no %,(missing),(missing) %,note\r\n' +
      'safe,,,A,17,[c],[c],[c],[c],0,,[c] hidden to protect small groups\r\n' +
      'safe,,,B,23,[c],[c],[c],[c],0,,[c] hidden to protect small groups\r\n' +
      'safe,,,(all),40,26,65.0,14,35.0,0,,\r\n',
  );
  // A page in Welsh writes its own legend after the same mark.
  assert.match(toCSV(published, { hidden: 'keep', hiddenLegend: "wedi'i guddio i ddiogelu grwpiau bach" }), /A,\[c\],17,\[c\],\[c\] wedi'i guddio i ddiogelu grwpiau bach\r\n/);
  for (const layout of ['tidy', 'wide'] as const) {
    for (const hidden of ['keep', 'drop'] as const) {
      const text = toCSV(published, { layout, hidden });
      assert.ok(!REASONS.test(text), `${layout}/${hidden} says why: ${text}`);
      // The raw counts hidden here are 3, 11, 12 (and 14 for school A): none of A's or B's
      // appears in any row of A or B.
      for (const line of text.split('\r\n').filter((l) => /,[AB],/.test(l))) assert.ok(!/,(3|11|12|14),/.test(line), `${layout}/${hidden}: ${line}`);
    }
  }
  // JSON of a published tally is the published tally, not a raw one.
  const json = toJSON(published);
  assert.deepEqual(JSON.parse(json), published);
  assert.ok(!/"value":3\b/.test(json));
});

const definition = {
  elements: [
    { type: 'radiogroup', name: 'happens', choices: ['a lot', 'sometimes', 'never'] },
    { type: 'checkbox', name: 'where', choices: ['online', 'corridor', 'bus'] },
    { type: 'matrix', name: 'feel', columns: ['agree', 'disagree'], rows: ['safe', 'listened'] },
    { type: 'text', name: 'age', inputType: 'number' },
    { type: 'comment', name: 'say' },
    { type: 'ranking', name: 'worry', choices: ['x', 'y', 'z'] },
  ],
};
const groupings = { happens: { often: ['a lot', 'sometimes'] }, feel: { agree: ['agree'] } };
const STATISTICS = new Set(['mean', 'sd', 'p25', 'median', 'p75']);

test('no count or base below k reaches the CSV, while the raw tally has plenty', () => {
  const responses = [
    ...repeat(30, { audience: 'pupil', school: 'A', happens: 'never', where: ['online'], feel: { safe: 'agree', listened: 'agree' }, age: 12, say: 'x', worry: ['x', 'y', 'z'] }),
    ...repeat(4, { audience: 'pupil', school: 'A', happens: 'a lot', where: ['bus', 'corridor'], feel: { safe: 'disagree' }, age: 15 }),
    ...repeat(12, { audience: 'parent', school: 'B', happens: 'sometimes', where: ['online'], age: 40, worry: ['z', 'y', 'x'] }),
    ...repeat(2, { audience: 'parent', school: 'B', happens: 'never', hobby: 'chess' }),
    ...repeat(3, { audience: 'staff', school: 'B', happens: 'never', age: 30 }),
  ];
  const raw = tally(definition, responses, { segments: ['audience', 'school'] });
  const small = (rows: string[][], column: number) =>
    rows.slice(1).filter((r) => !STATISTICS.has(r[2]!) && r[column] !== '' && Number(r[column]) > 0 && Number(r[column]) < 10);
  assert.ok(small(readCsv(toCSV(raw).slice(1)), 5).length > 0, 'the raw CSV shows small counts (so this test can fail)');

  const published = suppress(raw, { k: 10, groupings });
  const rows = readCsv(toCSV(published, { hidden: 'keep' }).slice(1));
  const header = rows[0]!;
  assert.deepEqual(header, ['question', 'row', 'choice', 'audience', 'school', 'count', 'base', 'percent', 'note']);
  assert.deepEqual(small(rows, 5), []);
  assert.deepEqual(small(rows, 6), []);
  // The only zeros shown are "nobody is missing".
  assert.ok(rows.slice(1).filter((r) => r[5] === '0').every((r) => r[2] === MISSING));
  // Hidden counts are marked (one mark). The 3 staff are not even named: no cell shows a
  // staff respondent count, so "staff" is not a segment value of the publication.
  assert.ok(rows.slice(1).every((r) => (r[5] === HIDDEN_MARK || r[6] === HIDDEN_MARK) === (r[8] === NOTE)));
  assert.ok(toCSV(raw).includes(',staff,'), 'the raw CSV names the staff (so this test can fail)');
  assert.ok(rows.every((r) => r[3] !== 'staff'), 'a group whose every count is hidden is not named');
  assert.ok(published.segmentValues[0]!.includes('pupil') && !published.segmentValues[0]!.includes('staff'));
  const pupilMean = rows.find((r) => r[0] === 'age' && r[2] === 'mean' && r[3] === 'pupil' && r[4] === TOTAL_VALUE);
  // A statistic is shown with its base, or marked with it when the audit hid the base.
  assert.ok(pupilMean && ((pupilMean[5] !== '' && pupilMean[6] !== '' && pupilMean[8] === '') || (pupilMean[5] === HIDDEN_MARK && pupilMean[6] === HIDDEN_MARK && pupilMean[8] === NOTE)), String(pupilMean));
  // Groupings and unknown questions are rows of their own.
  assert.ok(rows.some((r) => r[0] === 'happens' && r[2] === '(grouping) often' && r[3] === TOTAL_VALUE));
  assert.ok(rows.some((r) => r[0] === 'hobby' && r[2] === UNKNOWN_QUESTION));
  // min and max are never published.
  assert.ok(!rows.some((r) => r[2] === 'min' || r[2] === 'max'));
});

test('values a spreadsheet would run as formulas stay text in a published CSV', () => {
  const hostile = { elements: [{ type: 'radiogroup', name: '@q', choices: ['=cmd|calc', '-1'] }] };
  const responses = [
    ...repeat(12, { school: '=HYPERLINK("http://x")', '@q': '=cmd|calc' }),
    ...repeat(12, { school: '+SUM(A1)', '@q': '-1' }),
  ];
  const published = suppress(tally(hostile, responses, { segments: ['school'] }), { k: 10, groupings: { '@q': { '=all': ['=cmd|calc', '-1'] } } });
  const rows = readCsv(toCSV(published, { hidden: 'keep' }).slice(1));
  assert.ok(rows.length > 1);
  assert.ok(rows.some((r) => r[0] === "'@q" && r[2] === "'=cmd|calc" && r[3] === TOTAL_VALUE && r[4] === '12'));
  assert.ok(rows.some((r) => r[2] === '(grouping) =all' && r[3] === '\'=HYPERLINK("http://x")' && r[4] === '12'));
  assert.ok(rows.some((r) => r[3] === "'+SUM(A1)"));
  assert.ok(!rows.slice(1).some((r) => r.some((field) => /^[=+\-@\t\r]/.test(field))), 'no field starts like a formula');
});

// ---------------------------------------------------------------------------------------
// Property: every count in the CSV is the published number, and at least k.

const weighted = <T>(pairs: Array<[T, number]>) =>
  fc.oneof(...pairs.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));

const response = fc.record({
  audience: weighted<string>([['pupil', 8], ['parent', 3], ['staff', 1]]),
  school: weighted<string>([['A', 5], ['B', 2], ['C', 1]]),
  happens: weighted<string | undefined>([['a lot', 2], ['sometimes', 5], ['never', 6], ['maybe', 1], [undefined, 1]]),
  where: fc.subarray(['online', 'corridor', 'bus']),
  feel: fc.record({
    safe: weighted<string>([['agree', 6], ['disagree', 1]]),
    listened: weighted<string>([['agree', 2], ['disagree', 2]]),
  }),
  age: weighted<number | undefined>([[11, 3], [14, 3], [16, 1], [undefined, 1]]),
  say: weighted<string | undefined>([['something', 1], [undefined, 3]]),
  worry: fc.oneof(fc.constant(undefined), fc.shuffledSubarray(['x', 'y', 'z'], { minLength: 3, maxLength: 3 })),
});

function clean(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

/**
 * Every counted number of the published tally, by the CSV row that should carry it:
 * `question|row|choice|segments…` → [count, base]. Read straight from the published
 * structure, independently of the writer.
 */
function expectedRows(published: PublishedTally): Map<string, [PublishedCount, PublishedCount]> {
  const expected = new Map<string, [PublishedCount, PublishedCount]>();
  for (const key of Object.keys(published.respondents)) {
    const segments = (JSON.parse(key) as Array<string | true>).map((v) => (v === TOTAL ? TOTAL_VALUE : v));
    const respondents = published.respondents[key]!;
    const put = (question: string, row: string, choice: string, count: PublishedCount, base: PublishedCount) =>
      expected.set([question, row, choice, ...segments].join('|'), [count, base]);
    for (const q of published.questions) {
      if (q.kind === 'choice') {
        const cell = q.cells[key]!;
        q.categories.forEach((c, i) => put(q.name, '', c.value, cell.counts[i]!, cell.base));
        for (const [name, count] of Object.entries(cell.groups ?? {})) put(q.name, '', `(grouping) ${name}`, count, cell.base);
        put(q.name, '', MISSING, cell.missing, respondents);
      } else if (q.kind === 'multi') {
        const cell = q.cells[key]!;
        q.categories.forEach((c, i) => put(q.name, '', c.value, cell.counts[i]!, cell.base));
        put(q.name, '', MISSING, cell.missing, respondents);
      } else if (q.kind === 'matrix') {
        q.rows.forEach((r, ri) => {
          const cell = q.cells[key]!.rows[ri]!;
          q.columns.forEach((c, ci) => put(q.name, r.value, c.value, cell.counts[ci]!, cell.base));
          for (const [name, count] of Object.entries(cell.groups ?? {})) put(q.name, r.value, `(grouping) ${name}`, count, cell.base);
          put(q.name, r.value, MISSING, cell.missing, respondents);
        });
      } else if (q.kind === 'ranking') {
        const cell = q.cells[key]!;
        q.categories.forEach((c, ci) => cell.counts[ci]!.forEach((count, p) => put(q.name, String(p + 1), c.value, count, cell.base)));
        put(q.name, '', MISSING, cell.missing, respondents);
      } else {
        const cell = q.cells[key]!;
        put(q.name, '', '(answered)', cell.base, respondents);
        put(q.name, '', MISSING, cell.missing, respondents);
      }
    }
    for (const unknown of published.unknownQuestions) put(unknown.name, '', UNKNOWN_QUESTION, unknown.cells[key]!, respondents);
  }
  return expected;
}

const fieldOf = (count: PublishedCount): string => (isHidden(count) ? HIDDEN_MARK : String(shownCount(count)));

test('property: every count and base in a published CSV is the published number and at least k', () => {
  fc.assert(
    fc.property(fc.array(response, { maxLength: 60 }), fc.constantFrom(5, 10), (responses, k) => {
      const published = suppress(tally(definition, responses.map(clean), { segments: ['audience', 'school'] }), { k, groupings });
      const rows = readCsv(toCSV(published, { hidden: 'keep' }).slice(1));
      const expected = expectedRows(published);
      let counted = 0;
      for (const r of rows.slice(1)) {
        const [question, row, choice, audience, school, count, base, percent, note] = r as [string, string, string, string, string, string, string, string, string];
        if (STATISTICS.has(choice) && published.questions.some((q) => q.name === question && q.kind === 'numeric')) {
          assert.equal(note === NOTE, base === HIDDEN_MARK, `${r}`);
          if (base === HIDDEN_MARK) assert.equal(count, HIDDEN_MARK, `${r}: a statistic of a hidden base`);
          continue;
        }
        counted++;
        const truth = expected.get([question, row, choice, audience, school].join('|'));
        assert.ok(truth, `unexpected row ${r}`);
        expected.delete([question, row, choice, audience, school].join('|'));
        assert.equal(count, fieldOf(truth[0]), `${r}`);
        assert.equal(base, fieldOf(truth[1]), `${r}`);
        for (const field of [count, base]) {
          if (field !== HIDDEN_MARK) assert.ok(Number(field) >= k || (field === '0' && choice === MISSING && field === count), `${r}: ${field} < k = ${k}`);
        }
        const anyHidden = count === HIDDEN_MARK || base === HIDDEN_MARK;
        assert.equal(percent === HIDDEN_MARK, anyHidden, `${r}: a percent of a hidden number is the mark`);
        if (!anyHidden) assert.equal(percent !== '', Number(base) > 0, `${r}: percent only with count and base`);
        if (percent !== '' && !anyHidden) assert.equal(percent, ((Number(count) / Number(base)) * 100).toFixed(1));
        assert.equal(note, anyHidden ? NOTE : '', `${r}`);
      }
      assert.equal(expected.size, 0, `rows missing from the CSV: ${[...expected.keys()].slice(0, 3)}`);
      assert.ok(counted > 0);
    }),
    { numRuns: 6 },
  );
});

test('a totalled segment is written as (all), never as a value', () => {
  const published = suppress(tally({ elements: [{ type: 'text', name: 'say' }] }, repeat(10, { school: 'A', say: 'hi' }), { segments: ['school'] }));
  const rows = readCsv(toCSV(published, { bom: false, hidden: 'keep' }));
  assert.deepEqual(rows.map((r) => r[3]).slice(1), ['A', 'A', TOTAL_VALUE, TOTAL_VALUE]);
  assert.deepEqual(rows[3], ['say', '', '(answered)', TOTAL_VALUE, '10', '10', '100.0', '']);
  assert.ok(published.respondents[publishedKey([TOTAL])]);
});

test('by default the published CSV leaves out rows with nothing to show; the wide layout has a column per answer and [c] for hidden', () => {
  const definition = {
    elements: [{ type: 'radiogroup', name: 'safe', title: 'Do you feel safe?', choices: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }, { value: 'unsure', text: 'Not sure' }] }],
  };
  const responses = [
    ...Array.from({ length: 30 }, () => ({ data: { safe: 'yes' }, meta: { audience: 'pupil' } })),
    ...Array.from({ length: 12 }, () => ({ data: { safe: 'no' }, meta: { audience: 'pupil' } })),
    ...Array.from({ length: 2 }, () => ({ data: { safe: 'unsure' }, meta: { audience: 'pupil' } })),
    ...Array.from({ length: 3 }, () => ({ data: { safe: 'yes' }, meta: { audience: 'staff' } })),
  ];
  const published = suppress(tally(definition, responses, { segments: ['audience'] }), { k: 10, totals: [] });
  const kept = readCsv(toCSV(published, { hidden: 'keep' }).slice(1));
  const dropped = readCsv(toCSV(published).slice(1));
  const count = kept[0]!.indexOf('count');
  assert.ok(kept.slice(1).some((row) => row[count] === HIDDEN_MARK), 'the publication hides something (so this test can fail)');
  assert.ok(dropped.length < kept.length);
  assert.ok(dropped.slice(1).every((row) => row[count] !== HIDDEN_MARK), 'every row left has a number');

  const wide = readCsv(toCSV(published, { layout: 'wide' }).slice(1));
  assert.deepEqual(wide[0], ['question', 'title', 'row', 'audience', 'base', 'Yes', 'Yes %', 'No', 'No %', 'Not sure', 'Not sure %', '(missing)', '(missing) %', 'note']);
  const pupils = wide.find((row) => row[3] === 'pupil')!;
  assert.deepEqual(pupils.slice(0, 7), ['safe', 'Do you feel safe?', '', 'pupil', '44', '30', '68.2']);
  // "No" hides too (complementary): with "Not sure" alone hidden, 44 − 30 − 12 would give it away.
  assert.deepEqual(pupils.slice(7, 9), ['[c]', '[c]']);
  assert.equal(pupils[9], '[c]');
  assert.equal(pupils[10], '[c]');
  assert.equal(wide.find((row) => row[3] === 'staff'), undefined, 'the staff row has nothing to show');
  const wideKept = readCsv(toCSV(published, { layout: 'wide', hidden: 'keep' }).slice(1));
  // Three staff, every number hidden: the group is not even named (no existence leak).
  assert.equal(wideKept.find((row) => row[3] === 'staff'), undefined, 'a group with nothing shown is not named, even with hidden rows kept');
  assert.ok(!published.segmentValues[0]!.includes('staff'));
});
