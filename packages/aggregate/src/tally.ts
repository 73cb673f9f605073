/**
 * Counting responses into a {@link Tally}.
 *
 * Speed matters here (a county's responses in a browser worker, a partnership's million rows
 * in Node), so the counting loop allocates nothing per response: every question is compiled
 * once into a plan with a value→category map, counts live in one `Int32Array` (or
 * `Float64Array` for numbers) per question with a fixed stride per cell, and a cell is found
 * through per-segment value→id maps and a small trie of ids. Columnar input skips the
 * per-object property lookups entirely.
 */
import { readFacet, type FacetRead } from '@pupil-voice/schema';
import { readDefinition } from './definition.js';
import {
  TALLY_FORMAT,
  TALLY_VERSION,
  cellKey,
  type CellKey,
  type ColumnarResponses,
  type DefinitionDescriptor,
  type QuantileSketch,
  type QuestionDescriptor,
  type QuestionTally,
  type ResponseInput,
  type SegmentValue,
  type Tally,
  type UnknownQuestionTally,
} from './types.js';

/** Options of {@link tally}. */
export interface TallyOptions {
  /**
   * Segment keys to split every count by, in order (e.g. `['audience', 'school']`). A key
   * that names a question is read from the answers; any other key from the response's
   * `meta` (wire format), falling back to the data object (plain objects may carry
   * `school`, `wave`… beside the answers; such keys are not unknown questions).
   */
  segments?: readonly string[];
}

/** Relative accuracy of the quantile sketch: quantiles are within ±1% of a true value. */
export const SKETCH_ACCURACY = 0.01;
const SKETCH_GAMMA = (1 + SKETCH_ACCURACY) / (1 - SKETCH_ACCURACY);
const SKETCH_LOG_GAMMA = Math.log(SKETCH_GAMMA);
/** Numeric answers beyond ±MAX_NUMBER count as unknown values. */
export const MAX_NUMBER = 1e15;
/** Values closer to zero than this share the zero bucket. */
export const SKETCH_MIN_VALUE = 1e-9;

/** The sketch bucket of a positive value: `ceil(log_γ(x))`. */
export function sketchBucket(x: number): number {
  return Math.ceil(Math.log(x) / SKETCH_LOG_GAMMA);
}

/** The value a sketch reports for a bucket: the point with equal relative error to both ends. */
export function sketchBucketValue(index: number): number {
  return (2 * Math.pow(SKETCH_GAMMA, index)) / (SKETCH_GAMMA + 1);
}

// Integer answers (ages, hours, scores) are the common case: look their buckets up.
const SMALL_INT_LIMIT = 4096;
const SMALL_INT_BUCKET = new Int32Array(SMALL_INT_LIMIT);
for (let i = 1; i < SMALL_INT_LIMIT; i++) SMALL_INT_BUCKET[i] = sketchBucket(i);

const KIND_CHOICE = 0;
const KIND_MULTI = 1;
const KIND_MATRIX = 2;
const KIND_RANKING = 3;
const KIND_NUMERIC = 4;
const KIND_TEXT = 5;

/** Numeric cell slots in the Float64Array. */
const N_COUNT = 0;
const N_SUM = 1;
const N_SUMSQ = 2;
const N_MIN = 3;
const N_MAX = 4;
const N_UNKNOWN = 5;
const N_NOT_ANSWERED = 6;
const N_ZERO = 7;
const N_STRIDE = 8;

/** Property names that a plain object inherits: reading them needs an own-property check. */
const inherited = (name: string) => name in Object.prototype;
const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** A value → index map that finds `1`, `"1"` and (for booleans) `true`/`"true"` alike. */
function valueIndex(values: readonly string[]): Map<unknown, number> {
  const map = new Map<unknown, number>();
  values.forEach((value, index) => {
    if (!map.has(value)) map.set(value, index);
    const number = Number(value);
    if (value.trim() !== '' && Number.isFinite(number) && String(number) === value && !map.has(number)) {
      map.set(number, index);
    }
    if ((value === 'true' || value === 'false') && !map.has(value === 'true')) map.set(value === 'true', index);
  });
  return map;
}

/** Whether a value counts as "not answered". */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value === 'object') {
    if (Array.isArray(value)) return value.length === 0;
    for (const key in value) if (hasOwn(value, key)) return false;
    return true;
  }
  return false;
}

