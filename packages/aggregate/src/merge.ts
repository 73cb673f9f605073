/**
 * Adding tallies up: how a partnership combines two hundred schools' tallies without ever
 * holding a raw response. `merge` is associative and commutative (exactly, for counts and
 * sketches; sums of non-integer numbers may differ in the last bits with the order).
 */
import {
  TALLY_FORMAT,
  TALLY_VERSION,
  type CellKey,
  type ChoiceCell,
  type MatrixCell,
  type MultiCell,
  type NumericCell,
  type QuantileSketch,
  type QuestionCell,
  type QuestionTally,
  type RankingCell,
  type Tally,
  type TextCell,
  type UnknownQuestionTally,
} from './types.js';
import { SKETCH_ACCURACY } from './tally.js';

/** Thrown when tallies cannot be added up because they do not count the same things. */
export class TallyMismatchError extends Error {
  override name = 'TallyMismatchError';
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** An all-zero cell for a question: what a missing cell means. */
export function emptyCell(question: QuestionTally): QuestionCell {
  switch (question.kind) {
    case 'choice':
      return { counts: question.categories.map(() => 0), unknown: 0, notAnswered: 0 } satisfies ChoiceCell;
    case 'multi':
      return {
        counts: question.categories.map(() => 0),
        answered: 0,
        notAnswered: 0,
        selections: 0,
        unknownSelections: 0,
      } satisfies MultiCell;
    case 'ranking':
      return {
        counts: question.categories.map(() => question.categories.map(() => 0)),
        answered: 0,
        notAnswered: 0,
        unknown: 0,
      } satisfies RankingCell;
    case 'matrix':
      return {
        counts: question.rows.map(() => question.columns.map(() => 0)),
        rowUnknown: question.rows.map(() => 0),
        rowNotAnswered: question.rows.map(() => 0),
        answered: 0,
        notAnswered: 0,
        unknownRows: 0,
      } satisfies MatrixCell;
    case 'numeric':
      return {
        count: 0,
        sum: 0,
        sumSquares: 0,
        min: null,
        max: null,
        sketch: { accuracy: SKETCH_ACCURACY, zero: 0, positive: [], negative: [] },
        unknown: 0,
        notAnswered: 0,
      } satisfies NumericCell;
    case 'text':
      return { answered: 0, notAnswered: 0 } satisfies TextCell;
  }
}

function addVector(target: number[], source: readonly number[]): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] as number) + (source[i] ?? 0);
}
function addGrid(target: number[][], source: readonly number[][]): void {
  for (let i = 0; i < target.length; i++) addVector(target[i] as number[], source[i] ?? []);
}

function addBuckets(a: ReadonlyArray<[number, number]>, b: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (left !== undefined && (right === undefined || left[0] < right[0])) {
      out.push([left[0], left[1]]);
      i++;
    } else if (right !== undefined && (left === undefined || right[0] < left[0])) {
      out.push([right[0], right[1]]);
      j++;
    } else if (left !== undefined && right !== undefined) {
      out.push([left[0], left[1] + right[1]]);
      i++;
      j++;
    }
  }
  return out;
}

/** Adds two quantile sketches of the same accuracy. */
export function mergeSketches(a: QuantileSketch, b: QuantileSketch): QuantileSketch {
  if (a.accuracy !== b.accuracy) throw new TallyMismatchError('Quantile sketches of different accuracy cannot be merged.');
  return { accuracy: a.accuracy, zero: a.zero + b.zero, positive: addBuckets(a.positive, b.positive), negative: addBuckets(a.negative, b.negative) };
}

const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** Adds `source` into `target`, a cell of the same question that this module owns. */
function addInto(kind: QuestionTally['kind'], target: QuestionCell, source: QuestionCell): void {
  switch (kind) {
    case 'choice': {
      const x = target as ChoiceCell;
      const y = source as ChoiceCell;
      addVector(x.counts, y.counts);
      x.unknown += y.unknown;
      x.notAnswered += y.notAnswered;
      return;
    }
    case 'multi': {
      const x = target as MultiCell;
      const y = source as MultiCell;
      addVector(x.counts, y.counts);
      x.answered += y.answered;
      x.notAnswered += y.notAnswered;
      x.selections += y.selections;
      x.unknownSelections += y.unknownSelections;
      return;
    }
    case 'ranking': {
      const x = target as RankingCell;
      const y = source as RankingCell;
      addGrid(x.counts, y.counts);
      x.answered += y.answered;
      x.notAnswered += y.notAnswered;
      x.unknown += y.unknown;
      return;
    }
    case 'matrix': {
      const x = target as MatrixCell;
      const y = source as MatrixCell;
      addGrid(x.counts, y.counts);
      addVector(x.rowUnknown, y.rowUnknown);
      addVector(x.rowNotAnswered, y.rowNotAnswered);
      x.answered += y.answered;
      x.notAnswered += y.notAnswered;
      x.unknownRows += y.unknownRows;
      return;
    }
    case 'numeric': {
      const x = target as NumericCell;
      const y = source as NumericCell;
      x.count += y.count;
      x.sum += y.sum;
      x.sumSquares += y.sumSquares;
      x.min = minOf(x.min, y.min);
      x.max = maxOf(x.max, y.max);
      x.sketch = mergeSketches(x.sketch, y.sketch);
      x.unknown += y.unknown;
      x.notAnswered += y.notAnswered;
      return;
    }
    case 'text': {
      const x = target as TextCell;
      const y = source as TextCell;
      x.answered += y.answered;
      x.notAnswered += y.notAnswered;
      return;
    }
  }
}

