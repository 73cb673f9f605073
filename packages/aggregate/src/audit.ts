/**
 * The attacker's view of a publication, computed with a real linear-programming solver
 * (HiGHS compiled to WebAssembly, the npm package `highs`): for every hidden number, the
 * smallest and largest value consistent with every published number, every equation
 * (`total = Σ parts`) and non-negativity. This is the audit statistical offices run
 * (τ-ARGUS, sdcTable); `protectTable` runs it after choosing complements and hides more until
 * every hidden number's interval is at least the protection level wide.
 *
 * How it stays fast enough for a county:
 * - **Independent subsystems.** Hidden numbers that share no equation (directly or through
 *   other hidden numbers) cannot constrain each other, so each connected component of the
 *   hidden part of the equation graph is one small LP. After complements are added only the
 *   components they touched are audited again.
 * - **Witnesses first, single bounds last.** The true values are a feasible point, and every
 *   LP solution is another; a hidden number already seen at two values at least the
 *   protection level apart needs no LP of its own. Two batched solves (maximise, then
 *   minimise, the sum of the numbers not yet shown wide enough) certify most of a component;
 *   only what is left gets its own max and min, and every one of those solutions certifies
 *   others on the way.
 * - **Warm starts.** One persistent HiGHS model per component; between solves only the
 *   objective changes, so the simplex restarts from the previous basis.
 *
 * Integrality: counts are whole numbers, so an LP bound is rounded inwards (`ceil` of the
 * minimum, `floor` of the maximum). For tables whose equations form a totally unimodular
 * system (a table and its margins) the LP bounds are the integer bounds; otherwise the
 * integer interval can be narrower than the rounded LP one, which the attacker test checks
 * with the mixed-integer solver on random publications.
 *
 * Loading: `loadLpSolver()` instantiates the WebAssembly once per thread (Node reads
 * `highs.wasm` beside the loader; a browser or worker fetches it from the same URL as the
 * loader's module, or from `locateFile`/`wasmBinary` passed through `options`). Solves are
 * synchronous after that, which is why `suppress` can stay synchronous.
 *
 * @module
 */
import * as highsModule from 'highs';
import type { Highs, InitOptions } from 'highs';

type Loader = (options?: InitOptions) => Promise<Highs>;
/**
 * The package's types describe a CommonJS module whose `default` is the loader, while
 * Node's and a browser's `import` load its ES module, whose default export is the loader
 * itself: accept either shape.
 */
function highsLoader(): Loader {
  const exported = (highsModule as unknown as { default: Loader | { default: Loader } }).default;
  return typeof exported === 'function' ? exported : exported.default;
}
import type { AdditiveEquation } from './disclosure.js';

/** A loaded LP solver (one WebAssembly instance). */
export interface LpSolver {
  readonly highs: Highs;
}

let shared: Promise<LpSolver> | undefined;
let loaded: LpSolver | undefined;

/**
 * Load the LP solver once for this thread (later calls return the same instance). Pass
 * `locateFile` or `wasmBinary` where `highs.wasm` is not served beside the loader.
 */
export function loadLpSolver(options?: InitOptions): Promise<LpSolver> {
  if (shared) return shared;
  const loading = highsLoader()(options).then((highs: Highs): LpSolver => {
    loaded = { highs };
    return loaded;
  });
  loading.catch(() => {
    if (shared === loading) shared = undefined;
  });
  shared = loading;
  return loading;
}

/** The solver loaded by {@link loadLpSolver} on this thread, if it has finished loading. */
export function loadedLpSolver(): LpSolver | undefined {
  return loaded;
}

/** LP solves run on this thread (for `bench:suppress`). */
export const lpStatistics = { solves: 0 };

/** The interval an attacker can derive for one hidden number (bounds rounded inwards). */
export interface HiddenInterval {
  readonly lower: number;
  readonly upper: number;
}