/** One question compiled for counting. */
interface Plan {
  descriptor: QuestionDescriptor;
  kind: number;
  /** The data key the value is under; several plans share one for a composite question. */
  key: string;
  /** Where the value is inside `data[key]`, for a part of a composite question. */
  read: FacetRead | undefined;
  /** The first plan of its key: counts the key as present once (unknown keys are found by count). */
  first: boolean;
  guarded: boolean;
  /** Categories (or columns for a matrix). */
  index: Map<unknown, number>;
  size: number;
  /** Matrix rows. */
  rows: string[];
  rowGuarded: boolean;
  width: number;
  stride: number;
  /** Where this question's slots start inside a cell's block (counts or numbers). */
  offset: number;
  /** Per cell, the positive and negative sketch buckets of a numeric question. */
  positive: Array<Map<number, number>>;
  negative: Array<Map<number, number>>;
  stamps: Int32Array;
  /** Index of "other" when the "Other" text is stored as the value itself. */
  otherIndex: number;
}

function compile(descriptor: QuestionDescriptor): Plan {
  const plan: Plan = {
    descriptor,
    kind: KIND_TEXT,
    key: descriptor.read?.key ?? descriptor.name,
    read: descriptor.read,
    first: true,
    guarded: inherited(descriptor.read?.key ?? descriptor.name),
    index: new Map(),
    size: 0,
    rows: [],
    rowGuarded: false,
    width: 0,
    stride: 2,
    offset: 0,
    positive: [],
    negative: [],
    stamps: new Int32Array(0),
    otherIndex: -1,
  };
  switch (descriptor.kind) {
    case 'choice':
    case 'multi':
    case 'ranking': {
      const values = descriptor.categories.map((category) => category.value);
      plan.index = valueIndex(values);
      plan.size = values.length;
      plan.stamps = new Int32Array(values.length);
      if (descriptor.otherIsText) plan.otherIndex = values.indexOf('other');
      if (descriptor.kind === 'choice') {
        plan.kind = KIND_CHOICE;
        plan.stride = plan.size + 2; // counts…, unknown, notAnswered
      } else if (descriptor.kind === 'multi') {
        plan.kind = KIND_MULTI;
        plan.stride = plan.size + 4; // counts…, answered, notAnswered, selections, unknownSelections
      } else {
        plan.kind = KIND_RANKING;
        plan.stride = plan.size * plan.size + 3; // counts[choice][position]…, answered, notAnswered, unknown
      }
      break;
    }
    case 'matrix': {
      plan.kind = KIND_MATRIX;
      plan.rows = descriptor.rows.map((row) => row.value);
      plan.rowGuarded = plan.rows.some(inherited);
      plan.index = valueIndex(descriptor.columns.map((column) => column.value));
      plan.size = plan.rows.length;
      plan.width = descriptor.columns.length;
      // counts[row][column]…, rowUnknown…, rowNotAnswered…, answered, notAnswered, unknownRows
      plan.stride = plan.size * plan.width + 2 * plan.size + 3;
      break;
    }
    case 'numeric':
      plan.kind = KIND_NUMERIC;
      plan.stride = N_STRIDE;
      break;
    case 'text':
      plan.kind = KIND_TEXT;
      plan.stride = 2; // answered, notAnswered
      break;
  }
  return plan;
}

/** A definition object, its JSON text, or the result of `readDefinition`. */
export type DefinitionInput = unknown;

function isDescriptor(value: unknown): value is DefinitionDescriptor {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<DefinitionDescriptor>;
  return typeof candidate.fingerprint === 'string' && Array.isArray(candidate.questions) && Array.isArray(candidate.ignoredKeys);
}

interface SegmentReader {
  key: string;
  fromData: boolean;
  guarded: boolean;
  ids: Map<unknown, number>;
  values: SegmentValue[];
}

/**
 * Counts responses incrementally: `add` them one by one (or `addColumns`), then read the
 * {@link Tally} with `result()`. Use it to tally a stream without holding it, or to feed a
 * worker in chunks. `tally()` is a shortcut over this.
 */
