/**
 * The disclosure-control engine behind `suppress`: cell suppression on a system of additive
 * tables, independent of what the numbers mean.
 *
 * A publication is modelled as variables (every count that could be shown: cells, margins,
 * bases) and equations `total = part₁ + part₂ + …` that an attacker knows hold (a row adds up
 * to its base, segments add up to the overall table). The engine decides which variables to
 * hide so that:
 *
 * 1. every variable below k is hidden (primary suppression), zeros included unless the
 *    caller marks a zero as saying nothing about anyone;
 * 2. no equation has exactly one hidden member (it could be solved by subtraction);
 * 3. when an equation's total is shown, its hidden parts add up to at least k (otherwise
 *    "total minus the shown parts" is itself a small count, and 0 would reveal that every
 *    hidden cell is empty: the group disclosure "all of them answered X");
 * 4. no hidden variable is determined by the whole system of equations (checked by exact
 *    Gaussian elimination, modulo a large prime, over each connected group of hidden
 *    variables), which catches patterns where every single equation has two unknowns but
 *    several equations together still pin a value down.
 *
 * Secondary (complementary) cells are chosen greedily: cheapest kind first (the caller's
 * cost, so detailed cells go before margins and bases), then the cell that completes
 * another equation's protection, then the smallest value, which keeps the information lost
 * small without an integer program.
 *
 * Not covered: bounds an attacker can derive from non-negativity across several equations
 * (interval disclosure beyond rule 3). Rule 3 covers the single-equation case, including the
 * all-zero one.
 *
 * @module
 */

/** Why a value is hidden. */
export type SuppressionReason = 'below-k' | 'complementary';

/** `total = Σ parts`, over variable indices. */
export interface AdditiveEquation {
  readonly total: number;
  readonly parts: readonly number[];
}

/** Input to {@link protectTable}. */
export interface DisclosureProblem {
  /** The true value of every variable (non-negative counts). */
  readonly values: ArrayLike<number>;
  /** Relations the attacker knows. */
  readonly equations: readonly AdditiveEquation[];
  /**
   * Relative cost of hiding each variable (lower is hidden first when a complement is
   * needed). Defaults to 0 for all.
   */
  readonly cost?: ArrayLike<number>;
  /**
   * Variables whose zero says nothing about anyone (1 = a 0 may be shown), e.g. "nobody
   * skipped this question". Other zeros are hidden like any value below k.
   */
  readonly zeroIsSafe?: ArrayLike<number>;
  /** Threshold: values below k are hidden. */
  readonly k: number;
}

/** Status per variable: 0 = shown, 1 = hidden because below k, 2 = hidden as a complement. */
export type DisclosureStatus = Uint8Array;

export const SHOWN = 0;
export const BELOW_K = 1;
export const COMPLEMENTARY = 2;

/**
 * Decide what to hide. Monotone (a hidden value is never shown again), so it terminates;
 * in the worst case it hides everything.
 */