/** Input to {@link auditIntervals}. */
export interface AuditProblem {
  /** True value of every variable. */
  readonly values: ArrayLike<number>;
  readonly equations: readonly AdditiveEquation[];
  /** Nonzero = hidden. */
  readonly hidden: ArrayLike<number>;
  /** An interval narrower than this fails. */
  readonly protection: number;
  /** Nonzero = nobody to protect: never reported failing (still a variable of the system). */
  readonly exempt?: ArrayLike<number>;
  /** Audit only the components holding one of these variables (default: all). */
  readonly only?: ReadonlySet<number>;
  /**
   * `exact`: compute every hidden variable's interval (for reports and tests).
   * `check` (default): stop a variable's LPs once it is seen to be wide enough.
   */
  readonly mode?: 'check' | 'exact';
}

/** What an audit found. */
export interface AuditResult {
  /** Hidden variables whose interval is narrower than the protection level. */
  readonly failing: number[];
  /** For each failing variable: shown variables in the equations that bind its bound. */
  readonly binding: Map<number, number[]>;
  /** Exact intervals (every hidden variable audited in `exact` mode; failing ones otherwise). */
  readonly intervals: Map<number, HiddenInterval>;
  /** LP solves run. */
  readonly solves: number;
  /** Components audited. */
  readonly components: number;
}

const EPSILON = 1e-6;

/**
 * Outer bounds of every hidden variable by interval propagation over the equations (each
 * member lies between the total's bounds minus the other members' bounds): cheap, linear in
 * the system per pass, and sound in one direction: a variable whose propagated interval is
 * narrower than the protection level is certainly narrower in the LP too, so it needs no
 * LP to be found failing. Returns the hidden variables found narrow.
 */
export function narrowByPropagation(problem: Pick<AuditProblem, 'values' | 'equations' | 'hidden' | 'protection'>, passes = 30): number[] {
  const { values, equations, hidden, protection } = problem;
  const count = values.length;
  let cap = 0;
  for (let v = 0; v < count; v++) cap = Math.max(cap, values[v] ?? 0);
  const lower = new Float64Array(count);
  const upper = new Float64Array(count);
  for (let v = 0; v < count; v++) {
    if (hidden[v]) upper[v] = cap;
    else lower[v] = upper[v] = values[v] ?? 0;
  }
  const relevant = equations.filter((e) => hidden[e.total] || e.parts.some((p) => hidden[p]));
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (const equation of relevant) {
      let partsLower = 0;
      let partsUpper = 0;
      for (const part of equation.parts) {
        partsLower += lower[part]!;
        partsUpper += upper[part]!;
      }
      const t = equation.total;
      if (hidden[t]) {
        if (partsLower > lower[t]!) { lower[t] = partsLower; changed = true; }
        if (partsUpper < upper[t]!) { upper[t] = partsUpper; changed = true; }
      }
      for (const part of equation.parts) {
        if (!hidden[part]) continue;
        const high = upper[t]! - (partsLower - lower[part]!);
        const low = lower[t]! - (partsUpper - upper[part]!);
        if (high < upper[part]!) { upper[part] = high; changed = true; }
        if (low > lower[part]!) { lower[part] = low; changed = true; }
      }
    }
    if (!changed) break;
  }
  const narrow: number[] = [];
  for (let v = 0; v < count; v++) {
    if (hidden[v] && Math.floor(upper[v]! + EPSILON) - Math.ceil(lower[v]! - EPSILON) < protection) narrow.push(v);
  }
  return narrow;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * For the hidden variables of a system, the interval each can take given the shown ones;
 * report those narrower than `protection`. See the module comment for the method.
 */
