/**
 * Tidy long-form CSV of a tally: one row per published number, so a spreadsheet pivot or
 * R/pandas can take it as is. UTF-8 with a byte-order mark because Excel otherwise reads
 * Welsh and other non-ASCII text as mojibake.
 *
 * Columns: `question`, `row` (matrix row, ranking position, else empty), `choice`, one
 * column per segment key, `count`, `base`, `percent`.
 *
 * Rows per question kind, per cell:
 * - choice: each category (base = respondents who answered, i.e. not "not answered"), then
 *   `(unknown value)` on the same base, then `(not answered)` on the base of all respondents;
 * - multi: each category (base = respondents who ticked anything: % of respondents), the
 *   unknown ticks, `(not answered)`;
 * - matrix: per row, each column (base = respondents who answered that row), unknown, not
 *   answered;
 * - ranking: `row` is the rank position (1 = first), base = respondents who ranked;
 * - numeric: `(answered)`, then the statistics `mean`, `p25`, `median`, `p75` with the
 *   value in `count`, the answered count in `base` and no percent (min and max are never
 *   exported: in a small cell they are one person's answer);
 * - text: `(answered)` and `(not answered)`; the text itself is never in a tally;
 * - unknown questions: `(unknown question)` against all respondents.
 *
 * A count that is not a number (`null`) is written as an empty field, and its percent too.
 *
 * A raw tally has small numbers: what leaves a partnership should be `toCSV(suppress(t))`,
 * the published tally's CSV (same columns plus `note`, see `csv-published.ts`).
 */
import { sketchQuantile } from './tally.js';
import { serializeTally } from './serialize.js';
import { csvDocument, csvField, numberField, type CsvOptions } from './csv-field.js';
import { publishedToWideCSV } from './csv-wide.js';
import { publishedToCSV } from './csv-published.js';
import { PUBLISHED_FORMAT, type PublishedTally } from './suppress.js';
import {
  NOT_ANSWERED,
  UNKNOWN_QUESTION,
  UNKNOWN_VALUE,
  parseCellKey,
  type Category,
  type CellKey,
  type QuestionTally,
  type Tally,
} from './types.js';

export { csvField, type CsvOptions } from './csv-field.js';

const isPublished = (tally: Tally | PublishedTally): tally is PublishedTally => tally.format === PUBLISHED_FORMAT;

/**
 * Builds the tidy long-form CSV text of a tally (see the module comment for its rows) or of
 * a published tally from `suppress`, which is what a partnership should hand out: then
 * hidden numbers are empty fields explained by a `note` column (see `publishedToCSV`).
 */
export function toCSV(tally: Tally | PublishedTally, options: CsvOptions = {}): string {
  if (isPublished(tally)) return options.layout === 'wide' ? publishedToWideCSV(tally, options) : publishedToCSV(tally, options);
  const decimals = options.percentDecimals ?? 1;
  const lines: string[] = [];
  lines.push(['question', 'row', 'choice', ...tally.segments, 'count', 'base', 'percent'].map((field) => csvField(field)).join(','));
  const keys = Object.keys(tally.respondents);
  const segmentFields = new Map<CellKey, string>(
    keys.map((key) => [key, parseCellKey(key).map((value) => csvField(value ?? '')).join(',')]),
  );
  const name = (category: Category) => (options.labels && category.label !== undefined ? category.label : category.value);
  const percent = (count: unknown, base: unknown): string => {
    if (typeof count !== 'number' || typeof base !== 'number' || !Number.isFinite(count) || !(base > 0)) return '';
    return ((count / base) * 100).toFixed(decimals);
  };
  const line = (question: string, row: string, choice: string, key: CellKey, count: unknown, base: unknown, withPercent = true) => {
    const segments = segmentFields.get(key) as string;
    const fields = [csvField(question), csvField(row), csvField(choice)];
    if (tally.segments.length > 0) fields.push(segments);
    fields.push(numberField(count), numberField(base), withPercent ? percent(count, base) : '');
    lines.push(fields.join(','));
  };

  for (const question of tally.questions) {
    for (const key of keys) {
      const cell = question.cells[key];
      if (cell === undefined) continue;
      writeQuestion(question, key, tally.respondents[key], line, name);
    }
  }
  for (const unknown of tally.unknownQuestions) {
    for (const key of keys) {
      const count = unknown.cells[key];
      if (count !== undefined) line(unknown.name, '', UNKNOWN_QUESTION, key, count, tally.respondents[key]);
    }
  }
  return csvDocument(lines, options);
}

