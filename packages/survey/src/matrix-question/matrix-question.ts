import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ItemValue, MatrixRowModel, QuestionMatrixModel } from 'survey-core';
import { renderLocString } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { renderMatrixRow, renderMatrixTable, type MatrixRowView } from './matrix-render.js';
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

  /** survey-core flags failing rows but keeps one message for the question; say why per row. */
  private rowErrorText(row: MatrixRowModel): string {
    const q = this.question;
    const empty = row.value === undefined || row.value === null || row.value === '' ||
      (Array.isArray(row.value) && row.value.length === 0);
    return q.getLocalizationString(empty ? 'requiredError' : 'eachRowUniqueError');
  }

  /** The visible columns, as the same array while they stay the same (rows are guarded on it). */
  private columnsNow(): ItemValue[] {
    const next = this.question.visibleColumns as ItemValue[];
    const last = this.lastColumns;
    if (last && last.length === next.length && last.every((column, i) => column === next[i])) return last;
    this.lastColumns = next;
    return next;
  }

  private lastColumns?: ItemValue[];
  /** Whether a row's texts may hold piped `{name}` values, per row and language. */
  private readonly rowPipes = new WeakMap<MatrixRowModel, { lang: string; pipes: boolean }>();

  /**
   * Whether the row's text (or a cell text of it) has `{…}` for survey-core to fill in from
   * answers: only such rows follow the survey-wide answer revision.
   */
  private rowMayPipe(row: MatrixRowModel, columns: ItemValue[], lang: string): boolean {
    const known = this.rowPipes.get(row);
    if (known && known.lang === lang) return known.pipes;
    const q = this.question;
    const pipes =
      row.locText.pureText.includes('{') ||
      (q.hasCellText && columns.some((column) => q.getCellDisplayLocText(row.name, column)?.pureText.includes('{') === true));
    this.rowPipes.set(row, { lang, pipes });
    return pipes;
  }

  protected override renderControl(): TemplateResult | typeof nothing {
    const q = this.question;
    const rows = q.visibleRows;
    const columns = this.columnsNow();
    if (rows.length === 0 || columns.length === 0) return nothing;
    const lang = this.localize.lang;
    const revision = this.revision;
    const columnsPipe = columns.some((column) => column.locText.pureText.includes('{'));
    // Read once per render, not per row: what every row shows alike.
    const shared = {
      disabled: this.isDisabled || q.isDisabledAttr,
      multi: q.isMultiSelect,
      required: q.isAllRowRequired,
      description: q.hasDescription ? this.descriptionId : '',
      cellText: q.hasCellText,
      errorPrefix: this.localize.t.errorPrefix,
    };
    // A row is drawn again only when something it shows changed: its own answer or error, the
    // columns, what every row shares, or (for a row with piped text) any answer. Answering one
    // row of sixty redraws that row.
    return renderMatrixTable({
      labelledBy: this.titleId,
      describedBy: this.describedBy,
      columns: columns.map((column) => renderLocString(column.locText)),
      showHeader: q.showHeader !== false,
      rows: repeat(
        rows,
        (row) => row.id,
        (row, index) =>
          guard(
            [
              row,
              // survey-core sets unanswered rows from undefined to null on the first answer: alike on screen.
              row.value ?? null,
              row.hasError,
              row.item.enabled,
              index === 0,
              columns,
              lang,
              shared.disabled,
              shared.multi,
              shared.required,
              shared.description,
              shared.cellText,
              columnsPipe || this.rowMayPipe(row, columns, lang) ? revision : -1,
            ],
            () => renderMatrixRow(this.rowView(row, columns, index, shared)),
          ),
      ),
    });
  }

  private rowView(
    row: MatrixRowModel,
    columns: ItemValue[],
    index: number,
    shared: { disabled: boolean; multi: boolean; required: boolean; description: string; cellText: boolean; errorPrefix: string },
  ): MatrixRowView {
    const q = this.question;
    const headerId = `${q.id}_row_${row.id}`;
    const errorId = `${headerId}_error`;
    return {
      headerId,
      header: renderLocString(row.locText),
      errorId,
      error: row.hasError ? this.rowErrorText(row) : undefined,
      errorPrefix: shared.errorPrefix,
      describedBy: [this.titleId, row.hasError ? errorId : '', shared.description].filter(Boolean).join(' '),
      inputName: `${q.id}_${row.id}`,
      multi: shared.multi,
      required: shared.required,
      disabled: shared.disabled || !row.item.enabled,
      firstControlId: index === 0 ? this.controlId : undefined,
      cells: columns.map((column) => {
        const cellText = shared.cellText ? q.getCellDisplayLocText(row.name, column) : null;
        return { text: renderLocString(cellText ?? column.locText), ownText: Boolean(cellText), checked: row.isChecked(column) };
      }),
      pick: (column) => row.cellClick(columns[column]!),
    };
  }
}
