/**
 * Protection by hypercubes with witness certificates: how `suppress` chooses complements.
 *
 * A publication is a lattice of cells (every segment fixed to a value or totalled) times a
 * list of series (respondents, each answer count, bases, groupings…), with two kinds of
 * equations: margins (a total cell is the sum of its cells, for every series) and relations
 * inside every cell (a base is the sum of its counts; respondents are base plus missing).
 *
 * **Certificates.** A vector `d` that satisfies every equation with 0 (a move that changes
 * no published sum) and is 0 on every shown number turns the true table `x` into another
 * table `x + t·d` that an attacker cannot tell apart from it, for every whole `t` that keeps
 * all numbers non-negative. If that range of `t` is `[-t⁻, t⁺]`, every hidden number in the
 * support of `d` can take at least `t⁻ + t⁺ + 1` values: its interval, for an attacker with
 * every equation, non-negativity and integrality, is at least `t⁻ + t⁺` wide. So a hidden
 * number inside such a move with `t⁻ + t⁺ ≥ protection` is protected, and stays protected
 * whatever else is hidden later (hiding more only gives the attacker fewer facts).
 *
 * **Moves.** Because the equations are margins over a lattice and the same relations in
 * every cell, the product `d = u ⊗ w` of a move `u` over series (satisfying the relations
 * inside a cell) and a move `w` over cells (satisfying the margins) is a move of the whole
 * table. `w` is a product over segments of one-dimensional moves: `+a −b` between two values
 * of a segment, or `+a +total` (the total changes with its part); a segment without a total
 * needs no partner at all. So `w` is a hypercube with up to 2^segments corners, the classic
 * shape of hypercube suppression (τ-ARGUS's GHMITER). `u` is a swap inside one question
 * (one pupil answering B instead of A, or leaving it out), a lone count that no relation
 * holds, or a "join" (one more respondent, with one answer to every question).
 *
 * **Choosing.** For each number that must be protected (below k, not exempt) and is not yet
 * inside a certified move, candidate moves are scored: those with `t⁻ + t⁺ ≥ protection`
 * compete on the cost of the shown numbers they would hide. The winner's support is hidden
 * and every number in it is certified at once. A number no single move can protect (a cell
 * with fewer respondents than the protection level, say) is left to the caller's LP
 * fallback.
 *
 * Upper bounds that are not equations (a multi-select count is at most its base) shrink a
 * move's range like non-negativity does, so the attacker may use them too.
 *
 * @module
 */

/** The lattice of cells: mixed radix, one digit per segment. */
export interface LatticeShape {
  readonly nodeCount: number;
  /** Positions per segment: its values, plus the total (last) where it has one. */
  readonly radix: readonly number[];
  readonly stride: readonly number[];
  readonly hasTotal: readonly boolean[];
}

/** `total = Σ parts` inside every cell, over series indices. */
export interface SeriesRelation {
  readonly total: number;
  readonly parts: readonly number[];
}

/** `part ≤ total` inside every cell (not an equation, but an attacker knows it). */
export interface SeriesBound {
  readonly part: number;
  readonly total: number;
}

/** The series of one question: swaps are tried between its leaves. */
export interface SeriesFamily {
  readonly series: readonly number[];
  /** More moves to try, as leaf increments (e.g. a ranking's rectangles). */
  readonly extra?: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /**
   * Answers one more respondent could give besides a single leaf, as leaf increments (a
   * multi-select base with one tick, a complete ranking): options of a join.
   */
  readonly joins?: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
}

/** Input to {@link protectByHypercubes}. Variable `s · nodeCount + node`. */
export interface CubeProblem {
  readonly values: ArrayLike<number>;
  readonly cost: ArrayLike<number>;
  /** In and out: nonzero = hidden. */
  readonly hidden: Uint8Array;
  /** Nonzero = must be certified (hidden below k and someone to protect). */
  readonly needs: ArrayLike<number>;
  readonly protection: number;
  readonly shape: LatticeShape;
  readonly seriesCount: number;
  /** The respondents series. */
  readonly respondents: number;
  readonly relations: readonly SeriesRelation[];
  readonly bounds: readonly SeriesBound[];
  readonly families: readonly SeriesFamily[];
  /** Partners tried per segment, besides the total (default 3). */
  readonly breadth?: number;
  /** In and out: 1 = already certified (kept across calls); a fresh array when absent. */
  readonly certified?: Uint8Array;
  /** Called with every chosen move (variables, their coefficients, its range): for tests. */
  readonly record?: (variables: readonly number[], coefficients: readonly number[], range: number) => void;
}

