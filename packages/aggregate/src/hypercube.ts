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
 * **Stars.** Several moves that share one side (the target's) and are otherwise apart can
 * run at once: the target's side moves by the sum of what each partner gives, so its range
 * is the smaller of its own room and the partners' rooms added up. A rare answer in a small
 * cell takes a little from each of many cells instead of a lot from a total. Three shapes:
 * a segment's `+a` against several values at once (`−b₁ −b₂ …`, the rest of the cube as
 * usual); a *diagonal* star, whose partners are cells `e` that differ from the target's
 * cell `a` in every totalled segment: moving one answer from `e` to `a` changes `a`, `e` and
 * every total above either of them except the grand total, which holds both (the totals
 * above several partners overlap, but a total holds at least what its cells give); and a
 * *paired* diagonal, where each partner also gives up a different other answer in `a`, so
 * a rare answer next to several middling ones reaches the protection. The partners' own
 * numbers are certified only when one partner alone has the range.
 *
 * **Choosing.** For each number that must be protected (below k, not exempt) and is not yet
 * inside a certified move, candidate moves are scored: those with `t⁻ + t⁺ ≥ protection`
 * compete on the cost of the shown numbers they would hide (the caller's costs; `suppress`
 * makes a total over more segments much dearer, so the headline numbers are hidden last).
 * Plain cubes are tried first; stars only when the best cube would hide a total over two
 * or more segments. The winner's support is hidden and the numbers it certifies are
 * certified at once. A number no single move can protect (a cell
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
  /**
   * Called with every chosen move (variables, their coefficients, its range): for tests. A
   * star move (below) gives its target's side as the variables and each partner's side as
   * an arm: every `variables + arm` is a move of its own.
   */
  readonly record?: (variables: readonly number[], coefficients: readonly number[], range: number, arms?: ReadonlyArray<{ variables: number[]; coefficients: number[] }>) => void;
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
  /** 0 on the target's side; i ≥ 1 on the i-th partner's side of a star. */
  readonly group: number;
}

/** One segment's part of a cell move: positions with signs; a star has many partners. */
interface SegmentOption {
  readonly cells: ReadonlyArray<readonly [number, number]>;
  readonly star: boolean;
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
  /** One more respondent, as a series move: the head of every join. */
  const RESPONDENT: SeriesMove = { series: Int32Array.of(respondents), coefficients: Int32Array.of(1), slackBounds: new Int32Array(0), slackCoefficients: new Int32Array(0) };

  /** Segments with a total: the diagonal star moves along all of them. */
  const totalled: number[] = [];
  for (let d = 0; d < dims; d++) if (shape.hasTotal[d]) totalled.push(d);
  /** Nodes above `node` (itself included) but the one total in every totalled segment. */
  const above = (node: number): number[] => {
    const nodes: number[] = [];
    const count = 1 << totalled.length;
    for (let mask = 0; mask < count - 1; mask++) {
      let n = node;
      totalled.forEach((d, i) => {
        if (mask & (1 << i)) n += (shape.radix[d]! - 1 - coordinateOf(node, d)) * shape.stride[d]!;
      });
      nodes.push(n);
    }
    return nodes;
  };
  /**
   * One respondent (or one answer) moved from a cell `e` to the target's cell `a` changes `a`
   * and every total above it, and `e` and every total above it, except the totals above
   * both. When `e` differs from `a` in every totalled segment, that is only the grand
   * total, so the partnership's headline numbers stay out of the move. Many such `e` each
   * add their own room (their totals overlap, but a total holds at least what its cells
   * give), which is what a rare answer in a small cell needs. Only for a target in a cell
   * of the finest level, in a table with at least two totalled segments.
   */
  /** The `count` partners with the most of series `s` in their own cell, most first. */
  const topPartners = (partners: readonly number[], s: number, count: number): number[] => {
    const top: Array<[number, number, number]> = [];
    for (const e of partners) {
      const item: [number, number, number] = [values[s * nodeCount + e] ?? 0, values[respondents * nodeCount + e] ?? 0, e];
      if (top.length === count) {
        const last = top[count - 1]!;
        if (item[0] < last[0] || (item[0] === last[0] && (item[1] < last[1] || (item[1] === last[1] && item[2] > last[2])))) continue;
        top.pop();
      }
      let i = top.length;
      while (i > 0) {
        const q = top[i - 1]!;
        if (q[0] > item[0] || (q[0] === item[0] && (q[1] > item[1] || (q[1] === item[1] && q[2] < item[2])))) break;
        i--;
      }
      top.splice(i, 0, item);
    }
    return top.map(([, , e]) => e);
  };

