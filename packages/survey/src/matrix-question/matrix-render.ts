import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';

/**
 * How a matrix is drawn, from plain data: `<pv-matrix-question>` builds these views from
 * survey-core's rows and columns. The early page writes the same markup as text from the
 * definition (survey/early-markup.ts); first-paint.test.ts holds the two equal. Nothing here
 * imports survey-core.
 */

/** Text as the renderers hand it to Lit: a plain string, sanitised HTML, or nothing. */
export type MatrixText = TemplateResult | string | typeof nothing;

/** One answer of one row. */
export interface MatrixCellView {
  /** The cell's own text (`cells`), or the column text, which is visually hidden in the wide layout. */
  readonly text: MatrixText;
  /** True when `text` is the cell's own text, shown in every layout. */
  readonly ownText: boolean;
  readonly checked: boolean;
}

/** One statement row. */
export interface MatrixRowView {
  /** Id of the row header text; the row's group is labelled by it. */
  readonly headerId: string;
  readonly header: MatrixText;
  /** Id of the row's own message, referenced while the row shows one. */
  readonly errorId: string;
  /** The row's message when it needs attention. */
  readonly error?: string;
  /** Visually hidden word before an error message ("Error:"), in the respondent's language. */
  readonly errorPrefix: string;
  /** Space-separated ids describing the row's group (question title, row error, description). */
  readonly describedBy: string;
  /** The `name` shared by the row's inputs: one tab stop per row, arrows move and select. */
  readonly inputName: string;
  /** Checkboxes in a `group` (cellType checkbox) instead of radios in a `radiogroup`. */
  readonly multi: boolean;
  /** Every row needs an answer (eachRowRequired); said on radio groups. */
  readonly required: boolean;
  readonly disabled: boolean;
  /** Id of the first input, given on the first row only: the target of the error summary's link. */
  readonly firstControlId?: string;
  readonly cells: readonly MatrixCellView[];
  /** Called with the column's index when the respondent picks (or toggles) that answer. */
  readonly pick: (column: number) => void;
}

/** The table around the rows. */
export interface MatrixTableView {
  /** Id of the question title, which names the table. */
  readonly labelledBy: string;
  readonly describedBy: string | typeof nothing;
  /** Column headers; the header row is left out when `showHeader` is false. */
  readonly columns: readonly MatrixText[];
  readonly showHeader: boolean;
  /** The rows, usually `repeat(...)` over `renderMatrixRow`. */
  readonly rows: unknown;
}

/**
 * The table: `<th scope="col">` column headers and a body of rows. See `PvMatrixQuestion` for
 * why each row's answers share one cell holding a radio group.
 */
export function renderMatrixTable(view: MatrixTableView): TemplateResult {
  return html`<div class="pv-matrix" style=${styleMap({ '--_columns': String(view.columns.length) })}>
    <table class="pv-matrix-table" part="table" aria-labelledby=${view.labelledBy} aria-describedby=${view.describedBy}>
      <colgroup>
        <col class="pv-matrix-header-col" />
        ${view.columns.map(() => html`<col />`)}
      </colgroup>
      ${view.showHeader
        ? html`<thead>
            <tr>
              <td class="pv-matrix-corner"></td>
              ${view.columns.map((text) => html`<th scope="col" class="pv-matrix-column-header">${text}</th>`)}
            </tr>
          </thead>`
        : nothing}
      <tbody>
        ${view.rows}
      </tbody>
    </table>
  </div>`;
}

/** One statement row: its header (with its own message) and one group holding its answers. */
export function renderMatrixRow(row: MatrixRowView): TemplateResult {
  const invalid = row.error !== undefined;
  return html`<tr class="pv-matrix-row ${invalid ? 'pv-matrix-row--invalid' : ''}" part="row">
    <th scope="row" class="pv-matrix-row-header" part="row-header">
      <span id=${row.headerId}>${row.header}</span>
      ${invalid
        ? html`<span class="pv-error-message pv-matrix-row-error" id=${row.errorId} part="row-error"
            ><span class="pv-visually-hidden">${row.errorPrefix}</span> ${row.error}</span
          >`
        : nothing}
    </th>
    <td class="pv-matrix-answers" colspan=${row.cells.length}>
      <div
        class="pv-matrix-group"
        role=${row.multi ? 'group' : 'radiogroup'}
        aria-labelledby=${row.headerId}
        aria-describedby=${row.describedBy}
        aria-required=${!row.multi && row.required ? 'true' : nothing}
        aria-invalid=${!row.multi && invalid ? 'true' : nothing}
      >
        ${row.cells.map(
          (cell, index) => html`<label class="pv-option pv-matrix-option" part="option">
            <input
              type=${row.multi ? 'checkbox' : 'radio'}
              name=${row.inputName}
              id=${index === 0 && row.firstControlId ? row.firstControlId : nothing}
              .checked=${live(cell.checked)}
              ?disabled=${row.disabled}
              @change=${() => row.pick(index)}
            />
            <span class=${cell.ownText ? 'pv-matrix-cell-text' : 'pv-matrix-choice-text'}>${cell.text}</span>
          </label>`,
        )}
      </div>
    </td>
  </tr>`;
}