/** What {@link protectByHypercubes} did. */
export interface CubeResult {
  /** 1 = inside a chosen move with enough range. */
  readonly certified: Uint8Array;
  /** Variables that needed a certificate and got none. */
  readonly uncertified: number[];
  /** Moves chosen. */
  readonly moves: number;
}

/** A move over series: parallel arrays of series and coefficients, plus bound slacks. */
interface SeriesMove {
  readonly series: Int32Array;
  readonly coefficients: Int32Array;
  /** Bounds whose slack (total − part) the move changes, with the change. */
  readonly slackBounds: Int32Array;
  readonly slackCoefficients: Int32Array;
}

/** One corner of a cell move: the cell and its sign. */
interface Corner {
  readonly node: number;
  readonly sign: number;
}

const INF = Number.POSITIVE_INFINITY;

/**
 * Choose complements so that every number in `needs` sits inside a certified move; see the
 * module comment. Hides in place (`problem.hidden`).
 */
export function protectByHypercubes(problem: CubeProblem): CubeResult {
  const { values, cost, hidden, needs, protection, shape, respondents } = problem;
  const nodeCount = shape.nodeCount;
  const dims = shape.radix.length;
  const breadth = problem.breadth ?? 3;
  const certified = problem.certified ?? new Uint8Array(values.length);
  const moves = seriesMoves(problem);

  // Respondents at each cell, for the order: the smallest cells need the largest moves,
  // which then cover many of their neighbours' numbers.
  const needing: number[] = [];
  for (let v = 0; v < values.length; v++) if (needs[v] && hidden[v]) needing.push(v);
  const size = (v: number): number => values[respondents * nodeCount + (v % nodeCount)] ?? 0;
  const keyed = needing.map((v) => [size(v), v] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  needing.length = 0;
  for (const [, v] of keyed) needing.push(v);

  const coordinateOf = (node: number, d: number): number => Math.floor(node / shape.stride[d]!) % shape.radix[d]!;
  const uncertified: number[] = [];
  let chosen = 0;

  for (const v of needing) {
    if (certified[v]) continue;
    const s = Math.floor(v / nodeCount);
    const node = v % nodeCount;

    // Partners per segment, best first.
    const options: Array<Array<ReadonlyArray<readonly [number, number]>>> = [];
    for (let d = 0; d < dims; d++) {
      const radix = shape.radix[d]!;
      const stride = shape.stride[d]!;
      const a = coordinateOf(node, d);
      const total = shape.hasTotal[d] ? radix - 1 : -1;
      const list: Array<ReadonlyArray<readonly [number, number]>> = [];
      if (total < 0) {
        list.push([[a, 1]]);
      } else if (a === total) {
        const ranked = rankPartners(a, total, radix, (b) => v + (b - a) * stride, values, hidden, cost, protection);
        for (const b of ranked.slice(0, breadth + 1)) list.push([[a, 1], [b, 1]]);
      } else {
        const ranked = rankPartners(a, total, radix, (b) => v + (b - a) * stride, values, hidden, cost, protection);
        for (const b of ranked.slice(0, breadth)) list.push([[a, 1], [b, -1]]);
        list.push([[a, 1], [total, 1]]);
      }
      options.push(list);
    }

    /** The best move so far: its series parts (a join adds the respondents) and its cells. */
    let best: { cost: number; fresh: number; loss: number; width: number; parts: SeriesMove[]; join: boolean; corners: readonly Corner[] } | undefined;
    /** Joins hide a whole respondent's answers: tried only when no swap or lone move fits. */
    let joins = false;
    const consider = (corners: readonly Corner[]): void => {
      if (!joins) {
        for (const move of moves.bySeries[s]!) {
          const result = evaluate(move, corners, best?.cost ?? INF);
          if (result) best = better(best, { ...result, parts: [move], join: false, corners });
          if (best && best.cost === 0) return;
        }
        return;
      }
      const result = evaluateJoin(s, corners, best?.cost ?? INF);
      if (result) best = better(best, { ...result, join: true, corners });
    };

    /** Range and cost of `u ⊗ w`; undefined when too narrow or dearer than `limit`. */
    const evaluate = (move: SeriesMove, corners: readonly Corner[], limit: number) => {
      let tMinus = INF;
      let tPlus = INF;
      let price = 0;
      let fresh = 0;
      let loss = 0;
      for (const corner of corners) {
        for (let i = 0; i < move.series.length; i++) {
          const variable = move.series[i]! * nodeCount + corner.node;
          const c = move.coefficients[i]! * corner.sign;
          const x = values[variable] ?? 0;
          if (c > 0) tMinus = Math.min(tMinus, Math.floor(x / c));
          else tPlus = Math.min(tPlus, Math.floor(x / -c));
          if (!hidden[variable]) {
            price += cost[variable] ?? 0;
            fresh++;
            loss += x;
            if (price > limit) return undefined;
          }
        }
        for (let i = 0; i < move.slackBounds.length; i++) {
          const bound = problem.bounds[move.slackBounds[i]!]!;
          const slack = (values[bound.total * nodeCount + corner.node] ?? 0) - (values[bound.part * nodeCount + corner.node] ?? 0);
          const c = move.slackCoefficients[i]! * corner.sign;
          if (c > 0) tMinus = Math.min(tMinus, Math.floor(slack / c));
          else tPlus = Math.min(tPlus, Math.floor(slack / -c));
        }
        if (tMinus + tPlus < protection) return undefined;
      }
      return { cost: price, fresh, loss, width: tMinus + tPlus };
    };

    /** The join: one more respondent, whose answers are chosen per question for range. */
    const evaluateJoin = (target: number, corners: readonly Corner[], limit: number) => {
      const join = moves.join!;
      let tMinus = INF;
      let tPlus = INF;
      let price = 0;
      let fresh = 0;
      let loss = 0;
      const parts: SeriesMove[] = [];
      const add = (series: number, coefficient: number, corner: Corner): void => {
        const variable = series * nodeCount + corner.node;
        const c = coefficient * corner.sign;
        const x = values[variable] ?? 0;
        if (c > 0) tMinus = Math.min(tMinus, Math.floor(x / c));
        else tPlus = Math.min(tPlus, Math.floor(x / -c));
        if (!hidden[variable]) {
          price += cost[variable] ?? 0;
          fresh++;
          loss += x;
        }
      };
      for (const corner of corners) add(respondents, 1, corner);
      for (const unit of join.units) {
        // The unit's options that touch the target must be used when there are any.
        let candidates = unit.options;
        if (target !== respondents) {
          const touching = unit.options.filter((o) => o.touches.has(target));
          if (touching.length > 0) candidates = touching;
        }
        let pick: SeriesMove | undefined;
        let pickScore = -INF;
        let pickPrice = INF;
        for (const option of candidates) {
          let low = INF;
          let optionPrice = 0;
          for (const corner of corners) {
            for (let i = 0; i < option.move.series.length; i++) {
              const variable = option.move.series[i]! * nodeCount + corner.node;
              low = Math.min(low, Math.floor((values[variable] ?? 0) / Math.abs(option.move.coefficients[i]!)));
              if (!hidden[variable]) optionPrice += cost[variable] ?? 0;
            }
          }
          const score = Math.min(low, protection);
          if (score > pickScore || (score === pickScore && optionPrice < pickPrice)) {
            pick = option.move;
            pickScore = score;
            pickPrice = optionPrice;
          }
        }
        if (!pick) return undefined;
        parts.push(pick);
        for (const corner of corners) {
          for (let i = 0; i < pick.series.length; i++) add(pick.series[i]!, pick.coefficients[i]!, corner);
          for (let i = 0; i < pick.slackBounds.length; i++) {
            const bound = problem.bounds[pick.slackBounds[i]!]!;
            const slack = (values[bound.total * nodeCount + corner.node] ?? 0) - (values[bound.part * nodeCount + corner.node] ?? 0);
            const c = pick.slackCoefficients[i]! * corner.sign;
            if (c > 0) tMinus = Math.min(tMinus, Math.floor(slack / c));
            else tPlus = Math.min(tPlus, Math.floor(slack / -c));
          }
        }
        if (tMinus + tPlus < protection || price > limit) return undefined;
      }
      return { cost: price, fresh, loss, width: tMinus + tPlus, parts };
    };

    // Every combination of partners: a hypercube of cells.
    const canJoin = moves.join !== undefined && (s === respondents || moves.join.optionsOf.has(s));
    for (const pass of canJoin ? [false, true] : [false]) {
      if (best) break;
      joins = pass;
      search();
    }
    function search(): void {
    const choice = new Int32Array(dims);
    for (;;) {
      const corners: Corner[] = [{ node: 0, sign: 1 }];
      for (let d = 0; d < dims; d++) {
        const option = options[d]![choice[d]!]!;
        const next: Corner[] = [];
        for (const corner of corners) {
          for (const [position, sign] of option) next.push({ node: corner.node + position * shape.stride[d]!, sign: corner.sign * sign });
        }
        corners.length = 0;
        corners.push(...next);
      }
      consider(corners);
      if (best && best.cost === 0) break;
      let d = 0;
      while (d < dims) {
        choice[d]!++;
        if (choice[d]! < options[d]!.length) break;
        choice[d] = 0;
        d++;
      }
      if (d === dims) break;
    }
    }

    if (!best) {
      uncertified.push(v);
      continue;
    }
    chosen++;
    const support: number[] = [];
    const coefficients: number[] = [];
    for (const corner of best.corners) {
      if (best.join) {
        support.push(respondents * nodeCount + corner.node);
        coefficients.push(corner.sign);
      }
      for (const part of best.parts) {
        for (let i = 0; i < part.series.length; i++) {
          support.push(part.series[i]! * nodeCount + corner.node);
          coefficients.push(part.coefficients[i]! * corner.sign);
        }
      }
    }
    problem.record?.(support, coefficients, best.width);
    for (const variable of support) {
      hidden[variable] = 1;
      certified[variable] = 1;
    }
  }
  return { certified, uncertified: uncertified.filter((v) => !certified[v]), moves: chosen };
}

/** Cheaper first; then fewer numbers hidden; then less information hidden (smaller values). */
function better<T extends { cost: number; fresh: number; loss: number; width: number }>(current: T | undefined, candidate: T): T {
  if (!current) return candidate;
  if (candidate.cost !== current.cost) return candidate.cost < current.cost ? candidate : current;
  if (candidate.fresh !== current.fresh) return candidate.fresh < current.fresh ? candidate : current;
  if (candidate.loss !== current.loss) return candidate.loss < current.loss ? candidate : current;
  return candidate.width > current.width ? candidate : current;
}

/**
 * Partners for a segment, best first: a neighbour already hidden with room to move, then
 * shown ones that are cheap and large enough, then the rest by size.
 */
function rankPartners(
  a: number,
  total: number,
  radix: number,
  variableAt: (b: number) => number,
  values: ArrayLike<number>,
  hidden: Uint8Array,
  cost: ArrayLike<number>,
  protection: number,
): number[] {
  const scored: Array<[number, number]> = [];
  for (let b = 0; b < radix; b++) {
    if (b === a || b === total) continue;
    const variable = variableAt(b);
    const x = values[variable] ?? 0;
    const shortfall = x >= protection ? 0 : (protection - x) / protection;
    const price = hidden[variable] ? 0 : (cost[variable] ?? 0) + 1;
    scored.push([b, price + 100 * shortfall - x * 1e-6]);
  }
  scored.sort((p, q) => p[1] - q[1] || p[0] - q[0]);
  return scored.map(([b]) => b);
}

interface JoinOption {
  readonly move: SeriesMove;
  readonly touches: ReadonlySet<number>;
}

interface MoveTable {
  /** Moves (swaps and lone counts) with a nonzero entry on each series. */
  readonly bySeries: SeriesMove[][];
  /** One more respondent: per relation of the respondents, the answers that can go with it. */
  readonly join?: { readonly units: Array<{ options: JoinOption[] }>; readonly optionsOf: ReadonlySet<number> };
}

/**
 * Every move over series the relations allow that the search tries: swaps between two
 * leaves of a question, lone leaves no relation holds, the family's extra moves, and the
 * units of a join.
 */
function seriesMoves(problem: CubeProblem): MoveTable {
  const { seriesCount, relations, respondents, bounds } = problem;
  const isTotal = new Uint8Array(seriesCount);
  for (const relation of relations) isTotal[relation.total] = 1;
  const inRelation = new Uint8Array(seriesCount);
  for (const relation of relations) {
    inRelation[relation.total] = 1;
    for (const part of relation.parts) inRelation[part] = 1;
  }

  // Totals in an order where parts come first.
  const order: SeriesRelation[] = [];
  const defined = new Uint8Array(seriesCount);
  for (let s = 0; s < seriesCount; s++) if (!isTotal[s]) defined[s] = 1;
  let pending = [...relations];
  while (pending.length > 0) {
    const rest: SeriesRelation[] = [];
    for (const relation of pending) {
      if (defined[relation.total]) continue;
      if (relation.parts.every((p) => defined[p])) {
        order.push(relation);
        defined[relation.total] = 1;
      } else rest.push(relation);
    }
    if (rest.length === pending.length) break; // a cycle: those totals are never moved
    pending = rest.filter((r) => !defined[r.total]);
  }

  /** The full move for leaf increments, or undefined when the relations do not hold. */
  const derive = (leaves: ReadonlyArray<readonly [number, number]>, ignoreTotal = -1): SeriesMove | undefined => {
    const u = new Map<number, number>();
    for (const [s, c] of leaves) u.set(s, (u.get(s) ?? 0) + c);
    for (const relation of order) {
      if (relation.total === ignoreTotal) continue;
      let sum = 0;
      for (const p of relation.parts) sum += u.get(p) ?? 0;
      if (sum !== 0) u.set(relation.total, sum);
    }
    for (const relation of relations) {
      if (relation.total === ignoreTotal) continue;
      let sum = 0;
      for (const p of relation.parts) sum += u.get(p) ?? 0;
      if (sum !== (u.get(relation.total) ?? 0)) return undefined;
    }
    const entries = [...u].filter(([, c]) => c !== 0);
    if (entries.length === 0) return undefined;
    const slack: Array<[number, number]> = [];
    bounds.forEach((bound, index) => {
      const change = (u.get(bound.total) ?? 0) - (u.get(bound.part) ?? 0);
      if (change !== 0) slack.push([index, change]);
    });
    return {
      series: Int32Array.from(entries.map(([s]) => s)),
      coefficients: Int32Array.from(entries.map(([, c]) => c)),
      slackBounds: Int32Array.from(slack.map(([b]) => b)),
      slackCoefficients: Int32Array.from(slack.map(([, c]) => c)),
    };
  };

  const bySeries: SeriesMove[][] = Array.from({ length: seriesCount }, () => []);
  const keep = (move: SeriesMove | undefined): void => {
    if (!move) return;
    for (const s of move.series) bySeries[s]!.push(move);
  };
  for (const family of problem.families) {
    const leaves = family.series.filter((s) => !isTotal[s]);
    for (let i = 0; i < leaves.length; i++) {
      const a = leaves[i]!;
      if (!inRelation[a]) keep(derive([[a, 1]]));
      for (let j = i + 1; j < leaves.length; j++) {
        const b = leaves[j]!;
        if (inRelation[a] && inRelation[b]) keep(derive([[a, 1], [b, -1]]));
      }
    }
    for (const extra of family.extra ?? []) keep(derive(extra));
  }

  // Joins: every relation whose total is the respondents gets one answer per unit.
  const units: Array<{ options: JoinOption[] }> = [];
  const optionsOf = new Set<number>();
  const leavesUnder = (s: number, depth: number): number[] => {
    if (!isTotal[s]) return [s];
    if (depth > 4) return [];
    const definitions = relations.filter((r) => r.total === s);
    if (definitions.length !== 1) return []; // several decompositions (complete rankings)
    return definitions[0]!.parts.flatMap((p) => leavesUnder(p, depth + 1));
  };
  const ofRespondents = relations.filter((r) => r.total === respondents);
  const extraJoins = problem.families.flatMap((family) => family.joins ?? []);
  for (const relation of ofRespondents) {
    const options: JoinOption[] = [];
    const candidates: Array<ReadonlyArray<readonly [number, number]>> = [
      ...relation.parts.flatMap((part) => leavesUnder(part, 0).map((leaf) => [[leaf, 1] as const])),
      ...extraJoins,
    ];
    for (const leaves of candidates) {
      const move = derive(leaves, respondents);
      if (!move) continue;
      // A unit adds exactly one to this relation's parts and nothing to any other
      // relation of the respondents.
      const addsTo = (r: SeriesRelation): number => {
        let sum = 0;
        for (let i = 0; i < move.series.length; i++) if (r.parts.includes(move.series[i]!)) sum += move.coefficients[i]!;
        return sum;
      };
      if (addsTo(relation) !== 1 || ofRespondents.some((other) => other !== relation && addsTo(other) !== 0)) continue;
      const touches = new Set(move.series);
      options.push({ move, touches });
      for (const s of touches) optionsOf.add(s);
    }
    if (options.length === 0) return { bySeries };
    units.push({ options });
  }
  // Two relations of the respondents must not share a part, or a join counts it twice.
  const seen = new Set<number>();
  for (const unit of units) {
    const mine = new Set<number>();
    for (const option of unit.options) for (const s of option.touches) mine.add(s);
    for (const s of mine) {
      if (seen.has(s)) return { bySeries };
    }
    for (const s of mine) seen.add(s);
  }
  return units.length > 0 ? { bySeries, join: { units, optionsOf } } : { bySeries };
}