  /** Cells that differ from `node` in every totalled segment; undefined if none apply. */
  const diagonalCells = (node: number): number[] | undefined => {
    if (totalled.length < 2) return undefined;
    for (const d of totalled) if (coordinateOf(node, d) === shape.radix[d]! - 1) return undefined;
    let partners: number[] = [node];
    for (const d of totalled) {
      const a = coordinateOf(node, d);
      const next: number[] = [];
      for (const p of partners) {
        for (let b = 0; b < shape.radix[d]! - 1; b++) if (b !== a) next.push(p + (b - a) * shape.stride[d]!);
      }
      partners = next;
    }
    return partners.length > 0 ? partners : undefined;
  };
  const diagonalStar = (node: number, s: number): { corners: Corner[]; groups: number } | undefined => {
    const partners = diagonalCells(node);
    if (!partners) return undefined;
    const chosen = topPartners(partners, s, STAR_ARMS);
    const corners: Corner[] = above(node).map((n) => ({ node: n, sign: 1, group: 0 }));
    chosen.forEach((e, i) => {
      for (const n of above(e)) corners.push({ node: n, sign: -1, group: i + 1 });
    });
    return { corners, groups: chosen.length + 1 };
  };

  /**
   * A rare answer in a small cell: pupils answering `s` there could be pupils who answered
   * something else (`j`) there, and who answered `s` in a cell `e` that differs in every
   * totalled segment (see {@link diagonalStar}). Each partner pairs one other answer with one
   * such cell, so partners share no answer's numbers and each adds its own room; the
   * target's side (`s` at its cell and the totals above it) moves by their sum.
   */
  const pairedDiagonal = (s: number, node: number, limit: number): Scored | undefined => {
    const head = above(node);
    const cells = diagonalCells(node);
    if (!cells) return undefined;
    const minOver = (series: number, nodes: readonly number[]): number => {
      let low = INF;
      for (const n of nodes) low = Math.min(low, values[series * nodeCount + n] ?? 0);
      return low;
    };
    // Other answers j with a plain swap (+s −j): no bounds, nothing else moves.
    const others: Array<{ j: number; up: number }> = [];
    for (const move of moves.bySeries[s]!) {
      if (move.series.length !== 2 || move.slackBounds.length !== 0) continue;
      const i = move.series[0] === s ? 0 : 1;
      if (move.coefficients[i] !== 1 || move.coefficients[1 - i] !== -1) continue;
      const j = move.series[1 - i]!;
      others.push({ j, up: minOver(j, head) });
    }
    if (others.length === 0) return undefined;
    others.sort((p, q) => q.up - p.up || p.j - q.j);
    const ranked = topPartners(cells, s, STAR_ARMS)
      .map((e, i) => {
        const nodes = above(e);
        return { nodes, up: minOver(s, nodes), i };
      })
      .sort((p, q) => q.up - p.up || p.i - q.i);
    const headDown = minOver(s, head);
    let down = 0;
    let up = 0;
    const arms: Array<{ j: number; nodes: readonly number[]; up: number; down: number }> = [];
    for (let k = 0; k < Math.min(others.length, ranked.length, STAR_ARMS); k++) {
      const armUp = Math.min(others[k]!.up, ranked[k]!.up);
      const armDown = minOver(others[k]!.j, ranked[k]!.nodes);
      if (armUp + armDown === 0) break;
      arms.push({ j: others[k]!.j, nodes: ranked[k]!.nodes, up: armUp, down: armDown });
      up += armUp;
      down += armDown;
      if (Math.min(headDown, down) + up >= protection) break;
    }
    const width = Math.min(headDown, down) + up;
    if (width < protection) return undefined;
    const result = new Map<number, { variables: number[]; coefficients: number[] }>();
    result.set(0, { variables: head.map((n) => s * nodeCount + n), coefficients: head.map(() => 1) });
    arms.forEach((arm, k) => {
      const variables: number[] = [];
      const coefficients: number[] = [];
      for (const n of head) {
        variables.push(arm.j * nodeCount + n);
        coefficients.push(-1);
      }
      for (const n of arm.nodes) {
        variables.push(s * nodeCount + n, arm.j * nodeCount + n);
        coefficients.push(-1, 1);
      }
      result.set(k + 1, { variables, coefficients });
    });
    let price = 0;
    let fresh = 0;
    let loss = 0;
    const seen = new Set<number>();
    for (const side of result.values()) {
      for (const variable of side.variables) {
        if (hidden[variable] || seen.has(variable)) continue;
        seen.add(variable);
        price += cost[variable] ?? 0;
        fresh++;
        loss += values[variable] ?? 0;
        if (price > limit) return undefined;
      }
    }
    const armIds = arms.map((_, k) => k + 1);
    return { cost: price, fresh, loss, width, parts: [], arms: armIds, certifiedArms: [], join: false, corners: [], sides: result };
  };

