// The optimum the suppression benchmark compares against: the fewest hidden numbers that
// satisfy the rules, for a table small enough (one single-choice question, a few segment
// values), by a mixed-integer program solved with HiGHS. Written for the benchmark from the
// rules, not from the engine, so it can disagree with it.
//
// The table: every combination of a value or a total per segment key (a lattice of nodes);
// per node the numbers respondents, base, missing, one count per category and one per
// grouping; equations: each number adds up over every totalled segment, respondents = base +
// missing, base = Σ counts, grouping = Σ its counts.
//
// The rules: a number below k is hidden (a 0 of "missing" may be shown); every hidden
// number of a node with respondents (others protect nobody, as in the engine) has an
// attacker interval at least `protection` wide, where the attacker knows every shown number,
// every equation and that numbers are ≥ 0 (intervals from the LP, rounded inwards).
//
// The method (Fischetti and Salazar's, as in τ-ARGUS's optimal method): a master MIP over
// binaries x (1 = hidden) minimising the number hidden, with the rule "no equation with one
// hidden member" from the start; then, for the master's solution, the attacker's LP for every
// hidden number; each one narrower than the protection level gives a cut from the LP's duals,
// valid for every x: width_i(x) ≤ Σ_j g_j x_j, so Σ_j g_j x_j ≥ protection · x_i. The attacker
// in the cut is given an upper bound N (the grand total of respondents) on every number,
// which it knows whenever that total is shown. Repeat until the master's solution passes:
// then it is optimal. Stopped early, the master's objective is a lower bound.

/** The table of one choice question of a tally (segments as in the tally, all totals). */
export function tableOf(tally, questionName, groupings) {
  const question = tally.questions.find((q) => q.name === questionName);
  if (!question || question.kind !== 'choice') throw new Error(`${questionName} is not a choice question`);
  const dims = tally.segments.length;
  const values = Array.from({ length: dims }, () => []);
  for (const key of Object.keys(tally.respondents)) {
    JSON.parse(key).forEach((value, d) => {
      if (!values[d].includes(value)) values[d].push(value);
    });
  }
  const radix = values.map((list) => list.length + 1); // last index = total
  const stride = [];
  let nodes = 1;
  for (let d = dims - 1; d >= 0; d--) {
    stride[d] = nodes;
    nodes *= radix[d];
  }
  const coordinate = (node, d) => Math.floor(node / stride[d]) % radix[d];
  const isTotal = (node, d) => coordinate(node, d) === radix[d] - 1;
  const groups = Object.entries(groupings ?? {});
  const categories = question.categories.map((c) => c.value);
  const series = ['respondents', 'base', 'missing', ...categories.map((c) => `count:${c}`), ...groups.map(([g]) => `group:${g}`)];
  const S = series.length;
  const n = S * nodes;
  const variable = (s, node) => s * nodes + node;
  const value = new Float64Array(n);
  // Raw cells feed every node that totals them.
  for (const [key, respondents] of Object.entries(tally.respondents)) {
    const raw = JSON.parse(key);
    const cell = question.cells[key];
    const numbers = [
      respondents,
      cell?.base ?? 0,
      respondents - (cell?.base ?? 0),
      ...categories.map((_, c) => cell?.counts[c] ?? 0),
      ...groups.map(([, members]) => members.reduce((sum, member) => sum + (cell?.counts[categories.indexOf(member)] ?? 0), 0)),
    ];
    for (let mask = 0; mask < 1 << dims; mask++) {
      let node = 0;
      for (let d = 0; d < dims; d++) node += stride[d] * (mask & (1 << d) ? radix[d] - 1 : values[d].indexOf(raw[d]));
      numbers.forEach((number, s) => (value[variable(s, node)] += number));
    }
  }
  const equations = [];
  for (let s = 0; s < S; s++) {
    for (let node = 0; node < nodes; node++) {
      for (let d = 0; d < dims; d++) {
        if (!isTotal(node, d)) continue;
        const base = node - stride[d] * (radix[d] - 1);
        equations.push([variable(s, node), ...Array.from({ length: radix[d] - 1 }, (_, v) => variable(s, base + stride[d] * v))]);
      }
    }
  }
  for (let node = 0; node < nodes; node++) {
    equations.push([variable(0, node), variable(1, node), variable(2, node)]);
    equations.push([variable(1, node), ...categories.map((_, c) => variable(3 + c, node))]);
    groups.forEach(([, members], g) => equations.push([variable(3 + categories.length + g, node), ...members.map((m) => variable(3 + categories.indexOf(m), node))]));
  }
  const exempt = new Uint8Array(n);
  for (let node = 0; node < nodes; node++) if (value[variable(0, node)] === 0) for (let s = 0; s < S; s++) exempt[variable(s, node)] = 1;
  const zeroIsSafe = new Uint8Array(n);
  for (let node = 0; node < nodes; node++) zeroIsSafe[variable(2, node)] = 1;
  const grandTotal = value[variable(0, nodes - 1)];
  return { n, value, equations, exempt, zeroIsSafe, grandTotal, nodes, series };
}

