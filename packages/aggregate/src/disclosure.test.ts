import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SHOWN, determinedHidden, type AdditiveEquation } from './disclosure.js';
import { seedProperties } from './property-seed.test.helper.js';

seedProperties('aggregate/disclosure.test.js');

/**
 * The hidden variables a reader can solve for, by dense Gaussian elimination over the
 * rationals (floats; coefficients are small integers): `v` is determined exactly when the
 * reduced row echelon form of the equations, restricted to hidden variables, has the row
 * "v = known numbers".
 */
function determinedByDenseElimination(hidden: readonly number[], equations: readonly AdditiveEquation[]): number[] {
  const column = new Map(hidden.map((v, i) => [v, i]));
  const rows = equations.map((equation) => {
    const row = new Array<number>(hidden.length).fill(0);
    const add = (v: number, coefficient: number) => {
      const c = column.get(v);
      if (c !== undefined) row[c]! += coefficient;
    };
    add(equation.total, -1);
    for (const part of equation.parts) add(part, 1);
    return row;
  });
  let rank = 0;
  const pivots: number[] = [];
  for (let c = 0; c < hidden.length && rank < rows.length; c++) {
    let best = rank;
    for (let r = rank; r < rows.length; r++) if (Math.abs(rows[r]![c]!) > Math.abs(rows[best]![c]!)) best = r;
    if (Math.abs(rows[best]![c]!) < 1e-9) continue;
    [rows[rank], rows[best]] = [rows[best]!, rows[rank]!];
    const pivot = rows[rank]!;
    const scale = pivot[c]!;
    for (let j = 0; j < pivot.length; j++) pivot[j]! /= scale;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank) continue;
      const factor = rows[r]![c]!;
      if (factor !== 0) for (let j = 0; j < pivot.length; j++) rows[r]![j]! -= factor * pivot[j]!;
    }
    pivots.push(c);
    rank++;
  }
  return pivots
    .filter((c, r) => rows[r]!.every((value, j) => j === c || Math.abs(value) < 1e-9))
    .map((c) => hidden[c]!)
    .sort((a, b) => a - b);
}

describe('determinedHidden', () => {
  it('finds exactly the hidden values the whole system of equations pins down', () => {
    // Random additive systems: each equation a total and 1–5 parts over 6–30 variables,
    // and a random set of hidden variables.
    const system = fc.integer({ min: 6, max: 30 }).chain((count) =>
      fc.record({
        count: fc.constant(count),
        equations: fc.array(
          fc.record({
            total: fc.integer({ min: 0, max: count - 1 }),
            parts: fc.uniqueArray(fc.integer({ min: 0, max: count - 1 }), { minLength: 1, maxLength: 5 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        hidden: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      }),
    );
    fc.assert(
      fc.property(system, ({ count, equations, hidden }) => {
        const usable = equations.filter((e) => !e.parts.includes(e.total));
        const status = Uint8Array.from(hidden, (h) => (h ? 1 : SHOWN));
        const membership = Array.from({ length: count }, () => [] as number[]);
        usable.forEach((e, index) => {
          for (const v of new Set([e.total, ...e.parts])) membership[v]!.push(index);
        });
        const found = determinedHidden(status, usable, (v) => membership[v]!).sort((a, b) => a - b);
        const hiddenVariables = hidden.flatMap((h, v) => (h ? [v] : []));
        assert.deepEqual(found, determinedByDenseElimination(hiddenVariables, usable));
      }),
      { numRuns: 400 },
    );
  });
});
