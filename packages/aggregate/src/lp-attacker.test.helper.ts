/**
 * Test and benchmark support (not part of the package's API): an attacker of published
 * tallies, written from the published JSON and what any reader knows about how its numbers
 * relate (margins add up, categories add up to their base, groupings are sums of their
 * categories), without reference to the engine's own model. `learn` turns a publication
 * into known numbers, hidden unknowns and equations; `intervals` gives every hidden
 * number's smallest and largest value consistent with all of them and non-negativity, by
 * linear (or, for small groups of unknowns, mixed-integer) programs solved with HiGHS.
 * Used by suppress.test.ts (Attack 5) and by `npm run bench:suppress`.
 */
import assert from 'node:assert/strict';
import type { LpSolver } from './audit.js';
import {
  TOTAL,
  isHidden,
  parsePublishedKey,
  publishedKey,
  shownCount,
  type PublishedCount,
  type PublishedSegmentValue,
  type PublishedTally,
} from './suppress.js';
import { parseCellKey, type Tally } from './types.js';

export interface Equation {
  total: string;
  parts: string[];
}

export interface Knowledge {
  known: Map<string, number>;
  hidden: Set<string>;
  equations: Equation[];
  /** Numbers that may legitimately be shown below k (a zero count of non-answers). */
  mayBeSmall: Set<string>;
  percents: Array<{ count: string; base: string; percent: number }>;
}

/**
 * @param truth the raw tally, only to tell the attacker whether every ranking is complete
 * (then each choice's positions, and each position's choices, add up to the base: a
 * reader who knows the survey forces full rankings knows that).
 */
/**
 * The strongest reader knows every segment value that exists (from the truth), including
 * those the publication leaves out because none of their counts is shown: their cells are
 * then hidden unknowns of the margins.
 */
export function fillDropped(published: PublishedTally, truth?: Tally): PublishedTally {
  // Nothing published at all (every value left out): nothing to attack.
  if (!truth || Object.keys(published.respondents).length === 0) return published;
  const all: Array<Array<string | null>> = truth.segments.map(() => []);
  for (const key of Object.keys(truth.respondents)) {
    parseCellKey(key).forEach((value, d) => {
      if (!all[d]!.includes(value)) all[d]!.push(value);
    });
  }
  let lattice: PublishedSegmentValue[][] = [[]];
  truth.segments.forEach((segment, d) => {
    const options: PublishedSegmentValue[] = [...all[d]!, ...(published.totals.includes(segment) ? [TOTAL] : [])];
    lattice = lattice.flatMap((prefix) => options.map((value) => [...prefix, value]));
  });
  const blank = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(blank);
    if (value && typeof value === 'object') {
      if ('count' in value || 'hidden' in value) return { hidden: true };
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'percents' ? (v as unknown[]).map(() => null) : blank(v)]));
    }
    return null;
  };
  const template = (cells: Record<string, unknown>) => blank(Object.values(cells)[0]);
  const copy = JSON.parse(JSON.stringify(published)) as { -readonly [K in keyof PublishedTally]: PublishedTally[K] } & Record<string, unknown>;
  for (const values of lattice) {
    const key = publishedKey(values);
    if (key in copy.respondents) continue;
    (copy.respondents as Record<string, PublishedCount>)[key] = { hidden: true };
    for (const question of copy.questions) (question.cells as Record<string, unknown>)[key] = template(question.cells);
    for (const unknown of copy.unknownQuestions) unknown.cells[key] = { hidden: true };
  }
  copy.segmentValues = all;
  return copy;
}

