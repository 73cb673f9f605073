/**
 * The pieces both CSV writers share (raw tallies in `csv.ts`, published tallies in
 * `csv-published.ts`): options, RFC 4180 fields with the formula guard, and number fields.
 *
 * @module
 */

/** Options of `toCSV`. */
export interface CsvOptions {
  /** Write category labels instead of stored values in `choice` and `row` (default false). */
  labels?: boolean;
  /** Decimal places of `percent` (default 1). */
  percentDecimals?: number;
  /** Leave out the byte-order mark (for tools that choke on it). */
  bom?: boolean;
  /**
   * A published tally only: `tidy` (default), one row per number; or `wide`, one row per
   * question and published cell with a column per answer (see `csv-wide.ts`).
   */
  layout?: 'tidy' | 'wide';
  /**
   * A published tally only: `drop` (default) leaves out rows with nothing to show (a hidden
   * count in the tidy layout; a row whose every number is hidden in the wide one); `keep`
   * writes them, marked.
   */
  hidden?: 'drop' | 'keep';
  /**
   * A published tally only: the words after the hidden mark in the `note` column (default
   * `hidden to protect small groups`); a page in Welsh passes its own.
   */
  hiddenLegend?: string;
}

/**
 * The one mark of a hidden number, in every export as on every chart, whatever the reason it
 * was hidden ("[c]", as statistical offices print it): a reader learns that a number is not
 * shown, never whether it was small or hidden to protect another one.
 */
export const HIDDEN_MARK = '[c]';

/** The legend of the hidden mark, written in the `note` of every row that shows it. */
export const HIDDEN_LEGEND = 'hidden to protect small groups';

/** The `note` of a row that shows the mark: the mark and its legend. */
export const hiddenNote = (options: CsvOptions): string => `${HIDDEN_MARK} ${options.hiddenLegend ?? HIDDEN_LEGEND}`;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 * carriage return first) gets a leading apostrophe: labels and segment values come from
 * definitions and respondents, and a cell like `=HYPERLINK(…)` must stay text.
 */
export function csvField(value: string, guardFormula = true): string {
  let text = value;
  if (guardFormula && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A finite number as text, anything else (a hidden or absent number) as an empty field. */
export const numberField = (value: unknown): string =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : '';

/** Byte-order mark (unless refused), the lines joined with CRLF, and a final CRLF. */
export const csvDocument = (lines: readonly string[], options: CsvOptions): string =>
  (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
