/**
 * Tidy long-form CSV of a published tally (the output of `suppress`): what a partnership
 * hands to schools, governors and the local authority, so it has the same shape as the raw
 * tally's CSV and one more column marking a number that is hidden.
 *
 * Columns: `question`, `row` (matrix row, ranking position, else empty), `choice`, one
 * column per segment key (`(all)` where the segment is totalled), `count`, `base`,
 * `percent`, `note`. UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting, formula guard.
 *
 * A hidden number is `[c]` (`HIDDEN_MARK`) in `count` or `base`, the `percent` beside it is
 * `[c]` too, and `note` carries the legend (`[c] hidden to protect small groups`): the same
 * mark for every hidden number, never why (below k or protecting another number: that
 * distinction would tell a reader which hidden numbers are small), and the same mark the
 * charts and the wide layout print. A percent appears only where its count and its base are
 * both shown. The published tally holds no hidden value, so neither can the CSV.
 *
 * Rows per published cell (bases are the published tally's own, see `suppress`):
 * - choice: each category on the base of respondents who chose a defined category; each
 *   published grouping as `(grouping) <name>` on the same base; `(missing)` (not answered
 *   or a value outside the definition) on all respondents of the cell;
 * - multi: each category on the base of respondents who ticked anything; `(missing)`;
 * - matrix: per row, each column, groupings and `(missing)` as for choice;
 * - ranking: `row` is the rank position (1 = first), base = respondents who ranked;
 *   `(missing)`;
 * - numeric: `(answered)` on all respondents, then `mean`, `sd`, `p25`, `median`, `p75` with
 *   the statistic in `count`, the answered count in `base` and no percent (`[c]` with the legend when the base is
 *   hidden; never min or max); `(missing)`;
 * - text: `(answered)` and `(missing)` on all respondents;
 * - unknown questions: `(unknown question)` on all respondents.
 *
 * Every number in `count` and `base` is therefore at least k, except a `(missing)` count of
 * 0 (shown by `suppress`, it says nobody skipped) and the statistics of numeric questions.
 *
 * @module
 */
import { HIDDEN_MARK, csvDocument, csvField, hiddenNote, numberField, type CsvOptions } from './csv-field.js';
import {
  TOTAL,
  parsePublishedKey,
  shownCount,
  isHidden,
  type PublishedChoiceCell,
  type PublishedCount,
  type PublishedKey,
  type PublishedQuestion,
  type PublishedTally,
} from './suppress.js';
import { UNKNOWN_QUESTION, type Category } from './types.js';

/** `choice` of the row counting respondents with no usable answer (not answered, or a value
 * outside the definition): `suppress` publishes those as one number. */
export const MISSING = '(missing)';
/** Segment column value of a totalled segment (all schools, all audiences…). */
export const TOTAL_VALUE = '(all)';
/** A published number as a field: the number, or the hidden mark. */
const countField = (count: PublishedCount | undefined): string => (count !== undefined && isHidden(count) ? HIDDEN_MARK : numberField(shownCount(count)));

/** True when a row shows the hidden mark in its count or its base. */
const marked = (count: PublishedCount, base: PublishedCount | undefined): boolean => isHidden(count) || (base !== undefined && isHidden(base));

/** One written row before its segment fields. */
type Row = (row: string, choice: string, count: PublishedCount, base: PublishedCount | undefined) => void;
/** A statistic row: value in `count`, the answered count in `base`, no percent. */
type Statistic = (choice: string, value: number | null, base: PublishedCount) => void;

/**
 * Builds the CSV text of a published tally (see the module comment for columns, rows and
 * the hidden mark). `toCSV` calls this for a `PublishedTally`.
 */