export class TallyBuilder {
  readonly definition: DefinitionDescriptor;
  readonly segments: readonly string[];
  private readonly plans: Plan[];
  private readonly readers: SegmentReader[];
  private readonly dataIsQuestion: boolean;
  /** Keys that are neither questions nor unknown: `-Comment` text, segment keys. */
  private readonly knownKeys: Set<string>;
  private readonly unknownQuestions = new Map<string, number[]>();
  private trie: unknown[] = [];
  private cellValues: SegmentValue[][] = [];
  private respondents = new Int32Array(16);
  private capacity = 16;
  /**
   * All counters of one cell sit together (cell-major): a response touches one block of
   * about a kilobyte instead of forty arrays scattered over memory, which keeps it in cache
   * when there are tens of thousands of cells.
   */
  private counts = new Int32Array(0);
  private numbers = new Float64Array(0);
  private readonly cellStride: number;
  private readonly numberStride: number;
  private stamp = 0;
  private readonly ids: number[];

  constructor(definition: DefinitionInput, options: TallyOptions = {}) {
    this.definition = isDescriptor(definition) ? definition : readDefinition(definition);
    const segments = options.segments ?? [];
    if (!Array.isArray(segments) || segments.some((key) => typeof key !== 'string' || key === '')) {
      throw new TypeError('segments must be an array of non-empty strings.');
    }
    if (new Set(segments).size !== segments.length) throw new TypeError('segments must not repeat a key.');
    this.segments = [...segments];
    this.plans = this.definition.questions.map(compile);
    const names = new Set<string>();
    for (const plan of this.plans) {
      plan.first = !names.has(plan.key);
      names.add(plan.key);
    }
    this.dataIsQuestion = names.has('data');
    this.readers = this.segments.map((key) => ({
      key,
      fromData: names.has(key),
      guarded: inherited(key),
      ids: new Map(),
      values: [],
    }));
    this.knownKeys = new Set([...names, ...this.definition.ignoredKeys, ...this.segments]);
    this.ids = new Array<number>(this.segments.length).fill(0);
    let cellStride = 0;
    let numberStride = 0;
    for (const plan of this.plans) {
      if (plan.kind === KIND_NUMERIC) {
        plan.offset = numberStride;
        numberStride += N_STRIDE;
      } else {
        plan.offset = cellStride;
        cellStride += plan.stride;
      }
    }
    this.cellStride = cellStride;
    this.numberStride = numberStride;
    this.allocate(this.capacity);
    if (this.segments.length === 0) this.cell([]);
  }

  private allocate(capacity: number): void {
    const counts = new Int32Array(capacity * this.cellStride);
    counts.set(this.counts);
    this.counts = counts;
    const numbers = new Float64Array(capacity * this.numberStride);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }

  /** The cell index of a set of segment ids, creating the cell on first sight. */
  private cell(ids: readonly number[]): number {
    const depth = ids.length;
    if (depth === 0) {
      if (this.cellValues.length === 0) this.newCell([]);
      return 0;
    }
    let node = this.trie;
    for (let d = 0; d < depth - 1; d++) {
      const id = ids[d] as number;
      let next = node[id] as unknown[] | undefined;
      if (next === undefined) node[id] = next = [];
      node = next;
    }
    const last = ids[depth - 1] as number;
    const found = node[last] as number | undefined;
    if (found !== undefined) return found;
    const index = this.newCell(ids.map((id, d) => (this.readers[d] as SegmentReader).values[id] as SegmentValue));
    node[last] = index;
    return index;
  }

  private newCell(values: SegmentValue[]): number {
    const index = this.cellValues.length;
    this.cellValues.push(values);
    if (index >= this.capacity) {
      this.capacity *= 2;
      const respondents = new Int32Array(this.capacity);
      respondents.set(this.respondents);
      this.respondents = respondents;
      this.allocate(this.capacity);
    }
    for (const plan of this.plans) {
      if (plan.kind === KIND_NUMERIC) {
        this.numbers[index * this.numberStride + plan.offset + N_MIN] = Infinity;
        this.numbers[index * this.numberStride + plan.offset + N_MAX] = -Infinity;
        plan.positive[index] = new Map();
        plan.negative[index] = new Map();
      }
    }
    return index;
  }

  /** The id of a segment value for one segment reader. */
  private segmentId(reader: SegmentReader, raw: unknown): number {
    const id = reader.ids.get(raw);
    if (id !== undefined) return id;
    const value: SegmentValue =
      typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : null;
    let found = reader.ids.get(value);
    if (found === undefined) {
      found = reader.values.length;
      reader.values.push(value);
      reader.ids.set(value, found);
    }
    // Only primitives are remembered under their raw form: objects would leak memory.
    if (raw === null || typeof raw !== 'object') reader.ids.set(raw, found);
    return found;
  }