export function auditIntervals(solver: LpSolver, problem: AuditProblem): AuditResult {
  const { values, equations, hidden, protection } = problem;
  const exact = problem.mode === 'exact';
  const count = values.length;
  let cap = 0;
  for (let v = 0; v < count; v++) cap = Math.max(cap, values[v] ?? 0);
  // Every count is at most the largest (the overall respondent count): a finite cap keeps
  // each LP bounded and can only narrow an interval, which errs on the safe side.
  cap = Math.max(cap, protection) * 2;

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
    let first = hidden[equation.total] ? find(equation.total) : -1;
    for (const part of equation.parts) {
      if (!hidden[part]) continue;
      if (first < 0) first = find(part);
      else {
        const root = find(part);
        if (root !== first) parent[root] = first;
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let v = 0; v < count; v++) {
    if (!hidden[v]) continue;
    const root = find(v);
    const group = groups.get(root);
    if (group) group.push(v);
    else groups.set(root, [v]);
  }
  const rowsOf = new Map<number, number[]>();
  equations.forEach((equation, e) => {
    let root = hidden[equation.total] ? find(equation.total) : -1;
    if (root < 0) for (const part of equation.parts) if (hidden[part]) { root = find(part); break; }
    if (root < 0) return;
    const rows = rowsOf.get(root);
    if (rows) rows.push(e);
    else rowsOf.set(root, [e]);
  });

  const result: Mutable<AuditResult> = { failing: [], binding: new Map(), intervals: new Map(), solves: 0, components: 0 };
  const only = problem.only;
  for (const [root, group] of groups) {
    if (only && !group.some((v) => only.has(v))) continue;
    auditComponent(solver, group, rowsOf.get(root) ?? [], problem, cap, exact, result);
  }
  return result;
}

function auditComponent(
  solver: LpSolver,
  group: readonly number[],
  rowIndices: readonly number[],
  problem: AuditProblem,
  cap: number,
  exact: boolean,
  result: Mutable<AuditResult>,
): void {
  const { values, equations, hidden, protection } = problem;
  const highs = solver.highs;
  result.components++;
  const n = group.length;
  const column = new Map<number, number>();
  group.forEach((v, c) => column.set(v, c));

  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  group.forEach((v, c) => {
    lo[c] = values[v] ?? 0;
    hi[c] = values[v] ?? 0;
  });
  const wide = (c: number): boolean => Math.floor(hi[c]! + EPSILON) - Math.ceil(lo[c]! - EPSILON) >= protection;
  const observe = (x: ArrayLike<number>) => {
    for (let c = 0; c < n; c++) {
      const value = x[c]!;
      if (value < lo[c]!) lo[c] = value;
      if (value > hi[c]!) hi[c] = value;
    }
  };
  const open = (): number[] => {
    const list: number[] = [];
    for (let c = 0; c < n; c++) if (exact || !(wide(c) || problem.exempt?.[group[c]!])) list.push(c);
    return list;
  };
  if (open().length === 0) return;

  // Every hidden member of these rows is in the component, so `column` holds exactly them.
  const model = equalityModel(highs, equations, rowIndices, column, values, cap);
  try {
    model.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 4 });
    const solve = (costs: Float64Array, maximise: boolean): { x: Float64Array; rowDual: Float64Array } | undefined => {
      model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, costs);
      model.changeObjectiveSense(maximise ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize);
      model.run();
      result.solves++;
      lpStatistics.solves++;
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return undefined;
      const solution = model.getSolution();
      const x = Float64Array.from(solution.colValue);
      observe(x);
      return { x, rowDual: Float64Array.from(solution.rowDual) };
    };
    // Batched witnesses: push every open variable up together, then down together, then in
    // a few fixed pseudo-random mixes (deterministic, so a publication is reproducible).
    let seed = 0x2545f491;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    for (let round = 0; round < 6; round++) {
      const list = open();
      if (list.length === 0) break;
      const costs = new Float64Array(n);
      for (const c of list) costs[c] = round < 2 ? 1 : random() < 0.5 ? -1 : 1;
      solve(costs, round % 2 === 0);
    }
    const binding = (rowDual: Float64Array): number[] => {
      const shown = new Set<number>();
      rowIndices.forEach((e, r) => {
        if (Math.abs(rowDual[r]!) < EPSILON) return;
        const equation = equations[e]!;
        for (const v of [equation.total, ...equation.parts]) if (!hidden[v]) shown.add(v);
      });
      return [...shown];
    };
    // Single bounds for whatever is still open.
    for (let c = 0; c < n; c++) {
      if (!exact && (wide(c) || problem.exempt?.[group[c]!])) continue;
      const costs = new Float64Array(n);
      costs[c] = 1;
      const up = solve(costs, true);
      if (!exact && wide(c)) continue;
      const upper = up ? up.x[c]! : hi[c]!;
      const down = solve(costs, false);
      const lower = down ? down.x[c]! : lo[c]!;
      const interval = { lower: Math.ceil(lower - EPSILON), upper: Math.floor(upper + EPSILON) };
      const v = group[c]!;
      if (exact) result.intervals.set(v, interval);
      if (interval.upper - interval.lower < protection && !problem.exempt?.[v]) {
        result.failing.push(v);
        result.intervals.set(v, interval);
        result.binding.set(v, [...new Set([...(up ? binding(up.rowDual) : []), ...(down ? binding(down.rowDual) : [])])]);
      }
    }
  } finally {
    model.dispose();
  }
}

