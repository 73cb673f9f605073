/**
 * Tallies as versioned JSON. A tally travels between schools, partnerships and dashboards,
 * so `parseTally` treats its input as hostile: it rebuilds the tally from validated parts
 * (no prototype tricks survive), checks every count is a non-negative integer, every array
 * has the length its categories demand, every cell reconciles with its respondent count,
 * and the fingerprint matches the questions. A tally that passes cannot make `merge`,
 * `suppress` or `toCSV` misbehave.
 */
import { fingerprintQuestions } from './definition.js';
import { SKETCH_ACCURACY } from './tally.js';
import {
  TALLY_FORMAT,
  TALLY_VERSION,
  parseCellKey,
  type Category,
  type CategorySpecial,
  type CellKey,
  type QuantileSketch,
  type QuestionCell,
  type QuestionDescriptor,
  type QuestionTally,
  type Tally,
  type UnknownQuestionTally,
} from './types.js';

/** Thrown by {@link parseTally} with the path of the first thing that is wrong. */
export class TallyFormatError extends Error {
  override name = 'TallyFormatError';
}

/** Limits that keep a hostile tally from exhausting memory or time. */
export interface ParseTallyOptions {
  /** Most cells accepted (default 1,000,000). */
  maxCells?: number;
  /** Most characters in any name, label or segment value (default 10,000). */
  maxStringLength?: number;
}

/** The tally as JSON text: the versioned exchange format (`parseTally` reads it back). */
export function serializeTally(tally: Tally): string {
  return JSON.stringify(tally);
}

type Json = Record<string, unknown>;
const SPECIALS: ReadonlySet<string> = new Set<CategorySpecial>(['preferNotToSay', 'other', 'none']);
const KINDS: ReadonlySet<string> = new Set(['choice', 'multi', 'matrix', 'ranking', 'numeric', 'text']);
const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

class Reader {
  constructor(private readonly maxString: number) {}

  fail(path: string, message: string): never {
    throw new TallyFormatError(`${path}: ${message}`);
  }

