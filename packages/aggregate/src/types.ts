/**
 * Public data types of `@pupil-voice/aggregate`.
 *
 * ## How a cell is addressed (read this before writing code on a Tally)
 *
 * A tally is split by zero or more segment keys, listed in order in `tally.segments`
 * (e.g. `['audience', 'school']`). One **cell** is one combination of segment values,
 * addressed by a {@link CellKey}: the JSON text of the array of segment values in the order
 * of `tally.segments`, built by `cellKey(values)` and read back by `parseCellKey(key)`
 * (both below, re-exported from the package). A missing or non-scalar segment value is
 * `null`; numbers and booleans are turned into strings, so the value `7` and `"7"` share
 * a cell.
 *
 *   segments: ['audience', 'school']   cell key: '["pupil","S001"]'  or  '["parent",null]'
 *   segments: []                       cell key: '[]'  (the one, overall cell)
 *
 * `tally.respondents[key]` is how many responses fell into that cell. Every question tally
 * has `cells[key]` for every key of `tally.respondents` (a key missing from a question's
 * `cells` means all zeros; `merge` and `parseTally` accept that). Inside a cell, counts are
 * plain numbers aligned with the question's `categories` (or `rows` × `columns`), and every
 * cell reconciles with the respondent count: see each `…Cell` type for its identity.
 *
 * There is no "total" cell: a total over a segment is the sum of its cells, so suppression
 * must treat the sums as published margins (complementary suppression).
 *
 * Every object here is plain JSON (no Map, no typed array, no Infinity/NaN), so a tally
 * serialises with `serializeTally` and crosses a worker boundary with `postMessage`.
 */

/** The tally format version written in every serialised tally; bump on breaking change. */
export const TALLY_VERSION = 1 as const;

/** The `format` marker that lets `parseTally` refuse JSON that is not a tally at all. */
export const TALLY_FORMAT = 'pupil-voice/tally' as const;

/** JSON text of the array of segment values of one cell, e.g. `'["pupil","S001"]'`. */
export type CellKey = string;

/** One segment value: a string, or `null` when the response had no (scalar) value. */
export type SegmentValue = string | null;

import type { Category, CategorySpecial, FacetRead, UnsupportedElement } from '@pupil-voice/schema';

export type { Category, CategorySpecial, FacetRead, UnsupportedElement };

/** The shape of a question tally, which decides the cell type. */
export type QuestionKind = 'choice' | 'multi' | 'matrix' | 'ranking' | 'numeric' | 'text';

interface QuestionTallyBase {
  /** The data key of the question (its `valueName` if set, else its `name`). */
  name: string;
  /** The SurveyJS question type (`radiogroup`, `rating`, `checkbox`, `text`…). */
  type: string;
  /** The question title in the default locale, for exports; never respondent text. */
  title?: string;
}

/**
 * One answer per respondent out of a fixed list: radiogroup, dropdown, boolean, rating,
 * single-select imagepicker.
 *
 * Identity: `respondents = sum(counts) + unknown + notAnswered`.
 */
export interface ChoiceCell {
  /** Respondents per category, aligned with `categories`. */
  counts: number[];
  /** Respondents whose answer is not one of the categories (e.g. an old wave's choice). */
  unknown: number;
  /** Respondents with no answer (missing, null, empty string). */
  notAnswered: number;
}

/** Tally of a single-choice question. Boolean categories are `"true"` and `"false"` unless
 * the definition sets `valueTrue`/`valueFalse`. */
export interface ChoiceTally extends QuestionTallyBase {
  kind: 'choice';
  categories: Category[];
  cells: Record<CellKey, ChoiceCell>;
}

/**
 * Several answers per respondent: checkbox, tagbox, multi-select imagepicker. Two
 * denominators: `answered` (respondents, for "% of pupils who ticked X") and `selections`
 * (ticks, for "% of all ticks"). Under-filled selections are fine.
 *
 * Identities: `respondents = answered + notAnswered`;
 * `selections = sum(counts) + unknownSelections`. A respondent whose only ticks are unknown
 * values still counts as answered. An empty array counts as not answered.
 */