  /** Adds one response: the wire format `{ id, data, meta }` or a plain data object. */
  add(response: ResponseInput): void {
    if (typeof response !== 'object' || response === null) throw new TypeError('A response must be an object.');
    let data = response as Record<string, unknown>;
    let meta: Record<string, unknown> | undefined;
    const inner = (response as { data?: unknown }).data;
    if (inner === undefined && 'encrypted' in response && 'id' in response && !this.dataIsQuestion) {
      // An encrypted envelope has no answers to count; guessing would skew every base.
      throw new TypeError('An encrypted response cannot be tallied: decrypt it first (decryptResponse).');
    }
    if (!this.dataIsQuestion && typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
      data = inner as Record<string, unknown>;
      const rawMeta = (response as { meta?: unknown }).meta;
      if (typeof rawMeta === 'object' && rawMeta !== null) meta = rawMeta as Record<string, unknown>;
    }
    const readers = this.readers;
    const ids = this.ids;
    let present = 0;
    for (let d = 0; d < readers.length; d++) {
      const reader = readers[d] as SegmentReader;
      const key = reader.key;
      let raw: unknown;
      if (!reader.fromData && meta !== undefined && (!reader.guarded || hasOwn(meta, key))) raw = meta[key];
      if (raw === undefined && (!reader.guarded || hasOwn(data, key))) {
        raw = data[key];
        // A segment key beside the answers is a known key, not an unknown question.
        if (raw !== undefined && !reader.fromData) present++;
      }
      ids[d] = this.segmentId(reader, raw);
    }
    const cell = this.cell(ids);
    (this.respondents[cell] as number)++;

    const plans = this.plans;
    for (let q = 0; q < plans.length; q++) {
      const plan = plans[q] as Plan;
      const value = plan.guarded && !hasOwn(data, plan.key) ? undefined : data[plan.key];
      if (value !== undefined && plan.first) present++;
      this.count(plan, plan.read === undefined ? value : readFacet(value, plan.read), cell);
    }
    // Unknown keys are rare: count keys first, look them up only when some are left over.
    let keys = 0;
    for (const key in data) if (hasOwn(data, key)) keys++;
    if (keys > present) this.countUnknownKeys(data, cell);
  }

  private countUnknownKeys(data: Record<string, unknown>, cell: number): void {
    for (const key in data) {
      if (!hasOwn(data, key) || this.knownKeys.has(key) || isEmpty(data[key])) continue;
      let cells = this.unknownQuestions.get(key);
      if (cells === undefined) this.unknownQuestions.set(key, (cells = []));
      cells[cell] = (cells[cell] ?? 0) + 1;
    }
  }

  /** Counts one value of one question into one cell. */
  private count(plan: Plan, value: unknown, cell: number): void {
    switch (plan.kind) {
      case KIND_CHOICE: {
        const base = cell * this.cellStride + plan.offset;
        const index = plan.index.get(value);
        if (index !== undefined) (this.counts[base + index] as number)++;
        else if (value === undefined || value === null || value === '') (this.counts[base + plan.size + 1] as number)++;
        else if (plan.otherIndex >= 0 && typeof value === 'string') (this.counts[base + plan.otherIndex] as number)++;
        else (this.counts[base + plan.size] as number)++;
        return;
      }
      case KIND_MULTI:
        this.countMulti(plan, value, cell);
        return;
      case KIND_MATRIX:
        this.countMatrix(plan, value, cell);
        return;
      case KIND_RANKING:
        this.countRanking(plan, value, cell);
        return;
      case KIND_NUMERIC:
        this.countNumber(plan, value, cell);
        return;
      default: {
        const base = cell * this.cellStride + plan.offset;
        if (isEmpty(value)) (this.counts[base + 1] as number)++;
        else (this.counts[base] as number)++;
      }
    }
  }