export function publishedToCSV(published: PublishedTally, options: CsvOptions = {}): string {
  const decimals = options.percentDecimals ?? 1;
  const lines: string[] = [
    ['question', 'row', 'choice', ...published.segments, 'count', 'base', 'percent', 'note'].map((f) => csvField(f)).join(','),
  ];
  const keys = Object.keys(published.respondents);
  const segmentFields = new Map<PublishedKey, string[]>(
    keys.map((key) => [key, parsePublishedKey(key).map((value) => csvField(value === TOTAL ? TOTAL_VALUE : (value ?? '')))]),
  );
  const name = (category: Category) => (options.labels && category.label !== undefined ? category.label : category.value);
  const note = hiddenNote(options);
  const percentOf = (count: PublishedCount, base: PublishedCount | undefined): string => {
    if (marked(count, base)) return HIDDEN_MARK;
    const shown = shownCount(count);
    const of = shownCount(base);
    return shown !== null && of !== null && of > 0 ? ((shown / of) * 100).toFixed(decimals) : '';
  };
  const keep = options.hidden === 'keep';

  for (const question of published.questions) {
    for (const key of keys) {
      const segments = segmentFields.get(key)!;
      const write = (row: string, choice: string, fields: [count: string, base: string, percent: string], hidden: boolean) =>
        lines.push([csvField(question.name), csvField(row), csvField(choice), ...segments, ...fields, hidden ? csvField(note) : ''].join(','));
      const row: Row = (r, choice, count, base) => {
        // Nothing to show: by default a row with a hidden count is left out.
        if (!keep && isHidden(count)) return;
        write(r, choice, [countField(count), countField(base), percentOf(count, base)], marked(count, base));
      };
      const statistic: Statistic = (choice, value, base) => {
        // A statistic of a hidden base is hidden with it.
        if (isHidden(base)) {
          if (keep) write('', choice, [HIDDEN_MARK, HIDDEN_MARK, ''], true);
          return;
        }
        if (!keep && value === null) return;
        write('', choice, [numberField(value), countField(base), ''], false);
      };
      writeQuestion(question, key, published.respondents[key]!, row, statistic, name);
    }
  }
  for (const unknown of published.unknownQuestions) {
    for (const key of keys) {
      const count = unknown.cells[key];
      if (count === undefined || (options.hidden !== 'keep' && isHidden(count))) continue;
      const base = published.respondents[key]!;
      lines.push(
        [csvField(unknown.name), '', csvField(UNKNOWN_QUESTION), ...segmentFields.get(key)!, countField(count), countField(base), percentOf(count, base), marked(count, base) ? csvField(note) : ''].join(','),
      );
    }
  }
  return csvDocument(lines, options);
}

function writeQuestion(
  question: PublishedQuestion,
  key: PublishedKey,
  respondents: PublishedCount,
  row: Row,
  statistic: Statistic,
  name: (category: Category) => string,
): void {
  const choiceRows = (r: string, columns: readonly Category[], cell: PublishedChoiceCell) => {
    columns.forEach((column, c) => row(r, name(column), cell.counts[c]!, cell.base));
    for (const [group, count] of Object.entries(cell.groups ?? {})) row(r, `(grouping) ${group}`, count, cell.base);
    row(r, MISSING, cell.missing, respondents);
  };
  switch (question.kind) {
    case 'choice': {
      const cell = question.cells[key];
      if (cell) choiceRows('', question.categories, cell);
      return;
    }
    case 'multi': {
      const cell = question.cells[key];
      if (!cell) return;
      question.categories.forEach((category, i) => row('', name(category), cell.counts[i]!, cell.base));
      row('', MISSING, cell.missing, respondents);
      return;
    }
    case 'matrix': {
      const cell = question.cells[key];
      if (!cell) return;
      question.rows.forEach((matrixRow, r) => choiceRows(name(matrixRow), question.columns, cell.rows[r]!));
      return;
    }
    case 'ranking': {
      const cell = question.cells[key];
      if (!cell) return;
      question.categories.forEach((category, i) => {
        question.categories.forEach((_, position) => row(String(position + 1), name(category), cell.counts[i]![position]!, cell.base));
      });
      row('', MISSING, cell.missing, respondents);
      return;
    }
    case 'numeric': {
      const cell = question.cells[key];
      if (!cell) return;
      row('', '(answered)', cell.base, respondents);
      statistic('mean', cell.mean, cell.base);
      statistic('sd', cell.standardDeviation, cell.base);
      (['p25', 'median', 'p75'] as const).forEach((label, i) => statistic(label, cell.quartiles?.[i] ?? null, cell.base));
      row('', MISSING, cell.missing, respondents);
      return;
    }
    case 'text': {
      const cell = question.cells[key];
      if (!cell) return;
      row('', '(answered)', cell.base, respondents);
      row('', MISSING, cell.missing, respondents);
      return;
    }
  }
}