function assertCompatible(first: Tally, other: Tally, position: number): void {
  const where = `tally ${position + 1}`;
  if (other.format !== TALLY_FORMAT || other.version !== TALLY_VERSION) {
    throw new TallyMismatchError(`${where} is not a version ${TALLY_VERSION} tally.`);
  }
  if (other.definition !== first.definition) {
    throw new TallyMismatchError(
      `${where} counts a different survey definition (fingerprint ${other.definition}, expected ${first.definition}); ` +
        'tally every part with the same definition before merging.',
    );
  }
  if (other.segments.length !== first.segments.length || other.segments.some((key, i) => key !== first.segments[i])) {
    throw new TallyMismatchError(
      `${where} is split by [${other.segments.join(', ')}], expected [${first.segments.join(', ')}]; ` +
        'tally every part with the same segments, in the same order.',
    );
  }
  if (other.questions.length !== first.questions.length || other.questions.some((q, i) => q.name !== first.questions[i]?.name || q.kind !== first.questions[i]?.kind)) {
    throw new TallyMismatchError(`${where} has different questions from tally 1 although its fingerprint matches: it was edited.`);
  }
}

/**
 * Adds tallies of the same definition and segments into one, as if all their responses had
 * been tallied together. Throws {@link TallyMismatchError} when the definitions or segments
 * differ, rather than producing totals that silently mix different questions.
 *
 * Category labels and titles come from the first tally.
 */
export function merge(...tallies: Tally[]): Tally {
  const first = tallies[0];
  if (first === undefined) throw new TypeError('merge needs at least one tally.');
  tallies.forEach((other, position) => assertCompatible(first, other, position));

  const counted = new Map<CellKey, number>();
  for (const part of tallies) {
    for (const key in part.respondents) counted.set(key, (counted.get(key) ?? 0) + (part.respondents[key] as number));
  }
  const respondents: Record<CellKey, number> = {};
  for (const key of [...counted.keys()].sort(byKey)) respondents[key] = counted.get(key) as number;
  // Internalised keys (read back from an object) make the per-question cell objects cheaper.
  const sortedKeys = Object.keys(respondents);

  const questions = first.questions.map((question, index): QuestionTally => {
    // Accumulate part by part (not key by key): 500 schools each with their own cells
    // would otherwise cost parts × cells lookups per question.
    const sums = new Map<CellKey, QuestionCell>();
    for (const part of tallies) {
      const cells = (part.questions[index] as QuestionTally).cells;
      for (const key in cells) {
        let sum = sums.get(key);
        if (sum === undefined) sums.set(key, (sum = emptyCell(question)));
        addInto(question.kind, sum, cells[key] as QuestionCell);
      }
    }
    const cells: Record<CellKey, QuestionCell> = {};
    for (const key of sortedKeys) cells[key] = sums.get(key) ?? emptyCell(question);
    return { ...describeQuestion(question), cells } as QuestionTally;
  });

  const unknown = new Map<string, Record<CellKey, number>>();
  for (const part of tallies) {
    for (const entry of part.unknownQuestions) {
      let cells = unknown.get(entry.name);
      if (cells === undefined) unknown.set(entry.name, (cells = {}));
      for (const [key, count] of Object.entries(entry.cells)) cells[key] = (cells[key] ?? 0) + count;
    }
  }
  const unknownQuestions: UnknownQuestionTally[] = [...unknown.keys()].sort(byKey).map((name) => {
    const counted = unknown.get(name) as Record<CellKey, number>;
    const cells: Record<CellKey, number> = {};
    for (const key of Object.keys(counted).sort(byKey)) cells[key] = counted[key] as number;
    return { name, cells };
  });

  const merged: Tally = {
    format: TALLY_FORMAT,
    version: TALLY_VERSION,
    definition: first.definition,
    segments: [...first.segments],
    respondents,
    questions,
    unknownQuestions,
  };
  if (first.survey !== undefined) merged.survey = first.survey;
  return merged;
}

/** A question tally's description without its cells (names, categories, title). */
function describeQuestion(question: QuestionTally): Omit<QuestionTally, 'cells'> {
  const { cells: _cells, ...rest } = question;
  return JSON.parse(JSON.stringify(rest)) as Omit<QuestionTally, 'cells'>;
}