  object(value: unknown, path: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'expected an object');
    return value as Json;
  }

  array(value: unknown, path: string, length?: number): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'expected an array');
    if (length !== undefined && value.length !== length) this.fail(path, `expected ${length} entries, found ${value.length}`);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'expected a string');
    if (value.length > this.maxString) this.fail(path, `longer than ${this.maxString} characters`);
    return value;
  }

  count(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) this.fail(path, 'expected a non-negative integer');
    return value;
  }

  finite(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'expected a finite number');
    return value;
  }

  counts(value: unknown, path: string, length: number): number[] {
    return this.array(value, path, length).map((entry, i) => this.count(entry, `${path}[${i}]`));
  }

  grid(value: unknown, path: string, rows: number, columns: number): number[][] {
    return this.array(value, path, rows).map((row, i) => this.counts(row, `${path}[${i}]`, columns));
  }

  equal(actual: number, expected: number, path: string, what: string): void {
    if (actual !== expected) this.fail(path, `${what} is ${actual} but the cell has ${expected} respondents`);
  }

  /** Only the listed keys are read; anything else is dropped, so nothing unexpected survives. */
  categories(value: unknown, path: string): Category[] {
    const seen = new Set<string>();
    return this.array(value, path).map((entry, i) => {
      const object = this.object(entry, `${path}[${i}]`);
      const category: Category = { value: this.string(object['value'], `${path}[${i}].value`) };
      if (seen.has(category.value)) this.fail(`${path}[${i}].value`, 'repeats a category');
      seen.add(category.value);
      if (object['label'] !== undefined) category.label = this.string(object['label'], `${path}[${i}].label`);
      if (object['special'] !== undefined) {
        const special = this.string(object['special'], `${path}[${i}].special`);
        if (!SPECIALS.has(special)) this.fail(`${path}[${i}].special`, 'unknown special category');
        category.special = special as CategorySpecial;
      }
      return category;
    });
  }

  sketch(value: unknown, path: string, count: number): QuantileSketch {
    const object = this.object(value, path);
    if (object['accuracy'] !== SKETCH_ACCURACY) this.fail(`${path}.accuracy`, `expected ${SKETCH_ACCURACY}`);
    const buckets = (list: unknown, at: string): Array<[number, number]> => {
      let previous = -Infinity;
      return this.array(list, at).map((pair, i) => {
        const entry = this.array(pair, `${at}[${i}]`, 2);
        const index = entry[0];
        if (typeof index !== 'number' || !Number.isSafeInteger(index) || Math.abs(index) > 1e6) this.fail(`${at}[${i}][0]`, 'expected a bucket index');
        if (index <= previous) this.fail(`${at}[${i}][0]`, 'buckets must be sorted and unique');
        previous = index;
        const bucketCount = this.count(entry[1], `${at}[${i}][1]`);
        if (bucketCount === 0) this.fail(`${at}[${i}][1]`, 'empty bucket');
        return [index, bucketCount];
      });
    };
    const sketch: QuantileSketch = {
      accuracy: SKETCH_ACCURACY,
      zero: this.count(object['zero'], `${path}.zero`),
      positive: buckets(object['positive'], `${path}.positive`),
      negative: buckets(object['negative'], `${path}.negative`),
    };
    const total = sketch.zero + [...sketch.positive, ...sketch.negative].reduce((sum, [, n]) => sum + n, 0);
    if (total !== count) this.fail(path, `holds ${total} values but count is ${count}`);
    return sketch;
  }

  /** One cell, checked against its respondent count. */
  cell(question: QuestionTally, value: unknown, path: string, respondents: number): QuestionCell {
    const o = this.object(value, path);
    const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
    switch (question.kind) {
      case 'choice': {
        const cell = {
          counts: this.counts(o['counts'], `${path}.counts`, question.categories.length),
          unknown: this.count(o['unknown'], `${path}.unknown`),
          notAnswered: this.count(o['notAnswered'], `${path}.notAnswered`),
        };
        this.equal(sum(cell.counts) + cell.unknown + cell.notAnswered, respondents, path, 'counts + unknown + notAnswered');
        return cell;
      }
      case 'multi': {
        const cell = {
          counts: this.counts(o['counts'], `${path}.counts`, question.categories.length),
          answered: this.count(o['answered'], `${path}.answered`),
          notAnswered: this.count(o['notAnswered'], `${path}.notAnswered`),
          selections: this.count(o['selections'], `${path}.selections`),
          unknownSelections: this.count(o['unknownSelections'], `${path}.unknownSelections`),
        };
        this.equal(cell.answered + cell.notAnswered, respondents, path, 'answered + notAnswered');
        if (cell.selections !== sum(cell.counts) + cell.unknownSelections) this.fail(path, 'selections differ from counts + unknownSelections');
        if (cell.counts.some((n) => n > cell.answered)) this.fail(path, 'a choice has more ticks than respondents who answered');
        return cell;
      }
      case 'ranking': {
        const n = question.categories.length;
        const cell = {
          counts: this.grid(o['counts'], `${path}.counts`, n, n),
          answered: this.count(o['answered'], `${path}.answered`),
          notAnswered: this.count(o['notAnswered'], `${path}.notAnswered`),
          unknown: this.count(o['unknown'], `${path}.unknown`),
        };
        this.equal(cell.answered + cell.notAnswered, respondents, path, 'answered + notAnswered');
        if (cell.counts.some((row) => sum(row) > cell.answered)) this.fail(path, 'a choice is ranked more often than respondents answered');
        // Each ranking fills positions 1, 2, … in order, with a defined choice or an unknown
        // item: position p + 1 cannot hold more than position p did plus unknown items, every
        // answer has a first position, and no position holds more than the answers.
        const atPosition = Array.from({ length: n }, (_, p) => cell.counts.reduce((total, row) => total + (row[p] as number), 0));
        if (atPosition.some((count) => count > cell.answered)) this.fail(path, 'a position is filled more often than respondents answered');
        let rises = 0;
        for (let p = 1; p < n; p++) rises += Math.max(0, (atPosition[p] as number) - (atPosition[p - 1] as number));
        if (rises > cell.unknown) this.fail(path, 'a later rank position is filled more often than an earlier one (counts of rankings out of order)');
        if (n > 0 && cell.answered > (atPosition[0] as number) + cell.unknown) this.fail(path, 'answered rankings without a first position');
        return cell;
      }
      case 'matrix': {
        const rows = question.rows.length;
        const cell = {
          counts: this.grid(o['counts'], `${path}.counts`, rows, question.columns.length),
          rowUnknown: this.counts(o['rowUnknown'], `${path}.rowUnknown`, rows),
          rowNotAnswered: this.counts(o['rowNotAnswered'], `${path}.rowNotAnswered`, rows),
          answered: this.count(o['answered'], `${path}.answered`),
          notAnswered: this.count(o['notAnswered'], `${path}.notAnswered`),
          unknownRows: this.count(o['unknownRows'], `${path}.unknownRows`),
        };
        this.equal(cell.answered + cell.notAnswered, respondents, path, 'answered + notAnswered');
        cell.counts.forEach((row, r) => {
          this.equal(sum(row) + (cell.rowUnknown[r] as number) + (cell.rowNotAnswered[r] as number), respondents, `${path}.counts[${r}]`, 'row total');
        });
        return cell;
      }
      case 'numeric': {
        const count = this.count(o['count'], `${path}.count`);
        const optional = (key: string) => (count === 0 ? (o[key] === null ? null : this.fail(`${path}.${key}`, 'must be null when count is 0')) : this.finite(o[key], `${path}.${key}`));
        const cell = {
          count,
          sum: this.finite(o['sum'], `${path}.sum`),
          sumSquares: this.finite(o['sumSquares'], `${path}.sumSquares`),
          min: optional('min'),
          max: optional('max'),
          sketch: this.sketch(o['sketch'], `${path}.sketch`, count),
          unknown: this.count(o['unknown'], `${path}.unknown`),
          notAnswered: this.count(o['notAnswered'], `${path}.notAnswered`),
        };
        if (cell.sumSquares < 0) this.fail(`${path}.sumSquares`, 'negative');
        if (cell.min !== null && cell.max !== null && cell.min > cell.max) this.fail(path, 'min above max');
        this.equal(cell.count + cell.unknown + cell.notAnswered, respondents, path, 'count + unknown + notAnswered');
        return cell;
      }
      case 'text': {
        const cell = { answered: this.count(o['answered'], `${path}.answered`), notAnswered: this.count(o['notAnswered'], `${path}.notAnswered`) };
        this.equal(cell.answered + cell.notAnswered, respondents, path, 'answered + notAnswered');
        return cell;
      }
    }
  }
}

