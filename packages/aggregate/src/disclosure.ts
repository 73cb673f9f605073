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
 * 4. no hidden variable is determined by the whole system of equations, which catches
 *    patterns where every single equation has two unknowns but several equations together
 *    still pin a value down. Checked per connected group of hidden variables by Gaussian
 *    elimination modulo a large prime and a (fixed-seed) random null-space vector: a
 *    variable that is 0 in it is treated as determined; the rare false alarm only hides one
 *    more cell.
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

/** Shown as is. */
export const SHOWN = 0;
/** Hidden because the value is below k. */
export const BELOW_K = 1;
/** Hidden so that another hidden value cannot be worked out. */
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

  /** Hidden since the last system check: only their groups need checking again. */
  let recent: number[] = [];
  const hide = (v: number, queue: number[]): void => {
    status[v] = COMPLEMENTARY;
    recent.push(v);
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

  /**
   * The cheapest shown member of the equations nearest to a determined hidden variable
   * (breadth-first through hidden variables): hiding it adds a free unknown to the system
   * that pins the variable down. Its own equations may be entirely hidden already.
   */
  const nearestShown = (start: number): number => {
    const seen = new Set<number>([start]);
    let frontier = [start];
    while (frontier.length > 0) {
      let best = -1;
      let bestCost = Number.POSITIVE_INFINITY;
      const next: number[] = [];
      for (const v of frontier) {
        for (const e of equationsOf(v)) {
          const equation = equations[e]!;
          for (const member of [...equation.parts, equation.total]) {
            if (status[member] === SHOWN) {
              const c = (cost?.[member] ?? 0) * 1e9 + (values[member] ?? 0);
              if (c < bestCost) {
                bestCost = c;
                best = member;
              }
            } else if (!seen.has(member)) {
              seen.add(member);
              next.push(member);
            }
          }
        }
      }
      if (best >= 0) return best;
      frontier = next;
    }
    return -1;
  };

  settle(equations.map((_, index) => index));
  let dirty: Set<number> | undefined;
  for (;;) {
    recent = [];
    const determined = determinedHidden(status, equations, equationsOf, seededRandom(0x5eed), dirty);
    if (determined.length === 0) break;
    const queue: number[] = [];
    for (const v of determined) {
      const best = nearestShown(v);
      if (best >= 0 && status[best] === SHOWN) hide(best, queue);
    }
    if (queue.length === 0) break; // everything reachable is already hidden
    settle(queue);
    dirty = new Set(recent);
  }
  return status;
}

/**
 * A fixed-seed generator (mulberry32): suppression must give the same pattern every time it
 * runs on the same tally, or two publications of it could be combined.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
 * Hidden variables whose value follows from the shown ones and the equations: those whose
 * unit vector lies in the row space of the equations restricted to hidden variables, i.e.
 * that are 0 in every null-space vector. Works per connected group of hidden variables;
 * with `dirty`, only groups containing one of those variables are checked.
 */
export function determinedHidden(
  status: DisclosureStatus,
  equations: readonly AdditiveEquation[],
  equationsOf: (v: number) => ArrayLike<number>,
  random: () => number = seededRandom(0x5eed),
  dirty?: ReadonlySet<number>,
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
    // A group no newly hidden variable joined has the same system as last time.
    if (dirty && !group.some((v) => dirty.has(v))) continue;
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
    determined.push(...reducedSingletons(rows, random));
  }
  return determined;
}

/**
 * Which columns are fixed by the homogeneous system `rows · x = 0` over GF(PRIME)?
 *
 * A variable is determined exactly when every vector of the null space is 0 there. We bring
 * the rows to echelon form (each new row reduced by the earlier pivots, in pivot order, so
 * no reduced-row fill-in is kept), give every free variable a random non-zero value and
 * back-substitute: the result is a random null-space vector. A determined variable is
 * always 0 in it; an undetermined one is 0 only with probability 1/PRIME (≈ 1.5e-8), and
 * that error only errs on the safe side (one more cell hidden).
 */
function reducedSingletons(rows: Array<Map<number, number>>, random: () => number): number[] {
  // Short rows first and, within a row, the rarest column as pivot keep fill-in low.
  const frequency = new Map<number, number>();
  for (const row of rows) for (const column of row.keys()) frequency.set(column, (frequency.get(column) ?? 0) + 1);
  const ordered = [...rows].sort((a, b) => a.size - b.size);
  const pivotRows: Array<Map<number, number>> = [];
  const pivotColumns: number[] = [];
  const pivotIndex = new Map<number, number>();
  for (const original of ordered) {
    const row = new Map(original);
    // Eliminate existing pivot columns in pivot order: subtracting pivot row j only brings
    // in free columns or pivots later than j.
    const pending = new MinHeap();
    for (const column of row.keys()) {
      const index = pivotIndex.get(column);
      if (index !== undefined) pending.push(index);
    }
    while (pending.size > 0) {
      const index = pending.pop();
      const column = pivotColumns[index]!;
      const factor = row.get(column);
      if (factor === undefined) continue;
      for (const [c, value] of pivotRows[index]!) {
        const before = row.get(c);
        const next = ((before ?? 0) - ((factor * value) % PRIME) + PRIME) % PRIME;
        if (next === 0) row.delete(c);
        else {
          row.set(c, next);
          if (before === undefined) {
            const later = pivotIndex.get(c);
            if (later !== undefined) pending.push(later);
          }
        }
      }
    }
    if (row.size === 0) continue;
    let column = -1;
    for (const c of row.keys()) {
      if (column < 0 || (frequency.get(c) ?? 0) < (frequency.get(column) ?? 0)) column = c;
    }
    const scale = inverse(row.get(column)!);
    for (const [c, value] of row) row.set(c, (value * scale) % PRIME);
    pivotIndex.set(column, pivotRows.length);
    pivotRows.push(row);
    pivotColumns.push(column);
  }
  // A random null-space vector: free variables random, pivots by back-substitution.
  const value = new Map<number, number>();
  const valueOf = (c: number): number => {
    let v = value.get(c);
    if (v === undefined) {
      v = 1 + Math.floor(random() * (PRIME - 1));
      value.set(c, v);
    }
    return v;
  };
  for (let j = pivotRows.length - 1; j >= 0; j--) {
    const pivot = pivotColumns[j]!;
    let sum = 0;
    for (const [c, coefficient] of pivotRows[j]!) {
      if (c === pivot) continue;
      sum = (sum + ((coefficient * valueOf(c)) % PRIME)) % PRIME;
    }
    value.set(pivot, (PRIME - sum) % PRIME);
  }
  return pivotColumns.filter((c) => value.get(c) === 0);
}

/** A small binary min-heap of pivot indices (duplicates allowed). */
class MinHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: number): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= item) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = item;
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && items[right]! < items[left]! ? right : left;
        if (items[child]! >= last) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
