/**
 * Test and benchmark support (not part of the package's API): a 40-question survey that
 * uses every tallied question type, a seeded generator of responses to it (with missing
 * answers, out-of-definition values, duplicates and an unknown question), and the SQL that
 * computes the same counts in DuckDB, so the tally can be checked against an independent
 * engine and timed against it on identical data.
 */
import { readDefinition } from './definition.js';
import { cellKey, type DefinitionDescriptor, type QuestionDescriptor, type SegmentValue, type Tally, type WireResponse } from './types.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same data in every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FEELINGS = ['never', 'rarely', 'sometimes', 'often', 'a_lot', 'prefer_not_to_say'];

/** The benchmark survey: 40 questions covering every kind the tally distinguishes. */
export function syntheticDefinition(): Record<string, unknown> {
  const elements: Record<string, unknown>[] = [];
  let n = 0;
  const name = () => `q${String(++n).padStart(2, '0')}`;
  for (let i = 0; i < 14; i++) elements.push({ type: 'radiogroup', name: name(), title: `How often ${i}?`, choices: FEELINGS });
  for (let i = 0; i < 6; i++) elements.push({ type: 'rating', name: name(), rateMin: 1, rateMax: 5 });
  for (let i = 0; i < 4; i++) elements.push({ type: 'boolean', name: name() });
  for (let i = 0; i < 2; i++) elements.push({ type: 'dropdown', name: name(), choices: ['bus', 'car', 'walk', 'cycle', 'train', 'other_way', 'pnts'] });
  for (let i = 0; i < 5; i++) {
    elements.push({ type: 'checkbox', name: name(), choices: ['classroom', 'corridor', 'toilets', 'online', 'outside'], showNoneItem: true });
  }
  for (let i = 0; i < 3; i++) {
    elements.push({ type: 'matrix', name: name(), rows: ['safe', 'listened', 'respected', 'told'], columns: [1, 2, 3, 4, 5] });
  }
  for (let i = 0; i < 2; i++) elements.push({ type: 'ranking', name: name(), choices: ['teacher', 'friend', 'parent', 'online'] });
  for (let i = 0; i < 2; i++) elements.push({ type: 'text', inputType: 'number', name: name() });
  elements.push({ type: 'comment', name: name() });
  elements.push({ type: 'text', name: name() });
  return { title: 'Synthetic pupil voice', pages: [{ name: 'p1', elements: elements.slice(0, 20) }, { name: 'p2', elements: [{ type: 'panel', name: 'panel1', elements: elements.slice(20) }] }] };
}

/** Segment keys of the generated responses (all in `meta`). */
export const SYNTHETIC_SEGMENTS = ['audience', 'school', 'year', 'sex'] as const;

export interface GenerateOptions {
  seed?: number;
  schools?: number;
  /** Share of answers left out (default 0.05). */
  missing?: number;
  /** Share of answers with a value outside the definition (default 0.005). */
  unknown?: number;
}

/**
 * Responses in the collector's wire format. Values are typed the way SurveyJS stores them
 * (numbers for ratings, booleans, arrays, objects for matrices); a few numeric answers are
 * numeric strings and a few are not numbers at all.
 */
export function generateResponses(definition: DefinitionDescriptor, count: number, options: GenerateOptions = {}): WireResponse[] {
  const next = random(options.seed ?? 1);
  const schools = options.schools ?? 500;
  const missing = options.missing ?? 0.05;
  const unknown = options.unknown ?? 0.005;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const audiences = ['pupil', 'pupil', 'pupil', 'parent', 'staff'];
  const sexes = ['girl', 'boy', 'other'];
  const schoolIds = Array.from({ length: schools }, (_, i) => `S${String(i + 1).padStart(4, '0')}`);
  const out: WireResponse[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const data: Record<string, unknown> = {};
    for (const question of definition.questions) {
      if (next() < missing) continue;
      const odd = next() < unknown;
      data[question.name] = answer(question, odd, next, pick);
    }
    if (next() < 0.001) data['legacy_item'] = pick(['yes', 'no']);
    const meta: Record<string, unknown> = { audience: pick(audiences), school: pick(schoolIds), year: 7 + Math.floor(next() * 7) };
    if (next() > 0.01) meta['sex'] = pick(sexes);
    out[r] = { id: `r${r}`, data, meta };
  }
  return out;
}