  private countMulti(plan: Plan, value: unknown, cell: number): void {
    const base = cell * this.cellStride + plan.offset;
    const size = plan.size;
    const counts = this.counts;
    if (value === undefined || value === null || value === '') {
      (counts[base + size + 1] as number)++;
      return;
    }
    const stamp = ++this.stamp;
    let selections = 0;
    let unknown = 0;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item === undefined || item === null || item === '') continue;
        const index = plan.index.get(item);
        if (index !== undefined) {
          if (plan.stamps[index] === stamp) continue;
          plan.stamps[index] = stamp;
          (counts[base + index] as number)++;
          selections++;
        } else if (plan.otherIndex >= 0 && typeof item === 'string') {
          if (plan.stamps[plan.otherIndex] === stamp) continue;
          plan.stamps[plan.otherIndex] = stamp;
          (counts[base + plan.otherIndex] as number)++;
          selections++;
        } else if (value.indexOf(item) === i) {
          unknown++;
          selections++;
        }
      }
    } else {
      // A scalar where an array belongs: count it as a one-item selection.
      const index = plan.index.get(value);
      if (index !== undefined) (counts[base + index] as number)++;
      else unknown++;
      selections = 1;
    }
    if (selections === 0) {
      (counts[base + size + 1] as number)++;
      return;
    }
    (counts[base + size] as number)++;
    counts[base + size + 2] = (counts[base + size + 2] as number) + selections;
    counts[base + size + 3] = (counts[base + size + 3] as number) + unknown;
  }

  private countMatrix(plan: Plan, value: unknown, cell: number): void {
    const base = cell * this.cellStride + plan.offset;
    const rows = plan.rows;
    const size = plan.size;
    const width = plan.width;
    const counts = this.counts;
    const unknownBase = base + size * width;
    const notAnsweredBase = unknownBase + size;
    const tail = notAnsweredBase + size;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      for (let r = 0; r < size; r++) (counts[notAnsweredBase + r] as number)++;
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
        (counts[tail + 1] as number)++;
      } else {
        (counts[tail] as number)++;
        (counts[tail + 2] as number)++;
      }
      return;
    }
    const object = value as Record<string, unknown>;
    let answered = 0;
    let present = 0;
    for (let r = 0; r < size; r++) {
      const row = rows[r] as string;
      const cellValue = plan.rowGuarded && !hasOwn(object, row) ? undefined : object[row];
      if (cellValue !== undefined) present++;
      if (cellValue === undefined || cellValue === null || cellValue === '') {
        (counts[notAnsweredBase + r] as number)++;
        continue;
      }
      answered++;
      const column = plan.index.get(cellValue);
      if (column !== undefined) (counts[base + r * width + column] as number)++;
      else (counts[unknownBase + r] as number)++;
    }
    let keys = 0;
    let unknownRows = 0;
    for (const key in object) if (hasOwn(object, key)) keys++;
    if (keys > present) {
      for (const key in object) {
        if (hasOwn(object, key) && !rows.includes(key) && !isEmpty(object[key])) unknownRows++;
      }
    }
    if (answered + unknownRows > 0) {
      (counts[tail] as number)++;
      counts[tail + 2] = (counts[tail + 2] as number) + unknownRows;
    } else {
      (counts[tail + 1] as number)++;
    }
  }

  private countRanking(plan: Plan, value: unknown, cell: number): void {
    const base = cell * this.cellStride + plan.offset;
    const size = plan.size;
    const counts = this.counts;
    const tail = base + size * size;
    if (!Array.isArray(value)) {
      if (isEmpty(value)) (counts[tail + 1] as number)++;
      else {
        (counts[tail] as number)++;
        (counts[tail + 2] as number)++;
      }
      return;
    }
    if (value.length === 0) {
      (counts[tail + 1] as number)++;
      return;
    }
    const stamp = ++this.stamp;
    let unknown = 0;
    for (let position = 0; position < value.length; position++) {
      const index = plan.index.get(value[position]);
      if (index === undefined || position >= size || plan.stamps[index] === stamp) {
        unknown++;
        continue;
      }
      plan.stamps[index] = stamp;
      (counts[base + index * size + position] as number)++;
    }
    (counts[tail] as number)++;
    counts[tail + 2] = (counts[tail + 2] as number) + unknown;
  }

  private countNumber(plan: Plan, value: unknown, cell: number): void {
    const numbers = this.numbers;
    const base = cell * this.numberStride + plan.offset;
    let x: number;
    if (typeof value === 'number') x = value;
    else if (value === undefined || value === null || value === '') {
      (numbers[base + N_NOT_ANSWERED] as number)++;
      return;
    } else if (typeof value === 'string' && value.trim() !== '') x = Number(value);
    else x = NaN;
    // Beyond ±1e15 no survey answer is plausible, and squares could overflow to Infinity.
    if (!(x >= -MAX_NUMBER && x <= MAX_NUMBER)) {
      (numbers[base + N_UNKNOWN] as number)++;
      return;
    }
    x += 0; // -0 becomes 0, so JSON round trips are exact
    (numbers[base + N_COUNT] as number)++;
    numbers[base + N_SUM] = (numbers[base + N_SUM] as number) + x;
    numbers[base + N_SUMSQ] = (numbers[base + N_SUMSQ] as number) + x * x;
    if (x < (numbers[base + N_MIN] as number)) numbers[base + N_MIN] = x;
    if (x > (numbers[base + N_MAX] as number)) numbers[base + N_MAX] = x;
    const magnitude = x < 0 ? -x : x;
    if (magnitude < SKETCH_MIN_VALUE) {
      (numbers[base + N_ZERO] as number)++;
      return;
    }
    const bucket = magnitude < SMALL_INT_LIMIT && magnitude === Math.floor(magnitude)
      ? (SMALL_INT_BUCKET[magnitude] as number)
      : sketchBucket(magnitude);
    const buckets = (x < 0 ? plan.negative : plan.positive)[cell] as Map<number, number>;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
  }

  /**
   * Adds responses held column by column. Faster than `add` for data that is already
   * columnar (a database result, Arrow, a CSV reader): no per-response object is read.
   */
  addColumns(responses: ColumnarResponses): void {
    const { length, columns } = responses;
    if (!Number.isInteger(length) || length < 0) throw new TypeError('Columnar responses need a non-negative integer length.');
    if (typeof columns !== 'object' || columns === null) throw new TypeError('Columnar responses need a columns object.');
    const column = (key: string): ArrayLike<unknown> | undefined => {
      if (!hasOwn(columns, key)) return undefined;
      const values = columns[key];
      if (values === undefined || values === null || typeof values.length !== 'number' || values.length < length) {
        throw new TypeError(`Column ${JSON.stringify(key).slice(0, 80)} must have ${length} values.`);
      }
      return values;
    };
    // Cell of each row, computed once for all questions.
    const cells = new Int32Array(length);
    const segmentColumns = this.readers.map((reader) => column(reader.key));
    const ids = this.ids;
    for (let i = 0; i < length; i++) {
      for (let d = 0; d < segmentColumns.length; d++) {
        const values = segmentColumns[d];
        ids[d] = this.segmentId(this.readers[d] as SegmentReader, values === undefined ? undefined : values[i]);
      }
      const cell = this.cell(ids);
      cells[i] = cell;
      (this.respondents[cell] as number)++;
    }
    // Row by row over the columns: each row's counters sit in one cell block (cell-major),
    // so visiting a row's questions together keeps that block in cache, while each column
    // is still read sequentially.
    const plans = this.plans;
    const planColumns = plans.map((plan) => column(plan.key));
    for (let i = 0; i < length; i++) {
      const cell = cells[i] as number;
      for (let q = 0; q < plans.length; q++) {
        const values = planColumns[q];
        const plan = plans[q] as Plan;
        const value = values === undefined ? undefined : values[i];
        this.count(plan, plan.read === undefined ? value : readFacet(value, plan.read), cell);
      }
    }
    for (const key of Object.keys(columns)) {
      if (this.knownKeys.has(key)) continue;
      const values = column(key) as ArrayLike<unknown>;
      for (let i = 0; i < length; i++) {
        if (isEmpty(values[i])) continue;
        let counted = this.unknownQuestions.get(key);
        if (counted === undefined) this.unknownQuestions.set(key, (counted = []));
        const cell = cells[i] as number;
        counted[cell] = (counted[cell] ?? 0) + 1;
      }
    }
  }

  /** The tally of everything added so far (a fresh object; the builder can go on adding). */
  result(): Tally {
    // Cells in key order, so equal tallies serialise to equal text whatever the input order.
    const order = this.cellValues.map((values, cell) => [cellKey(values), cell] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const cellOf = order.map(([, cell]) => cell);
    const respondents: Record<CellKey, number> = {};
    order.forEach(([key, cell]) => {
      respondents[key] = this.respondents[cell] as number;
    });
    // Keys read back from an object are internalised strings: using them for the forty
    // per-question cell objects saves a string-table lookup per cell per question.
    const keys: CellKey[] = Object.keys(respondents);
    const questions = this.plans.map((plan) => this.questionResult(plan, keys, cellOf));
    const unknownQuestions: UnknownQuestionTally[] = [...this.unknownQuestions.keys()]
      .sort()
      .map((name) => {
        const counted = this.unknownQuestions.get(name) as number[];
        const cells: Record<CellKey, number> = {};
        keys.forEach((key, i) => {
          const count = counted[cellOf[i] as number];
          if (count) cells[key] = count;
        });
        return { name, cells };
      });
    const tally: Tally = {
      format: TALLY_FORMAT,
      version: TALLY_VERSION,
      definition: this.definition.fingerprint,
      segments: [...this.segments],
      respondents,
      questions,
      unknownQuestions,
    };
    if (this.definition.survey !== undefined) tally.survey = this.definition.survey;
    return tally;
  }

  private questionResult(plan: Plan, cellKeys: CellKey[], cellOf: number[]): QuestionTally {
    // A plain loop, not Object.fromEntries over mapped pairs: with tens of thousands of
    // cells per question the intermediate arrays cost more than the cells.
    const build = <C>(make: (cell: number) => C): Record<CellKey, C> => {
      const out: Record<CellKey, C> = {};
      for (let i = 0; i < cellKeys.length; i++) out[cellKeys[i] as string] = make(cellOf[i] as number);
      return out;
    };
    const descriptor = plan.descriptor;
    const head = { name: descriptor.name, type: descriptor.type, ...(descriptor.title !== undefined ? { title: descriptor.title } : {}) };
    const counts = this.counts;
    const slice = (cell: number, from: number, to: number) => {
      const start = cell * this.cellStride + plan.offset;
      const out = new Array<number>(to - from);
      for (let i = from; i < to; i++) out[i - from] = counts[start + i] as number;
      return out;
    };
    const at = (cell: number, offset: number) => counts[cell * this.cellStride + plan.offset + offset] as number;
    const size = plan.size;
    switch (descriptor.kind) {
      case 'choice':
        return {
          ...head,
          kind: 'choice',
          categories: descriptor.categories.map((category) => ({ ...category })),
          cells: build((cell) => ({ counts: slice(cell, 0, size), unknown: at(cell, size), notAnswered: at(cell, size + 1) })),
        };
      case 'multi':
        return {
          ...head,
          kind: 'multi',
          categories: descriptor.categories.map((category) => ({ ...category })),
          cells: build((cell) => ({
                counts: slice(cell, 0, size),
                answered: at(cell, size),
                notAnswered: at(cell, size + 1),
                selections: at(cell, size + 2),
                unknownSelections: at(cell, size + 3),
          })),
        };
      case 'ranking':
        return {
          ...head,
          kind: 'ranking',
          categories: descriptor.categories.map((category) => ({ ...category })),
          cells: build((cell) => ({
                counts: Array.from({ length: size }, (_, choice) => slice(cell, choice * size, choice * size + size)),
                answered: at(cell, size * size),
                notAnswered: at(cell, size * size + 1),
                unknown: at(cell, size * size + 2),
          })),
        };
      case 'matrix': {
        const width = plan.width;
        const grid = size * width;
        return {
          ...head,
          kind: 'matrix',
          rows: descriptor.rows.map((row) => ({ ...row })),
          columns: descriptor.columns.map((column) => ({ ...column })),
          cells: build((cell) => ({
                counts: Array.from({ length: size }, (_, row) => slice(cell, row * width, row * width + width)),
                rowUnknown: slice(cell, grid, grid + size),
                rowNotAnswered: slice(cell, grid + size, grid + 2 * size),
                answered: at(cell, grid + 2 * size),
                notAnswered: at(cell, grid + 2 * size + 1),
                unknownRows: at(cell, grid + 2 * size + 2),
          })),
        };
      }
      case 'numeric':
        return {
          ...head,
          kind: 'numeric',
          cells: build((cell) => {
              const n = (slot: number) => this.numbers[cell * this.numberStride + plan.offset + slot] as number;
              const count = n(N_COUNT);
              return {
                  count,
                  sum: n(N_SUM),
                  sumSquares: n(N_SUMSQ),
                  min: count > 0 ? n(N_MIN) : null,
                  max: count > 0 ? n(N_MAX) : null,
                  sketch: sketchOf(n(N_ZERO), plan.positive[cell], plan.negative[cell]),
                  unknown: n(N_UNKNOWN),
                  notAnswered: n(N_NOT_ANSWERED),
                };
            }),
        };
      case 'text':
        return {
          ...head,
          kind: 'text',
          cells: build((cell) => ({ answered: at(cell, 0), notAnswered: at(cell, 1) })),
        };
    }
  }
}