export function learn(publishedAsIs: PublishedTally, truth?: Tally): Knowledge {
  const published = fillDropped(publishedAsIs, truth);
  const known = new Map<string, number>();
  const hidden = new Set<string>();
  const mayBeSmall = new Set<string>();
  const equations: Equation[] = [];
  const percents: Knowledge['percents'] = [];
  /** Every series of numbers, as a function of the cell key. */
  const series = new Map<string, (key: string) => PublishedCount>();
  const note = (id: string, count: PublishedCount) => {
    if (isHidden(count)) {
      assert.equal(shownCount(count), null, `${id} is marked suppressed but carries a value`);
      hidden.add(id);
    } else known.set(id, shownCount(count)!);
  };
  series.set('respondents', (key) => published.respondents[key]!);
  const keys = Object.keys(published.respondents);
  published.questions.forEach((question, q) => {
    const id = (what: string, key: string) => `q${q}:${what}@${key}`;
    if (question.kind === 'matrix') {
      question.rows.forEach((_, r) => {
        series.set(`q${q}:row${r}:base`, (key) => question.cells[key]!.rows[r]!.base);
        series.set(`q${q}:row${r}:missing`, (key) => question.cells[key]!.rows[r]!.missing);
        question.columns.forEach((_, c) => series.set(`q${q}:row${r}:${c}`, (key) => question.cells[key]!.rows[r]!.counts[c]!));
        for (const key of keys) {
          const cell = question.cells[key]!.rows[r]!;
          equations.push({ total: id(`row${r}:base`, key), parts: question.columns.map((_, c) => id(`row${r}:${c}`, key)) });
          equations.push({ total: `respondents@${key}`, parts: [id(`row${r}:base`, key), id(`row${r}:missing`, key)] });
          cell.percents.forEach((percent, c) => {
            if (percent !== null) percents.push({ count: id(`row${r}:${c}`, key), base: id(`row${r}:base`, key), percent });
          });
        }
        // A published grouping is the sum of its columns.
        for (const [name, values] of Object.entries(question.groupings ?? {})) {
          series.set(`q${q}:row${r}:g:${name}`, (key) => question.cells[key]!.rows[r]!.groups![name]!);
          const columns = values.map((value) => question.columns.findIndex((c) => c.value === value));
          for (const key of keys) {
            equations.push({ total: id(`row${r}:g:${name}`, key), parts: columns.map((c) => id(`row${r}:${c}`, key)) });
          }
        }
      });
      return;
    }
    if (question.kind === 'ranking') {
      series.set(`q${q}:base`, (key) => question.cells[key]!.base);
      series.set(`q${q}:missing`, (key) => question.cells[key]!.missing);
      const n = question.categories.length;
      for (let c = 0; c < n; c++) {
        for (let p = 0; p < n; p++) series.set(`q${q}:${c}:${p}`, (key) => question.cells[key]!.counts[c]![p]!);
      }
      const raw = truth?.questions[q];
      const complete =
        raw?.kind === 'ranking' &&
        Object.values(raw.cells).every((cell) =>
          cell.counts.every((positions, c) =>
            positions.reduce((a, b) => a + b, 0) === cell.answered &&
            cell.counts.reduce((a, row) => a + row[c]!, 0) === cell.answered,
          ),
        );
      for (const key of keys) {
        equations.push({ total: `respondents@${key}`, parts: [id('base', key), id('missing', key)] });
        if (!complete) continue;
        for (let c = 0; c < n; c++) {
          equations.push({ total: id('base', key), parts: Array.from({ length: n }, (_, p) => id(`${c}:${p}`, key)) });
          equations.push({ total: id('base', key), parts: Array.from({ length: n }, (_, r) => id(`${r}:${c}`, key)) });
        }
      }
      return;
    }
    series.set(`q${q}:base`, (key) => question.cells[key]!.base);
    series.set(`q${q}:missing`, (key) => question.cells[key]!.missing);
    for (const key of keys) {
      equations.push({ total: `respondents@${key}`, parts: [id('base', key), id('missing', key)] });
    }
    if (question.kind === 'choice' || question.kind === 'multi') {
      question.categories.forEach((_, c) => series.set(`q${q}:${c}`, (key) => question.cells[key]!.counts[c]!));
      if (question.kind === 'choice') {
        for (const name of Object.keys(question.groupings ?? {})) {
          series.set(`q${q}:g:${name}`, (key) => question.cells[key]!.groups![name]!);
        }
      }
      for (const key of keys) {
        const cell = question.cells[key]!;
        // Single choice: the categories add up to the base. (Ticks of a multi-select do not.)
        if (question.kind === 'choice') {
          equations.push({ total: id('base', key), parts: question.categories.map((_, c) => id(String(c), key)) });
          for (const [name, values] of Object.entries(question.groupings ?? {})) {
            const parts = values.map((value) => id(String(question.categories.findIndex((c) => c.value === value)), key));
            equations.push({ total: id(`g:${name}`, key), parts });
          }
        }
        cell.percents.forEach((percent, c) => {
          if (percent !== null) percents.push({ count: id(String(c), key), base: id('base', key), percent });
        });
      }
    }
  });
  published.unknownQuestions.forEach((unknown, u) => series.set(`u${u}`, (key) => unknown.cells[key]!));

  for (const [name, read] of series) {
    for (const key of keys) {
      note(`${name}@${key}`, read(key));
      if (name.endsWith(':missing')) mayBeSmall.add(`${name}@${key}`);
      // Margins: a totalled segment is the sum over its values (every other published filter).
      const values = parsePublishedKey(key);
      values.forEach((value, d) => {
        // A segment with no values at all means no responses: nothing to protect.
        if (value !== TOTAL || published.segmentValues[d]!.length === 0) return;
        const parts = published.segmentValues[d]!.map((segmentValue) => {
          const child: PublishedSegmentValue[] = [...values];
          child[d] = segmentValue;
          return `${name}@${publishedKey(child)}`;
        });
        equations.push({ total: `${name}@${key}`, parts });
      });
    }
  }
  return { known, hidden, equations, mayBeSmall, percents };
}

/** Options of {@link intervals}. */
export interface IntervalOptions {
  /**
   * Whole-number bounds (a mixed-integer program) for groups of connected unknowns up to
   * this size; larger groups get the LP relaxation's bounds rounded inwards, which contain
   * the integer ones (default 120).
   */
  readonly integerUpTo?: number;
}

