/**
 * The hypercube search's certificates, checked from first principles: every move it chose
 * must change no published number (every equation of the publication holds with 0, every
 * variable it touches is hidden), and its range must be what non-negativity allows and at
 * least the protection level. A move that passes is a proof that an attacker cannot narrow
 * any number it touches below the protection level, whatever else is published.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadLpSolver, type LpSolver } from './audit.js';
import { readDefinition } from './definition.js';
import { SHOWN } from './disclosure.js';
import { planSuppression, type SuppressOptions } from './suppress.js';
import { generateResponses, syntheticDefinition } from './synthetic.test.helper.js';
import { seedProperties } from './property-seed.test.helper.js';
import { tally } from './tally.js';
import type { Tally } from './types.js';

seedProperties('aggregate/hypercube.test.js');

let solver: LpSolver;
before(async () => {
  solver = await loadLpSolver();
});

/** Check every recorded move of `suppress(t, options)`; returns how many there were. */
function checkMoves(t: Tally, options: SuppressOptions = {}): { moves: number; stars: number; hidden: number; covered: number } {
  const plan = planSuppression(t, { solver, ...options });
  const equations = plan.equations();
  const protection = plan.protection;
  const covered = new Set<number>();
  const touching = new Map<number, number[]>();
  equations.forEach((equation, e) => {
    for (const v of [equation.total, ...equation.parts]) {
      const list = touching.get(v);
      if (list) list.push(e);
      else touching.set(v, [e]);
    }
  });
  /** Checks that `d` changes no published number and touches only hidden ones; its room. */
  const checkMove = (d: Map<number, number>): { down: number; up: number } => {
    for (const [v, c] of d) {
      assert.notEqual(c, 0, `variable ${plan.label(v).number} appears with coefficient 0`);
      assert.notEqual(plan.status[v], SHOWN, `move touches ${plan.label(v).number} at ${plan.label(v).key}, which is shown`);
    }
    // Only equations with a member in the move can change.
    const affected = new Set<number>();
    for (const v of d.keys()) for (const e of touching.get(v) ?? []) affected.add(e);
    for (const e of affected) {
      const equation = equations[e]!;
      let sum = -(d.get(equation.total) ?? 0);
      for (const part of equation.parts) sum += d.get(part) ?? 0;
      assert.equal(sum, 0, 'a move changes a published sum');
    }
    return room(d);
  };
  const room = (d: Map<number, number>): { down: number; up: number } => {
    let down = Number.POSITIVE_INFINITY;
    let up = Number.POSITIVE_INFINITY;
    for (const [v, c] of d) {
      const x = plan.values[v]!;
      if (c > 0) down = Math.min(down, Math.floor(x / c));
      else up = Math.min(up, Math.floor(x / -c));
    }
    return { down, up };
  };
  const vector = (variables: readonly number[], coefficients: readonly number[]): Map<number, number> => {
    const d = new Map<number, number>();
    variables.forEach((v, i) => d.set(v, (d.get(v) ?? 0) + coefficients[i]!));
    return d;
  };
  for (const move of plan.moves) {
    const head = vector(move.variables, move.coefficients);
    let down: number;
    let up: number;
    if (!move.arms) {
      ({ down, up } = checkMove(head));
    } else {
      // A star: every arm with the head is a move of its own; the head moves by their sum,
      // each arm within its own room, the head within its own.
      // Arms may share numbers (totals above their cells): every arm anywhere in its own
      // room must keep a shared number non-negative.
      const own = room(head);
      let sumDown = 0;
      let sumUp = 0;
      assert.ok(move.arms.length > 0, 'a star without arms');
      const worst = new Map<number, number>();
      for (const arm of move.arms) {
        const side = vector(arm.variables, arm.coefficients);
        for (const v of side.keys()) assert.ok(!head.has(v), 'an arm overlaps the head');
        checkMove(new Map([...head, ...side]));
        const r = room(side);
        sumDown += r.down;
        sumUp += r.up;
        for (const [v, c] of side) worst.set(v, (worst.get(v) ?? 0) + (c > 0 ? r.down * c : r.up * -c));
      }
      for (const [v, fall] of worst) {
        assert.ok(fall <= plan.values[v]!, `arms together can take ${fall} from ${plan.label(v).number} at ${plan.label(v).key}, which holds ${plan.values[v]}`);
      }
      down = Math.min(own.down, sumDown);
      up = Math.min(own.up, sumUp);
      for (const arm of move.arms) for (const v of arm.variables) covered.add(v);
    }
    for (const v of head.keys()) covered.add(v);
    assert.ok(down + up >= move.range, `recorded range ${move.range} exceeds what non-negativity allows (${down + up})`);
    assert.ok(move.range >= protection, `range ${move.range} below the protection level ${protection}`);
  }
  let hidden = 0;
  plan.status.forEach((state, v) => {
    if (state !== SHOWN && !plan.exempt[v]) hidden++;
  });
  return { moves: plan.moves.length, stars: plan.moves.filter((m) => m.arms).length, hidden, covered: [...covered].filter((v) => !plan.exempt[v]).length };
}