function answer(question: QuestionDescriptor, odd: boolean, next: () => number, pick: <T>(list: readonly T[]) => T): unknown {
  switch (question.kind) {
    case 'choice': {
      if (odd) return question.type === 'rating' ? 9 : 'retired_choice';
      const value = pick(question.categories).value;
      if (question.type === 'rating') return Number(value);
      if (question.type === 'boolean') return value === 'true';
      return value;
    }
    case 'multi': {
      const values = question.categories.map((category) => category.value).filter(() => next() < 0.3);
      if (odd) values.push('retired_place', 'retired_place');
      if (next() < 0.01 && values.length > 0) values.push(values[0] as string);
      return values;
    }
    case 'matrix': {
      const value: Record<string, unknown> = {};
      for (const row of question.rows) if (next() > 0.03) value[row.value] = Number(pick(question.columns).value);
      if (odd) value['old_row'] = 3;
      if (odd && question.rows[0]) value[question.rows[0].value] = 7;
      return value;
    }
    case 'ranking': {
      const values = question.categories.map((category) => category.value);
      for (let i = values.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [values[i], values[j]] = [values[j] as string, values[i] as string];
      }
      if (next() < 0.1) values.length = 2; // partial ranking
      if (odd) values.splice(1, 0, 'retired_helper');
      return values;
    }
    case 'numeric':
      if (odd) return 'about ten';
      return next() < 0.05 ? String(Math.floor(next() * 40)) : Math.floor(next() * 40) + (next() < 0.1 ? 0.5 : 0);
    case 'text':
      return next() < 0.3 ? '' : 'some words';
  }
}

/** A response as one flat row (segments beside answers), the shape loaded into DuckDB. */
export function flatRow(response: WireResponse): Record<string, unknown> {
  return { ...response.meta, ...response.data };
}

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** DuckDB `read_json` column types for the flat rows. */
export function duckdbColumns(definition: DefinitionDescriptor, segments: readonly string[], extra: readonly string[] = []): string {
  const columns: string[] = segments.map((key) => `${ident(key)}: 'VARCHAR'`);
  for (const question of definition.questions) {
    const type = question.kind === 'multi' || question.kind === 'ranking' ? 'VARCHAR[]' : question.kind === 'matrix' ? 'MAP(VARCHAR, VARCHAR)' : 'VARCHAR';
    columns.push(`${ident(question.name)}: '${type}'`);
  }
  for (const key of extra) columns.push(`${ident(key)}: 'VARCHAR'`);
  return `{${columns.join(', ')}}`;
}

/** One reference query: rows of segment values, then `slot` and `n`. */
export interface ReferenceQuery {
  question: string;
  sql: string;
}

const caseOf = (expression: string, values: readonly string[], slot: (index: number) => string, otherwise: string) =>
  `CASE ${values.map((value, i) => `WHEN ${expression} = ${sqlString(value)} THEN '${slot(i)}'`).join(' ')} ELSE '${otherwise}' END`;

/**
 * SQL over table `responses` that yields, for each question, `(segments…, slot, n)` rows:
 * the same numbers a tally holds, computed independently by DuckDB. Slots are named as in
 * {@link tallySlots}.
 */