/**
 * The attacker's interval of every hidden number: `[id, lower, upper]`, from a
 * mixed-integer (or linear) program over the hidden numbers (every count ≥ 0). Unknowns that
 * share no equation, directly or through other unknowns, cannot constrain each other, so each
 * connected group is solved on its own (same intervals, smaller programs).
 */
export function intervals(solver: LpSolver, knowledge: Knowledge, options: IntervalOptions = {}): Array<[string, number, number]> {
  const unknowns = [...knowledge.hidden];
  if (unknowns.length === 0) return [];
  const column = new Map(unknowns.map((u, i) => [u, i]));
  // Each equation over the unknowns, with the known members moved to the right-hand side.
  const rows: Array<{ entries: Array<[number, number]>; rhs: number }> = [];
  for (const { total, parts } of knowledge.equations) {
    const row = new Map<number, number>();
    let constant = 0;
    const add = (id: string, coefficient: number) => {
      const c = column.get(id);
      if (c === undefined) constant += coefficient * knowledge.known.get(id)!;
      else row.set(c, (row.get(c) ?? 0) + coefficient);
    };
    add(total, -1);
    for (const part of parts) add(part, 1);
    const entries = [...row].filter(([, v]) => v !== 0);
    if (entries.length > 0) rows.push({ entries, rhs: -constant });
  }
  // Connected groups of unknowns (union–find over the rows).
  const parent = unknowns.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const { entries } of rows) for (const [c] of entries.slice(1)) parent[find(c)] = find(entries[0]![0]);
  const groups = new Map<number, number[]>();
  unknowns.forEach((_, c) => {
    const root = find(c);
    const group = groups.get(root);
    if (group) group.push(c);
    else groups.set(root, [c]);
  });
  const rowsOf = new Map<number, typeof rows>();
  for (const row of rows) {
    const root = find(row.entries[0]![0]);
    const list = rowsOf.get(root);
    if (list) list.push(row);
    else rowsOf.set(root, [row]);
  }
  const result: Array<[string, number, number]> = [];
  for (const [root, members] of groups) {
    const local = new Map(members.map((c, i) => [c, i]));
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const rhs: number[] = [];
    for (const row of rowsOf.get(root) ?? []) {
      for (const [c, v] of row.entries) {
        indices.push(local.get(c)!);
        values.push(v);
      }
      starts.push(indices.length);
      rhs.push(row.rhs);
    }
    for (const [c, lower, upper] of groupIntervals(solver, members.length, starts, indices, values, rhs, members.length <= (options.integerUpTo ?? 120))) {
      result.push([unknowns[members[c]!]!, lower, upper]);
    }
  }
  return result;
}

function groupIntervals(
  solver: LpSolver,
  n: number,
  starts: number[],
  indices: number[],
  values: number[],
  rhs: number[],
  integer: boolean,
): Array<[number, number, number]> {
  const highs = solver.highs;
  // No equation at all: nothing bounds the unknown above.
  if (rhs.length === 0) return Array.from({ length: n }, (_, c): [number, number, number] => [c, 0, Infinity]);
  const model = highs.createModel({
    numCols: n,
    numRows: rhs.length,
    colCost: new Float64Array(n),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(highs.infinity),
    rowLower: rhs,
    rowUpper: rhs,
    matrix: { format: 'csr', numRows: rhs.length, numCols: n, starts, indices, values },
    ...(integer ? { integrality: new Int32Array(n).fill(1) } : {}),
  });
  try {
    model.options.set({ output_flag: false });
    const costs = new Float64Array(n);
    const bound = (c: number, maximise: boolean): number => {
      costs.fill(0);
      costs[c] = 1;
      model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, costs);
      model.changeObjectiveSense(maximise ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize);
      model.run();
      const status = model.getModelStatus();
      if (status === highs.constants.modelStatus.unbounded || status === highs.constants.modelStatus.unboundedOrInfeasible) return maximise ? Infinity : -Infinity;
      assert.equal(status, highs.constants.modelStatus.optimal, `the attacker's program for unknown ${c} did not solve (status ${status})`);
      const value = model.getSolution().colValue[c]!;
      return maximise ? Math.floor(value + 1e-6) : Math.ceil(value - 1e-6);
    };
    return Array.from({ length: n }, (_, c): [number, number, number] => [c, bound(c, false), bound(c, true)]);
  } finally {
    model.dispose();
  }
}

/**
 * True when a published number's cell (`id` = `series@key`) has no respondents at all in
 * the raw tally: nobody to protect (the engine exempts such numbers from the interval rule).
 */
export function isEmptyCell(truth: Tally, id: string): boolean {
  const key = parsePublishedKey(id.slice(id.indexOf('@') + 1));
  return !Object.entries(truth.respondents).some(([raw, n]) => n > 0 && parseCellKey(raw).every((value, d) => key[d] === TOTAL || key[d] === value));
}
