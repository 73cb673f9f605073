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
 * 5. with an LP solver (`audit.ts`): no hidden variable's interval, given every shown value,
 *    every equation and non-negativity, is narrower than the protection level. Variables
 *    that interval propagation already shows narrow get complements without an LP; the LP
 *    audit then checks what is left, and each failing variable gets a complement among the
 *    shown members of the equations whose duals bind its bound.
 *
 * @module
 */

import { auditIntervals, certifyLocally, narrowByPropagation, type LpSolver } from './audit.js';
import { protectByHypercubes, type CubeProblem } from './hypercube.js';

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
  /** Relations the attacker knows (a function: built only when needed). */
  readonly equations: readonly AdditiveEquation[] | (() => readonly AdditiveEquation[]);
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
  /**
   * The LP solver for the interval audit (see `audit.ts`). Without it only the exact
   * (linear-algebra) check runs: tests of the engine's other rules use that.
   */
  readonly solver?: LpSolver;
  /** Smallest width of the interval an attacker may derive for a hidden value (default k). */
  readonly protection?: number;
  /**
   * Variables with nobody to protect (1 = exempt), e.g. every number of a segment cell with
   * no respondents at all: "no pupils answered at a parents-only school" discloses nothing
   * about anyone. They are still hidden when small, but may be determined or narrow.
   */
  readonly exempt?: ArrayLike<number>;
  /**
   * The table's shape (lattice of cells × series), when the variables are one: then, with a
   * solver, complements are chosen by hypercube moves with certificates (`hypercube.ts`),
   * and the LP only certifies what no single move could.
   */
  readonly structure?: Pick<CubeProblem, 'shape' | 'seriesCount' | 'respondents' | 'relations' | 'bounds' | 'families' | 'breadth' | 'record'>;
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
  const { values, k } = problem;
  const count = values.length;
  const cost = problem.cost;
  const status = new Uint8Array(count);
  const zeroIsSafe = problem.zeroIsSafe;
  for (let v = 0; v < count; v++) {
    const value = values[v] ?? 0;
    if (value < k && !(value === 0 && zeroIsSafe?.[v])) status[v] = BELOW_K;
  }
  if (problem.solver && problem.structure) return protectByCertificates(problem, status, problem.solver, problem.structure);
  const equations = equationList(problem);
  const equationsOf = membershipOf(equations, count);


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

  const exempt = problem.exempt;
  /** Rounds in a row each variable has been found pinned down. */
  let streak = new Map<number, number>();
  /**
   * Hide cells near each pinned variable: the shown members of the equations that bind it
   * when the audit found them (cheapest first), else the nearest shown cells. A variable
   * still pinned after a round gets twice as many (1, 2, 4, … up to 64) rather than one
   * more whole-system check per cell.
   */
  const unpin = (pinned: readonly number[], binding: ReadonlyMap<number, number[]> | undefined, queue: number[]): void => {
    const nextStreak = new Map<number, number>();
    for (const v of pinned) {
      const rounds = (streak.get(v) ?? 0) + 1;
      nextStreak.set(v, rounds);
      const wanted = Math.min(64, 2 ** (rounds - 1));
      const candidates = (binding?.get(v) ?? [])
        .filter((c) => status[c] === SHOWN)
        .sort((a, b) => (cost?.[a] ?? 0) - (cost?.[b] ?? 0) || (values[a] ?? 0) - (values[b] ?? 0));
      let added = 0;
      for (const c of candidates) {
        if (added >= wanted) break;
        hide(c, queue);
        added++;
      }
      for (; added < wanted; added++) {
        const best = nearestShown(v);
        if (best < 0 || status[best] !== SHOWN) break;
        hide(best, queue);
      }
    }
    streak = nextStreak;
  };

  settle(equations.map((_, index) => index));
  /** The exact check (linear algebra) until no hidden value is determined; returns what it hid. */
  const exactRounds = (dirty: Set<number> | undefined): number[] => {
    const added: number[] = [];
    for (;;) {
      recent = [];
      const determined = determinedHidden(status, equations, equationsOf, seededRandom(0x5eed), dirty).filter((v) => !exempt?.[v]);
      if (determined.length === 0) break;
      const queue: number[] = [];
      unpin(determined, undefined, queue);
      if (queue.length === 0) break; // everything reachable is already hidden
      settle(queue);
      added.push(...recent);
      dirty = new Set(recent);
    }
    return added;
  };
  exactRounds(undefined);

  const solver = problem.solver;
  if (solver) {
    const protection = problem.protection ?? k;
    streak = new Map();
    // Certainly narrow by interval propagation: no LP needed to know they need complements.
    for (;;) {
      const narrow = narrowByPropagation({ values, equations, hidden: status, protection }).filter((v) => !exempt?.[v]);
      if (narrow.length === 0) break;
      recent = [];
      const queue: number[] = [];
      // One complement per neighbourhood per round: one hidden cell often widens every
      // narrow number of its equations at once, so hiding one per narrow number would
      // hide far more than needed.
      const touched = new Uint8Array(equations.length);
      for (const v of narrow) {
        const eqs = equationsOf(v);
        let near = false;
        for (let i = 0; i < eqs.length; i++) if (touched[eqs[i]!]) near = true;
        if (near) continue;
        const best = nearestShown(v);
        if (best < 0 || status[best] !== SHOWN) continue;
        hide(best, queue);
        for (const e of equationsOf(best)) touched[e] = 1;
        for (let i = 0; i < eqs.length; i++) touched[eqs[i]!] = 1;
      }
      if (queue.length === 0) break;
      settle(queue);
      exactRounds(new Set(recent));
    }
    streak = new Map();
    let only: Set<number> | undefined;
    for (;;) {
      const audit = auditIntervals(solver, { values, equations, hidden: status, protection, ...(only ? { only } : {}), ...(exempt ? { exempt } : {}) });
      if (audit.failing.length === 0) break;
      recent = [];
      const queue: number[] = [];
      unpin(audit.failing, audit.binding, queue);
      if (queue.length === 0) break; // nothing left to hide near them
      settle(queue);
      const changed = [...recent];
      changed.push(...exactRounds(new Set(changed)));
      only = new Set(changed);
    }
  }
  return status;
}


