import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isHidden, shownCount } from './suppress.js';
import fc from 'fast-check';
import { tally } from './tally.js';
import { cellKey, parseCellKey, type ChoiceCell, type Tally } from './types.js';
import { loadLpSolver } from './audit.js';
import { WeightingError, postStratify, weightedEstimate } from './weight.js';
import {
  SuppressionError,
  TOTAL,
  parsePublishedKey,
  publishedKey,
  suppress,
  suppressionReport,
  type PublishedTally,
} from './suppress.js';
import { seedProperties } from './property-seed.test.helper.js';
import { intervals, isEmptyCell, learn, type Knowledge } from './lp-attacker.test.helper.js';

seedProperties('aggregate/suppress.test.js');

const solver = await loadLpSolver();


/** Attack 1: solve every equation with exactly one unknown, repeatedly, to a fixpoint. */
function differencing(knowledge: Knowledge): Map<string, number> {
  const known = new Map(knowledge.known);
  const recovered = new Map<string, number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const { total, parts } of knowledge.equations) {
      const members = [total, ...parts];
      const unknown = members.filter((m) => !known.has(m));
      if (unknown.length !== 1) continue;
      const target = unknown[0]!;
      const sumParts = parts.filter((p) => p !== target).reduce((acc, p) => acc + known.get(p)!, 0);
      const value = target === total ? sumParts : known.get(total)! - sumParts;
      known.set(target, value);
      recovered.set(target, value);
      changed = true;
    }
  }
  return recovered;
}

/**
 * Attack 2: linear algebra. Gauss–Jordan elimination in floating point over all equations
 * at once; any hidden number whose reduced row has no free variable is determined, even
 * when every single equation has two unknowns.
 */
function solveSystem(knowledge: Knowledge): string[] {
  const unknowns = [...knowledge.hidden];
  const column = new Map(unknowns.map((u, i) => [u, i]));
  const rows: number[][] = [];
  for (const { total, parts } of knowledge.equations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    const add = (id: string, coefficient: number) => {
      const c = column.get(id);
      if (c === undefined) return;
      row[c]! += coefficient;
      any = true;
    };
    add(total, -1);
    for (const part of parts) add(part, 1);
    if (any) rows.push(row);
  }
  const pivotColumns: number[] = [];
  let rank = 0;
  for (let c = 0; c < unknowns.length && rank < rows.length; c++) {
    let best = rank;
    for (let r = rank + 1; r < rows.length; r++) if (Math.abs(rows[r]![c]!) > Math.abs(rows[best]![c]!)) best = r;
    if (Math.abs(rows[best]![c]!) < 1e-9) continue;
    [rows[rank], rows[best]] = [rows[best]!, rows[rank]!];
    const pivot = rows[rank]!;
    const scale = pivot[c]!;
    for (let j = 0; j < pivot.length; j++) pivot[j]! /= scale;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank) continue;
      const factor = rows[r]![c]!;
      if (Math.abs(factor) < 1e-12) continue;
      for (let j = 0; j < pivot.length; j++) rows[r]![j]! -= factor * pivot[j]!;
    }
    pivotColumns.push(c);
    rank++;
  }
  const determined: string[] = [];
  pivotColumns.forEach((c, r) => {
    const nonZero = rows[r]!.filter((value) => Math.abs(value) > 1e-9).length;
    if (nonZero === 1) determined.push(unknowns[c]!);
  });
  return determined;
}