/**
 * The LP rows of some equations, `Σ parts − total = constant`, in compressed form: the
 * variables in `column` are the unknowns (their column index), every other member is moved
 * to the right-hand side at its true value.
 */
/**
 * The LP both audits solve: one variable per hidden number in `column` (0 up to `cap`), and
 * every equation in `rowIndices` held exactly, the numbers shown being constants.
 */
function equalityModel(
  highs: Highs,
  equations: readonly AdditiveEquation[],
  rowIndices: readonly number[],
  column: ReadonlyMap<number, number>,
  values: ArrayLike<number>,
  cap: number,
): ReturnType<Highs['createModel']> {
  const n = column.size;
  const { starts, indices, coefficients, rhs } = lpRows(equations, rowIndices, column, values);
  return highs.createModel({
    numCols: n,
    numRows: rhs.length,
    colCost: new Float64Array(n),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(cap),
    rowLower: rhs,
    rowUpper: rhs,
    matrix: { format: 'csr', numRows: rhs.length, numCols: n, starts, indices, values: coefficients },
  });
}

function lpRows(
  equations: readonly AdditiveEquation[],
  rowIndices: readonly number[],
  column: ReadonlyMap<number, number>,
  values: ArrayLike<number>,
): { starts: number[]; indices: number[]; coefficients: number[]; rhs: number[] } {
  const starts: number[] = [0];
  const indices: number[] = [];
  const coefficients: number[] = [];
  const rhs: number[] = [];
  for (const e of rowIndices) {
    const equation = equations[e]!;
    const entries = new Map<number, number>();
    let constant = 0;
    const add = (v: number, coefficient: number) => {
      const c = column.get(v);
      if (c !== undefined) entries.set(c, (entries.get(c) ?? 0) + coefficient);
      else constant += coefficient * (values[v] ?? 0);
    };
    add(equation.total, -1);
    for (const part of equation.parts) add(part, 1);
    for (const [c, coefficient] of entries) {
      if (coefficient === 0) continue;
      indices.push(c);
      coefficients.push(coefficient);
    }
    starts.push(indices.length);
    rhs.push(-constant);
  }
  return { starts, indices, coefficients, rhs };
}

/** Input to {@link certifyLocally}. */
export interface LocalAuditProblem {
  readonly values: ArrayLike<number>;
  readonly equations: readonly AdditiveEquation[];
  /** The equations each variable belongs to. */
  readonly equationsOf: (v: number) => ArrayLike<number>;
  /** Nonzero = hidden. */
  readonly hidden: ArrayLike<number>;
  readonly protection: number;
  /** The hidden variables to certify. */
  readonly targets: readonly number[];
  /** Largest neighbourhood (hidden variables) one LP may hold (default 1,500). */
  readonly maxSize?: number;
}