function equationList(problem: DisclosureProblem): readonly AdditiveEquation[] {
  return typeof problem.equations === 'function' ? problem.equations() : problem.equations;
}

/** Variable → the equations it belongs to (compressed rows). */
function membershipOf(equations: readonly AdditiveEquation[], count: number): (v: number) => Int32Array {
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
  return equationsOf;
}

/**
 * Hypercube moves first (each certifies every number it hides), then an LP per
 * neighbourhood for what no single move could protect, hiding the shown numbers that bind
 * it until it is certified. As a last resort (never seen in tests, kept so the promise
 * holds) everything is hidden.
 */
function protectByCertificates(
  problem: DisclosureProblem,
  status: DisclosureStatus,
  solver: LpSolver,
  structure: NonNullable<DisclosureProblem['structure']>,
): DisclosureStatus {
  const { values, k } = problem;
  let system: { equations: readonly AdditiveEquation[]; equationsOf: (v: number) => Int32Array } | undefined;
  const protection = problem.protection ?? k;
  const count = values.length;
  const hidden = new Uint8Array(count);
  const needs = new Uint8Array(count);
  for (let v = 0; v < count; v++) {
    if (status[v] === SHOWN) continue;
    hidden[v] = 1;
    if (!problem.exempt?.[v]) needs[v] = 1;
  }
  const cost = problem.cost ?? new Float64Array(count);
  const certified = new Uint8Array(count);
  const cubes = (): number[] => protectByHypercubes({ values, cost, hidden, needs, protection, certified, ...structure }).uncertified;
  /** Numbers that need no certificate now: exempt ones and those already certified. */
  const done = (): Uint8Array => {
    const skip = Uint8Array.from(certified);
    for (let v = 0; v < count; v++) if (problem.exempt?.[v] || !needs[v]) skip[v] = 1;
    return skip;
  };
  let targets = cubes();
  for (let round = 0; targets.length > 0; round++) {
    if (!system) {
      const equations = equationList(problem);
      system = { equations, equationsOf: membershipOf(equations, count) };
    }
    const { equations, equationsOf } = system;
    // Small tables: one LP model per connected group of hidden numbers, whose batched
    // solves certify many numbers at once. Large ones: an LP per neighbourhood.
    let hiddenCount = 0;
    for (let v = 0; v < count; v++) hiddenCount += hidden[v]!;
    const audit =
      hiddenCount <= 20_000
        ? auditIntervals(solver, { values, equations, hidden, protection, exempt: done(), only: new Set(targets) })
        : certifyLocally(solver, { values, equations, equationsOf, hidden, protection, targets });
    for (const v of targets) if (!audit.failing.includes(v)) certified[v] = 1;
    if (audit.failing.length === 0) break;
    if (round >= 16) {
      hidden.fill(1);
      break;
    }
    const wanted = Math.min(64, 2 ** round);
    for (const v of audit.failing) {
      const candidates = (audit.binding.get(v) ?? []).filter((c) => !hidden[c]);
      if (candidates.length === 0) {
        for (const e of equationsOf(v)) {
          const equation = equations[e]!;
          for (const member of [equation.total, ...equation.parts]) if (!hidden[member]) candidates.push(member);
        }
      }
      candidates.sort((a, b) => (cost[a] ?? 0) - (cost[b] ?? 0) || (values[a] ?? 0) - (values[b] ?? 0));
      for (const c of candidates.slice(0, wanted)) {
        hidden[c] = 1;
        needs[c] = 1;
      }
    }
    // New complements need certificates too: moves where they can, the LP for the rest.
    targets = [...new Set([...audit.failing, ...cubes()])];
  }
  for (let v = 0; v < count; v++) if (hidden[v] && status[v] === SHOWN) status[v] = COMPLEMENTARY;
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
  const count = status.length;
  // Union-find over hidden variables (typed arrays: this runs once per round on every
  // hidden variable of a county's publication).
  const parent = new Int32Array(count);
  for (let v = 0; v < count; v++) parent[v] = v;
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) root = parent[root]!;
    while (v !== root) {
      const next = parent[v]!;
      parent[v] = root;
      v = next;
    }
    return root;
  };
  for (const equation of equations) {
    let first = status[equation.total] === SHOWN ? -1 : find(equation.total);
    for (const part of equation.parts) {
      if (status[part] === SHOWN) continue;
      if (first < 0) first = find(part);
      else {
        const root = find(part);
        if (root !== first) parent[root] = first;
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let v = 0; v < count; v++) {
    if (status[v] === SHOWN) continue;
    const root = find(v);
    const group = groups.get(root);
    if (group) group.push(v);
    else groups.set(root, [v]);
  }
  const determined: number[] = [];
  // Scratch shared by every group: variable → column of the group's system, equation seen.
  const columnOf = new Int32Array(count).fill(-1);
  const seen = new Uint8Array(equations.length);
  for (const group of groups.values()) {
    // A group no newly hidden variable joined has the same system as last time.
    if (dirty && !group.some((v) => dirty.has(v))) continue;
    group.forEach((v, column) => (columnOf[v] = column));
    const rowStart: number[] = [0];
    const rowColumns: number[] = [];
    const rowValues: number[] = [];
    const used: number[] = [];
    const scratch = new Float64Array(group.length);
    const touched: number[] = [];
    for (const v of group) {
      const eqs = equationsOf(v);
      for (let i = 0; i < eqs.length; i++) {
        const e = eqs[i]!;
        if (seen[e]) continue;
        seen[e] = 1;
        used.push(e);
        const equation = equations[e]!;
        const add = (member: number, coefficient: number): void => {
          if (status[member] === SHOWN) return;
          const c = columnOf[member]!;
          if (scratch[c] === 0) touched.push(c);
          scratch[c] = (scratch[c]! + coefficient) % PRIME;
        };
        add(equation.total, PRIME - 1);
        for (const part of equation.parts) add(part, 1);
        for (const c of touched) {
          if (scratch[c] !== 0) {
            rowColumns.push(c);
            rowValues.push(scratch[c]!);
          }
          scratch[c] = 0;
        }
        touched.length = 0;
        if (rowColumns.length > rowStart[rowStart.length - 1]!) rowStart.push(rowColumns.length);
      }
    }
    for (const e of used) seen[e] = 0;
    for (const v of group) columnOf[v] = -1;
    for (const column of reducedSingletons(group.length, rowStart, rowColumns, rowValues, random)) determined.push(group[column]!);
  }
  return determined;
}

/**
 * Which columns are fixed by the homogeneous system `rows · x = 0` over GF(PRIME)? Rows in
 * compressed form: row r holds `columns[start[r] .. start[r + 1])` with `values` alike.
 *
 * A variable is determined exactly when every vector of the null space is 0 there. We bring
 * the rows to echelon form (each new row reduced by the earlier pivots, in pivot order, so
 * no reduced-row fill-in is kept), give every free variable a random non-zero value and
 * back-substitute: the result is a random null-space vector. A determined variable is
 * always 0 in it; an undetermined one is 0 only with probability 1/PRIME (≈ 1.5e-8), and
 * that error only errs on the safe side (one more cell hidden).
 */
function reducedSingletons(
  columnCount: number,
  start: readonly number[],
  columns: readonly number[],
  values: readonly number[],
  random: () => number,
): number[] {
  const rowCount = start.length - 1;
  // Short rows first and, within a row, the rarest column as pivot keep fill-in low.
  const frequency = new Int32Array(columnCount);
  for (const c of columns) frequency[c]!++;
  const order = Array.from({ length: rowCount }, (_, r) => r).sort(
    (a, b) => start[a + 1]! - start[a]! - (start[b + 1]! - start[b]!),
  );
  // Pivot rows, stored flat; the pivot's own coefficient is 1 and kept in the row.
  const pivotStart: number[] = [0];
  const pivotColumnsFlat: number[] = [];
  const pivotValuesFlat: number[] = [];
  const pivotColumns: number[] = [];
  const pivotIndex = new Int32Array(columnCount).fill(-1);
  // The row being reduced, scattered: value per column, and which columns it touches.
  const row = new Float64Array(columnCount);
  const inRow = new Uint8Array(columnCount);
  const touched: number[] = [];
  const pending = new MinHeap();
  for (const r of order) {
    for (let i = start[r]!; i < start[r + 1]!; i++) {
      const c = columns[i]!;
      row[c] = values[i]!;
      inRow[c] = 1;
      touched.push(c);
      const index = pivotIndex[c]!;
      if (index >= 0) pending.push(index);
    }
    // Eliminate existing pivot columns in pivot order: subtracting pivot row j only brings
    // in free columns or pivots later than j.
    while (pending.size > 0) {
      const index = pending.pop();
      const factor = row[pivotColumns[index]!]!;
      if (factor === 0) continue;
      for (let i = pivotStart[index]!; i < pivotStart[index + 1]!; i++) {
        const c = pivotColumnsFlat[i]!;
        const before = row[c]!;
        row[c] = (before - ((factor * pivotValuesFlat[i]!) % PRIME) + PRIME) % PRIME;
        if (before === 0 && row[c] !== 0) {
          if (!inRow[c]) {
            inRow[c] = 1;
            touched.push(c);
          }
          const later = pivotIndex[c]!;
          if (later >= 0) pending.push(later);
        }
      }
    }
    let column = -1;
    for (const c of touched) {
      if (row[c] !== 0 && (column < 0 || frequency[c]! < frequency[column]!)) column = c;
    }
    if (column >= 0) {
      const scale = inverse(row[column]!);
      for (const c of touched) {
        if (row[c] === 0) continue;
        pivotColumnsFlat.push(c);
        pivotValuesFlat.push((row[c]! * scale) % PRIME);
      }
      pivotIndex[column] = pivotColumns.length;
      pivotColumns.push(column);
      pivotStart.push(pivotColumnsFlat.length);
    }
    for (const c of touched) {
      row[c] = 0;
      inRow[c] = 0;
    }
    touched.length = 0;
  }
  // A random null-space vector: free variables random, pivots by back-substitution.
  const value = new Float64Array(columnCount).fill(-1);
  const valueOf = (c: number): number => {
    let v = value[c]!;
    if (v < 0) {
      v = 1 + Math.floor(random() * (PRIME - 1));
      value[c] = v;
    }
    return v;
  };
  for (let j = pivotColumns.length - 1; j >= 0; j--) {
    const pivot = pivotColumns[j]!;
    let sum = 0;
    for (let i = pivotStart[j]!; i < pivotStart[j + 1]!; i++) {
      const c = pivotColumnsFlat[i]!;
      if (c === pivot) continue;
      sum = (sum + ((pivotValuesFlat[i]! * valueOf(c)) % PRIME)) % PRIME;
    }
    value[pivot] = (PRIME - sum) % PRIME;
  }
  return pivotColumns.filter((c) => value[c] === 0);
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
