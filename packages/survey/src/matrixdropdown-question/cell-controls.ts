import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type {
  ItemValue,
  Question,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionDropdownModel,
  QuestionRadiogroupModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
} from 'survey-core';
import { locText, renderLocString } from '../loc-string.js';
import { renderElement } from '../question/render-element.js';
import type { Translation } from '../strings/translation.js';

/** What a cell control needs from the table around it. */
export interface CellContext {
  /** Ids of the row header and the column header, which together name the control. */
  labelledBy: string;
  /** Id of the cell's error messages, when it has errors. */
  errorsId?: string;
  disabled: boolean;
  revision: number;
  t: Translation;
}

/**
 * Cell types this module renders as plain native controls. Every other cell type goes
 * through the question dispatch (QUESTION_TAGS), so it still gets its own element or the
 * "not supported" notice.
 */
export const NATIVE_CELL_TYPES = new Set(['dropdown', 'text', 'comment', 'checkbox', 'radiogroup', 'boolean', 'rating', 'expression']);

/**
 * Renders the control of one matrix cell. A table cell is already labelled by its row and
 * column headers, so the control is named by them with `aria-labelledby` rather than by the
 * cell question's title (which is only the column's name).
 */
export function renderCellControl(cell: Question, ctx: CellContext): TemplateResult {
  switch (cell.getType()) {
    case 'dropdown':
      return dropdown(cell as QuestionDropdownModel, ctx);
    case 'text':
      return textInput(cell as QuestionTextModel, ctx);
    case 'comment':
      return comment(cell, ctx);
    case 'checkbox':
      return checkboxes(cell as QuestionCheckboxModel, ctx);
    case 'radiogroup':
      return radios(cell as QuestionRadiogroupModel, ctx);
    case 'boolean':
      return yesNo(cell as QuestionBooleanModel, ctx);
    case 'rating':
      return rating(cell as QuestionRatingModel, ctx);
    case 'expression':
      return html`<output class="pv-cell-expression" aria-labelledby=${ctx.labelledBy}>${String(cell.displayValue ?? '')}</output>`;
    default:
      return renderElement(cell, ctx.revision);
  }
}

function invalid(cell: Question): 'true' | typeof nothing {
  return cell.errors.length > 0 ? 'true' : nothing;
}

function required(cell: Question): 'true' | typeof nothing {
  return cell.isRequired ? 'true' : nothing;
}

function describedBy(cell: Question, ctx: CellContext): string | typeof nothing {
  return cell.errors.length > 0 && ctx.errorsId ? ctx.errorsId : nothing;
}

function dropdown(cell: QuestionDropdownModel, ctx: CellContext): TemplateResult {
  const choices = cell.visibleChoices;
  const placeholder = locText(cell.getLocalizableString('placeholder')) || ctx.t.selectPlaceholder;
  const empty = cell.isEmpty();
  return html`<select
      id=${cell.inputId}
      class="pv-cell-select"
      aria-labelledby=${ctx.labelledBy}
      aria-describedby=${describedBy(cell, ctx)}
      aria-required=${required(cell)}
      aria-invalid=${invalid(cell)}
      ?disabled=${ctx.disabled}
      @change=${(event: Event) => {
        const index = (event.target as HTMLSelectElement).selectedIndex - 1;
        const item = choices[index];
        if (item) cell.value = item.value;
        else cell.clearValue(true);
      }}
    >
      <option value="" .selected=${live(empty)}>${placeholder}</option>
      ${choices.map(
        (item, index) =>
          html`<option value=${String(index)} .selected=${live(!empty && cell.isItemSelected(item))} ?disabled=${!item.isEnabled}>
            ${locText(item.locText)}
          </option>`,
      )}
    </select>
    ${otherComment(cell, ctx)}`;
}

function commitText(cell: QuestionTextModel, event: Event): void {
  cell.inputValue = (event.target as HTMLInputElement).value;
}

function textInput(cell: QuestionTextModel, ctx: CellContext): TemplateResult {
  const maxLength = cell.getMaxLength() as number | null | undefined;
  return html`<input
    id=${cell.inputId}
    class="pv-cell-input"
    type=${cell.inputType || 'text'}
    .value=${live(String(cell.inputValue ?? ''))}
    placeholder=${cell.renderedPlaceholder || nothing}
    maxlength=${maxLength && maxLength > 0 ? maxLength : nothing}
    min=${(cell.renderedMin as string | undefined) ?? nothing}
    max=${(cell.renderedMax as string | undefined) ?? nothing}
    step=${cell.renderedStep ?? nothing}
    aria-labelledby=${ctx.labelledBy}
    aria-describedby=${describedBy(cell, ctx)}
    aria-required=${required(cell)}
    aria-invalid=${invalid(cell)}
    ?disabled=${ctx.disabled}
    @change=${(event: Event) => commitText(cell, event)}
    @input=${(event: Event) => {
      if (cell.isInputTextUpdate) commitText(cell, event);
    }}
  />`;
}