export function protectTable(problem: DisclosureProblem): DisclosureStatus {
  const { values, equations, k } = problem;
  const count = values.length;
  const cost = problem.cost;
  const status = new Uint8Array(count);
  const zeroIsSafe = problem.zeroIsSafe;
  for (let v = 0; v < count; v++) {
    const value = values[v] ?? 0;
    if (value < k && !(value === 0 && zeroIsSafe?.[v])) status[v] = BELOW_K;
  }

  // Variable → equations it belongs to (CSR).
  const degree = new Int32Array(count + 1);
  for (const equation of equations) {
    degree[equation.total + 1] = (degree[equation.total + 1] ?? 0) + 1;
    for (const part of equation.parts) degree[part + 1] = (degree[part + 1] ?? 0) + 1;
  }
  for (let v = 0; v < count; v++) degree[v + 1] = (degree[v + 1] ?? 0) + (degree[v] ?? 0);
  const membership = new Int32Array(degree[count] ?? 0);
  const fill = degree.slice(0, count);
  equations.forEach((equation, index) => {
    for (const member of [equation.total, ...equation.parts]) {
      membership[fill[member]!++] = index;
    }
  });
  const equationsOf = (v: number): Int32Array => membership.subarray(degree[v], degree[v + 1]);

  const hiddenCount = (equation: AdditiveEquation): number => {
    let hidden = status[equation.total] === SHOWN ? 0 : 1;
    for (const part of equation.parts) if (status[part] !== SHOWN) hidden++;
    return hidden;
  };
  const isExposed = (equation: AdditiveEquation): boolean => {
    const hidden = hiddenCount(equation);
    if (hidden === 0) return false;
    if (hidden === 1) return true;
    if (status[equation.total] !== SHOWN) return false;
    let residual = 0;
    for (const part of equation.parts) if (status[part] !== SHOWN) residual += values[part] ?? 0;
    return residual < k;
  };

  const hide = (v: number, queue: number[]): void => {
    status[v] = COMPLEMENTARY;
    for (const e of equationsOf(v)) queue.push(e);
  };

  /** Score a candidate complement: lower is better. */
  const score = (v: number, current: number): [number, number, number] => {
    let balance = 0;
    for (const e of equationsOf(v)) {
      if (e === current) continue;
      const hidden = hiddenCount(equations[e]!);
      if (hidden === 0) balance += 1; // would open a new exposure
      else if (hidden === 1) balance -= 1; // would close one
    }
    return [cost?.[v] ?? 0, balance, values[v] ?? 0];
  };

  const repair = (index: number, queue: number[]): void => {
    const equation = equations[index]!;
    const residualFix = hiddenCount(equation) >= 2;
    let best = -1;
    let bestScore: [number, number, number] | undefined;
    const consider = (v: number): void => {
      if (status[v] !== SHOWN) return;
      // Hiding a zero cannot raise the residual, so it does not fix rule 3.
      if (residualFix && v !== equation.total && (values[v] ?? 0) === 0) return;
      const candidate = score(v, index);
      if (
        bestScore === undefined ||
        candidate[0] < bestScore[0] ||
        (candidate[0] === bestScore[0] &&
          (candidate[1] < bestScore[1] ||
            (candidate[1] === bestScore[1] && candidate[2] < bestScore[2])))
      ) {
        best = v;
        bestScore = candidate;
      }
    };
    for (const part of equation.parts) consider(part);
    consider(equation.total);
    if (best >= 0) hide(best, queue);
  };

  const settle = (queue: number[]): void => {
    while (queue.length > 0) {
      const index = queue.pop()!;
      const equation = equations[index]!;
      while (isExposed(equation)) {
        const before = hiddenCount(equation);
        repair(index, queue);
        if (hiddenCount(equation) === before) break; // nothing left to hide here
      }
    }
  };

  settle(equations.map((_, index) => index));
  for (;;) {
    const determined = determinedHidden(status, equations, equationsOf);
    if (determined.length === 0) break;
    const queue: number[] = [];
    for (const v of determined) {
      // Hide one more shown member of an equation through v, the cheapest first.
      let best = -1;
      let bestCost = Number.POSITIVE_INFINITY;
      for (const e of equationsOf(v)) {
        const equation = equations[e]!;
        for (const member of [...equation.parts, equation.total]) {
          if (status[member] !== SHOWN) continue;
          const c = (cost?.[member] ?? 0) * 1e9 + (values[member] ?? 0);
          if (c < bestCost) {
            bestCost = c;
            best = member;
          }
        }
      }
      if (best >= 0) hide(best, queue);
    }
    if (queue.length === 0) break; // everything reachable is already hidden
    settle(queue);
  }
  return status;
}

// A prime below 2^26, so products of two residues stay exact in a double (< 2^52).
const PRIME = 67_108_859;