const definition = {
  pages: [
    {
      elements: [
        { type: 'radiogroup', name: 'happens', choices: ['a lot', 'sometimes', 'never'] },
        { type: 'checkbox', name: 'where', choices: ['online', 'corridor', 'bus'] },
        { type: 'matrix', name: 'feel', columns: ['agree', 'disagree'], rows: ['safe', 'listened'] },
        { type: 'text', name: 'age', inputType: 'number' },
        { type: 'ranking', name: 'worry', choices: ['x', 'y', 'z'] },
      ],
    },
  ],
};

const response = fc.record({
  audience: fc.constantFrom('pupil', 'pupil', 'pupil', 'parent', 'staff'),
  school: fc.constantFrom('A', 'A', 'B', 'C'),
  year: fc.constantFrom('7', '8', '9'),
  happens: fc.constantFrom('a lot', 'sometimes', 'never', 'never', undefined),
  where: fc.subarray(['online', 'corridor', 'bus']),
  feel: fc.record({ safe: fc.constantFrom('agree', 'agree', 'disagree'), listened: fc.constantFrom('agree', 'disagree') }),
  age: fc.integer({ min: 8, max: 17 }),
  worry: fc.oneof(fc.constant(undefined), fc.shuffledSubarray(['x', 'y', 'z'], { minLength: 3, maxLength: 3 })),
});

describe('hypercube certificates', () => {
  it('every move of random publications (two and three keys, groupings, every kind) is a valid certificate', () => {
    fc.assert(
      fc.property(
        fc.array(response, { minLength: 20, maxLength: 200 }),
        fc.constantFrom(['audience', 'school'], ['audience', 'school', 'year']),
        fc.boolean(),
        fc.constantFrom(undefined, 12),
        (records, segments, grouped, protection) => {
          const responses = records.map((r) => ({
            data: Object.fromEntries(Object.entries(r).filter(([key, v]) => !['audience', 'school', 'year'].includes(key) && v !== undefined)),
            meta: { audience: r.audience, school: r.school, year: r.year },
          }));
          const t = tally(definition, responses, { segments });
          const groupings = grouped ? { happens: { often: ['a lot', 'sometimes'] }, feel: { agree: ['agree'] } } : undefined;
          checkMoves(t, { ...(groupings ? { groupings } : {}), ...(protection ? { protection } : {}) });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('protects most hidden numbers of a partnership by moves alone (the LP is the exception)', () => {
    const full = syntheticDefinition() as { title: string; pages: Array<{ elements: unknown[] }> };
    const elements = (full.pages[0]!.elements as unknown[]).slice(0, 8);
    const small = { title: full.title, pages: [{ name: 'p1', elements }] };
    const responses = generateResponses(readDefinition(small), 3000, { seed: 11, schools: 12 });
    responses.forEach((r, i) => {
      r.meta = { ...r.meta, year: String(7 + (i % 5)) };
    });
    const t = tally(small, responses, { segments: ['audience', 'school', 'year'] });
    const { moves, stars, hidden, covered } = checkMoves(t);
    assert.ok(moves > 0);
    assert.ok(stars > 0, 'no star move was checked');
    // Nearly everything hidden is inside a checked move; the rest went through the LP.
    assert.ok(covered / hidden > 0.95, `only ${covered} of ${hidden} hidden numbers are inside a move`);
  });
});
