import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import type {
  Question,
  QuestionMatrixDropdownModel,
  QuestionMatrixDropdownRenderedCell,
  QuestionMatrixDropdownRenderedRow,
} from 'survey-core';
import { renderLocString } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { renderElement } from '../question/render-element.js';
import { renderCellControl } from './cell-controls.js';
import { styles } from './matrixdropdown-question.styles.js';

/**
 * A table of questions (survey-core `matrixdropdown`): rows by columns, each cell its own
 * survey-core question (a dropdown by default, or the column's `cellType`: text, comment,
 * checkbox, radiogroup, boolean, rating, expression; other types go through the normal
 * question dispatch).
 *
 * The layout comes from the model's `renderedTable`, so `transposeData`, column visibility,
 * totals and row titles follow survey-core exactly. The table is named by the question title;
 * headers are `<th scope="col">` and `<th scope="row">`, and every cell control is named by its
 * row header and column header (`aria-labelledby`), so "Art, How often" is announced whether
 * or not the screen reader is in table mode. Cell errors appear inside the cell, linked with
 * `aria-describedby` and marked `aria-invalid`.
 *
 * @summary A table of dropdowns and other inputs, one survey-core question per cell.
 *
 * @csspart question - the question frame
 * @csspart table-wrapper - the scroll container around the table
 * @csspart table - the table
 * @csspart column-header - each column header
 * @csspart row-header - each row header
 * @csspart cell - each answer cell
 *
 * @cssproperty --pv-matrixdropdown-cell-min-width - Narrowest an answer column gets before the table scrolls (default 8rem).
 */
