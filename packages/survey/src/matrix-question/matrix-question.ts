import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ItemValue, MatrixRowModel, QuestionMatrixModel } from 'survey-core';
import { renderLocString } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { styles } from './matrix-question.styles.js';

/**
 * A single-choice grid (survey-core `matrix`, a Likert grid): one row per statement, one
 * column per answer.
 *
 * It is a real `<table>` named by the question title, with `<th scope="col">` column headers
 * and `<th scope="row">` row headers. Chromium drops a table's row and cell semantics when a
 * `<tr>` or `<tbody>` carries another role, so each row's answers sit in one cell that spans
 * the answer columns and holds a `role="radiogroup"` (or `role="group"` for
 * `cellType: "checkbox"`) named by the row header and described by the question title. The
 * radios are native and share a name per row: one tab stop per row, arrows move and select.
 * Each radio is named by its column text, so nothing depends on table navigation.
 *
 * With `eachRowRequired` (`isAllRowRequired`) or `eachRowUnique`, every failing row shows its
 * own message, linked to the row's group with `aria-describedby` and marked `aria-invalid`.
 *
 * When the question is narrower than about 32rem the table stacks (CSS only): each row becomes
 * a block with its header above a vertical list of labelled options.
 *
 * @summary Likert grid: one radio group per row inside an accessible table.
 *
 * @csspart question - the question frame
 * @csspart table - the table
 * @csspart row - each statement row
 * @csspart row-header - the statement text
 * @csspart option - each answer (label around the radio)
 * @csspart row-error - the message of a row that needs an answer
 *
 * @cssproperty --pv-matrix-row-header-width - Width of the statement column in the wide layout (default 35%).
 * @cssproperty --pv-matrix-stripe - Background of every other row.
 */
export class PvMatrixQuestion extends PvQuestionElement<QuestionMatrixModel> {
  static override styles = styles;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const q = this.question;
    if (!q) return;
    if (changed.has('question')) {
      // rowsVisibleIf can change the rows without a property change on the question.
      q.visibleRowsChangedCallback = () => this.requestUpdate();
    }
    // Rows keep their own value and error state.
    this.model.observe(q, ...q.visibleRows);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.question) this.question.visibleRowsChangedCallback = () => undefined;
  }

  /** Focuses the first row that needs attention, else the first answer. */
  override focusControl(): void {
    const invalid = this.querySelector<HTMLElement>('[role="radiogroup"][aria-invalid="true"], [role="group"][aria-invalid="true"]');
    const target =
      invalid?.querySelector<HTMLInputElement>('input:checked:not([disabled])') ??
      invalid?.querySelector<HTMLInputElement>('input:not([disabled])');
    if (target) target.focus();
    else super.focusControl();
  }

  private rowHeaderId(row: MatrixRowModel): string {
    return `${this.question.id}_row_${row.id}`;
  }

  private rowErrorId(row: MatrixRowModel): string {
    return `${this.question.id}_row_${row.id}_error`;
  }

  /** survey-core flags failing rows but keeps one message for the question; say why per row. */
  private rowErrorText(row: MatrixRowModel): string {
    const q = this.question;
    const empty = row.value === undefined || row.value === null || row.value === '' ||
      (Array.isArray(row.value) && row.value.length === 0);
    return q.getLocalizationString(empty ? 'requiredError' : 'eachRowUniqueError');
  }

  protected override renderControl(): TemplateResult | typeof nothing {
    const q = this.question;
    const rows = q.visibleRows;
    const columns = q.visibleColumns as ItemValue[];
    if (rows.length === 0 || columns.length === 0) return nothing;
    const showHeader = q.showHeader !== false;
    return html`<div class="pv-matrix" style=${styleMap({ '--_columns': String(columns.length) })}>
      <table class="pv-matrix-table" part="table" aria-labelledby=${this.titleId} aria-describedby=${this.describedBy}>
        <colgroup>
          <col class="pv-matrix-header-col" />
          ${columns.map(() => html`<col />`)}
        </colgroup>
        ${showHeader
          ? html`<thead>
              <tr>
                <td class="pv-matrix-corner"></td>
                ${columns.map(
                  (column) => html`<th scope="col" class="pv-matrix-column-header">${renderLocString(column.locText)}</th>`,
                )}
              </tr>
            </thead>`
          : nothing}
        <tbody>
          ${repeat(
            rows,
            (row) => row.id,
            (row, index) => this.renderRow(row, columns, index),
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(row: MatrixRowModel, columns: ItemValue[], index: number): TemplateResult {
    const q = this.question;
    const headerId = this.rowHeaderId(row);
    const errorId = this.rowErrorId(row);
    const multi = q.isMultiSelect;
    const rowRequired = q.isAllRowRequired;
    const describedBy = [this.titleId, row.hasError ? errorId : '', q.hasDescription ? this.descriptionId : '']
      .filter(Boolean)
      .join(' ');
    const disabled = this.isDisabled || row.isDisabledAttr;
    return html`<tr class="pv-matrix-row ${row.hasError ? 'pv-matrix-row--invalid' : ''}" part="row">
      <th scope="row" class="pv-matrix-row-header" part="row-header">
        <span id=${headerId}>${renderLocString(row.locText)}</span>
        ${row.hasError
          ? html`<span class="pv-error-message pv-matrix-row-error" id=${errorId} part="row-error"
              ><span class="pv-visually-hidden">${this.localize.t.errorPrefix}</span> ${this.rowErrorText(row)}</span
            >`
          : nothing}
      </th>
      <td class="pv-matrix-answers" colspan=${columns.length}>
        <div
          class="pv-matrix-group"
          role=${multi ? 'group' : 'radiogroup'}
          aria-labelledby=${headerId}
          aria-describedby=${describedBy}
          aria-required=${!multi && rowRequired ? 'true' : nothing}
          aria-invalid=${!multi && row.hasError ? 'true' : nothing}
        >
          ${columns.map((column, columnIndex) => {
            const cellText = q.hasCellText ? q.getCellDisplayLocText(row.name, column) : null;
            return html`<label class="pv-option pv-matrix-option" part="option">
              <input
                type=${multi ? 'checkbox' : 'radio'}
                name=${`${q.id}_${row.id}`}
                id=${index === 0 && columnIndex === 0 ? this.controlId : nothing}
                .checked=${live(row.isChecked(column))}
                ?disabled=${disabled}
                @change=${() => row.cellClick(column)}
              />
              <span class=${cellText ? 'pv-matrix-cell-text' : 'pv-matrix-choice-text'}
                >${renderLocString(cellText ?? column.locText)}</span
              >
            </label>`;
          })}
        </div>
      </td>
    </tr>`;
  }
}