/**
 * The fewest hidden numbers of `table` under the rules (see the module comment).
 * Returns `{ hidden, lowerBound, optimal, iterations, cuts, ms }`; `hidden` is the best
 * solution that passed the attacker (undefined if none did within the limit).
 */
export function optimalSuppression(highs, table, { k, protection = k, limitSeconds = 120 }) {
  const start = performance.now();
  const { n, value, equations, exempt, zeroIsSafe, grandTotal } = table;
  const primary = new Uint8Array(n);
  for (let j = 0; j < n; j++) if (value[j] < k && !(value[j] === 0 && zeroIsSafe[j])) primary[j] = 1;

  // The attacker: A w = 0 over deviations w = y − value, bounds set from x per round.
  const rowStarts = [0];
  const rowIndex = [];
  const rowValue = [];
  for (const [total, ...parts] of equations) {
    rowIndex.push(total, ...parts);
    rowValue.push(-1, ...parts.map(() => 1));
    rowStarts.push(rowIndex.length);
  }
  const attacker = highs.createModel({
    numCols: n,
    numRows: equations.length,
    colCost: new Float64Array(n),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n),
    rowLower: new Float64Array(equations.length),
    rowUpper: new Float64Array(equations.length),
    matrix: { format: 'csr', numRows: equations.length, numCols: n, starts: rowStarts, indices: rowIndex, values: rowValue },
  });
  attacker.options.set({ output_flag: false, presolve: 'off' });

  const master = highs.createModel({
    numCols: n,
    numRows: 0,
    colCost: new Float64Array(n).fill(1),
    colLower: Float64Array.from(primary),
    colUpper: new Float64Array(n).fill(1),
    rowLower: new Float64Array(0),
    rowUpper: new Float64Array(0),
    matrix: { format: 'csr', numRows: 0, numCols: n, starts: [0], indices: [], values: [] },
    integrality: new Int32Array(n).fill(1),
  });
  master.options.set({ output_flag: false, mip_rel_gap: 0 });
  let cuts = 0;
  const addCut = (coefficients) => {
    const indices = [];
    const values = [];
    for (const [j, c] of coefficients) {
      if (Math.abs(c) < 1e-9) continue;
      indices.push(j);
      values.push(c);
    }
    master.addRow(0, highs.infinity, { indices, values });
    cuts++;
  };
  // An equation with one hidden member gives it away: x_i ≤ Σ other members' x.
  for (const members of equations) {
    for (const i of members) {
      if (exempt[i]) continue;
      const row = new Map(members.filter((j) => j !== i).map((j) => [j, 1]));
      row.set(i, (row.get(i) ?? 0) - 1);
      addCut(row);
    }
  }

  let lowerBound = 0;
  let best;
  let iterations = 0;
  let optimal = false;
  const costs = new Float64Array(n);
  const max = highs.constants.objectiveSense.maximize;
  for (;;) {
    const left = limitSeconds - (performance.now() - start) / 1000;
    if (left <= 1) break;
    iterations++;
    master.options.set({ time_limit: left });
    const masterStart = performance.now();
    master.run();
    const status = master.getModelStatus();
    const dual = master.info.get('mip_dual_bound');
    if (typeof dual === 'number' && Number.isFinite(dual)) lowerBound = Math.max(lowerBound, Math.ceil(dual - 1e-6));
    if (status !== highs.constants.modelStatus.optimal) break;
    lowerBound = Math.max(lowerBound, Math.round(master.getObjectiveValue()));
    const x = master.getSolution().colValue.map((v) => (v > 0.5 ? 1 : 0));
    const separating = performance.now();
    // The attacker for this x: hidden numbers between 0 and N, shown ones fixed.
    const lower = new Float64Array(n);
    const upper = new Float64Array(n);
    for (let j = 0; j < n; j++) if (x[j]) [lower[j], upper[j]] = [-value[j], grandTotal - value[j]];
    attacker.changeColsBounds({ kind: 'range', from: 0, to: n - 1 }, lower, upper);
    let failing = 0;
    // Every attacker solution is a table consistent with the publication: a number already
    // seen at two values far enough apart needs no LP of its own this round.
    const seenLow = new Float64Array(n);
    const seenHigh = new Float64Array(n);
    const witness = () => {
      const w = attacker.getSolution().colValue;
      for (let j = 0; j < n; j++) {
        if (w[j] < seenLow[j]) seenLow[j] = w[j];
        if (w[j] > seenHigh[j]) seenHigh[j] = w[j];
      }
    };
    const wide = (i) => Math.floor(value[i] + seenHigh[i] + 1e-6) - Math.ceil(value[i] + seenLow[i] - 1e-6) >= protection;
    for (let i = 0; i < n; i++) {
      if (!x[i] || exempt[i] || wide(i)) continue;
      if ((performance.now() - start) / 1000 > limitSeconds) break;
      const side = (sign) => {
        costs.fill(0);
        costs[i] = sign;
        attacker.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, costs);
        attacker.changeObjectiveSense(max);
        attacker.run();
        const reach = attacker.getObjectiveValue(); // how far y_i can move in this direction
        witness();
        const reduced = attacker.getSolution().colDual;
        // Weak duality: for any x, reach(x) ≤ Σ_j x_j (upper_j·d_j⁺ + value_j·d_j⁻) with d the
        // reduced costs; HiGHS's sign convention for them is checked against the optimum.
        for (const s of [1, -1]) {
          const g = new Float64Array(n);
          let atX = 0;
          for (let j = 0; j < n; j++) {
            const d = s * reduced[j];
            g[j] = (grandTotal - value[j]) * Math.max(d, 0) + value[j] * Math.max(-d, 0);
            atX += g[j] * x[j];
          }
          if (Math.abs(atX - reach) <= 1e-6 * Math.max(1, Math.abs(reach))) return { reach, g };
        }
        return { reach, g: undefined };
      };
      const up = side(1);
      const down = side(-1);
      const width = Math.floor(value[i] + up.reach + 1e-6) - Math.ceil(value[i] - down.reach - 1e-6);
      if (width >= protection) continue;
      failing++;
      const row = new Map();
      if (up.g && down.g && up.reach + down.reach < protection - 1e-6) {
        for (let j = 0; j < n; j++) if (up.g[j] + down.g[j] > 1e-9) row.set(j, up.g[j] + down.g[j]);
        row.set(i, (row.get(i) ?? 0) - protection);
      } else {
        // Narrow only after rounding, or duals unreadable: hiding more is needed (hiding
        // never narrows an interval), so one more of the shown numbers must be hidden.
        for (let j = 0; j < n; j++) if (!x[j]) row.set(j, 1);
        row.set(i, -1);
      }
      addCut(row);
    }
    if (process.env.PV_DEBUG_MIP) console.log(`master ${lowerBound} in ${(separating - masterStart).toFixed(0)} ms; ${failing} failing, separation ${(performance.now() - separating).toFixed(0)} ms`);
    if (failing === 0 && (performance.now() - start) / 1000 <= limitSeconds) {
      best = x.reduce((a, b) => a + b, 0);
      optimal = true;
      break;
    }
  }
  master.dispose();
  attacker.dispose();
  return { hidden: best, lowerBound, optimal, iterations, cuts, ms: performance.now() - start };
}