function comment(cell: Question, ctx: CellContext): TemplateResult {
  const commit = (event: Event): void => {
    const value = (event.target as HTMLTextAreaElement).value;
    cell.value = value === '' ? undefined : value;
  };
  return html`<textarea
    id=${cell.inputId}
    class="pv-cell-textarea"
    rows="2"
    .value=${live(String(cell.value ?? ''))}
    aria-labelledby=${ctx.labelledBy}
    aria-describedby=${describedBy(cell, ctx)}
    aria-required=${required(cell)}
    aria-invalid=${invalid(cell)}
    ?disabled=${ctx.disabled}
    @change=${commit}
    @input=${(event: Event) => {
      if (cell.isInputTextUpdate) commit(event);
    }}
  ></textarea>`;
}

function checkboxes(cell: QuestionCheckboxModel, ctx: CellContext): TemplateResult {
  return html`<div
      class="pv-cell-options"
      role="group"
      aria-labelledby=${ctx.labelledBy}
      aria-describedby=${describedBy(cell, ctx)}
    >
      ${cell.visibleChoices.map(
        (item, index) => html`<label class="pv-option">
          <input
            type="checkbox"
            id=${index === 0 ? cell.inputId : nothing}
            .checked=${live(cell.isItemSelected(item))}
            ?disabled=${ctx.disabled || !item.isEnabled}
            aria-invalid=${invalid(cell)}
            @change=${(event: Event) => cell.clickItemHandler(item, (event.target as HTMLInputElement).checked)}
          />
          <span>${renderLocString(item.locText)}</span>
        </label>`,
      )}
    </div>
    ${otherComment(cell, ctx)}`;
}

/** One radio of a cell's radio group. */
interface CellOption {
  label: TemplateResult | string | typeof nothing;
  checked: boolean;
  enabled: boolean;
  choose: () => void;
}

/** A radio group: survey-core radiogroup, rating and boolean cells all answer with one choice. */
function radioGroup(
  cell: Question,
  ctx: CellContext,
  options: readonly CellOption[],
  extraClass = '',
): TemplateResult {
  return html`<div
    class="pv-cell-options ${extraClass}"
    role="radiogroup"
    aria-labelledby=${ctx.labelledBy}
    aria-describedby=${describedBy(cell, ctx)}
    aria-required=${required(cell)}
    aria-invalid=${invalid(cell)}
  >
    ${options.map(
      (option, index) => html`<label class="pv-option">
        <input
          type="radio"
          name=${cell.id}
          id=${index === 0 ? cell.inputId : nothing}
          .checked=${live(option.checked)}
          ?disabled=${ctx.disabled || !option.enabled}
          @change=${option.choose}
        />
        <span>${option.label}</span>
      </label>`,
    )}
  </div>`;
}

function radios(cell: QuestionRadiogroupModel, ctx: CellContext): TemplateResult {
  return html`${radioGroup(
    cell,
    ctx,
    cell.visibleChoices.map((item: ItemValue) => ({
      label: renderLocString(item.locText),
      checked: cell.isItemSelected(item),
      enabled: item.isEnabled,
      choose: () => cell.clickItemHandler(item),
    })),
  )}${otherComment(cell, ctx)}`;
}

function yesNo(cell: QuestionBooleanModel, ctx: CellContext): TemplateResult {
  const value = cell.booleanValue as boolean | null | undefined;
  // survey-core's own order: the "false" label on the left unless swapOrder.
  const leftIsTrue = cell.swapOrder;
  const option = (label: CellOption['label'], answer: boolean): CellOption => ({
    label,
    checked: value === answer,
    enabled: true,
    choose: () => {
      cell.booleanValue = answer;
    },
  });
  return radioGroup(
    cell,
    ctx,
    [option(renderLocString(cell.locLabelLeft), leftIsTrue), option(renderLocString(cell.locLabelRight), !leftIsTrue)],
    'pv-cell-options--inline',
  );
}

function rating(cell: QuestionRatingModel, ctx: CellContext): TemplateResult {
  return radioGroup(
    cell,
    ctx,
    cell.visibleRateValues.map((item) => ({
      label: renderLocString(item.locText),
      checked: cell.isItemSelected(item),
      enabled: item.isEnabled,
      choose: () => (cell.value = item.value),
    })),
    'pv-cell-options--inline',
  );
}

/** The "please describe" box of a cell whose "Other" choice is selected. */
function otherComment(cell: QuestionSelectBase, ctx: CellContext): TemplateResult | typeof nothing {
  if (!cell.isOtherSelected) return nothing;
  const other = cell.visibleChoices.find((item) => item.value === cell.otherItem.value);
  return html`<input
    type="text"
    class="pv-cell-input pv-cell-other"
    aria-label=${ctx.t.otherCommentLabel(other ? locText(other.locText) : '')}
    .value=${live(cell.otherValue ?? '')}
    ?disabled=${ctx.disabled}
    @change=${(event: Event) => (cell.otherValue = (event.target as HTMLInputElement).value)}
  />`;
}