/** Every attack at once; fails the test with the first thing it learns. */
function attack(published: PublishedTally, truth?: Tally, protection?: number): void {
  const knowledge = learn(published, truth);
  const k = published.k;
  for (const [id, value] of knowledge.known) {
    if (knowledge.mayBeSmall.has(id) && value === 0) continue;
    assert.ok(value >= k, `shown number ${id} = ${value} is below k = ${k}`);
  }
  // A cell with no respondents at all has nobody to protect (the engine exempts it), and a
  // 0 of "not answered" may be shown outright ("nobody skipped this"): working either out
  // discloses nothing about anyone. Every other hidden number must stay unknown.
  const empty = (id: string): boolean => truth !== undefined && isEmptyCell(truth, id);
  const safeZero = (id: string, value: number | undefined): boolean => empty(id) || (knowledge.mayBeSmall.has(id) && value === 0);
  const recovered = [...differencing(knowledge)].filter(([id, value]) => !safeZero(id, value));
  assert.deepEqual(recovered, [], 'differencing recovered hidden numbers');
  // Attack 3: a shown total minus its shown parts is the sum of the hidden parts: it must
  // not be a small number (0 would reveal every hidden part as 0).
  for (const { total, parts } of knowledge.equations) {
    if (!knowledge.known.has(total)) continue;
    const hiddenParts = parts.filter((p) => knowledge.hidden.has(p));
    if (hiddenParts.length === 0) continue;
    const residual = knowledge.known.get(total)! - parts.reduce((acc, p) => acc + (knowledge.known.get(p) ?? 0), 0);
    if (hiddenParts.every((p) => empty(p) || (residual === 0 && safeZero(p, 0)))) continue;
    assert.ok(residual >= k, `${hiddenParts.join(' + ')} = ${residual} can be worked out, below k`);
  }
  // Attack 4: a shown percentage with a hidden count or base gives it away.
  for (const { count, base } of knowledge.percents) {
    assert.ok(knowledge.known.has(count) && knowledge.known.has(base), `percent of ${count} shown without its count and base`);
  }
  // Attack 5: bounds. For every hidden number, the smallest and largest whole number
  // consistent with every equation and non-negativity (mixed-integer programs, HiGHS).
  const bounds = intervals(solver, knowledge);
  const pinned = new Map(bounds.filter(([, lower, upper]) => lower === upper).map(([id, lower]) => [id, lower]));
  assert.deepEqual(
    solveSystem(knowledge).filter((id) => !safeZero(id, pinned.get(id))),
    [],
    'linear algebra determined hidden numbers',
  );
  const narrow = bounds.filter(([id, lower, upper]) => upper - lower < (protection ?? k) && !safeZero(id, upper === lower ? upper : undefined));
  assert.deepEqual(narrow, [], 'bounds pin hidden numbers to fewer than the protection level');
  // Means and spreads of numbers exist only where their base is shown (otherwise
  // mean × base of the segments could be differenced like counts).
  for (const question of published.questions) {
    if (question.kind !== 'numeric') continue;
    for (const cell of Object.values(question.cells)) {
      if (isHidden(cell.base)) assert.ok(cell.mean === null && cell.standardDeviation === null && cell.quartiles === null);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Data.

const definition = {
  title: 'Safety at school',
  pages: [
    {
      elements: [
        { type: 'radiogroup', name: 'happens', choices: ['a lot', 'sometimes', 'never'] },
        { type: 'checkbox', name: 'where', choices: ['online', 'corridor', 'bus'] },
        { type: 'matrix', name: 'feel', columns: ['agree', 'disagree'], rows: ['safe', 'listened'] },
        { type: 'text', name: 'age', inputType: 'number' },
        { type: 'comment', name: 'say' },
        { type: 'ranking', name: 'worry', choices: ['x', 'y', 'z'] },
      ],
    },
  ],
};

const smallDefinition = {
  pages: [{ elements: [definition.pages[0]!.elements[0]!, definition.pages[0]!.elements[2]!] }],
};

const weighted = <T>(pairs: Array<[T, number]>) =>
  fc.oneof(...pairs.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));

const response = fc.record({
  audience: weighted<string>([['pupil', 8], ['parent', 3], ['staff', 1]]),
  school: weighted<string>([['A', 5], ['B', 2], ['C', 1]]),
  sex: weighted<string>([['girl', 3], ['boy', 3], ['other', 1]]),
  happens: weighted<string | undefined>([['a lot', 2], ['sometimes', 5], ['never', 6], [undefined, 1]]),
  where: fc.subarray(['online', 'corridor', 'bus']),
  feel: fc.record({
    safe: weighted<string>([['agree', 6], ['disagree', 1]]),
    listened: weighted<string>([['agree', 2], ['disagree', 2]]),
  }),
  age: fc.integer({ min: 8, max: 17 }),
  say: weighted<string | undefined>([['something', 1], [undefined, 3]]),
  worry: fc.oneof(fc.constant(undefined), fc.shuffledSubarray(['x', 'y', 'z'], { minLength: 3, maxLength: 3 })),
});

function clean(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

function choiceTally(segments: string[], cells: Array<[string[], number[]]>, notAnswered = 0): Tally {
  const respondents: Record<string, number> = {};
  const choiceCells: Record<string, ChoiceCell> = {};
  for (const [values, counts] of cells) {
    const key = cellKey(values);
    respondents[key] = counts.reduce((a, b) => a + b, 0) + notAnswered;
    choiceCells[key] = { counts, unknown: 0, notAnswered };
  }
  return {
    format: 'pupil-voice/tally',
    version: 1,
    definition: 'test',
    segments,
    respondents,
    questions: [
      {
        kind: 'choice',
        name: 'happens',
        type: 'radiogroup',
        categories: cells[0]![1].map((_, i) => ({ value: `c${i}` })),
        cells: choiceCells,
      },
    ],
    unknownQuestions: [],
  };
}

const hiddenCounts = (published: PublishedTally): number =>
  JSON.stringify(published).split('"hidden":true').length - 1;

// ---------------------------------------------------------------------------------------

describe('suppress', () => {
  it('refuses k below 5 and defaults to 10', () => {
    const t = choiceTally(['audience'], [[['pupil'], [20, 30]]]);
    assert.throws(() => suppress(t, { k: 4 }), (error: unknown) => error instanceof SuppressionError && /minimum of 5/.test(error.message));
    assert.equal(suppress(t).k, 10);
    assert.equal(suppress(t, { k: 5 }).k, 5);
  });

  it('publishes everything when every number is at least k', () => {
    const t = choiceTally(
      ['audience'],
      [
        [['pupil'], [20, 30, 12]],
        [['parent'], [15, 11, 40]],
      ],
    );
    const published = suppress(t);
    assert.equal(hiddenCounts(published), 0);
    const q = published.questions[0]!;
    assert.equal(q.kind, 'choice');
    if (q.kind !== 'choice') return;
    const overall = q.cells[publishedKey([TOTAL])]!;
    assert.deepEqual(overall.counts.map((c) => shownCount(c)), [35, 41, 52]);
    assert.equal(shownCount(overall.base), 128);
    assert.equal(overall.percents[0]!.toFixed(2), ((35 / 128) * 100).toFixed(2));
    assert.equal(shownCount(published.respondents[publishedKey(['parent'])]!), 66);
  });

  it('hides one small cell with the fewest complements: a rectangle of four', () => {
    const t = choiceTally(
      ['audience'],
      [
        [['pupil'], [3, 30, 45]],
        [['parent'], [25, 14, 40]],
        [['staff'], [12, 50, 60]],
      ],
    );
    const published = suppress(t);
    const q = published.questions[0]!;
    if (q.kind !== 'choice') throw new Error('kind');
    const hidden = Object.entries(q.cells).flatMap(([key, cell]) =>
      cell.counts.flatMap((count, c) => (isHidden(count) ? [`${key}#${c}`] : [])),
    );
    // The small pupil cell, one more pupil cell, and the same two choices in one other
    // audience; totals, bases and the overall table stay visible.
    assert.equal(hidden.length, 4, hidden.join(' '));
    assert.ok(hidden.includes(`${publishedKey(['pupil'])}#0`));
    const pupil = q.cells[publishedKey(['pupil'])]!.counts[0]!;
    assert.deepEqual(pupil, { hidden: true });
    assert.equal(hiddenCounts(published), 4);
    assert.ok(!JSON.stringify(published).includes('"value":3,'), 'the small value is nowhere in the output');
    attack(published, t);
  });

  it('treats a zero like any small count: "everyone answered the same" is not shown', () => {
    const t = choiceTally(
      ['audience'],
      [
        [['pupil'], [0, 40, 0]],
        [['parent'], [20, 30, 25]],
      ],
    );
    const published = suppress(t);
    const q = published.questions[0]!;
    if (q.kind !== 'choice') throw new Error('kind');
    const pupil = q.cells[publishedKey(['pupil'])]!;
    // Hiding only the two zeros would leave 40 of 40 visible by subtraction.
    assert.equal(isHidden(pupil.counts[1]!), true);
    assert.equal(shownCount(pupil.base), 40);
    attack(published, t);
  });

  it('publishes a grouping that survives a hidden part, and refuses an unknown one', () => {
    const t = choiceTally(
      ['audience'],
      [
        [['pupil'], [3, 40, 30]],
        [['parent'], [20, 30, 25]],
      ],
    );
    const published = suppress(t, { groupings: { happens: { top: ['c0', 'c1'] } } });
    const q = published.questions[0]!;
    if (q.kind !== 'choice') throw new Error('kind');
    const pupil = q.cells[publishedKey(['pupil'])]!;
    assert.equal(isHidden(pupil.counts[0]!), true);
    assert.deepEqual(pupil.groups, { top: { count: 43 } });
    // Then c1 must be hidden too, or top − c1 would give c0 away.
    assert.equal(isHidden(pupil.counts[1]!), true);
    attack(published, t);
    assert.throws(() => suppress(t, { groupings: { happens: { top: ['c9'] } } }), /not a category/);
    assert.throws(() => suppress(t, { groupings: { nope: { top: ['c0'] } } }), /not a single-choice or matrix/);
  });

  it('protects complete rankings, whose rows and columns both add up to the base', () => {
    const ranking = (counts: number[][]) => ({ counts, answered: 30, notAnswered: 0, unknown: 0 });
    const t: Tally = {
      format: 'pupil-voice/tally',
      version: 1,
      definition: 'test',
      segments: ['audience'],
      respondents: { [cellKey(['pupil'])]: 30, [cellKey(['parent'])]: 30 },
      questions: [
        {
          kind: 'ranking',
          name: 'worry',
          type: 'ranking',
          categories: [{ value: 'x' }, { value: 'y' }, { value: 'z' }],
          cells: {
            // One 3 in every row and column: hiding only the 3s would leave each one
            // recoverable as 30 minus the rest of its row.
            [cellKey(['pupil'])]: ranking([[3, 12, 15], [12, 15, 3], [15, 3, 12]]),
            [cellKey(['parent'])]: ranking([[10, 10, 10], [10, 10, 10], [10, 10, 10]]),
          },
        },
      ],
      unknownQuestions: [],
    };
    const published = suppress(t);
    const q = published.questions[0]!;
    if (q.kind !== 'ranking') throw new Error('kind');
    const pupil = q.cells[publishedKey(['pupil'])]!;
    assert.ok(pupil.counts.every((row) => row.filter((c) => isHidden(c)).length !== 1));
    attack(published, t);
  });

  it('hides a whole small group, its base and its respondents', () => {
    const t = choiceTally(
      ['audience'],
      [
        [['pupil'], [30, 40, 20]],
        [['staff'], [2, 3, 1]],
      ],
      1,
    );
    const published = suppress(t);
    const staff = publishedKey(['staff']);
    // Six staff: every number of theirs is hidden, so they are not even named.
    assert.equal(published.respondents[staff], undefined);
    assert.ok(!published.segmentValues[0]!.includes('staff'));
    const q = published.questions[0]!;
    if (q.kind !== 'choice') throw new Error('kind');
    assert.equal(q.cells[staff], undefined);
    assert.ok(!JSON.stringify(published).includes('staff'), 'the six staff are not named anywhere');
    attack(published, t);
  });

  it('protects an audience × school × choice table with small cells spread through it', () => {
    const cells: Array<[string[], number[]]> = [];
    const audiences = ['pupil', 'parent', 'staff'];
    const schools = ['A', 'B', 'C'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const audience of audiences) {
      for (const school of schools) {
        cells.push([[audience, school], [0, 1, 2].map(() => Math.floor(next() ** 2 * 40))]);
      }
    }
    const t = choiceTally(['audience', 'school'], cells);
    attack(suppress(t), t);
  });

  it('survives every differencing attack on random responses (audience × school)', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 40 }), fc.constantFrom(5, 10), (responses, k) => {
        const t = tally(definition, responses.map(clean), { segments: ['audience', 'school'] });
        // Published groupings are more equations for the attacker.
        const groupings = { happens: { often: ['a lot', 'sometimes'] }, feel: { agree: ['agree'] } };
        const published = suppress(t, { k, groupings });
        assert.ok(published.questions[0]!.kind === 'choice' && published.questions[0]!.groupings);
        attack(published, t);
        // Shown numbers are the true ones.
        for (const [key, count] of Object.entries(published.respondents)) {
          if (shownCount(count) === null) continue;
          const [audience, school] = parsePublishedKey(key);
          const expected = responses.filter(
            (r) => (audience === TOTAL || r.audience === audience) && (school === TOTAL || r.school === school),
          ).length;
          assert.equal(shownCount(count), expected);
        }
      }),
      { numRuns: 3 },
    );
  });

  it('survives every differencing attack with three segment keys', () => {
    // Here the greedy step alone leaves patterns that only solving the whole system
    // uncovers (checked by disabling the engine's elimination step): the exact check matters.
    fc.assert(
      fc.property(fc.array(response, { minLength: 20, maxLength: 30 }), (responses) => {
        // Two questions keep the attacker's dense elimination quick; the shared respondent
        // counts still tie them together.
        const t = tally(smallDefinition, responses.map(clean), { segments: ['audience', 'school', 'sex'] });
        attack(suppress(t, { groupings: { happens: { often: ['a lot', 'sometimes'] } } }), t);
      }),
      { numRuns: 1 },
    );
  });

  it('survives attacks on random single-choice tables with many small cells', () => {
    const counts = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(counts, { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 3 }),
        (rows, notAnswered) => {
          const cells = rows.map((row, i): [string[], number[]] => [[`a${i % 3}`, `s${Math.floor(i / 3)}`], row]);
          const t = choiceTally(['audience', 'school'], cells, notAnswered);
          attack(suppress(t), t);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('suppress: the interval audit (linear programming)', () => {
  it('regression: parents\' base 60 and a published "agree" of 60 would disclose that every parent agreed', () => {
    // 60 parents, all of whom agreed or strongly agreed; pupils spread over every answer.
    const t: Tally = {
      ...choiceTally(
        ['audience'],
        [
          [['pupil'], [40, 35, 30, 25]],
          [['parent'], [52, 8, 0, 0]],
        ],
      ),
    };
    const groupings = { happens: { agree: ['c0', 'c1'] } };
    const before = suppress(t, { groupings, unsafeSkipIntervalAudit: true });
    const q0 = before.questions[0]!;
    if (q0.kind !== 'choice') throw new Error('kind');
    const parentsBefore = q0.cells[publishedKey(['parent'])]!;
    // What the method without the LP audit published: base 60 and agree 60, the rest hidden.
    assert.equal(shownCount(parentsBefore.base), 60, 'the regression needs the old pattern (so this test can fail)');
    assert.equal(shownCount(parentsBefore.groups!['agree']), 60);

    const report = suppressionReport(t, { groupings });
    const q = report.published.questions[0]!;
    if (q.kind !== 'choice') throw new Error('kind');
    const parents = q.cells[publishedKey(['parent'])]!;
    const base = shownCount(parents.base);
    const agree = shownCount(parents.groups!['agree']);
    assert.ok(base === null || agree === null || agree !== base, 'a grouping equal to its base is shown');
    // Every hidden number keeps at least k possible values, for the engine's own audit and
    // for an independent attacker with a mixed-integer solver.
    for (const hidden of report.hidden) {
      assert.ok(hidden.upper - hidden.lower >= report.protection, `${hidden.number}@${hidden.key} in [${hidden.lower}, ${hidden.upper}]`);
    }
    attack(report.published, t);
    // The report keeps the reasons; the publication does not.
    assert.ok(report.hidden.some((h) => h.reason === 'below-k') && report.hidden.some((h) => h.reason === 'complementary'));
    assert.doesNotMatch(JSON.stringify(report.published), /below-k|complementary|reason/);
  });

  it('lets the publisher opt in to group disclosure: zeros of answers may then be shown', () => {
    const t = choiceTally(
      ['audience'],
      [
        [['pupil'], [40, 35, 30]],
        [['parent'], [52, 18, 0]],
      ],
    );
    const strict = suppress(t);
    const open = suppress(t, { groupDisclosure: 'allow' });
    const cell = (p: PublishedTally) => (p.questions[0] as Extract<PublishedTally['questions'][number], { kind: 'choice' }>).cells[publishedKey(['parent'])]!;
    assert.equal(isHidden(cell(strict).counts[2]), true, 'a 0 is hidden by default');
    assert.deepEqual(cell(open).counts[2], { count: 0 }, 'with the opt-in, "no parent disagreed" is shown');
  });

  it('names no segment value whose respondent count is hidden everywhere (no existence leak)', () => {
    const t = choiceTally(
      ['audience', 'year'],
      [
        [['pupil', '7'], [20, 30, 25]],
        [['pupil', '8'], [22, 31, 26]],
        [['parent', '7'], [24, 33, 21]],
        [['parent', '8'], [27, 19, 28]],
        [['pupil', '13'], [1, 2, 0]],
      ],
    );
    const published = suppress(t);
    assert.ok(suppress(t, { unsafeSkipIntervalAudit: true }).segmentValues[1]!.length > 0);
    assert.ok(!published.segmentValues[1]!.includes('13'));
    assert.ok(!JSON.stringify(published).includes('"13"'), 'year 13 (3 pupils) is not named anywhere');
    // Every year named shows some number above 0 somewhere (its existence is public anyway).
    for (const year of published.segmentValues[1]!) {
      const shows = Object.entries(published.respondents).some(([key, count]) => parsePublishedKey(key)[1] === year && shownCount(count)! > 0) ||
        Object.entries(published.questions[0]!.cells).some(([key, cell]) => parsePublishedKey(key)[1] === year && JSON.stringify(cell).includes('"count":'));
      assert.ok(shows, `year ${year} is named but shows nothing`);
    }
    attack(published, t);
  });

  it('property: every hidden number keeps an interval of at least the protection level (random publications)', () => {
    const protection = fc.constantFrom(undefined, 12);
    fc.assert(
      fc.property(
        fc.array(response, { minLength: 10, maxLength: 30 }),
        fc.constantFrom<string[]>(['audience', 'school'], ['audience', 'school', 'sex']),
        fc.boolean(),
        protection,
        (responses, segments, grouped, level) => {
          const t = tally(smallDefinition, responses.map(clean), { segments });
          const groupings = grouped ? { happens: { often: ['a lot', 'sometimes'] }, feel: { agree: ['agree'] } } : undefined;
          const published = suppress(t, { ...(groupings ? { groupings } : {}), ...(level ? { protection: level } : {}) });
          attack(published, t, level);
        },
      ),
      { numRuns: 2 },
    );
  });

  it('property: rankings and weighted strata keep every hidden interval wide enough', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 10, maxLength: 40 }), (responses) => {
        const rankingDefinition = { pages: [{ elements: [definition.pages[0]!.elements[0]!, definition.pages[0]!.elements[5]!] }] };
        const t = tally(rankingDefinition, responses.map(clean), { segments: ['audience', 'school'] });
        const published = suppress(t, { totals: ['school'] });
        attack(published, t);
        // Weighted estimates read only published numbers: a stratum with a hidden count gives
        // no estimate rather than a guess.
        const population = { segments: ['school'], counts: { [cellKey(['A'])]: 600, [cellKey(['B'])]: 300, [cellKey(['C'])]: 90 } };
        let weights;
        try {
          weights = postStratify(t, population, { within: { audience: 'pupil' } });
        } catch (error) {
          if (error instanceof WeightingError) return; // no pupils at all in this sample
          throw error;
        }
        const estimate = weightedEstimate(published, weights, 'happens');
        if (estimate.available) {
          const q = published.questions[0]!;
          if (q.kind !== 'choice') throw new Error('kind');
          for (const stratum of weights.strata) {
            const cell = q.cells[publishedKey(['pupil', parseCellKey(stratum.key)[0]!])];
            assert.ok(cell && !isHidden(cell.base) && cell.counts.every((c) => !isHidden(c)), 'an estimate from a hidden stratum count');
          }
        }
      }),
      { numRuns: 3 },
    );
  });
});