export class PvMatrixDropdownQuestion extends PvQuestionElement<QuestionMatrixDropdownModel> {
  static override styles = styles;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const q = this.question;
    if (!q) return;
    // The rendered table is rebuilt by the model (a property change on the question); the cell
    // questions hold their own values, errors and visibility.
    const cells = q.visibleRows.flatMap((row) => row.cells.map((cell) => cell.question));
    this.model.observe(q, q.renderedTable, ...cells);
  }

  /** Focuses the first cell that needs attention, else the first control. */
  override focusControl(): void {
    const target =
      this.querySelector<HTMLElement>('td [aria-invalid="true"]:not([role]), td [aria-invalid="true"] input') ??
      this.querySelector<HTMLElement>('td input:not([disabled]), td select:not([disabled]), td textarea:not([disabled])');
    target?.focus();
  }

  private columnHeaderId(index: number): string {
    return `${this.question.id}_col_${index}`;
  }

  private rowHeaderId(rowIndex: number): string {
    return `${this.question.id}_row_${rowIndex}`;
  }

  protected override renderControl(): TemplateResult | typeof nothing {
    const q = this.question;
    const table = q.renderedTable;
    if (!table.showTable) return nothing;
    const header = table.showHeader ? table.headerRow : undefined;
    // Error rows are survey-core's place for cell errors; this element shows them in the cell.
    const rows = table.renderedRows.filter((row) => !row.isErrorsRow && row.visible !== false);
    // A read-only table has nothing to tab to, so the scroll container itself takes focus.
    const scrollable = this.isDisabled;
    return html`<div
      class="pv-matrixdropdown"
      part="table-wrapper"
      tabindex=${scrollable ? '0' : nothing}
      role=${scrollable ? 'region' : nothing}
      aria-labelledby=${scrollable ? this.titleId : nothing}
    >
      <table class="pv-matrixdropdown-table" part="table" aria-labelledby=${this.titleId} aria-describedby=${this.describedBy}>
        ${header
          ? html`<thead>
              <tr>
                ${header.cells.map((cell, index) => this.renderHeaderCell(cell, index))}
              </tr>
            </thead>`
          : nothing}
        <tbody>
          ${rows.map((row, rowIndex) => this.renderRow(row, rowIndex, header))}
        </tbody>
        ${table.showFooter
          ? html`<tfoot>
              ${this.renderRow(table.footerRow, rows.length, header)}
            </tfoot>`
          : nothing}
      </table>
    </div>`;
  }

  private renderHeaderCell(cell: QuestionMatrixDropdownRenderedCell, index: number): TemplateResult {
    if (!cell.hasTitle) return html`<td class="pv-matrixdropdown-corner"></td>`;
    const required = !!cell.column?.isRequired;
    return html`<th
      scope="col"
      class="pv-matrixdropdown-column-header"
      part="column-header"
      style=${styleMap(cell.minWidth ? { minWidth: cell.minWidth } : {})}
    >
      <span id=${this.columnHeaderId(index)}>${renderLocString(cell.locTitle)}</span>${required ? html`<span class="pv-required" aria-hidden="true"> *</span>` : nothing}
    </th>`;
  }

  private renderRow(
    row: QuestionMatrixDropdownRenderedRow,
    rowIndex: number,
    header: QuestionMatrixDropdownRenderedRow | undefined,
  ): TemplateResult {
    const rowHeaderId = this.rowHeaderId(rowIndex);
    const hasRowHeader = row.cells.some((cell) => cell.hasTitle);
    return html`<tr class="pv-matrixdropdown-row">
      ${row.cells.map((cell, index) => {
        if (cell.hasTitle) {
          return html`<th scope="row" class="pv-matrixdropdown-row-header" part="row-header" id=${rowHeaderId}>
            ${renderLocString(cell.locTitle)}
          </th>`;
        }
        const columnHeader = header?.cells[index]?.hasTitle ? this.columnHeaderId(index) : '';
        const labelledBy = [hasRowHeader ? rowHeaderId : '', columnHeader].filter(Boolean).join(' ');
        return this.renderCell(cell, labelledBy);
      })}
    </tr>`;
  }

  private renderCell(cell: QuestionMatrixDropdownRenderedCell, labelledBy: string): TemplateResult {
    if (cell.hasPanel) {
      return html`<td class="pv-matrixdropdown-cell" colspan=${cell.colSpans > 1 ? cell.colSpans : nothing}>
        ${renderElement(cell.panel, this.revision)}
      </td>`;
    }
    if (!cell.hasQuestion || cell.isActionsCell || cell.isErrorsCell) {
      return html`<td class="pv-matrixdropdown-cell pv-matrixdropdown-cell--empty" colspan=${cell.colSpans > 1 ? cell.colSpans : nothing}></td>`;
    }
    const question = cell.question;
    const errorsId = `${question.id}_errors`;
    const hasErrors = question.errors.length > 0;
    return html`<td
      class="pv-matrixdropdown-cell ${hasErrors ? 'pv-matrixdropdown-cell--invalid' : ''}"
      part="cell"
      colspan=${cell.colSpans > 1 ? cell.colSpans : nothing}
    >
      ${question.isVisible ? this.renderCellContent(cell, question, labelledBy, errorsId) : nothing}
    </td>`;
  }

  private renderCellContent(
    cell: QuestionMatrixDropdownRenderedCell,
    question: Question,
    labelledBy: string,
    errorsId: string,
  ): TemplateResult {
    const errors = question.errors;
    const disabled = this.isDisabled || question.isReadOnly;
    const control = cell.isChoice
      ? this.renderChoiceCell(cell, question, labelledBy, disabled)
      : renderCellControl(question, { labelledBy, errorsId, disabled, revision: this.revision, t: this.localize.t });
    return html`${errors.length
      ? html`<div class="pv-errors" id=${errorsId}>
          ${errors.map(
            (error) => html`<p class="pv-error-message">
              <span class="pv-visually-hidden">${this.localize.t.errorPrefix}</span> ${error.getText()}
            </p>`,
          )}
        </div>`
      : nothing}${control}`;
  }

  /**
   * `showInMultipleColumns`: each choice of a radiogroup or checkbox cell is its own column, so
   * the input is named by the row header and that choice's column header.
   */
  private renderChoiceCell(
    cell: QuestionMatrixDropdownRenderedCell,
    question: Question,
    labelledBy: string,
    disabled: boolean,
  ): TemplateResult | typeof nothing {
    if (cell.isOtherChoice || !cell.isItemChoice) return nothing;
    const select = question as Question & {
      isItemSelected(item: unknown): boolean;
      clickItemHandler(item: unknown, checked?: boolean): void;
    };
    const item = cell.item;
    return html`<input
      type=${cell.isCheckbox ? 'checkbox' : 'radio'}
      class="pv-matrixdropdown-choice"
      name=${question.id}
      aria-labelledby=${labelledBy}
      aria-invalid=${question.errors.length ? 'true' : nothing}
      .checked=${live(select.isItemSelected(item))}
      ?disabled=${disabled}
      @change=${(event: Event) =>
        cell.isCheckbox
          ? select.clickItemHandler(item, (event.target as HTMLInputElement).checked)
          : select.clickItemHandler(item)}
    />`;
  }
}