export function referenceQueries(definition: DefinitionDescriptor, segments: readonly string[], extraKeys: readonly string[] = []): ReferenceQuery[] {
  const S = segments.map(ident).join(', ');
  const s = segments.length > 0 ? `${S}, ` : '';
  const groupBy = 'GROUP BY ALL';
  const queries: ReferenceQuery[] = [{ question: '', sql: `SELECT ${s}'respondents' AS slot, count(*) AS n FROM responses ${groupBy}` }];
  for (const question of definition.questions) {
    const q = ident(question.name);
    let sql: string;
    switch (question.kind) {
      case 'choice': {
        const values = question.categories.map((category) => category.value);
        sql = `SELECT ${s}CASE WHEN ${q} IS NULL OR ${q} = '' THEN 'notAnswered' ELSE ${caseOf(q, values, (i) => `c:${i}`, 'unknown')} END AS slot, count(*) AS n FROM responses ${groupBy}`;
        break;
      }
      case 'multi': {
        const values = question.categories.map((category) => category.value);
        sql = `WITH x AS (SELECT ${s}list_distinct(list_filter(${q}, e -> e IS NOT NULL AND e <> '')) AS l FROM responses)
          SELECT ${s}slot, count(*) AS n FROM (
            SELECT ${s}unnest(list_prepend(CASE WHEN l IS NULL OR len(l) = 0 THEN 'notAnswered' ELSE 'answered' END,
              list_transform(coalesce(l, []), e -> ${caseOf('e', values, (i) => `c:${i}`, 'unknownSelections')}))) AS slot FROM x
          ) ${groupBy}
          UNION ALL SELECT ${s}'selections' AS slot, sum(len(l))::BIGINT AS n FROM x WHERE len(l) > 0 ${groupBy}`;
        break;
      }
      case 'matrix': {
        // One scan: each response yields one slot per row plus its answered/not answered slot.
        const rows = question.rows.map((row) => row.value);
        const columns = question.columns.map((column) => column.value);
        const perRow = rows.map((row, r) => {
          const v = `${q}[${sqlString(row)}]`;
          return `CASE WHEN ${v} IS NULL OR ${v} = '' THEN 'rn:${r}' ELSE ${caseOf(v, columns, (c) => `c:${r}:${c}`, `ru:${r}`)} END`;
        });
        const rowList = `[${rows.map(sqlString).join(', ')}]`;
        const unknownRows = `len(list_filter(map_entries(${q}), e -> NOT list_contains(${rowList}, e.key) AND coalesce(e.value, '') <> ''))`;
        const knownAnswered = rows.map((row) => `coalesce(${q}[${sqlString(row)}], '') <> ''`).join(' OR ');
        const answered = `CASE WHEN ${q} IS NOT NULL AND (${knownAnswered} OR ${unknownRows} > 0) THEN 'answered' ELSE 'notAnswered' END`;
        sql = `SELECT ${s}slot, count(*) AS n FROM (SELECT ${s}unnest([${perRow.join(', ')}, ${answered}]) AS slot FROM responses) ${groupBy}
          UNION ALL SELECT ${s}'unknownRows' AS slot, sum(${unknownRows})::BIGINT AS n FROM responses WHERE ${q} IS NOT NULL ${groupBy}`;
        break;
      }
      case 'ranking': {
        const values = question.categories.map((category) => category.value);
        const size = values.length;
        const index = `CASE ${values.map((value, i) => `WHEN e = ${sqlString(value)} THEN ${i}`).join(' ')} END`;
        sql = `WITH x AS (SELECT ${s}${q} AS l FROM responses)
          SELECT ${s}slot, sum(n)::BIGINT AS n FROM (
            SELECT ${s}CASE WHEN l IS NULL OR len(l) = 0 THEN 'notAnswered' ELSE 'answered' END AS slot, 1 AS n FROM x
            UNION ALL SELECT ${s}CASE WHEN i IS NULL OR pos - 1 >= ${size} OR list_position(l, e) < pos THEN 'unknown' ELSE 'c:' || i || ':' || (pos - 1) END AS slot, 1 AS n
              FROM (SELECT ${s}l, e, pos, ${index} AS i FROM (SELECT ${s}l, unnest(l) AS e, generate_subscripts(l, 1) AS pos FROM x WHERE len(l) > 0))
          ) ${groupBy}`;
        break;
      }
      case 'numeric': {
        const x = `TRY_CAST(${q} AS DOUBLE)`;
        sql = `SELECT ${s}unnest(['count', 'sum', 'sumSquares', 'min', 'max', 'unknown', 'notAnswered']) AS slot,
            unnest([count(${x})::DOUBLE, coalesce(sum(${x}), 0), coalesce(sum(${x} * ${x}), 0), min(${x}), max(${x}),
              count(*) FILTER (WHERE ${q} IS NOT NULL AND ${q} <> '' AND ${x} IS NULL)::DOUBLE,
              count(*) FILTER (WHERE ${q} IS NULL OR ${q} = '')::DOUBLE]) AS n
            FROM responses ${groupBy}`;
        break;
      }
      case 'text':
        sql = `SELECT ${s}CASE WHEN ${q} IS NULL OR ${q} = '' THEN 'notAnswered' ELSE 'answered' END AS slot, count(*) AS n FROM responses ${groupBy}`;
        break;
    }
    queries.push({ question: question.name, sql });
  }
  for (const key of extraKeys) {
    const q = ident(key);
    queries.push({ question: `?${key}`, sql: `SELECT ${s}'unknownQuestion' AS slot, count(*) AS n FROM responses WHERE ${q} IS NOT NULL AND ${q} <> '' ${groupBy}` });
  }
  return queries;
}

/** Key of one number in the canonical comparison form: question, cell, slot. */
export const slotKey = (question: string, cell: string, slot: string) => `${question}\u0000${cell}\u0000${slot}`;

