import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';

/**
 * The markup of a single-choice grid, from plain values: `<pv-matrix-question>` draws it from
 * survey-core's rows and columns, and the early page (survey/first-paint.ts) from the JSON
 * before survey-core has arrived. One function for both is what keeps the two box trees equal,
 * so nothing moves when the model's grid replaces the early one. No survey-core here.
 */

type Content = TemplateResult | string | typeof nothing;

/** The table around the rows: named by the question title, one header per answer column. */
export interface MatrixTableMarkup {
  /** Id of the question title (the table's name). */
  readonly labelledBy: string;
  readonly describedBy: string | typeof nothing;
  /** Column headers' content, in order. */
  readonly columns: readonly Content[];
  readonly showHeader: boolean;
}

/** The grid: the table, its column headers and `rows` (the `<tr>`s) in its body. */
export function renderMatrixTable(table: MatrixTableMarkup, rows: unknown): TemplateResult {
  const { columns } = table;
  return html`<div class="pv-matrix" style=${styleMap({ '--_columns': String(columns.length) })}>
    <table class="pv-matrix-table" part="table" aria-labelledby=${table.labelledBy} aria-describedby=${table.describedBy}>
      <colgroup>
        <col class="pv-matrix-header-col" />
        ${columns.map(() => html`<col />`)}
      </colgroup>
      ${table.showHeader
        ? html`<thead>
            <tr>
              <td class="pv-matrix-corner"></td>
              ${columns.map((column) => html`<th scope="col" class="pv-matrix-column-header">${column}</th>`)}
            </tr>
          </thead>`
        : nothing}
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** One statement row. */
export interface MatrixRowMarkup {
  /** Id of the row header's text: the row group's name. */
  readonly headerId: string;
  readonly header: Content;
  /** The row's own message, when it needs an answer (or a different one). */
  readonly error?: { readonly id: string; readonly prefix: string; readonly text: string };
  /** Tick-boxes (`cellType: "checkbox"`) instead of radios. */
  readonly multi: boolean;
  /** Space-separated ids describing the row group. */
  readonly describedBy: string;
  /** Every row must be answered (`eachRowRequired`). */
  readonly required: boolean;
  /** Shared `name` of the row's radios. */
  readonly name: string;
  /** Id of the first control, given to the first row's first answer only. */
  readonly controlId?: string;
  readonly disabled: boolean;
}

/** One answer cell of a row. */
export interface MatrixCellMarkup {
  readonly checked: boolean;
  readonly label: Content;
  /** The label is the cell's own text (`cells`), not the column's. */
  readonly cellText?: boolean;
}

/** A row: its header (and message), then one radio group of every column. */
export function renderMatrixRow(row: MatrixRowMarkup, cells: readonly MatrixCellMarkup[], onChange: (column: number) => void): TemplateResult {
  const invalid = row.error !== undefined;
  const { multi } = row;
  return html`<tr class="pv-matrix-row ${invalid ? 'pv-matrix-row--invalid' : ''}" part="row">
    <th scope="row" class="pv-matrix-row-header" part="row-header">
      <span id=${row.headerId}>${row.header}</span>
      ${row.error
        ? html`<span class="pv-error-message pv-matrix-row-error" id=${row.error.id} part="row-error"
            ><span class="pv-visually-hidden">${row.error.prefix}</span> ${row.error.text}</span
          >`
        : nothing}
    </th>
    <td class="pv-matrix-answers" colspan=${cells.length}>
      <div
        class="pv-matrix-group"
        role=${multi ? 'group' : 'radiogroup'}
        aria-labelledby=${row.headerId}
        aria-describedby=${row.describedBy}
        aria-required=${!multi && row.required ? 'true' : nothing}
        aria-invalid=${!multi && invalid ? 'true' : nothing}
      >
        ${cells.map(
          (cell, column) => html`<label class="pv-option pv-matrix-option" part="option">
            <input
              type=${multi ? 'checkbox' : 'radio'}
              name=${row.name}
              id=${column === 0 && row.controlId ? row.controlId : nothing}
              .checked=${live(cell.checked)}
              ?disabled=${row.disabled}
              @change=${() => onChange(column)}
            />
            <span class=${cell.cellText ? 'pv-matrix-cell-text' : 'pv-matrix-choice-text'}>${cell.label}</span>
          </label>`,
        )}
      </div>
    </td>
  </tr>`;
}