function sortedBuckets(buckets: Map<number, number> | undefined): Array<[number, number]> {
  return buckets ? [...buckets.entries()].sort((a, b) => a[0] - b[0]) : [];
}

function sketchOf(zero: number, positive: Map<number, number> | undefined, negative: Map<number, number> | undefined): QuantileSketch {
  return { accuracy: SKETCH_ACCURACY, zero, positive: sortedBuckets(positive), negative: sortedBuckets(negative) };
}

/**
 * The value at quantile `q` (0…1) of a sketch, within the sketch's relative accuracy, or
 * `null` for an empty sketch. Use `min`/`max` of the cell for q = 0 and 1 when exactness
 * matters.
 */
export function sketchQuantile(sketch: QuantileSketch, q: number): number | null {
  const negativeCount = sketch.negative.reduce((sum, [, count]) => sum + count, 0);
  const positiveCount = sketch.positive.reduce((sum, [, count]) => sum + count, 0);
  const total = negativeCount + sketch.zero + positiveCount;
  if (total === 0) return null;
  const rank = Math.min(Math.max(q, 0), 1) * (total - 1);
  let seen = 0;
  // Negative buckets from the most negative (largest index) to the least.
  for (let i = sketch.negative.length - 1; i >= 0; i--) {
    const [index, count] = sketch.negative[i] as [number, number];
    seen += count;
    if (seen > rank) return -sketchBucketValue(index);
  }
  seen += sketch.zero;
  if (seen > rank) return 0;
  for (const [index, count] of sketch.positive) {
    seen += count;
    if (seen > rank) return sketchBucketValue(index);
  }
  const last = sketch.positive[sketch.positive.length - 1];
  return last ? sketchBucketValue(last[0]) : 0;
}