/**
 * Certify hidden variables one neighbourhood at a time: the hidden variables within a few
 * equations of a target are the LP's unknowns, and every other number is held at its true
 * value. That can only narrow what the LP finds (an attacker who knew those numbers would
 * know more than the publication says), so a target found wide enough here is wide enough
 * for the real attacker; a target found narrow may be a false alarm, which only hides one
 * more number. Every LP solution is a table the attacker cannot rule out, so it also widens
 * what is known of the other targets in the neighbourhood.
 *
 * Returns the targets not certified, each with the shown numbers of the equations that
 * bind its bounds.
 */
export function certifyLocally(solver: LpSolver, problem: LocalAuditProblem): { failing: number[]; binding: Map<number, number[]>; solves: number } {
  const { values, equations, equationsOf, hidden, protection } = problem;
  const maxSize = problem.maxSize ?? 1500;
  let cap = 0;
  for (let v = 0; v < values.length; v++) cap = Math.max(cap, values[v] ?? 0);
  cap = Math.max(cap, protection) * 2;
  const lo = new Map<number, number>();
  const hi = new Map<number, number>();
  const see = (v: number, x: number): void => {
    if (x < (lo.get(v) ?? values[v] ?? 0)) lo.set(v, x);
    if (x > (hi.get(v) ?? values[v] ?? 0)) hi.set(v, x);
  };
  const wide = (v: number): boolean =>
    Math.floor((hi.get(v) ?? values[v] ?? 0) + EPSILON) - Math.ceil((lo.get(v) ?? values[v] ?? 0) - EPSILON) >= protection;
  const failing: number[] = [];
  const binding = new Map<number, number[]>();
  let solves = 0;
  const highs = solver.highs;
  for (const target of problem.targets) {
    if (!hidden[target] || wide(target)) continue;
    // Breadth-first through hidden variables sharing an equation.
    const group: number[] = [target];
    const column = new Map<number, number>([[target, 0]]);
    const rowSet = new Set<number>();
    for (let i = 0; i < group.length; i++) {
      const eqs = equationsOf(group[i]!);
      for (let j = 0; j < eqs.length; j++) {
        const e = eqs[j]!;
        if (rowSet.has(e)) continue;
        rowSet.add(e);
        const equation = equations[e]!;
        for (const member of [equation.total, ...equation.parts]) {
          if (!hidden[member] || column.has(member) || group.length >= maxSize) continue;
          column.set(member, group.length);
          group.push(member);
        }
      }
    }
    const n = group.length;
    const rows = [...rowSet];
    const model = equalityModel(highs, equations, rows, column, values, cap);
    const bound = new Set<number>();
    try {
      model.options.set({ output_flag: false, presolve: 'off' });
      const costs = new Float64Array(n);
      costs[0] = 1;
      model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, costs);
      for (const maximise of [true, false]) {
        model.changeObjectiveSense(maximise ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize);
        model.run();
        solves++;
        lpStatistics.solves++;
        if (model.getModelStatus() !== highs.constants.modelStatus.optimal) continue;
        const solution = model.getSolution();
        solution.colValue.forEach((x, c) => see(group[c]!, x));
        rows.forEach((e, r) => {
          if (Math.abs(solution.rowDual[r]!) < EPSILON) return;
          const equation = equations[e]!;
          for (const v of [equation.total, ...equation.parts]) if (!column.has(v)) bound.add(v);
        });
        if (wide(target)) break;
      }
    } finally {
      model.dispose();
    }
    if (!wide(target)) {
      failing.push(target);
      binding.set(target, [...bound]);
    }
  }
  return { failing, binding, solves };
}