  for (const v of needing) {
    if (certified[v]) continue;
    const s = Math.floor(v / nodeCount);
    const node = v % nodeCount;

    // Partners per segment, best first; a star takes from every other value at once.
    const options: SegmentOption[][] = [];
    for (let d = 0; d < dims; d++) {
      const radix = shape.radix[d]!;
      const stride = shape.stride[d]!;
      const a = coordinateOf(node, d);
      const total = shape.hasTotal[d] ? radix - 1 : -1;
      const list: SegmentOption[] = [];
      if (total < 0) {
        list.push({ cells: [[a, 1]], star: false });
      } else if (a === total) {
        const ranked = rankPartners(a, total, radix, (b) => v + (b - a) * stride, values, hidden, cost, protection);
        for (const b of ranked.slice(0, breadth + 1)) list.push({ cells: [[a, 1], [b, 1]], star: false });
      } else {
        const ranked = rankPartners(a, total, radix, (b) => v + (b - a) * stride, values, hidden, cost, protection);
        for (const b of ranked.slice(0, breadth)) list.push({ cells: [[a, 1], [b, -1]], star: false });
        list.push({ cells: [[a, 1], [total, 1]], star: false });
        if (ranked.length >= 2) list.push({ cells: [[a, 1], ...ranked.slice(0, STAR_ARMS).map((b) => [b, -1] as const)], star: true });
      }
      options.push(list);
    }

    /** The best move so far: its series parts (a join adds the respondents), cells and arms. */
    let best: Scored | undefined;
    /** Joins hide a whole respondent's answers: tried only when no swap or lone move fits. */
    let joins = false;
    const consider = (corners: readonly Corner[], groups: number): void => {
      if (!joins) {
        for (const move of moves.bySeries[s]!) {
          // A star is no wider than its target's side allows: check that side first.
          if (groups > 1 && !headFits(move, corners, best?.cost ?? INF)) continue;
          const result = groups === 1 ? evaluate(move, corners, best?.cost ?? INF) : settle([{ move, room: room(move, corners, groups) }], groups, best?.cost ?? INF);
          if (result) best = better(best, { ...result, join: false, corners });
          if (best && best.cost === 0) return;
        }
        return;
      }
      const result = evaluateJoin(s, corners, groups, best?.cost ?? INF);
      if (result) best = better(best, { ...result, join: true, corners });
    };

    /** Range and cost of `u ⊗ w` without a star; undefined when too narrow or dearer than `limit`. */
    const evaluate = (move: SeriesMove, corners: readonly Corner[], limit: number): Settled | undefined => {
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
      return { cost: price, fresh, loss, width: tMinus + tPlus, parts: [move], arms: NO_ARMS, certifiedArms: NO_ARMS };
    };

    /**
     * Whether a star could fit, from its target's side alone: that side's room (without
     * bounds) is an upper bound of the star's range, and its price a lower bound of the
     * star's price.
     */
    const headFits = (move: SeriesMove, corners: readonly Corner[], limit: number): boolean => {
      let down = INF;
      let up = INF;
      let price = 0;
      for (const corner of corners) {
        if (corner.group !== 0) continue;
        for (let i = 0; i < move.series.length; i++) {
          const c = move.coefficients[i]! * corner.sign;
          const variable = move.series[i]! * nodeCount + corner.node;
          const x = values[variable] ?? 0;
          if (c > 0) down = Math.min(down, Math.floor(x / c));
          else up = Math.min(up, Math.floor(x / -c));
          if (!hidden[variable]) price += cost[variable] ?? 0;
        }
      }
      return down + up >= protection && price <= limit;
    };

    /**
     * Room of a series move at these corners, per group: how far `t` may go down and up
     * before a number goes below 0 (or a part above its total), and the price of hiding
     * the shown numbers it touches.
     */
    const room = (move: SeriesMove, corners: readonly Corner[], groups: number): Room => {
      const down = new Array<number>(groups).fill(INF);
      const up = new Array<number>(groups).fill(INF);
      const price = new Array<number>(groups).fill(0);
      const fresh = new Array<number>(groups).fill(0);
      const loss = new Array<number>(groups).fill(0);
      for (const corner of corners) {
        const g = corner.group;
        for (let i = 0; i < move.series.length; i++) {
          const variable = move.series[i]! * nodeCount + corner.node;
          const c = move.coefficients[i]! * corner.sign;
          const x = values[variable] ?? 0;
          if (c > 0) down[g] = Math.min(down[g]!, Math.floor(x / c));
          else up[g] = Math.min(up[g]!, Math.floor(x / -c));
          if (!hidden[variable]) {
            price[g]! += cost[variable] ?? 0;
            fresh[g]!++;
            loss[g]! += x;
          }
        }
        for (let i = 0; i < move.slackBounds.length; i++) {
          const bound = problem.bounds[move.slackBounds[i]!]!;
          const slack = (values[bound.total * nodeCount + corner.node] ?? 0) - (values[bound.part * nodeCount + corner.node] ?? 0);
          const c = move.slackCoefficients[i]! * corner.sign;
          if (c > 0) down[g] = Math.min(down[g]!, Math.floor(slack / c));
          else up[g] = Math.min(up[g]!, Math.floor(slack / -c));
        }
      }
      return { down, up, price, fresh, loss };
    };

    /**
     * Range and cost of the series moves together; undefined when too narrow or dearer than
     * `limit`. With a star, the target's side moves by the sum of what every partner gives,
     * so its range is the smaller of its own room and the partners' rooms added up; partners
     * that give nothing are left out, then the dearest while the range still holds.
     */
    const settle = (parts: ReadonlyArray<{ move: SeriesMove; room: Room }>, groups: number, limit: number): Settled | undefined => {
      const down = new Array<number>(groups).fill(INF);
      const up = new Array<number>(groups).fill(INF);
      const price = new Array<number>(groups).fill(0);
      const fresh = new Array<number>(groups).fill(0);
      const loss = new Array<number>(groups).fill(0);
      for (const { room: r } of parts) {
        for (let g = 0; g < groups; g++) {
          down[g] = Math.min(down[g]!, r.down[g]!);
          up[g] = Math.min(up[g]!, r.up[g]!);
          price[g]! += r.price[g]!;
          fresh[g]! += r.fresh[g]!;
          loss[g]! += r.loss[g]!;
        }
      }
      const arms: number[] = [];
      for (let g = 1; g < groups; g++) if (down[g]! + up[g]! > 0) arms.push(g);
      const width = (list: readonly number[]): number => {
        if (groups === 1) return down[0]! + up[0]!;
        let sumDown = 0;
        let sumUp = 0;
        for (const g of list) {
          sumDown += down[g]!;
          sumUp += up[g]!;
        }
        return Math.min(down[0]!, sumDown) + Math.min(up[0]!, sumUp);
      };
      if (width(arms) < protection) return undefined;
      arms.sort((p, q) => price[q]! - price[p]!);
      for (let i = 0; i < arms.length; ) {
        const without = arms.filter((_, j) => j !== i);
        if (without.length > 0 && width(without) >= protection) arms.splice(i, 1);
        else i++;
      }
      let total = price[0]!;
      let totalFresh = fresh[0]!;
      let totalLoss = loss[0]!;
      for (const g of arms) {
        total += price[g]!;
        totalFresh += fresh[g]!;
        totalLoss += loss[g]!;
      }
      if (total > limit) return undefined;
      // A partner's own numbers are certified when its move alone has the range.
      const certifiedArms = arms.filter((g) => Math.min(down[g]!, down[0]!) + Math.min(up[g]!, up[0]!) >= protection);
      return { cost: total, fresh: totalFresh, loss: totalLoss, width: width(arms), parts: parts.map((p) => p.move), arms, certifiedArms };
    };

    /**
     * The join: one more respondent, with one answer per question. Its range is the room
     * on the target's side going down plus the room going up, over every answer it gives;
     * so for each floor `τ` going down, every question takes the answer with the most room
     * going up among those with at least `τ` going down, and the cheapest floor that
     * reaches the protection wins.
     */
    const evaluateJoin = (target: number, corners: readonly Corner[], groups: number, limit: number): Settled | undefined => {
      const join = moves.join!;
      const head = room(RESPONDENT, corners, groups);
      // No answer can widen what the respondent count itself allows.
      let headUp = groups === 1 ? INF : 0;
      let headDown = groups === 1 ? INF : 0;
      for (let g = 1; g < groups; g++) {
        headUp += head.up[g]!;
        headDown += head.down[g]!;
      }
      if (Math.min(head.down[0]!, headDown) + Math.min(head.up[0]!, headUp) < protection) return undefined;
      /** Room going up, on the target's side and (with a star) from every partner. */
      const reach = (r: Room): number => {
        let sum = groups === 1 ? INF : 0;
        for (let g = 1; g < groups; g++) sum += r.up[g]!;
        return Math.min(r.up[0]!, sum, protection);
      };
      const units: Array<Array<{ move: SeriesMove; room: Room; reach: number; price: number }>> = [];
      // Bounds as the units come: a join is no wider than its narrowest unit allows, and no
      // cheaper than every unit's cheapest answer; most cubes fail one of them early.
      let most = INF;
      let least = 0;
      for (let g = 0; g < groups; g++) least += head.price[g]!;
      for (const unit of join.units) {
        // The unit's options that touch the target must be used when there are any.
        let candidates = unit.options;
        if (target !== respondents) {
          const touching = unit.options.filter((o) => o.touches.has(target));
          if (touching.length > 0) candidates = touching;
        }
        let down = 0;
        let up = 0;
        let cheapest = INF;
        const rated = candidates.map((option) => {
          const r = room(option.move, corners, groups);
          let price = 0;
          for (const p of r.price) price += p;
          const rate = reach(r);
          down = Math.max(down, r.down[0]!);
          up = Math.max(up, rate);
          cheapest = Math.min(cheapest, price);
          return { move: option.move, room: r, reach: rate, price };
        });
        most = Math.min(most, Math.min(down, protection) + up);
        least += cheapest;
        if (most < protection || least > limit) return undefined;
        units.push(rated);
      }
      let chosen: Settled | undefined;
      const floors = new Set<number>([0, Math.min(head.down[0]!, protection)]);
      for (const unit of units) for (const option of unit) if (option.room.down[0]! < protection) floors.add(option.room.down[0]!);
      for (const floor of floors) {
        if (floor > head.down[0]!) continue;
        const parts: Array<{ move: SeriesMove; room: Room }> = [{ move: RESPONDENT, room: head }];
        for (const unit of units) {
          let pick: (typeof unit)[number] | undefined;
          for (const option of unit) {
            if (option.room.down[0]! < floor) continue;
            if (!pick || option.reach > pick.reach || (option.reach === pick.reach && option.price < pick.price)) pick = option;
          }
          if (!pick) break;
          parts.push(pick);
        }
        if (parts.length < units.length + 1) continue;
        const result = settle(parts, groups, Math.min(limit, chosen?.cost ?? INF));
        if (result) chosen = better(chosen, result);
      }
      return chosen;
    };

    // A diagonal star: the target's cell and every cell above it but the grand total, against
    // cells that differ from it in every totalled segment (and so share only that total).

    /** Whether a cube newly hides a number at a total over two or more segments. */
    const hidesHigh = (move: Scored): boolean => {
      for (const corner of move.corners) {
        let level = 0;
        for (const d of totalled) if (coordinateOf(corner.node, d) === shape.radix[d]! - 1) level++;
        if (level < 2) continue;
        for (const part of move.parts) {
          for (const series of part.series) if (!hidden[series * nodeCount + corner.node]) return true;
        }
      }
      return false;
    };

    /** Built when first needed (after the cubes of the first pass). */
    let diagonal: { corners: Corner[]; groups: number } | null | undefined;

    // Every combination of partners (at most one star): a hypercube of cells.
    const canJoin = moves.join !== undefined && (s === respondents || moves.join.optionsOf.has(s));
    for (const pass of canJoin ? [false, true] : [false]) {
      if (best) break;
      joins = pass;
      search();
    }
    function search(): void {
      // Plain cubes first: the best of them bounds the price of every star after.
      sweep(0);
      // Stars exist to keep totals over two or more segments (the headline numbers) shown:
      // when the best cube hides none, they are not tried.
      if (best && (best.cost === 0 || !hidesHigh(best))) return;
      sweep(1);
      if (best && best.cost === 0) return;
      diagonal ??= diagonalStar(node, s) ?? null;
      if (diagonal) {
        consider(diagonal.corners, diagonal.groups);
        if (!joins) {
          const paired = pairedDiagonal(s, node, best?.cost ?? INF);
          if (paired) best = better(best, paired);
        }
      }
    }
    function sweep(wanted: number): void {
      const choice = new Int32Array(dims);
      for (;;) {
        let stars = 0;
        for (let d = 0; d < dims; d++) if (options[d]![choice[d]!]!.star) stars++;
        if (stars === wanted) {
          let corners: Corner[] = [{ node: 0, sign: 1, group: 0 }];
          let groups = 1;
          for (let d = 0; d < dims; d++) {
            const option = options[d]![choice[d]!]!;
            const next: Corner[] = [];
            for (const corner of corners) {
              option.cells.forEach(([position, sign], i) => {
                next.push({ node: corner.node + position * shape.stride[d]!, sign: corner.sign * sign, group: option.star ? i : corner.group });
              });
            }
            if (option.star) groups = option.cells.length;
            corners = next;
          }
          consider(corners, groups);
          if (best && best.cost === 0) break;
        }
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
    const kept = new Set([0, ...best.arms]);
    const certifies = new Set([0, ...best.certifiedArms]);
    const sides = best.sides ?? new Map<number, { variables: number[]; coefficients: number[] }>();
    for (const corner of best.sides ? [] : best.corners) {
      if (!kept.has(corner.group)) continue;
      let side = sides.get(corner.group);
      if (!side) sides.set(corner.group, (side = { variables: [], coefficients: [] }));
      for (const part of best.parts) {
        for (let i = 0; i < part.series.length; i++) {
          side.variables.push(part.series[i]! * nodeCount + corner.node);
          side.coefficients.push(part.coefficients[i]! * corner.sign);
        }
      }
    }
    const headSide = sides.get(0)!;
    const armSides = best.arms.map((g) => sides.get(g)!);
    problem.record?.(headSide.variables, headSide.coefficients, best.width, armSides.length > 0 ? armSides : undefined);
    for (const [group, side] of sides) {
      for (const variable of side.variables) {
        hidden[variable] = 1;
        if (certifies.has(group)) certified[variable] = 1;
      }
    }
  }
  return { certified, uncertified: uncertified.filter((v) => !certified[v]), moves: chosen };
}

/** No arms (a plain cube). */
const NO_ARMS: readonly number[] = [];

/** Partners a star takes from, at most (the best ranked). */
const STAR_ARMS = 4;

/** Room of a series move per group of corners (see `room`). */
interface Room {
  readonly down: number[];
  readonly up: number[];
  readonly price: number[];
  readonly fresh: number[];
  readonly loss: number[];
}

/** A move that reaches the protection: its price, range, series parts and the arms kept. */
interface Settled {
  readonly cost: number;
  readonly fresh: number;
  readonly loss: number;
  readonly width: number;
  readonly parts: SeriesMove[];
  readonly arms: readonly number[];
  readonly certifiedArms: readonly number[];
}

/** A settled move with its cells. */
interface Scored extends Settled {
  readonly join: boolean;
  readonly corners: readonly Corner[];
  /** The move's variables by group, when it is not one series move over its corners. */
  readonly sides?: Map<number, { variables: number[]; coefficients: number[] }>;
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