const isColumnar = (value: unknown): value is ColumnarResponses =>
  typeof value === 'object' && value !== null && 'columns' in value && 'length' in value && !(Symbol.iterator in value);

const isAsyncIterable = (value: unknown): value is AsyncIterable<ResponseInput> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * Tallies responses to a survey definition, split by `options.segments`.
 *
 * `responses` may be an array or any iterable of responses (wire format `{ id, data, meta }`
 * or plain data objects), columnar `{ length, columns }`, or an async iterable (a stream
 * from the collector, a file reader), in which case a Promise of the tally is returned.
 *
 * @example
 *   const t = tally(definition, responses, { segments: ['audience', 'school'] });
 */
export function tally(definition: DefinitionInput, responses: Iterable<ResponseInput> | ColumnarResponses, options?: TallyOptions): Tally;
export function tally(definition: DefinitionInput, responses: AsyncIterable<ResponseInput>, options?: TallyOptions): Promise<Tally>;
export function tally(
  definition: DefinitionInput,
  responses: Iterable<ResponseInput> | AsyncIterable<ResponseInput> | ColumnarResponses,
  options?: TallyOptions,
): Tally | Promise<Tally> {
  const builder = new TallyBuilder(definition, options);
  if (isColumnar(responses)) {
    builder.addColumns(responses);
    return builder.result();
  }
  if (Array.isArray(responses)) {
    for (let i = 0; i < responses.length; i++) builder.add(responses[i] as ResponseInput);
    return builder.result();
  }
  if (isAsyncIterable(responses)) {
    return (async () => {
      for await (const response of responses) builder.add(response);
      return builder.result();
    })();
  }
  if (typeof responses === 'object' && responses !== null && Symbol.iterator in responses) {
    for (const response of responses) builder.add(response);
    return builder.result();
  }
  throw new TypeError('responses must be an array, an iterable, an async iterable or { length, columns }.');
}

/** Like {@link tally}, always asynchronous: for code that does not know its input's kind. */
export async function tallyAsync(
  definition: DefinitionInput,
  responses: Iterable<ResponseInput> | AsyncIterable<ResponseInput> | ColumnarResponses,
  options?: TallyOptions,
): Promise<Tally> {
  return isAsyncIterable(responses) ? tally(definition, responses, options) : tally(definition, responses, options);
}