export interface MultiCell {
  /** Respondents who ticked each category, aligned with `categories`. */
  counts: number[];
  /** Respondents with at least one tick. */
  answered: number;
  notAnswered: number;
  /** All ticks, known and unknown. Duplicate values in one answer count once. */
  selections: number;
  /** Ticks of values outside `categories`. */
  unknownSelections: number;
}

export interface MultiTally extends QuestionTallyBase {
  kind: 'multi';
  categories: Category[];
  cells: Record<CellKey, MultiCell>;
}

/**
 * A single-choice matrix (`matrix`): one column per row per respondent.
 *
 * Identities, for each row r: `respondents = sum(counts[r]) + rowUnknown[r] + rowNotAnswered[r]`;
 * for the question: `respondents = answered + notAnswered`, where answered means "at least
 * one entry, known or not".
 */
export interface MatrixCell {
  /** `counts[row][column]`, aligned with `rows` and `columns`. */
  counts: number[][];
  /** Per row: respondents whose value for the row is not a defined column. */
  rowUnknown: number[];
  /** Per row: respondents who left the row empty. */
  rowNotAnswered: number[];
  answered: number;
  notAnswered: number;
  /** Entries whose row key is not a defined row (counted per entry). */
  unknownRows: number;
}

export interface MatrixTally extends QuestionTallyBase {
  kind: 'matrix';
  rows: Category[];
  columns: Category[];
  cells: Record<CellKey, MatrixCell>;
}

/**
 * A ranking: the answer is the list of choice values in rank order (possibly partial, when
 * `selectToRankEnabled`).
 *
 * Identities: `respondents = answered + notAnswered`; for each choice c,
 * `sum(counts[c]) <= answered`.
 */
export interface RankingCell {
  /** `counts[choice][position]`: respondents who put the choice at position (0 = first). */
  counts: number[][];
  answered: number;
  notAnswered: number;
  /** Ranked items that are not defined choices (counted per item). */
  unknown: number;
}

export interface RankingTally extends QuestionTallyBase {
  kind: 'ranking';
  categories: Category[];
  cells: Record<CellKey, RankingCell>;
}

/**
 * A mergeable quantile sketch with relative accuracy `accuracy` (DDSketch-style logarithmic
 * buckets): bucket `i` of `positive` holds values in `(γ^(i-1), γ^i]` with
 * `γ = (1+accuracy)/(1-accuracy)`; `negative` mirrors it for `-x`; values with
 * `|x| < 1e-9` go to `zero`. Buckets are `[index, count]` pairs sorted by index. Merging
 * adds bucket counts, so it is exactly associative and commutative.
 */
export interface QuantileSketch {
  accuracy: number;
  zero: number;
  positive: Array<[number, number]>;
  negative: Array<[number, number]>;
}

/**
 * Numbers: `text` with `inputType: "number"` (or range), `slider`, `expression` giving numbers.
 *
 * Identity: `respondents = count + unknown + notAnswered`. `sum`/`sumSquares` are exact
 * while values are integers and sums stay below 2^53; otherwise merge order can change the
 * last bits.
 */
export interface NumericCell {
  /** Respondents with a numeric answer within ±1e15 (numeric strings count). */
  count: number;
  sum: number;
  sumSquares: number;
  /** `null` when `count` is 0 (JSON has no Infinity). */
  min: number | null;
  max: number | null;
  sketch: QuantileSketch;
  /** Respondents whose answer is not a finite number. */
  unknown: number;
  notAnswered: number;
}

export interface NumericTally extends QuestionTallyBase {
  kind: 'numeric';
  cells: Record<CellKey, NumericCell>;
}

/**
 * Free text (text, comment, multipletext, dates, and types we do not break down): only
 * whether it was answered. The text itself never enters a tally.
 *
 * Identity: `respondents = answered + notAnswered`.
 */
export interface TextCell {
  answered: number;
  notAnswered: number;
}

export interface TextTally extends QuestionTallyBase {
  kind: 'text';
  cells: Record<CellKey, TextCell>;
}

export type QuestionTally =
  | ChoiceTally
  | MultiTally
  | MatrixTally
  | RankingTally
  | NumericTally
  | TextTally;

/** Any cell of any question tally. */
export type QuestionCell = QuestionTally['cells'][CellKey];

/**
 * Answers under a data key that the definition does not have (an older wave's question, a
 * typo, a hand-edited export): counted per cell, never dropped. Only the key is kept.
 */