function descriptorOf(question: QuestionTally): QuestionDescriptor {
  switch (question.kind) {
    case 'matrix':
      return { kind: 'matrix', name: question.name, type: question.type, rows: question.rows, columns: question.columns };
    case 'numeric':
    case 'text':
      return { kind: question.kind, name: question.name, type: question.type };
    default:
      return { kind: question.kind, name: question.name, type: question.type, categories: question.categories };
  }
}

/**
 * Reads a tally from JSON text (or an already parsed value) and validates all of it. Throws
 * {@link TallyFormatError} naming the first problem; never returns a partly valid tally.
 */
export function parseTally(input: string | unknown, options: ParseTallyOptions = {}): Tally {
  const maxCells = options.maxCells ?? 1_000_000;
  const read = new Reader(options.maxStringLength ?? 10_000);
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new TallyFormatError(`not JSON: ${(error as Error).message}`);
    }
  }
  const root = read.object(value, 'tally');
  if (root['format'] !== TALLY_FORMAT) read.fail('tally.format', `expected "${TALLY_FORMAT}"`);
  if (root['version'] !== TALLY_VERSION) {
    read.fail('tally.version', `version ${String(root['version']).slice(0, 20)} is not supported (this reader knows ${TALLY_VERSION})`);
  }
  const definition = read.string(root['definition'], 'tally.definition');
  const segments = read.array(root['segments'], 'tally.segments').map((key, i) => read.string(key, `tally.segments[${i}]`));
  if (new Set(segments).size !== segments.length) read.fail('tally.segments', 'repeats a key');

  const respondentsIn = read.object(root['respondents'], 'tally.respondents');
  const keys = Object.keys(respondentsIn);
  if (keys.length > maxCells) read.fail('tally.respondents', `more than ${maxCells} cells`);
  const respondents: Record<CellKey, number> = {};
  for (const key of keys) {
    let values: unknown[] = [];
    try {
      values = parseCellKey(key);
    } catch {
      read.fail(`tally.respondents[${JSON.stringify(key.slice(0, 80))}]`, 'not a cell key');
    }
    if (values.length !== segments.length) read.fail(`tally.respondents[${key.slice(0, 80)}]`, `expected ${segments.length} segment values`);
    values.forEach((segment, i) => {
      if (typeof segment === 'string') read.string(segment, `tally.respondents[${key.slice(0, 80)}][${i}]`);
    });
    // Re-encode to the canonical key so two spellings of one cell cannot coexist.
    const canonical = JSON.stringify(values);
    if (canonical !== key) read.fail(`tally.respondents[${key.slice(0, 80)}]`, 'not in canonical form');
    respondents[key] = read.count(respondentsIn[key], `tally.respondents[${key.slice(0, 80)}]`);
  }

  const names = new Set<string>();
  const questions = read.array(root['questions'], 'tally.questions').map((entry, q): QuestionTally => {
    const path = `tally.questions[${q}]`;
    const o = read.object(entry, path);
    const name = read.string(o['name'], `${path}.name`);
    if (names.has(name)) read.fail(`${path}.name`, 'repeats a question');
    names.add(name);
    const kind = read.string(o['kind'], `${path}.kind`);
    if (!KINDS.has(kind)) read.fail(`${path}.kind`, 'unknown kind');
    const head = { name, type: read.string(o['type'], `${path}.type`), ...(o['title'] !== undefined ? { title: read.string(o['title'], `${path}.title`) } : {}) };
    let question: QuestionTally;
    if (kind === 'matrix') {
      question = { ...head, kind, rows: read.categories(o['rows'], `${path}.rows`), columns: read.categories(o['columns'], `${path}.columns`), cells: {} };
    } else if (kind === 'numeric' || kind === 'text') {
      question = { ...head, kind, cells: {} };
    } else {
      question = { ...head, kind: kind as 'choice' | 'multi' | 'ranking', categories: read.categories(o['categories'], `${path}.categories`), cells: {} };
    }
    const cellsIn = read.object(o['cells'], `${path}.cells`);
    for (const key of Object.keys(cellsIn)) {
      if (!hasOwn(respondents, key)) read.fail(`${path}.cells`, `cell ${key.slice(0, 80)} has no respondent count`);
    }
    const cells: Record<CellKey, QuestionCell> = {};
    for (const key of keys) {
      if (hasOwn(cellsIn, key)) cells[key] = read.cell(question, cellsIn[key], `${path}.cells[${key.slice(0, 80)}]`, respondents[key] as number);
    }
    question.cells = cells as never;
    return question;
  });

  const unknownNames = new Set<string>();
  const unknownQuestions = read.array(root['unknownQuestions'] ?? [], 'tally.unknownQuestions').map((entry, i): UnknownQuestionTally => {
    const path = `tally.unknownQuestions[${i}]`;
    const o = read.object(entry, path);
    const name = read.string(o['name'], `${path}.name`);
    if (unknownNames.has(name)) read.fail(`${path}.name`, 'repeats a name');
    unknownNames.add(name);
    const cellsIn = read.object(o['cells'], `${path}.cells`);
    const cells: Record<CellKey, number> = {};
    for (const key of Object.keys(cellsIn)) {
      if (!hasOwn(respondents, key)) read.fail(`${path}.cells`, `cell ${key.slice(0, 80)} has no respondent count`);
      const count = read.count(cellsIn[key], `${path}.cells[${key.slice(0, 80)}]`);
      if (count > (respondents[key] as number)) read.fail(`${path}.cells[${key.slice(0, 80)}]`, 'more than the cell has respondents');
      cells[key] = count;
    }
    return { name, cells };
  });

  if (fingerprintQuestions(questions.map(descriptorOf)) !== definition) {
    read.fail('tally.definition', 'does not match the questions (the tally was edited or is corrupt)');
  }
  const tally: Tally = { format: TALLY_FORMAT, version: TALLY_VERSION, definition, segments, respondents, questions, unknownQuestions };
  if (root['survey'] !== undefined) tally.survey = read.string(root['survey'], 'tally.survey');
  return tally;
}