function inverse(a: number): number {
  let [t, nextT, r, nextR] = [0, 1, PRIME, a];
  while (nextR !== 0) {
    const q = Math.floor(r / nextR);
    [t, nextT] = [nextT, t - q * nextT];
    [r, nextR] = [nextR, r - q * nextR];
  }
  return t < 0 ? t + PRIME : t;
}

/**
 * Hidden variables whose value follows from the shown ones and the equations. Works per
 * connected group of hidden variables; a variable is determined when its unit vector lies
 * in the row space of the equations restricted to hidden variables (its reduced row has no
 * free variable left).
 */
export function determinedHidden(
  status: DisclosureStatus,
  equations: readonly AdditiveEquation[],
  equationsOf: (v: number) => ArrayLike<number>,
): number[] {
  const parent = new Map<number, number>();
  const find = (v: number): number => {
    let root = v;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = v;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (let v = 0; v < status.length; v++) if (status[v] !== SHOWN) parent.set(v, v);
  for (const equation of equations) {
    let first = -1;
    for (const member of [equation.total, ...equation.parts]) {
      if (status[member] === SHOWN) continue;
      if (first < 0) first = member;
      else parent.set(find(member), find(first));
    }
  }
  const groups = new Map<number, number[]>();
  for (const v of parent.keys()) {
    const root = find(v);
    const group = groups.get(root);
    if (group) group.push(v);
    else groups.set(root, [v]);
  }
  const determined: number[] = [];
  for (const group of groups.values()) {
    const equationIndices = new Set<number>();
    for (const v of group) for (const e of Array.from(equationsOf(v))) equationIndices.add(e);
    const rows: Array<Map<number, number>> = [];
    for (const e of equationIndices) {
      const equation = equations[e]!;
      const row = new Map<number, number>();
      const add = (v: number, coefficient: number): void => {
        if (status[v] === SHOWN) return;
        const next = ((row.get(v) ?? 0) + coefficient + PRIME) % PRIME;
        if (next === 0) row.delete(v);
        else row.set(v, next);
      };
      add(equation.total, PRIME - 1);
      for (const part of equation.parts) add(part, 1);
      if (row.size > 0) rows.push(row);
    }
    determined.push(...reducedSingletons(rows));
  }
  return determined;
}

/** Gauss–Jordan elimination over GF(PRIME); returns pivot columns whose row is a singleton. */
function reducedSingletons(rows: Array<Map<number, number>>): number[] {
  const pivots: Array<{ column: number; row: Map<number, number> }> = [];
  const pivotOf = new Map<number, Map<number, number>>();
  for (const original of rows) {
    const row = new Map(original);
    for (const column of Array.from(row.keys())) {
      const pivotRow = pivotOf.get(column);
      const factor = row.get(column);
      if (!pivotRow || factor === undefined) continue;
      for (const [c, value] of pivotRow) {
        const next = ((row.get(c) ?? 0) - ((factor * value) % PRIME) + PRIME) % PRIME;
        if (next === 0) row.delete(c);
        else row.set(c, next);
      }
    }
    if (row.size === 0) continue;
    const [column, lead] = row.entries().next().value as [number, number];
    const scale = inverse(lead);
    for (const [c, value] of row) row.set(c, (value * scale) % PRIME);
    // Keep earlier pivot rows reduced with respect to the new pivot column.
    for (const pivot of pivots) {
      const factor = pivot.row.get(column);
      if (factor === undefined) continue;
      for (const [c, value] of row) {
        const next = ((pivot.row.get(c) ?? 0) - ((factor * value) % PRIME) + PRIME) % PRIME;
        if (next === 0) pivot.row.delete(c);
        else pivot.row.set(c, next);
      }
    }
    pivots.push({ column, row });
    pivotOf.set(column, row);
  }
  return pivots.filter((pivot) => pivot.row.size === 1).map((pivot) => pivot.column);
}