type Line = (question: string, row: string, choice: string, key: CellKey, count: unknown, base: unknown, withPercent?: boolean) => void;

/** Difference that stays "unknown" (undefined) when either side is not a number. */
const minus = (a: unknown, b: unknown): number | undefined =>
  typeof a === 'number' && typeof b === 'number' ? a - b : undefined;

function writeQuestion(question: QuestionTally, key: CellKey, respondents: unknown, line: Line, name: (c: Category) => string): void {
  const q = question.name;
  switch (question.kind) {
    case 'choice': {
      const cell = question.cells[key];
      if (!cell) return;
      const base = minus(respondents, cell.notAnswered);
      question.categories.forEach((category, i) => line(q, '', name(category), key, cell.counts[i], base));
      line(q, '', UNKNOWN_VALUE, key, cell.unknown, base);
      line(q, '', NOT_ANSWERED, key, cell.notAnswered, respondents);
      return;
    }
    case 'multi': {
      const cell = question.cells[key];
      if (!cell) return;
      question.categories.forEach((category, i) => line(q, '', name(category), key, cell.counts[i], cell.answered));
      line(q, '', UNKNOWN_VALUE, key, cell.unknownSelections, cell.answered);
      line(q, '', NOT_ANSWERED, key, cell.notAnswered, respondents);
      return;
    }
    case 'matrix': {
      const cell = question.cells[key];
      if (!cell) return;
      question.rows.forEach((row, r) => {
        const base = minus(respondents, cell.rowNotAnswered[r]);
        question.columns.forEach((column, c) => line(q, name(row), name(column), key, cell.counts[r]?.[c], base));
        line(q, name(row), UNKNOWN_VALUE, key, cell.rowUnknown[r], base);
        line(q, name(row), NOT_ANSWERED, key, cell.rowNotAnswered[r], respondents);
      });
      return;
    }
    case 'ranking': {
      const cell = question.cells[key];
      if (!cell) return;
      question.categories.forEach((category, i) => {
        question.categories.forEach((_, position) => line(q, String(position + 1), name(category), key, cell.counts[i]?.[position], cell.answered));
      });
      line(q, '', UNKNOWN_VALUE, key, cell.unknown, cell.answered, false);
      line(q, '', NOT_ANSWERED, key, cell.notAnswered, respondents);
      return;
    }
    case 'numeric': {
      const cell = question.cells[key];
      if (!cell) return;
      line(q, '', '(answered)', key, cell.count, respondents);
      const count = cell.count;
      const published = typeof count === 'number' && count > 0 && cell.sketch;
      const mean = published && typeof cell.sum === 'number' ? cell.sum / count : undefined;
      line(q, '', 'mean', key, mean, count, false);
      for (const [label, at] of [['p25', 0.25], ['median', 0.5], ['p75', 0.75]] as const) {
        line(q, '', label, key, published ? sketchQuantile(cell.sketch, at) : undefined, count, false);
      }
      line(q, '', UNKNOWN_VALUE, key, cell.unknown, respondents);
      line(q, '', NOT_ANSWERED, key, cell.notAnswered, respondents);
      return;
    }
    case 'text': {
      const cell = question.cells[key];
      if (!cell) return;
      line(q, '', '(answered)', key, cell.answered, respondents);
      line(q, '', NOT_ANSWERED, key, cell.notAnswered, respondents);
      return;
    }
  }
}

/**
 * The tally as JSON text: a raw tally in the versioned format `parseTally` reads; a
 * published tally as its own plain JSON (`format: 'pupil-voice/published-tally'`), hidden
 * numbers as `{ "value": null, "suppressed": true, "reason": … }`, so the file holds nothing
 * the publication did not.
 */
export function toJSON(tally: Tally | PublishedTally): string {
  return isPublished(tally) ? JSON.stringify(tally) : serializeTally(tally);
}