export interface UnknownQuestionTally {
  name: string;
  /** Responses that had a non-empty value under this key, per cell. */
  cells: Record<CellKey, number>;
}

/**
 * A mergeable summary of responses to one survey definition, split by segment keys.
 * Tallies of the same definition and segments add up with `merge`; the sum of per-school
 * tallies equals the tally of all responses.
 */
export interface Tally {
  format: typeof TALLY_FORMAT;
  version: typeof TALLY_VERSION;
  /**
   * Fingerprint of the question descriptors (names, kinds, categories) the tally was built
   * from; `merge` refuses tallies whose fingerprints differ.
   */
  definition: string;
  /** The definition's `title` (default locale) or id, for display only. */
  survey?: string;
  /** Segment keys, in the order of the values inside every {@link CellKey}. */
  segments: string[];
  /** Responses per cell. */
  respondents: Record<CellKey, number>;
  /** One tally per question, in definition order. */
  questions: QuestionTally[];
  /** Data keys not in the definition, sorted by name. */
  unknownQuestions: UnknownQuestionTally[];
}

/** Category label used in exports for respondents who did not answer. */
export const NOT_ANSWERED = '(not answered)';
/** Category label used in exports for answers outside the definition. */
export const UNKNOWN_VALUE = '(unknown value)';
/** Category label used in exports for answers under a data key the definition lacks. */
export const UNKNOWN_QUESTION = '(unknown question)';

/**
 * A question (or one part of a composite question) as read from a SurveyJS definition: what
 * `tally` needs to count answers. Produced by `readDefinition` from the question types'
 * descriptors in `@pupil-voice/schema`; `read` says where the value is when it is not
 * `data[name]` (a matrixdropdown cell, a multipletext item, a question inside dynamic panels).
 */
export type QuestionDescriptor =
  | { kind: 'choice' | 'multi' | 'ranking'; name: string; type: string; title?: string; categories: Category[]; otherIsText?: boolean; read?: FacetRead }
  | { kind: 'matrix'; name: string; type: string; title?: string; rows: Category[]; columns: Category[]; read?: FacetRead }
  | { kind: 'numeric' | 'text'; name: string; type: string; title?: string; read?: FacetRead };

/** A survey definition read into question descriptors. */
export interface DefinitionDescriptor {
  /** Fingerprint of `questions`; equal fingerprints mean tallies can merge. */
  fingerprint: string;
  survey?: string;
  questions: QuestionDescriptor[];
  /** Questions of a type Pupil Voice does not render or collect (slider, matrixdynamic…): not tallied. */
  unsupported?: UnsupportedElement[];
  /**
   * Data keys that belong to a question but are not tallied (the `-Comment` text of
   * "Other" and comment areas): not counted as unknown questions, never read.
   */
  ignoredKeys: string[];
}

/**
 * One response as the collector stores it (`{ id, data, meta }`), or a plain data object
 * (`{ q1: 'yes', … }`) as SurveyJS's `survey.data` gives it. A value is treated as the wire
 * format when it has an object-valued `data` property and no question is called `data`.
 */
export interface WireResponse {
  id?: string;
  data: Record<string, unknown>;
  meta?: Record<string, unknown>;
}
export type ResponseInput = WireResponse | Record<string, unknown>;

/**
 * Responses held column by column (e.g. from a database or Arrow): `columns[key][i]` is the
 * value of key for response i. Segment keys are looked up in `columns` too. All columns must
 * have `length` entries.
 */
export interface ColumnarResponses {
  length: number;
  columns: Record<string, ArrayLike<unknown>>;
}

/**
 * The key of the cell holding these segment values (in the order of `tally.segments`).
 * JSON text keeps any value unambiguous, including values containing separators.
 */
export function cellKey(values: readonly SegmentValue[]): CellKey {
  return JSON.stringify(values);
}

/** The segment values of a cell key; throws on a string that is not a cell key. */
export function parseCellKey(key: CellKey): SegmentValue[] {
  const parsed: unknown = JSON.parse(key);
  if (!Array.isArray(parsed) || !parsed.every((v) => v === null || typeof v === 'string')) {
    throw new TypeError(`Not a cell key: ${key.slice(0, 80)}`);
  }
  return parsed as SegmentValue[];
}