/**
 * Every non-zero number of a tally, under the slot names the reference SQL uses. Numeric
 * min/max of empty cells are left out (SQL gives NULL); quantile sketches are compared
 * separately.
 */
export function tallySlots(tally: Tally): Map<string, number> {
  const out = new Map<string, number>();
  const put = (question: string, cell: string, slot: string, n: number | null) => {
    if (n !== null && n !== 0) out.set(slotKey(question, cell, slot), n);
  };
  for (const [cell, n] of Object.entries(tally.respondents)) put('', cell, 'respondents', n);
  for (const question of tally.questions) {
    const q = question.name;
    for (const [cell, value] of Object.entries(question.cells)) {
      switch (question.kind) {
        case 'choice': {
          const c = value as { counts: number[]; unknown: number; notAnswered: number };
          c.counts.forEach((n, i) => put(q, cell, `c:${i}`, n));
          put(q, cell, 'unknown', c.unknown);
          put(q, cell, 'notAnswered', c.notAnswered);
          break;
        }
        case 'multi': {
          const c = value as { counts: number[]; answered: number; notAnswered: number; selections: number; unknownSelections: number };
          c.counts.forEach((n, i) => put(q, cell, `c:${i}`, n));
          put(q, cell, 'answered', c.answered);
          put(q, cell, 'notAnswered', c.notAnswered);
          put(q, cell, 'selections', c.selections);
          put(q, cell, 'unknownSelections', c.unknownSelections);
          break;
        }
        case 'matrix': {
          const c = value as { counts: number[][]; rowUnknown: number[]; rowNotAnswered: number[]; answered: number; notAnswered: number; unknownRows: number };
          c.counts.forEach((row, r) => row.forEach((n, k) => put(q, cell, `c:${r}:${k}`, n)));
          c.rowUnknown.forEach((n, r) => put(q, cell, `ru:${r}`, n));
          c.rowNotAnswered.forEach((n, r) => put(q, cell, `rn:${r}`, n));
          put(q, cell, 'answered', c.answered);
          put(q, cell, 'notAnswered', c.notAnswered);
          put(q, cell, 'unknownRows', c.unknownRows);
          break;
        }
        case 'ranking': {
          const c = value as { counts: number[][]; answered: number; notAnswered: number; unknown: number };
          c.counts.forEach((row, i) => row.forEach((n, p) => put(q, cell, `c:${i}:${p}`, n)));
          put(q, cell, 'answered', c.answered);
          put(q, cell, 'notAnswered', c.notAnswered);
          put(q, cell, 'unknown', c.unknown);
          break;
        }
        case 'numeric': {
          const c = value as { count: number; sum: number; sumSquares: number; min: number | null; max: number | null; unknown: number; notAnswered: number };
          put(q, cell, 'count', c.count);
          put(q, cell, 'sum', c.sum);
          put(q, cell, 'sumSquares', c.sumSquares);
          put(q, cell, 'min', c.min);
          put(q, cell, 'max', c.max);
          put(q, cell, 'unknown', c.unknown);
          put(q, cell, 'notAnswered', c.notAnswered);
          break;
        }
        case 'text': {
          const c = value as { answered: number; notAnswered: number };
          put(q, cell, 'answered', c.answered);
          put(q, cell, 'notAnswered', c.notAnswered);
          break;
        }
      }
    }
  }
  for (const unknown of tally.unknownQuestions) {
    for (const [cell, n] of Object.entries(unknown.cells)) put(`?${unknown.name}`, cell, 'unknownQuestion', n);
  }
  return out;
}

/** Collects reference rows (segment values…, slot, n) into the same canonical form. */
export function referenceSlots(question: string, segments: number, rows: readonly (readonly unknown[])[], into: Map<string, number>): void {
  for (const row of rows) {
    const values = row.slice(0, segments).map((value): SegmentValue => (value === null || value === undefined ? null : String(value)));
    const slot = String(row[segments]);
    const raw = row[segments + 1];
    const n = typeof raw === 'bigint' ? Number(raw) : (raw as number | null);
    if (n === null || n === 0) continue;
    const key = slotKey(question, cellKey(values), slot);
    into.set(key, (into.get(key) ?? 0) + n);
  }
}

/** The synthetic definition, read. */
export function syntheticDescriptor(): DefinitionDescriptor {
  return readDefinition(syntheticDefinition());
}
